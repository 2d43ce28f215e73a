package org.overparam.experiment;

import java.util.Arrays;

/**
 * The linear assignment problem: the permutation σ minimizing Σ_i cost[i][σ(i)] of a square cost matrix, by the
 * Hungarian method with potentials (Kuhn 1955; Munkres 1957), O(m³). Used to match the neurons of two networks.
 */
final class Assignment {

    private Assignment() {
    }

    /** The minimal total cost Σ_i cost[i][σ(i)] over permutations σ of {0 … m−1}. */
    static double minimalCost(double[][] cost) {
        int m = cost.length;
        // 1-based arrays: u, v the potentials, match[j] the row matched to column j (0 = none).
        double[] u = new double[m + 1];
        double[] v = new double[m + 1];
        int[] match = new int[m + 1];
        int[] way = new int[m + 1];
        for (int i = 1; i <= m; i++) {
            if (cost[i - 1].length != m) {
                throw new IllegalArgumentException("the cost matrix must be square, row " + (i - 1) + " has "
                        + cost[i - 1].length + " entries for " + m + " rows");
            }
            match[0] = i;
            int j0 = 0;
            double[] minv = new double[m + 1];
            Arrays.fill(minv, Double.POSITIVE_INFINITY);
            boolean[] used = new boolean[m + 1];
            do {
                used[j0] = true;
                int i0 = match[j0];
                double delta = Double.POSITIVE_INFINITY;
                int j1 = 0;
                for (int j = 1; j <= m; j++) {
                    if (!used[j]) {
                        double reduced = cost[i0 - 1][j - 1] - u[i0] - v[j];
                        if (reduced < minv[j]) {
                            minv[j] = reduced;
                            way[j] = j0;
                        }
                        if (minv[j] < delta) {
                            delta = minv[j];
                            j1 = j;
                        }
                    }
                }
                for (int j = 0; j <= m; j++) {
                    if (used[j]) {
                        u[match[j]] += delta;
                        v[j] -= delta;
                    } else {
                        minv[j] -= delta;
                    }
                }
                j0 = j1;
            } while (match[j0] != 0);
            do {
                int j1 = way[j0];
                match[j0] = match[j1];
                j0 = j1;
            } while (j0 != 0);
        }
        double total = 0;
        for (int j = 1; j <= m; j++) {
            total += cost[match[j] - 1][j - 1];
        }
        return total;
    }
}
