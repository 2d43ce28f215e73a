package org.overparam.problem.sensing;

import org.overparam.linalg.PackedSymmetric;

/**
 * The Gram form of a dense instance's data: H = 𝐀ᵀ𝐀 (d²×d², symmetric, packed lower triangle), b = 𝐀ᵀy and
 * c = yᵀy, so that for e = vec(X)
 *
 * <pre>
 *   ‖𝐀e − y‖² = eᵀHe − 2bᵀe + c,    𝐀ᵀ(𝐀e − y) = He − b.
 * </pre>
 *
 * Built once per instance ({@link SensingInstance#gram()}: n·d²(d²+1)/2 multiply–adds by {@link PackedSymmetric#gram},
 * SIMD where the JVM has the Vector API, the same bits on every machine) and then only read, so one Gram is shared
 * by every run and thread on that instance. H takes d²(d²+1)/2 doubles, at most 1.25 times 𝐀 where
 * {@link DataForm#preferred} picks the Gram form (n ≥ 2d²/5).
 *
 * <p>Entries are natural-order sums: H_ij = Σ_p 𝐀_pi 𝐀_pj, b_i = Σ_p 𝐀_pi y_p, c = Σ_p y_p², p = 0, …, n−1.
 */
final class Gram {

    private final int n;
    private final int m;
    private final double[] h;
    private final double[] b;
    private final double c;

    private Gram(int n, int m, double[] h, double[] b, double c) {
        this.n = n;
        this.m = m;
        this.h = h;
        this.b = b;
        this.c = c;
    }

    /** H, b and c of 𝐀 and y (y of length n, not modified). */
    static Gram of(DenseOperator operator, double[] y) {
        int n = operator.count();
        int m = operator.dim() * operator.dim();
        long length = PackedSymmetric.length(m);
        if (length > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("the Gram matrix of d=" + operator.dim() + " needs " + length
                    + " doubles, more than an array holds");
        }
        double[] a = operator.matrixShared();
        double[] h = new double[(int) length];
        PackedSymmetric.gram(n, m, a, h);
        double[] b = new double[m];
        for (int i = 0; i < m; i++) {
            double s = 0;
            int off = n * i;
            for (int p = 0; p < n; p++) {
                s += a[off + p] * y[p];
            }
            b[i] = s;
        }
        double c = 0;
        for (int p = 0; p < n; p++) {
            c += y[p] * y[p];
        }
        return new Gram(n, m, h, b, c);
    }

    /** n, the measurements behind H. */
    int count() {
        return n;
    }

    /** m = d², the side of H. */
    int side() {
        return m;
    }

    /** out = H·e for k vectors of length d² side by side (e and out m×k column-major, out overwritten). */
    void multiply(int k, double[] e, double[] out) {
        PackedSymmetric.multiply(m, k, h, e, out);
    }

    /**
     * out[l] = H·e[l] for k vectors in arrays of their own (entries [0, d²)), in one pass over H; each is the bits of
     * the one-vector product.
     */
    void multiply(int k, double[][] e, double[][] out) {
        PackedSymmetric.multiply(m, k, h, e, out);
    }

    /** The internal b = 𝐀ᵀy; callers must not modify it. */
    double[] bShared() {
        return b;
    }

    /** c = yᵀy. */
    double c() {
        return c;
    }

    /** The internal packed H; callers must not modify it. */
    double[] packedShared() {
        return h;
    }
}
