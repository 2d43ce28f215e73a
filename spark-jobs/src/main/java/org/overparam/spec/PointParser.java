package org.overparam.spec;

import org.overparam.experiment.RunConfig;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code R=4,alpha=1e-3,n=96,replicate=0} → the point's {@link RunConfig}, with the spec's rules. */
final class PointParser {

    private PointParser() {
    }

    static RunConfig parse(SweepSpec spec, Expansion expansion, String assignment) {
        Problems problems = new Problems();
        String example = spec.pointLabel(0);
        if (assignment == null || assignment.isBlank()) {
            throw new SpecError("point", null, "expected name=value pairs separated by commas, e.g. " + example);
        }
        Map<String, String> given = new LinkedHashMap<>();
        for (String part : assignment.split(",", -1)) {
            String p = part.strip();
            int eq = p.indexOf('=');
            if (eq <= 0 || eq == p.length() - 1) {
                problems.add("point", "'" + p + "'", "expected name=value, e.g. " + example);
                continue;
            }
            String name = p.substring(0, eq).strip();
            if (given.put(name, p.substring(eq + 1).strip()) != null) {
                problems.add("point." + name, null, name + " is given twice");
            }
        }
        problems.throwIfAny();

        List<String> axes = Arrays.stream(expansion.axisSlots()).mapToObj(s -> expansion.slotNames().get(s)).toList();
        List<String> allowed = new ArrayList<>(axes);
        allowed.add("replicate");
        for (String name : given.keySet()) {
            if (allowed.contains(name)) {
                continue;
            }
            int slot = expansion.slot(name);
            if (slot >= 0 && expansion.derived(slot)) {
                problems.add("point." + name, null, name + " is derived (" + expansion.step(slot).derived()
                        + "); give the axes it is made from");
            } else if (slot >= 0) {
                problems.add("point." + name, null, name + " is not an axis of this sweep (it is fixed at "
                        + expansion.location(slot) + ")");
            } else {
                problems.add("point." + name, null, "unknown axis" + Suggest.closest(name, allowed)
                        .map(s -> "; did you mean '" + s + "'?").orElse("; the axes are " + String.join(", ", allowed)));
            }
        }
        List<String> missing = spec.pointNames().stream().filter(n -> !given.containsKey(n)).toList();
        if (!missing.isEmpty()) {
            problems.add("point", null, "missing " + String.join(", ", missing) + " (give every axis with more"
                    + " than one value, and replicate; e.g. " + example + ")");
        }
        problems.throwIfAny();

        double[] vals = new double[expansion.slotCount()];
        expansion.fill(0, vals);
        int replicate = 0;
        for (Map.Entry<String, String> e : given.entrySet()) {
            String name = e.getKey();
            String text = e.getValue();
            String key = "point." + name;
            if (name.equals("replicate")) {
                Double v = parseNumber(problems, key, text, true);
                if (v != null && v < 0) {
                    problems.add(key, text, "replicate must be >= 0");
                } else if (v != null) {
                    replicate = v.intValue();
                }
                continue;
            }
            int slot = expansion.slot(name);
            Param p = expansion.param(slot);
            if (p != null && p.kind() == Param.Kind.CHOICE) {
                int i = p.choices().indexOf(text);
                if (i < 0) {
                    problems.add(key, "'" + text + "'", "unknown " + name + "; allowed: "
                            + String.join(", ", p.choices()) + Suggest.didYouMean(text, p.choices()));
                } else {
                    vals[slot] = i;
                }
                continue;
            }
            Double v = parseNumber(problems, key, text, p != null && p.kind() == Param.Kind.INTEGER);
            String rule = v == null || p == null ? null : p.check(v);
            if (rule != null) {
                problems.add(key, text, rule);
            } else if (v != null) {
                vals[slot] = v;
            }
        }
        problems.throwIfAny();
        try {
            expansion.derive(vals);
            return expansion.build(replicate, vals);
        } catch (IllegalArgumentException e) {
            SpecProblem p = expansion.explain(e, vals, "");
            String bare = p.key().replaceFirst("^[a-z]+\\.", "");
            String key = given.containsKey(bare) ? "point." + bare : p.key();
            throw new SpecError(key, p.value(), p.rule() + " (at " + assignment.strip() + ")");
        }
    }

    private static Double parseNumber(Problems problems, String key, String text, boolean integer) {
        double v;
        try {
            v = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            problems.add(key, "'" + text + "'", integer ? "expected an integer" : "expected a number");
            return null;
        }
        if (!Double.isFinite(v)) {
            problems.add(key, text, "numbers must be finite");
            return null;
        }
        if (integer && (v != Math.rint(v) || Math.abs(v) > Integer.MAX_VALUE)) {
            problems.add(key, text, "expected an integer");
            return null;
        }
        return Numbers.canonicalZero(v);
    }
}
