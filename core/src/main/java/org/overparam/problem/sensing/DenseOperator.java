package org.overparam.problem.sensing;

import org.overparam.linalg.Dense;

/**
 * 𝒜 with n arbitrary d×d matrices A_i, kept as the n×d² matrix 𝐀 whose row i is vec(A_i)ᵀ (column-major,
 * leading dimension n), so that 𝒜(M) = 𝐀·vec(M) is one GEMV and 𝒜*(w) = mat(𝐀ᵀw) one transposed GEMV.
 *
 * <p>Costs: {@link #applyFactored} d²R + n·d² (form X = UVᵀ, then GEMV); {@link #adjointTimes} and
 * {@link #adjointTransposeTimes} n·d² + d²R (form G = 𝒜*(w), then GEMM). {@link #workSize} is d².
 */
public final class DenseOperator implements MeasurementOperator {

    private final int d;
    private final int n;
    private final int dd;
    /** 𝐀, n×d² column-major: ⟨A_i⟩(a, b) at i + n·(a + d·b). */
    private final double[] a;
    private final boolean symmetric;

    private DenseOperator(int d, int n, double[] a, boolean symmetric) {
        this.d = d;
        this.n = n;
        this.dd = d * d;
        this.a = a;
        this.symmetric = symmetric;
    }

    /** Writes the next matrix A_i (i = 0, 1, … in turn), d×d column-major, at {@code into[offset …]}. */
    @FunctionalInterface
    interface MatrixSource {
        void next(double[] into, int offset);
    }

    /** Matrices made at a time by {@link #generate} before they go into 𝐀's columns (~1 MB at d = 50). */
    private static final int BLOCK = 64;

    /**
     * Validates and copies.
     *
     * @param d             side of the matrices, ≥ 1
     * @param flatMatrices  A_0, A_1, …, A_{n−1} one after another, each d×d column-major: entry (a, b) of A_i
     *                      at {@code i*d*d + a + d*b}. Length n·d² with n ≥ 1; entries finite.
     */
    public static DenseOperator of(int d, double[] flatMatrices) {
        if (d < 1) {
            throw new IllegalArgumentException("d must be >= 1, got " + d);
        }
        if (flatMatrices == null) {
            throw new NullPointerException("flatMatrices must not be null");
        }
        int dd = d * d;
        if (flatMatrices.length == 0 || flatMatrices.length % dd != 0) {
            throw new IllegalArgumentException("flatMatrices must hold n >= 1 matrices of d*d = " + dd
                    + " entries, got length " + flatMatrices.length);
        }
        int[] i = {0};
        return generate(d, flatMatrices.length / dd, (into, offset) -> {
            System.arraycopy(flatMatrices, i[0] * dd, into, offset, dd);
            i[0]++;
        });
    }

    /**
     * The operator of the n matrices {@code source} makes, in order (validated: entries finite), written straight
     * into 𝐀: a block of {@value #BLOCK} matrices at a time, then copied into 𝐀's columns, so that 𝐀 is the only
     * n·d² array (a random operator's matrices are never held twice).
     */
    static DenseOperator generate(int d, int n, MatrixSource source) {
        if (d < 1 || n < 1) {
            throw new IllegalArgumentException("d and n must be >= 1, got d=" + d + ", n=" + n);
        }
        int dd = d * d;
        double[] a = new double[Math.multiplyExact(n, dd)];
        double[] block = new double[Math.min(BLOCK, n) * dd];
        boolean symmetric = true;
        for (int i0 = 0; i0 < n; i0 += BLOCK) {
            int rows = Math.min(BLOCK, n - i0);
            for (int r = 0; r < rows; r++) {
                source.next(block, r * dd);
                symmetric &= Dense.isSymmetric(d, block, r * dd);
            }
            for (int k = 0; k < rows * dd; k++) {
                if (!Double.isFinite(block[k])) {
                    throw new IllegalArgumentException("flatMatrices entries must be finite, got " + block[k]
                            + " at index " + ((long) i0 * dd + k));
                }
            }
            for (int j = 0; j < dd; j++) {
                int column = i0 + n * j;
                for (int r = 0; r < rows; r++) {
                    a[column + r] = block[r * dd + j];
                }
            }
        }
        return new DenseOperator(d, n, a, symmetric);
    }

    @Override
    public int count() {
        return n;
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
        return dd;
    }

    @Override
    public void applyFactored(double[] u, double[] v, int rank, double[] out, double[] work) {
        Dense.gemm(false, true, d, d, rank, 1.0, u, v, 0.0, work);
        Dense.gemv(false, n, dd, 1.0, a, work, 0.0, out);
    }

    @Override
    public void adjointTimes(double[] w, double[] f, int rank, double[] out, double[] work) {
        Dense.gemv(true, n, dd, 1.0, a, w, 0.0, work);
        Dense.gemm(false, false, d, rank, d, 1.0, work, f, 0.0, out);
    }

    @Override
    public void adjointTransposeTimes(double[] w, double[] f, int rank, double[] out, double[] work) {
        Dense.gemv(true, n, dd, 1.0, a, w, 0.0, work);
        Dense.gemm(true, false, d, rank, d, 1.0, work, f, 0.0, out);
    }

    @Override
    public void adjointBothTimes(double[] w, double[] f, double[] g, int rank, double[] outF, double[] outG,
                                 double[] work) {
        Dense.gemv(true, n, dd, 1.0, a, w, 0.0, work);
        Dense.gemm(false, false, d, rank, d, 1.0, work, f, 0.0, outF);
        Dense.gemm(true, false, d, rank, d, 1.0, work, g, 0.0, outG);
    }

    @Override
    public void apply(double[] m, double[] out) {
        Dense.gemv(false, n, dd, 1.0, a, m, 0.0, out);
    }

    @Override
    public void adjoint(double[] w, double[] out) {
        Dense.gemv(true, n, dd, 1.0, a, w, 0.0, out);
    }

    /** The internal 𝐀 (n×d² column-major); callers in this package must not modify it. */
    double[] matrixShared() {
        return a;
    }

    @Override
    public String toString() {
        return "DenseOperator[d=" + d + ", n=" + n + (symmetric ? ", symmetric" : "") + "]";
    }
}
