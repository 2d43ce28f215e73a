package org.overparam.spec;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code grid} section → axes (a list of distinct values, a range, or one value), and the {@code zip} section
 * → groups of names. Each axis is checked on its own; whether zipped names are axes is for {@link CrossChecks}.
 */
final class GridReader {

    /** A helper's name, in grid or derived: a name that is not a parameter and only feeds derived products. */
    static final Pattern HELPER_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /** Every parameter's key, the candidates for "did you mean" when a name is neither a parameter nor a helper. */
    static final List<String> PARAM_KEYS = Arrays.stream(Param.values()).map(Param::key).toList();
    private static final List<String> RANGE_KEYS = List.of("from", "to", "steps", "scale");
    private static final List<String> SCALES = List.of("linear", "log");

    private final Problems problems;
    private final Values scalars;

    GridReader(Problems problems) {
        this.problems = problems;
        this.scalars = new Values(problems);
    }

    /** The axes by name in spec order; a broken axis is left out after adding its problem. */
    Map<String, Axis> axes(JsonNode node) {
        Map<String, Axis> grid = new LinkedHashMap<>();
        if (node == null) {
            problems.add("grid", null, "required key is missing (axes R, alpha and n at least)");
            return grid;
        }
        if (!node.isObject()) {
            problems.add("grid", Values.show(node), "expected a mapping of axes, e.g. {R: [1, 2], alpha: 0.1, n: 40}");
            return grid;
        }
        node.properties().forEach(e -> {
            String k = e.getKey();
            String key = "grid." + k;
            if (k.equals("replicate") || k.equals("replicates")) {
                problems.add(key, null, "the replicate axis comes from the top-level key 'replicates'");
                return;
            }
            Optional<Param> p = Param.byKey(k);
            if (p.isEmpty() && !HELPER_NAME.matcher(k).matches()) {
                problems.add(key, null, "unknown axis: not a parameter, and a helper axis name is letters, digits"
                        + " and '_'" + Suggest.didYouMean(k, PARAM_KEYS));
                return;
            }
            Axis axis = axis(key, k, p.orElse(null), e.getValue());
            if (axis != null) {
                grid.put(k, axis);
            }
        });
        return grid;
    }

    private Axis axis(String key, String k, Param p, JsonNode node) {
        if (node.isObject()) {
            if (node.has("product")) {
                problems.add(key, null, "a {product: …} axis is computed: put it under derived");
                return null;
            }
            if (p != null && p.kind() == Param.Kind.CHOICE) {
                problems.add(key, null, "a range needs a numeric axis; list the values of " + k + " instead");
                return null;
            }
            return range(key, k, p, node);
        }
        if (node.isArray()) {
            if (node.isEmpty()) {
                problems.add(key, "[]", "an axis needs at least one value");
                return null;
            }
            double[] values = new double[node.size()];
            boolean ok = true;
            for (int i = 0; i < node.size(); i++) {
                OptionalDouble v = scalars.scalar(key, node.get(i), p);
                ok &= v.isPresent();
                values[i] = v.orElse(Double.NaN);
            }
            if (!ok || !distinct(key, p, values, null)) {
                return null;
            }
            return new Axis(k, p, null, values);
        }
        OptionalDouble v = scalars.scalar(key, node, p);
        return v.isPresent() ? new Axis(k, p, null, new double[] {v.getAsDouble()}) : null;
    }

    private Axis range(String key, String k, Param p, JsonNode node) {
        node.fieldNames().forEachRemaining(f -> {
            if (!RANGE_KEYS.contains(f)) {
                problems.add(key + "." + f, null, "unknown key in a range" + Suggest.closest(f, RANGE_KEYS)
                        .map(s -> "; did you mean '" + s + "'?").orElse("; a range has from, to, steps and scale"));
            }
        });
        OptionalDouble from = required(key + ".from", node.get("from"), true);
        OptionalDouble to = required(key + ".to", node.get("to"), true);
        OptionalDouble steps = required(key + ".steps", node.get("steps"), false);
        Range.Scale scale = Range.Scale.LINEAR;
        JsonNode s = node.get("scale");
        if (s != null) {
            if (!s.isTextual() || !SCALES.contains(s.textValue())) {
                problems.add(key + ".scale", Values.show(s), "expected one of " + String.join(", ", SCALES));
                return null;
            }
            scale = Range.Scale.valueOf(s.textValue().toUpperCase(Locale.ROOT));
        }
        if (from.isEmpty() || to.isEmpty() || steps.isEmpty()) {
            return null;
        }
        String rule = Range.rule(from.getAsDouble(), to.getAsDouble(), (int) steps.getAsDouble(), scale);
        String written = "{from: " + Numbers.format(from.getAsDouble()) + ", to: " + Numbers.format(to.getAsDouble())
                + ", steps: " + Numbers.format(steps.getAsDouble()) + ", scale: " + scale.specName() + "}";
        if (rule != null) {
            problems.add(key, written, rule);
            return null;
        }
        if (steps.getAsDouble() > ExpansionBuilder.MAX_POINTS) {
            problems.add(key + ".steps", Numbers.format(steps.getAsDouble()), "at most " + ExpansionBuilder.MAX_POINTS
                    + " steps");
            return null;
        }
        Range range = new Range(from.getAsDouble(), to.getAsDouble(), (int) steps.getAsDouble(), scale);
        boolean integer = p != null && p.kind() == Param.Kind.INTEGER;
        double[] values = range.values(integer);
        for (double v : values) {
            String r = p == null ? null : p.check(v);
            if (r != null) {
                problems.add(key, (p == null ? Numbers.format(v) : p.format(v)) + " (from the range " + range + ")", r);
                return null;
            }
        }
        if (integer && (values[values.length - 1] > Integer.MAX_VALUE || values[0] < Integer.MIN_VALUE)) {
            problems.add(key, range.toString(), "values must fit in a 32-bit integer");
            return null;
        }
        return distinct(key, p, values, range) ? new Axis(k, p, range, values) : null;
    }

    private OptionalDouble required(String key, JsonNode node, boolean real) {
        if (node == null) {
            problems.add(key, null, "required key is missing");
            return OptionalDouble.empty();
        }
        return real ? scalars.real(key, node) : scalars.integer(key, node);
    }

    private boolean distinct(String key, Param p, double[] values, Range range) {
        Set<Double> seen = new HashSet<>();
        for (double v : values) {
            if (!seen.add(v)) {
                String shown = p == null ? Numbers.format(v) : p.format(v);
                problems.add(key, shown, range == null
                        ? "the values of an axis must be distinct (" + shown + " appears twice)"
                        : "the range " + range + " gives " + shown + " twice after rounding to integers;"
                        + " use fewer steps or a wider range");
                return false;
            }
        }
        return true;
    }

    /** The zip groups as written; an entry that is not a name is left out of its group after adding its problem. */
    List<List<String>> zip(JsonNode node) {
        List<List<String>> zip = new ArrayList<>();
        if (node == null) {
            return zip;
        }
        if (!node.isArray()) {
            problems.add("zip", Values.show(node), "expected a list of groups, e.g. [[R, alpha]]");
            return zip;
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode group = node.get(i);
            String key = "zip[" + i + "]";
            if (!group.isArray()) {
                problems.add(key, Values.show(group), "expected a list of axis names, e.g. [R, alpha]");
                continue;
            }
            List<String> names = new ArrayList<>();
            for (JsonNode n : group) {
                if (!n.isTextual()) {
                    problems.add(key, Values.show(n), "expected an axis name");
                } else {
                    names.add(n.textValue());
                }
            }
            zip.add(names);
        }
        return zip;
    }
}
