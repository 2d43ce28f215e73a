package org.overparam.linalg;

import dev.ludovic.netlib.blas.BLAS;
import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.overparam.random.Seeds;

/**
 * The smallest (algebraic) eigenvalue of a symmetric linear operator A: R^N → R^N given only by its action
 * v ↦ A·v, by the Lanczos process with full reorthogonalization.
 *
 * <p>Algorithm (Golub &amp; Van Loan, <i>Matrix Computations</i>, 4th ed., §10.1–10.3; Parlett, <i>The Symmetric
 * Eigenvalue Problem</i>, ch. 13): from a unit start vector q₁ (Gaussian, drawn from
 * {@link Seeds#generator(long)}), build the orthonormal Krylov basis Q_k = [q₁ … q_k] and the tridiagonal
 * T_k = Q_kᵀ A Q_k with diagonal α and off-diagonal β by
 * <pre>
 *   w = A q_j − α_j q_j − β_{j−1} q_{j−1},  α_j = q_jᵀ A q_j,
 *   w ← w − Q_j (Q_jᵀ w)   (twice: classical Gram–Schmidt with one reorthogonalization pass),
 *   β_j = ‖w‖,  q_{j+1} = w / β_j,
 * </pre>
 * for k = 1 … min(N, maxIterations). The smallest eigenpair (θ, s) of T_k gives the Ritz value θ ≥ λ_min(A) and
 * the Ritz vector x = Q_k s with ‖A x − θ x‖ = β_k |s_k| in exact arithmetic. Each step finds θ and s_k by
 * {@link SymmetricEigen}'s implicit QL iteration on T_k, accumulating only the last row of the eigenvector
 * matrix (O(k²) per step); s itself is formed once, at the end (O(k³)). The process stops when
 * β_k |s_k| ≤ tol·max(1, |θ|), on an invariant subspace (β_k ≈ 0: then θ is exact), or at the iteration cap.
 *
 * <p>Without restarts a Ritz value converges to λ_min only once the Krylov space resolves the low end of the
 * spectrum: at the cap, {@link Result#value()} is still an upper bound of λ_min(A), and the reported residual
 * tells how far it is from an eigenvalue (|θ − λ| ≤ residual for some eigenvalue λ).
 *
 * <p>Thread-safe and lock-free: no shared state (unlike ARPACK, see README, “Facts about Spark and the JVM this
 * build relies on”, or netlib's LAPACK, see {@link Lapack}); every call allocates its own basis
 * (N·min(N, maxIterations) doubles) and the tridiagonal eigensolver's buffers (min(N, maxIterations)² doubles),
 * and nothing per iteration. The operator must not retain or modify the vector it is given.
 */
public final class Lanczos {

    private static final BLAS BLAS_IMPL = BLAS.getInstance();

    /**
     * β_k below this multiple of the running estimate of ‖T‖ means the Krylov space is invariant: the next
     * vector would be pure rounding noise (Parlett ch. 13 uses √ε-level tests for loss of orthogonality; an
     * invariant subspace is the much stronger ~Nε level).
     */
    private static final double BREAKDOWN_RELATIVE = 1e-13;

    private Lanczos() {
    }

    /** A symmetric linear operator: writes A·v into {@code out} (length N), reading {@code v} only. */
    @FunctionalInterface
    public interface Operator {
        void apply(double[] v, double[] out);
    }

    /**
     * The outcome: the Ritz value θ (the estimate of λ_min; NaN if the operator produced a non-finite value),
     * the true residual ‖A x − θ x‖₂ of the unit Ritz vector x, the Krylov dimension reached, and x itself
     * (length N, owned by the caller).
     */
    public record Result(double value, double residual, int iterations, double[] vector) {
    }

    /**
     * Estimates λ_min(A) for the symmetric operator {@code op} of dimension {@code dimension}.
     *
     * @param dimension     N ≥ 1
     * @param op            v ↦ A·v; must be symmetric (not checked)
     * @param maxIterations the Krylov dimension cap (≥ 1); the effective cap is min(N, maxIterations)
     * @param tol           relative Ritz residual tolerance (≥ 0; 0 runs to the cap or an invariant subspace)
     * @param seed          seeds the Gaussian start vector, so equal inputs give bit-identical results
     * @throws ArithmeticException if the QL iteration on T_k does not converge (see {@link SymmetricEigen}; not
     *                             seen for finite input)
     */
    public static Result smallest(int dimension, Operator op, int maxIterations, double tol, long seed) {
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension must be ≥ 1, got " + dimension);
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be ≥ 1, got " + maxIterations);
        }
        if (!(tol >= 0)) {
            throw new IllegalArgumentException("tol must be ≥ 0, got " + tol);
        }
        final int nn = dimension;
        final int cap = Math.min(nn, maxIterations);
        double[] basis = new double[nn * cap];
        double[] q = new double[nn];
        double[] w = new double[nn];
        double[] h = new double[cap];
        double[] alpha = new double[cap];
        double[] beta = new double[cap];
        Tridiagonal tri = new Tridiagonal(cap);

        RandomGenerator rng = Seeds.generator(seed);
        for (int i = 0; i < nn; i++) {
            q[i] = rng.nextGaussian();
        }
        BLAS_IMPL.dscal(nn, 1.0 / BLAS_IMPL.dnrm2(nn, q, 1), q, 1);

        double anorm = 0;
        int k = 0;
        while (true) {
            int j = k;
            System.arraycopy(q, 0, basis, nn * j, nn);
            op.apply(q, w);
            k = j + 1;
            if (!allFinite(w)) {
                return new Result(Double.NaN, Double.NaN, k, new double[nn]);
            }
            alpha[j] = BLAS_IMPL.ddot(nn, q, 1, w, 1);
            BLAS_IMPL.daxpy(nn, -alpha[j], q, 1, w, 1);
            if (j > 0) {
                BLAS_IMPL.daxpy(nn, -beta[j - 1], basis, nn * (j - 1), 1, w, 0, 1);
            }
            for (int pass = 0; pass < 2; pass++) {
                BLAS_IMPL.dgemv("T", nn, k, 1.0, basis, 0, nn, w, 0, 1, 0.0, h, 0, 1);
                BLAS_IMPL.dgemv("N", nn, k, -1.0, basis, 0, nn, h, 0, 1, 1.0, w, 0, 1);
                alpha[j] += h[j];
            }
            beta[j] = BLAS_IMPL.dnrm2(nn, w, 1);
            anorm = Math.max(anorm, Math.abs(alpha[j]) + beta[j] + (j > 0 ? beta[j - 1] : 0));

            double theta = tri.smallest(k, alpha, beta);
            double bound = beta[j] * Math.abs(tri.lastComponent);
            boolean invariant = beta[j] <= BREAKDOWN_RELATIVE * anorm;
            if (invariant || bound <= tol * Math.max(1.0, Math.abs(theta)) || k == cap) {
                return finish(nn, k, op, basis, tri.smallestVector(k, alpha, beta), theta, w);
            }
            BLAS_IMPL.dcopy(nn, w, 0, 1, q, 0, 1);
            BLAS_IMPL.dscal(nn, 1.0 / beta[j], q, 1);
        }
    }

    /** Forms the unit Ritz vector x = Q_k s and its true residual ‖A x − θ x‖ (one more product with A). */
    private static Result finish(int nn, int k, Operator op, double[] basis, double[] s, double theta,
                                 double[] scratch) {
        double[] x = new double[nn];
        BLAS_IMPL.dgemv("N", nn, k, 1.0, basis, 0, nn, s, 0, 1, 0.0, x, 0, 1);
        BLAS_IMPL.dscal(nn, 1.0 / BLAS_IMPL.dnrm2(nn, x, 1), x, 1);
        op.apply(x, scratch);
        if (!allFinite(scratch)) {
            return new Result(Double.NaN, Double.NaN, k, x);
        }
        BLAS_IMPL.daxpy(nn, -theta, x, 1, scratch, 1);
        return new Result(theta, BLAS_IMPL.dnrm2(nn, scratch, 1), k, x);
    }

    private static boolean allFinite(double[] v) {
        for (double x : v) {
            if (!Double.isFinite(x)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The smallest eigenpair of a leading k×k block of a symmetric tridiagonal matrix, by
     * {@link SymmetricEigen#tridiagonal} on copies, with fixed buffers.
     */
    private static final class Tridiagonal {
        private final double[] diag;
        private final double[] offdiag;
        /** Room for the k×k eigenvector matrix; a single row of it during the iteration. */
        private final double[] z;
        /** s_k, the last component of the unit eigenvector of λ_min(T_k), set by {@link #smallest}. */
        double lastComponent;

        Tridiagonal(int cap) {
            diag = new double[cap];
            offdiag = new double[cap];
            z = new double[cap * cap];
        }

        /** Returns θ = λ_min(T_k) and sets {@link #lastComponent}: only row k of the eigenvectors is formed. */
        double smallest(int k, double[] alpha, double[] beta) {
            load(k, alpha, beta);
            Arrays.fill(z, 0, k, 0.0);
            z[k - 1] = 1; // the last row of I_k, a 1×k matrix
            SymmetricEigen.tridiagonal(k, diag, offdiag, z, 1);
            lastComponent = z[0];
            return diag[0];
        }

        /**
         * The unit eigenvector s of λ_min(T_k) (length k, a view of an internal buffer). Its eigenvalue and last
         * component are the same bits as {@link #smallest}'s: the rotations do not depend on the rows carried.
         */
        double[] smallestVector(int k, double[] alpha, double[] beta) {
            load(k, alpha, beta);
            Arrays.fill(z, 0, k * k, 0.0);
            for (int i = 0; i < k; i++) {
                z[i + k * i] = 1;
            }
            SymmetricEigen.tridiagonal(k, diag, offdiag, z, k);
            return z;
        }

        private void load(int k, double[] alpha, double[] beta) {
            System.arraycopy(alpha, 0, diag, 0, k);
            System.arraycopy(beta, 0, offdiag, 0, k - 1);
        }
    }
}
