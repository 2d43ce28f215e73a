package org.overparam.spec;

import org.overparam.experiment.ProblemConfig;
import org.overparam.random.Seeds;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Builds every grid cell once through the core records (replicate 0: the replicate index cannot make a point
 * invalid), refuses cells that give the same point (possible only through derived values), and counts the
 * distinct instances. Cells are compared by their parameter values, which determine the point exactly within
 * one spec (the explicit matrices and the master seed are shared by all of them).
 */
final class CellCheck {

    private CellCheck() {
    }

    /** The number of distinct instances, or 0 after adding the first problem found. */
    static long run(Expansion expansion, Problems problems) {
        long cells = expansion.cells();
        long runCells = expansion.runCells();
        int params = Param.values().length;
        int[] instanceSlots = Arrays.stream(Param.values()).filter(Param::instanceLevel).mapToInt(Enum::ordinal)
                .toArray();
        boolean canRepeat = expansion.slotCount() > params;
        long[] instanceHashes = new long[(int) (cells / runCells)];
        long[] pointHashes = canRepeat ? new long[(int) cells] : null;
        double[] vals = new double[expansion.slotCount()];
        ProblemConfig problem = null;
        for (long cell = 0; cell < cells; cell++) {
            boolean instancePart = false;
            try {
                expansion.fill(cell, vals);
                expansion.derive(vals);
                if (cell % runCells == 0) {
                    instancePart = true;
                    problem = expansion.problem(vals);
                    instancePart = false;
                }
                expansion.build(0, problem, vals);
            } catch (IllegalArgumentException e) {
                // A problem (instance) failure depends on the instance axes only: name just those.
                problems.add(expansion.explain(e, vals, expansion.label(cell, instancePart)));
                return 0;
            }
            if (cell % runCells == 0) {
                long h = 0;
                for (int slot : instanceSlots) {
                    h = mix(h, vals[slot]);
                }
                instanceHashes[(int) (cell / runCells)] = h;
            }
            if (pointHashes != null) {
                long h = 0;
                for (int slot = 0; slot < params; slot++) {
                    h = mix(h, vals[slot]);
                }
                pointHashes[(int) cell] = h;
            }
        }
        if (pointHashes != null && !checkRepeats(expansion, pointHashes, problems)) {
            return 0;
        }
        return distinct(instanceHashes) * expansion.replicates();
    }

    private static long mix(long h, double v) {
        return Seeds.mix64(h * 31 + Double.doubleToLongBits(v) + 0x9e3779b97f4a7c15L);
    }

    private static boolean checkRepeats(Expansion expansion, long[] pointHashes, Problems problems) {
        long[] sorted = pointHashes.clone();
        Arrays.sort(sorted);
        for (int i = 1; i < sorted.length; i++) {
            if (sorted[i] == sorted[i - 1]) {
                long h = sorted[i];
                int[] twins = IntStream.range(0, pointHashes.length).filter(c -> pointHashes[c] == h).limit(2)
                        .toArray();
                problems.add("derived", null, "the cells " + expansion.label(twins[0]) + " and "
                        + expansion.label(twins[1]) + " give the same point (" + derivedValues(expansion, twins[0])
                        + "); derived values must not repeat");
                return false;
            }
        }
        return true;
    }

    private static String derivedValues(Expansion expansion, long cell) {
        double[] vals = new double[expansion.slotCount()];
        expansion.fill(cell, vals);
        expansion.derive(vals);
        List<String> parts = new ArrayList<>();
        for (int slot = 0; slot < expansion.slotCount(); slot++) {
            if (expansion.derived(slot)) {
                parts.add(expansion.slotNames().get(slot) + "=" + expansion.format(slot, vals[slot]));
            }
        }
        return String.join(",", parts);
    }

    private static long distinct(long[] hashes) {
        long[] sorted = hashes.clone();
        Arrays.sort(sorted);
        long n = sorted.length == 0 ? 0 : 1;
        for (int i = 1; i < sorted.length; i++) {
            if (sorted[i] != sorted[i - 1]) {
                n++;
            }
        }
        return n;
    }
}
