package org.overparam.problem.sensing;

import java.util.Arrays;

/**
 * Entry sampling (matrix completion): A_i = e_{a_i} e_{b_i}ᵀ, so 𝒜(M)_i = M(a_i, b_i) and 𝒜*(w) puts w_i at
 * (a_i, b_i). The factored methods cost O(n·R) and need no work space:
 * ⟨A_i, UVᵀ⟩ = Σ_k U(a_i,k) V(b_i,k); (𝒜*(w)F)(a_i,:) += w_i F(b_i,:); (𝒜*(w)ᵀF)(b_i,:) += w_i F(a_i,:).
 *
 * <p>{@link #symmetric()} holds only in the trivial case where every sampled entry is diagonal.
 */
public final class EntrySamplingOperator implements MeasurementOperator {

    private final int d;
    private final int[] rows;
    private final int[] cols;
    private final boolean symmetric;

    private EntrySamplingOperator(int d, int[] rows, int[] cols, boolean symmetric) {
        this.d = d;
        this.rows = rows;
        this.cols = cols;
        this.symmetric = symmetric;
    }

    /**
     * Validates and copies.
     *
     * @param d    side of the matrices, ≥ 1
     * @param rows a_i ∈ [0, d), n ≥ 1 of them
     * @param cols b_i ∈ [0, d), as many as rows; the pairs (a_i, b_i) must be distinct
     */
    public static EntrySamplingOperator of(int d, int[] rows, int[] cols) {
        if (d < 1) {
            throw new IllegalArgumentException("d must be >= 1, got " + d);
        }
        if (rows == null || cols == null) {
            throw new NullPointerException("rows and cols must not be null");
        }
        if (rows.length == 0) {
            throw new IllegalArgumentException("rows must hold n >= 1 entries, got 0");
        }
        if (rows.length != cols.length) {
            throw new IllegalArgumentException("cols must have the length of rows (" + rows.length + "), got "
                    + cols.length);
        }
        int n = rows.length;
        long[] keys = new long[n];
        boolean symmetric = true;
        for (int i = 0; i < n; i++) {
            checkIndex("rows", i, rows[i], d);
            checkIndex("cols", i, cols[i], d);
            keys[i] = rows[i] + (long) d * cols[i];
            symmetric &= rows[i] == cols[i];
        }
        Arrays.sort(keys);
        for (int i = 1; i < n; i++) {
            if (keys[i] == keys[i - 1]) {
                throw new IllegalArgumentException("entries must be distinct, got (" + keys[i] % d + ", "
                        + keys[i] / d + ") twice");
            }
        }
        return new EntrySamplingOperator(d, rows.clone(), cols.clone(), symmetric);
    }

    private static void checkIndex(String key, int i, int value, int d) {
        if (value < 0 || value >= d) {
            throw new IllegalArgumentException(key + "[" + i + "] must be in [0, " + d + "), got " + value);
        }
    }

    @Override
    public int count() {
        return rows.length;
    }

    @Override
    public int dim() {
        return d;
    }

    @Override
    public boolean symmetric() {
        return symmetric;
    }

    @Override
    public int workSize(int rank) {
        return 0;
    }

    @Override
    public void applyFactored(double[] u, double[] v, int rank, double[] out, double[] work) {
        int n = rows.length;
        Arrays.fill(out, 0, n, 0.0);
        for (int k = 0; k < rank; k++) {
            int off = d * k;
            for (int i = 0; i < n; i++) {
                out[i] += u[off + rows[i]] * v[off + cols[i]];
            }
        }
    }

    @Override
    public void adjointTimes(double[] w, double[] f, int rank, double[] out, double[] work) {
        scatter(w, f, rank, out, rows, cols);
    }

    @Override
    public void adjointTransposeTimes(double[] w, double[] f, int rank, double[] out, double[] work) {
        scatter(w, f, rank, out, cols, rows);
    }

    /** out = Σ_i w_i e_{to_i} F(from_i, :), a d×rank matrix. */
    private void scatter(double[] w, double[] f, int rank, double[] out, int[] to, int[] from) {
        int n = to.length;
        Arrays.fill(out, 0, d * rank, 0.0);
        for (int k = 0; k < rank; k++) {
            int off = d * k;
            for (int i = 0; i < n; i++) {
                out[off + to[i]] += w[i] * f[off + from[i]];
            }
        }
    }

    @Override
    public void apply(double[] m, double[] out) {
        for (int i = 0; i < rows.length; i++) {
            out[i] = m[rows[i] + d * cols[i]];
        }
    }

    @Override
    public void adjoint(double[] w, double[] out) {
        Arrays.fill(out, 0, d * d, 0.0);
        for (int i = 0; i < rows.length; i++) {
            out[rows[i] + d * cols[i]] += w[i];
        }
    }

    @Override
    public String toString() {
        return "EntrySamplingOperator[d=" + d + ", n=" + rows.length + "]";
    }
}
