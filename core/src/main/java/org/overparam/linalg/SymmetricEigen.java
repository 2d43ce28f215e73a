package org.overparam.linalg;

import dev.ludovic.netlib.lapack.LAPACK;
import org.netlib.util.intW;

/**
 * The eigendecomposition A = V·diag(λ)·Vᵀ of a dense symmetric n×n matrix, by LAPACK {@code dsyevd}
 * (Householder tridiagonalization, then divide and conquer).
 *
 * <p>Shapes: A is flat column-major, entry (i, j) at {@code i + n*j}; only its lower triangle is read and the
 * caller's array is never modified. {@link #values()} are ascending; column j of {@link #vectors()} (entries
 * {@code n*j … n*j+n-1}) is a unit eigenvector for {@code values()[j]}, and the columns are orthonormal.
 * Accuracy: backward stable, |λ̂_j − λ_j| ≲ n·ε·‖A‖₂ (Anderson et al., LAPACK Users' Guide, §4.7).
 *
 * <p>Instances are immutable and the accessors return copies. Loops that decompose many matrices of one size
 * use a {@link Workspace} instead, which allocates nothing per call.
 */
public final class SymmetricEigen {

    private final int n;
    private final double[] values;
    private final double[] vectors;

    private SymmetricEigen(int n, double[] values, double[] vectors) {
        this.n = n;
        this.values = values;
        this.vectors = vectors;
    }

    /**
     * Decomposes the symmetric n×n matrix {@code a} (column-major, lower triangle read, not modified).
     *
     * @throws IllegalArgumentException if n &lt; 1, {@code a} is shorter than n², or has a non-finite entry
     *                                  in its lower triangle
     * @throws ArithmeticException      if LAPACK fails to converge (does not happen for finite input in practice)
     */
    public static SymmetricEigen of(int n, double[] a) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be ≥ 1, got " + n);
        }
        double[] values = new double[n];
        double[] vectors = new double[n * n];
        new Workspace(n).decompose(a, values, vectors);
        return new SymmetricEigen(n, values, vectors);
    }

    /** n, the side of the matrix. */
    public int size() {
        return n;
    }

    /** The n eigenvalues, ascending (a copy). */
    public double[] values() {
        return values.clone();
    }

    /** The n×n column-major matrix of orthonormal eigenvectors, column j for {@code values()[j]} (a copy). */
    public double[] vectors() {
        return vectors.clone();
    }

    /** The j-th smallest eigenvalue (0-based). */
    public double value(int j) {
        return values[j];
    }

    /** The smallest eigenvalue λ_min. */
    public double min() {
        return values[0];
    }

    /** The largest eigenvalue λ_max. */
    public double max() {
        return values[n - 1];
    }

    /**
     * Reusable buffers for decomposing many n×n symmetric matrices without allocating. Not thread-safe:
     * one per thread (or per run).
     */
    public static final class Workspace {

        private static final LAPACK LAPACK_IMPL = LAPACK.getInstance();

        private final int n;
        private final double[] copy;
        private final double[] work;
        private final int[] iwork;
        private final intW info = new intW(0);

        /** Buffers for n×n matrices, sized by a LAPACK workspace query for the eigenvector case. */
        public Workspace(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("n must be ≥ 1, got " + n);
            }
            this.n = n;
            this.copy = new double[n * n];
            double[] lworkOpt = new double[1];
            int[] liworkOpt = new int[1];
            synchronized (Lapack.LOCK) {
                LAPACK_IMPL.dsyevd("V", "L", n, copy, n, new double[n], lworkOpt, -1, liworkOpt, -1, info);
            }
            // LAPACK's documented minimum for JOBZ='V' is 1 + 6n + 2n², LIWORK 3 + 5n: never go below it.
            int lwork = Math.max((int) lworkOpt[0], 1 + 6 * n + 2 * n * n);
            int liwork = Math.max(liworkOpt[0], 3 + 5 * n);
            this.work = new double[lwork];
            this.iwork = new int[liwork];
        }

        /** n, the side of the matrices this workspace decomposes. */
        public int size() {
            return n;
        }

        /**
         * Writes the ascending eigenvalues of the symmetric matrix {@code a} (lower triangle read, not
         * modified) into {@code values} (length ≥ n) and, unless {@code vectors} is null, the orthonormal
         * eigenvectors into {@code vectors} (n×n column-major). {@code vectors} may be the same array as
         * {@code a}.
         */
        public void decompose(double[] a, double[] values, double[] vectors) {
            if (a.length < n * n) {
                throw new IllegalArgumentException("a must hold n² = " + n * n + " entries, got " + a.length);
            }
            for (int j = 0; j < n; j++) {
                for (int i = j; i < n; i++) {
                    double x = a[i + n * j];
                    if (!Double.isFinite(x)) {
                        throw new IllegalArgumentException(
                                "a must be finite, got " + x + " at (" + i + ", " + j + ")");
                    }
                }
            }
            double[] target = vectors != null ? vectors : copy;
            System.arraycopy(a, 0, target, 0, n * n);
            synchronized (Lapack.LOCK) {
                LAPACK_IMPL.dsyevd(vectors != null ? "V" : "N", "L", n, target, n, values,
                        work, work.length, iwork, iwork.length, info);
            }
            if (info.val != 0) {
                throw new ArithmeticException("dsyevd failed, info = " + info.val);
            }
        }
    }
}
