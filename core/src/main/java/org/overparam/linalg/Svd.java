package org.overparam.linalg;

import dev.ludovic.netlib.lapack.LAPACK;
import org.netlib.util.intW;

/**
 * The thin singular value decomposition A = U·diag(σ)·Vᵀ of a dense m×n matrix, by LAPACK {@code dgesdd}
 * (divide and conquer; {@code dgesvd} as a fallback when it does not converge).
 *
 * <p>Shapes, with k = min(m, n): A is m×n column-major (entry (i, j) at {@code i + m*j}) and never modified;
 * U is m×k with orthonormal columns, σ has k entries, descending and ≥ 0, and Vᵀ is k×n with orthonormal
 * rows, all column-major. The largest singular value σ_1 = ‖A‖₂ is the spectral norm.
 *
 * <p>Instances are immutable and the accessors return copies. Loops use a {@link Workspace}.
 */
public final class Svd {

    private final int m;
    private final int n;
    private final double[] u;
    private final double[] s;
    private final double[] vt;

    private Svd(int m, int n, double[] u, double[] s, double[] vt) {
        this.m = m;
        this.n = n;
        this.u = u;
        this.s = s;
        this.vt = vt;
    }

    /**
     * The thin SVD of the m×n matrix {@code a} (column-major, not modified).
     *
     * @throws IllegalArgumentException if m or n &lt; 1, {@code a} is shorter than m·n or not finite
     * @throws ArithmeticException      if neither dgesdd nor dgesvd converges
     */
    public static Svd of(int m, int n, double[] a) {
        Workspace ws = new Workspace(m, n);
        int k = Math.min(m, n);
        double[] u = new double[m * k];
        double[] s = new double[k];
        double[] vt = new double[k * n];
        ws.decompose(a, s, u, vt);
        return new Svd(m, n, u, s, vt);
    }

    /** The spectral norm ‖A‖₂ = σ_1 of the m×n matrix {@code a} (not modified). */
    public static double spectralNorm(int m, int n, double[] a) {
        double[] s = new double[Math.min(m, n)];
        new Workspace(m, n).decompose(a, s, null, null);
        return s[0];
    }

    /** m, the number of rows. */
    public int rows() {
        return m;
    }

    /** n, the number of columns. */
    public int cols() {
        return n;
    }

    /** The m×k matrix U of left singular vectors (a copy). */
    public double[] u() {
        return u.clone();
    }

    /** The k singular values, descending (a copy). */
    public double[] singularValues() {
        return s.clone();
    }

    /** The k×n matrix Vᵀ whose rows are the right singular vectors (a copy). */
    public double[] vt() {
        return vt.clone();
    }

    /** σ_1 = ‖A‖₂. */
    public double max() {
        return s[0];
    }

    /**
     * Reusable buffers for the SVD of many m×n matrices without allocating. Not thread-safe: one per thread
     * (or per run).
     */
    public static final class Workspace {

        private static final LAPACK LAPACK_IMPL = LAPACK.getInstance();

        private final int m;
        private final int n;
        private final int k;
        private final double[] copy;
        private final double[] work;
        private final int[] iwork;
        private final double[] unused = new double[1];
        private final intW info = new intW(0);

        /** Buffers for m×n matrices, sized by LAPACK workspace queries (thin vectors and values only). */
        public Workspace(int m, int n) {
            if (m < 1 || n < 1) {
                throw new IllegalArgumentException("m and n must be ≥ 1, got m = " + m + ", n = " + n);
            }
            this.m = m;
            this.n = n;
            this.k = Math.min(m, n);
            this.copy = new double[m * n];
            double[] u = new double[m * k];
            double[] s = new double[k];
            double[] vt = new double[k * n];
            double[] q = new double[1];
            int[] iq = new int[8 * k];
            int lwork = 1;
            synchronized (Lapack.LOCK) {
                LAPACK_IMPL.dgesdd("S", m, n, copy, m, s, u, m, vt, k, q, -1, iq, info);
            }
            lwork = Math.max(lwork, (int) q[0]);
            synchronized (Lapack.LOCK) {
                LAPACK_IMPL.dgesdd("N", m, n, copy, m, s, u, m, vt, k, q, -1, iq, info);
            }
            lwork = Math.max(lwork, (int) q[0]);
            synchronized (Lapack.LOCK) {
                LAPACK_IMPL.dgesvd("S", "S", m, n, copy, m, s, u, m, vt, k, q, -1, info);
            }
            lwork = Math.max(lwork, (int) q[0]);
            // LAPACK's documented minimum for dgesdd with JOBZ='S': 3k² + max(max(m,n), 4k² + 4k).
            int mx = Math.max(m, n);
            lwork = Math.max(lwork, 3 * k * k + Math.max(mx, 4 * k * k + 4 * k));
            this.work = new double[lwork];
            this.iwork = new int[8 * k];
        }

        /**
         * Writes σ (length ≥ k, descending) and, unless {@code u} and {@code vt} are null, U (m×k) and Vᵀ (k×n)
         * of the m×n matrix {@code a}, which is not modified.
         */
        public void decompose(double[] a, double[] s, double[] u, double[] vt) {
            if (a.length < m * n) {
                throw new IllegalArgumentException("a must hold m·n = " + m * n + " entries, got " + a.length);
            }
            for (int i = 0; i < m * n; i++) {
                if (!Double.isFinite(a[i])) {
                    throw new IllegalArgumentException("a must be finite, got " + a[i] + " at index " + i);
                }
            }
            boolean wantVectors = u != null && vt != null;
            double[] uu = wantVectors ? u : unused; // not referenced by LAPACK when JOBZ='N'
            double[] vv = wantVectors ? vt : unused;
            System.arraycopy(a, 0, copy, 0, m * n);
            synchronized (Lapack.LOCK) {
                LAPACK_IMPL.dgesdd(wantVectors ? "S" : "N", m, n, copy, m, s, uu, m, vv, k,
                        work, work.length, iwork, info);
            }
            if (info.val > 0) {
                // dgesdd's divide and conquer occasionally fails to converge; QR iteration is the fallback.
                System.arraycopy(a, 0, copy, 0, m * n);
                String job = wantVectors ? "S" : "N";
                synchronized (Lapack.LOCK) {
                    LAPACK_IMPL.dgesvd(job, job, m, n, copy, m, s, uu, m, vv, k, work, work.length, info);
                }
            }
            if (info.val != 0) {
                throw new ArithmeticException("SVD failed to converge, info = " + info.val);
            }
        }
    }
}
