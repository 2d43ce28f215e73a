package org.overparam.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.overparam.experiment.Family;

import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a checked {@link WrittenSpec} prints as: the labels of its fixed values (for people) and its normalized
 * JSON, whose hash names the sweep; that text must not change for a spec that does not, or existing results would
 * no longer be found.
 */
final class SpecPrinter {

    private SpecPrinter() {
    }

    /** {@code problem.d → 20}, … for every parameter not on an axis that the spec's family uses. */
    static Map<String, String> fixedLabels(WrittenSpec spec) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Param p : Param.values()) {
            if (!spec.grid().containsKey(p.key()) && !spec.derived().containsKey(p.key()) && usedByFamily(spec, p)) {
                double v = spec.fixedOrDefault(p);
                out.put(p.fixedKey(), Double.isNaN(v) ? "(default for the family)" : p.format(v));
            }
        }
        return out;
    }

    /**
     * Whether a parameter means something for the spec's family: all but the problem fields the family does not
     * use (family, operator, n, solver keys and axes belong to every family; all do while the family is not fixed).
     */
    private static boolean usedByFamily(WrittenSpec spec, Param p) {
        Family family = spec.family();
        return family == null || p.field().map(family::uses).orElse(true);
    }

    /**
     * The fully-defaulted spec as canonical JSON: keys sorted, ranges expanded to their values, one-value axes
     * as one-element lists, zip groups sorted. Numbers print in Java's shortest round-trip form.
     */
    static String normalized(WrittenSpec spec) {
        Map<String, Object> root = new TreeMap<>();
        root.put("name", spec.name());
        root.put("seed", spec.seed());
        root.put("replicates", spec.replicates());
        Map<String, Object> problem = new TreeMap<>();
        Map<String, Object> solver = new TreeMap<>();
        for (Param p : Param.values()) {
            if (spec.grid().containsKey(p.key()) || spec.derived().containsKey(p.key())
                    || p.section() == Param.Section.AXIS) {
                continue;
            }
            double v = spec.fixedOrDefault(p);
            if (!Double.isNaN(v) && !p.omittedFromNormalized(v)) {
                (p.section() == Param.Section.PROBLEM ? problem : solver).put(p.key(), typed(p, v));
            }
        }
        WrittenSpec.Data data = spec.data();
        if (data.matrices() != null) {
            problem.put("matrices", data.matrices());
            problem.put("truth", data.truth());
        }
        if (data.cost() != null) {
            problem.put("cost", data.cost());
        }
        root.put("problem", problem);
        root.put("solver", solver);
        Map<String, Object> axes = new TreeMap<>();
        for (Axis a : spec.grid().values()) {
            Param p = a.param().orElse(null);
            axes.put(a.name(), Arrays.stream(a.valuesArray()).mapToObj(v -> typed(p, v)).toList());
        }
        root.put("grid", axes);
        Map<String, Object> derived = new TreeMap<>();
        for (Derived d : spec.derived().values()) {
            Map<String, Object> form = new TreeMap<>();
            form.put("product", d.factors());
            form.put("scale", d.scale());
            if (!d.addends().isEmpty()) {
                form.put("plus", d.addends());
            }
            if (d.round() != Derived.Rounding.NONE) {
                form.put("round", d.round().specName());
            }
            derived.put(d.name(), form);
        }
        root.put("derived", derived);
        root.put("zip", spec.zip().stream().map(g -> g.stream().sorted().toList())
                .sorted(Comparator.comparing(Object::toString)).toList());
        try {
            return new ObjectMapper().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the normalized spec", e);
        }
    }

    private static Object typed(Param p, double v) {
        if (p == null) {
            return v;
        }
        return switch (p.kind()) {
            case INTEGER -> (long) v;
            case REAL -> v;
            case CHOICE -> p.choices().get((int) v);
        };
    }
}
