package org.overparam.linalg;

import dev.ludovic.netlib.blas.BLAS;
import dev.ludovic.netlib.lapack.LAPACK;
import org.netlib.util.intW;

/**
 * Thin helpers over netlib BLAS/LAPACK for flat column-major {@code double[]} matrices with tight leading
 * dimensions: an m×k matrix A has A(i, j) at {@code offset + i + m*j}.
 *
 * <p>The BLAS wrappers never allocate; {@link #orthonormalizeColumns} does (it is for setup, not hot loops).
 */
public final class Dense {

    private static final BLAS BLAS_IMPL = BLAS.getInstance();
    private static final LAPACK LAPACK_IMPL = LAPACK.getInstance();

    private Dense() {
    }

    /**
     * C = alpha·op(A)·op(B) + beta·C with op(A) m×k, op(B) k×n and C m×n. A is stored m×k (k×m when
     * {@code transA}), B is stored k×n (n×k when {@code transB}); only C is modified.
     */
    public static void gemm(boolean transA, boolean transB, int m, int n, int k, double alpha,
                            double[] a, int offA, double[] b, int offB, double beta, double[] c, int offC) {
        BLAS_IMPL.dgemm(transA ? "T" : "N", transB ? "T" : "N", m, n, k, alpha,
                a, offA, transA ? Math.max(1, k) : Math.max(1, m),
                b, offB, transB ? Math.max(1, n) : Math.max(1, k),
                beta, c, offC, Math.max(1, m));
    }

    /** {@link #gemm(boolean, boolean, int, int, int, double, double[], int, double[], int, double, double[], int)} with zero offsets. */
    public static void gemm(boolean transA, boolean transB, int m, int n, int k, double alpha,
                            double[] a, double[] b, double beta, double[] c) {
        gemm(transA, transB, m, n, k, alpha, a, 0, b, 0, beta, c, 0);
    }

    /**
     * y = alpha·op(A)·x + beta·y for an m×n matrix A (op(A) = Aᵀ when {@code transA}); x and y are contiguous.
     * Only y is modified.
     */
    public static void gemv(boolean transA, int m, int n, double alpha, double[] a, double[] x,
                            double beta, double[] y) {
        BLAS_IMPL.dgemv(transA ? "T" : "N", m, n, alpha, a, 0, Math.max(1, m), x, 0, 1, beta, y, 0, 1);
    }

    /**
     * Σ_i x[offX+i]·y[offY+i] over {@code n} entries, summed in index order: the same bits on every machine,
     * whatever SIMD width a BLAS would split the sum over (a row must not depend on where it ran).
     */
    public static double dot(int n, double[] x, int offX, double[] y, int offY) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += x[offX + i] * y[offY + i];
        }
        return s;
    }

    /** Σ_i x_i·y_i over the whole of {@code x} ({@code y} at least as long). */
    public static double dot(double[] x, double[] y) {
        return dot(x.length, x, 0, y, 0);
    }

    /** y[offY+i] += alpha·x[offX+i] for i &lt; n. */
    public static void axpy(int n, double alpha, double[] x, int offX, double[] y, int offY) {
        for (int i = 0; i < n; i++) {
            y[offY + i] += alpha * x[offX + i];
        }
    }

    /** ‖x‖₂ over the whole array: the Frobenius norm of a flat matrix (overflow-safe). */
    public static double norm(double[] x) {
        return BLAS_IMPL.dnrm2(x.length, x, 0, 1);
    }

    /** Whether the d×d matrix at {@code m[off..]} equals its transpose exactly. */
    public static boolean isSymmetric(int d, double[] m, int off) {
        for (int b = 0; b < d; b++) {
            for (int a = b + 1; a < d; a++) {
                if (m[off + a + d * b] != m[off + b + d * a]) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Replaces the m×k matrix A (k ≤ m, full column rank) by the Q of its thin QR factorization A = QR, with
     * the signs chosen so that diag(R) &gt; 0 (then Q of a Gaussian matrix is Haar-distributed). LAPACK
     * dgeqrf + dorgqr; allocates its workspace.
     *
     * @throws IllegalArgumentException if k &gt; m or the array is too short
     * @throws ArithmeticException if LAPACK reports an error
     */
    public static void orthonormalizeColumns(int m, int k, double[] a) {
        if (m < 1 || k < 1 || k > m) {
            throw new IllegalArgumentException("columns must be in [1, rows], got rows=" + m + ", columns=" + k);
        }
        if (a.length < m * k) {
            throw new IllegalArgumentException("matrix must hold rows*columns = " + m * k
                    + " entries, got " + a.length);
        }
        double[] tau = new double[k];
        intW info = new intW(0);
        double[] query = new double[1];
        synchronized (Lapack.LOCK) {
            LAPACK_IMPL.dgeqrf(m, k, a, 0, m, tau, 0, query, 0, -1, info);
        }
        int lwork = Math.max(k, (int) query[0]);
        synchronized (Lapack.LOCK) {
            LAPACK_IMPL.dorgqr(m, k, k, a, 0, m, tau, 0, query, 0, -1, info);
        }
        lwork = Math.max(lwork, (int) query[0]);
        double[] work = new double[lwork];
        synchronized (Lapack.LOCK) {
            LAPACK_IMPL.dgeqrf(m, k, a, 0, m, tau, 0, work, 0, lwork, info);
        }
        if (info.val != 0) {
            throw new ArithmeticException("dgeqrf failed, info=" + info.val);
        }
        boolean[] flip = new boolean[k];
        for (int j = 0; j < k; j++) {
            flip[j] = a[j + m * j] < 0;
        }
        synchronized (Lapack.LOCK) {
            LAPACK_IMPL.dorgqr(m, k, k, a, 0, m, tau, 0, work, 0, lwork, info);
        }
        if (info.val != 0) {
            throw new ArithmeticException("dorgqr failed, info=" + info.val);
        }
        for (int j = 0; j < k; j++) {
            if (flip[j]) {
                for (int i = 0; i < m; i++) {
                    a[i + m * j] = -a[i + m * j];
                }
            }
        }
    }
}
