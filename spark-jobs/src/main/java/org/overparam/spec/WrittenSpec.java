package org.overparam.spec;

import org.overparam.experiment.Family;
import org.overparam.experiment.OperatorKind;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a spec says, each key read and checked on its own ({@link SpecTreeReader}); the checks across keys come
 * after ({@link CrossChecks}, {@link RequiredKeys}, {@link ExplicitCheck}). Maps keep the order keys were written
 * in, so problems found later are reported in that order too.
 *
 * @param fixed   the values set under problem and solver (a choice as the index of its name)
 * @param grid    the grid axes by name, as written
 * @param derived the derived axes by name, as written
 * @param zip     the zip groups as written (their names not yet checked)
 * @param data    the matrices, truth and cost written under problem
 */
record WrittenSpec(String name, long seed, int replicates, Map<Param, Double> fixed, Map<String, Axis> grid,
                   Map<String, Derived> derived, List<List<String>> zip, Data data) {

    /** Explicit problem data, each null when not written. */
    record Data(double[][][] matrices, double[][] truth, double[][] cost) {

        static final Data NONE = new Data(null, null, null);

        /** Whether the data is the instance itself (matrices or a cost), which fixes the operator and n. */
        boolean givesInstance() {
            return matrices != null || cost != null;
        }

        /** n for given data: the number of matrices, or the side of the cost. */
        int n() {
            return matrices != null ? matrices.length : cost.length;
        }
    }

    WrittenSpec {
        EnumMap<Param, Double> values = new EnumMap<>(Param.class);
        values.putAll(fixed);
        fixed = Collections.unmodifiableMap(values);
        grid = Collections.unmodifiableMap(new LinkedHashMap<>(grid));
        derived = Collections.unmodifiableMap(new LinkedHashMap<>(derived));
        zip = zip.stream().map(List::copyOf).toList();
    }

    /** Whether the spec sets the parameter anywhere: under problem or solver, as a grid axis or derived. */
    boolean sets(Param p) {
        return fixed.containsKey(p) || grid.containsKey(p.key()) || derived.containsKey(p.key());
    }

    /** The family when the spec fixes it (rather than leaving it out or making it an axis), else null. */
    Family family() {
        Double family = fixed.get(Param.FAMILY);
        return family == null ? null : Family.values()[family.intValue()];
    }

    /** The fixed value, else the default for this spec's family (the solver protocols differ); NaN for none. */
    double fixedOrDefault(Param p) {
        return fixed.containsKey(p) ? fixed.get(p) : p.defaultValue(family()).orElse(Double.NaN);
    }

    /**
     * This spec with what it implies written out. The operator follows the family (quadratic-network → rank-one,
     * symmetric-sensing → symmetric-gaussian, maxcut-bm → random-graph, else gaussian) or is explicit when
     * matrices or a cost are given; n is then the number of given matrices, or the side of the cost.
     */
    WrittenSpec withImpliedDefaults() {
        Map<Param, Double> values = new EnumMap<>(Param.class);
        values.putAll(fixed);
        if (!sets(Param.OPERATOR) && data.givesInstance()) {
            values.put(Param.OPERATOR, (double) OperatorKind.EXPLICIT.ordinal());
        } else if (!sets(Param.OPERATOR) && family() != null) {
            values.put(Param.OPERATOR, (double) family().defaultOperator().ordinal());
        }
        Map<String, Axis> axes = new LinkedHashMap<>(grid);
        if (data.givesInstance() && !sets(Param.N)) {
            axes.put("n", new Axis("n", Param.N, null, new double[] {data.n()}));
        }
        return new WrittenSpec(name, seed, replicates, values, axes, derived, zip, data);
    }

    /** Derived axes with each after the derived axes it uses, otherwise in spec order (cycles are refused first). */
    List<Derived> derivedInOrder() {
        Set<String> placed = new LinkedHashSet<>();
        derived.keySet().forEach(k -> place(k, placed));
        return placed.stream().map(derived::get).toList();
    }

    private void place(String name, Set<String> placed) {
        if (placed.contains(name) || !derived.containsKey(name)) {
            return;
        }
        derived.get(name).inputs().forEach(f -> place(f, placed));
        placed.add(name);
    }
}
