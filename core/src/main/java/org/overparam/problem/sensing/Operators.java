package org.overparam.problem.sensing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Factories for measurement operators. Random ones draw only {@code rng.nextGaussian()} and
 * {@code rng.nextInt(bound)}, in the documented order, so an operator is a pure function of (d, n, generator
 * state) given the generator algorithm.
 */
public final class Operators {

    private Operators() {
    }

    /** A_i with i.i.d. N(0,1) entries; drawn A_0 first, each column-major. */
    public static DenseOperator gaussian(int d, int n, RandomGenerator rng) {
        checkSizes(d, n, rng);
        int dd = d * d;
        return DenseOperator.generate(d, n, (into, offset) -> {
            for (int j = 0; j < dd; j++) {
                into[offset + j] = rng.nextGaussian();
            }
        });
    }

    /** A_i = (G_i + G_iᵀ)/2 with G_i i.i.d. N(0,1) entries; drawn G_0 first, each column-major. */
    public static DenseOperator symmetricGaussian(int d, int n, RandomGenerator rng) {
        checkSizes(d, n, rng);
        int dd = d * d;
        return DenseOperator.generate(d, n, (into, off) -> {
            for (int j = 0; j < dd; j++) {
                into[off + j] = rng.nextGaussian();
            }
            for (int b = 0; b < d; b++) {
                for (int a = b + 1; a < d; a++) {
                    double s = 0.5 * (into[off + a + d * b] + into[off + b + d * a]);
                    into[off + a + d * b] = s;
                    into[off + b + d * a] = s;
                }
            }
        });
    }

    /** A_i = x_i x_iᵀ with x_i ~ N(0, I_d); drawn x_0 first, each entry a = 0..d−1 in turn. */
    public static RankOneOperator rankOne(int d, int n, RandomGenerator rng) {
        checkSizes(d, n, rng);
        double[] x = new double[Math.multiplyExact(n, d)];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < d; a++) {
                x[i + n * a] = rng.nextGaussian();
            }
        }
        return RankOneOperator.of(d, x);
    }

    /**
     * n distinct entries (a_i, b_i) drawn uniformly without replacement from the d² positions: the first n
     * steps of a Fisher–Yates shuffle of the column-major indices a + d·b (kept sparse, O(n) memory).
     * Requires n ≤ d².
     */
    public static EntrySamplingOperator entrySampling(int d, int n, RandomGenerator rng) {
        checkSizes(d, n, rng);
        long total = (long) d * d;
        if (n > total) {
            throw new IllegalArgumentException("n must be <= d*d = " + total + " for entry sampling, got " + n);
        }
        int size = Math.toIntExact(total);
        Map<Integer, Integer> swapped = new HashMap<>();
        int[] rows = new int[n];
        int[] cols = new int[n];
        for (int k = 0; k < n; k++) {
            int j = k + rng.nextInt(size - k);
            int atJ = swapped.getOrDefault(j, j);
            swapped.put(j, swapped.getOrDefault(k, k));
            rows[k] = atJ % d;
            cols[k] = atJ / d;
        }
        return EntrySamplingOperator.of(d, rows, cols);
    }

    /** The given matrices A_0..A_{n−1}, each d×d column-major (length d²), as a {@link DenseOperator}. */
    public static DenseOperator explicit(int d, List<double[]> columnMajorMatrices) {
        if (d < 1) {
            throw new IllegalArgumentException("d must be >= 1, got " + d);
        }
        Objects.requireNonNull(columnMajorMatrices, "columnMajorMatrices must not be null");
        if (columnMajorMatrices.isEmpty()) {
            throw new IllegalArgumentException("columnMajorMatrices must hold at least one matrix, got 0");
        }
        int dd = d * d;
        double[] flat = new double[Math.multiplyExact(columnMajorMatrices.size(), dd)];
        for (int i = 0; i < columnMajorMatrices.size(); i++) {
            double[] m = columnMajorMatrices.get(i);
            if (m == null || m.length != dd) {
                throw new IllegalArgumentException("columnMajorMatrices[" + i + "] must have length d*d = " + dd
                        + ", got " + (m == null ? "null" : m.length));
            }
            System.arraycopy(m, 0, flat, i * dd, dd);
        }
        return DenseOperator.of(d, flat);
    }

    private static void checkSizes(int d, int n, RandomGenerator rng) {
        if (d < 1) {
            throw new IllegalArgumentException("d must be >= 1, got " + d);
        }
        if (n < 1) {
            throw new IllegalArgumentException("n must be >= 1, got " + n);
        }
        Objects.requireNonNull(rng, "rng must not be null");
    }
}
