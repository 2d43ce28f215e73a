package org.overparam.certify;

import java.util.Objects;
import org.overparam.linalg.Lanczos;
import org.overparam.linalg.SmallestEigenvalue;
import org.overparam.linalg.SymmetricEigen;
import org.overparam.problem.Residuals;

/**
 * Evidence about the PL* condition (Liu, Zhu &amp; Belkin 2022): the smallest eigenvalue κ = λ_min(K) of the
 * tangent kernel K = J(x) J(x)ᵀ (m×m) of a model's {@link Residuals} at x, from Jacobian products only.
 * For a loss f = (1/n)‖F(x) − y‖², ‖∇f‖² = (4/n²)(F − y)ᵀK(F − y) ≥ (4κ/n)·f, so κ &gt; 0 on a neighbourhood
 * keeps gradient flow decreasing f to 0 there.
 *
 * <ul>
 *   <li>{@link Method#DENSE} (m ≤ {@value #DENSE_MAX_OUTPUTS}): K is assembled column by column,
 *       K e_i = J(Jᵀ e_i), symmetrized as (K + Kᵀ)/2 to remove rounding asymmetry, and decomposed by
 *       {@link SymmetricEigen} (Householder tridiagonalization and QL, no lock). Cost: m products with J and
 *       with Jᵀ, and O(m³).</li>
 *   <li>{@link Method#LANCZOS} (larger m): {@link Lanczos} on u ↦ J(Jᵀu) with the constants of
 *       {@link Curvature}: relative Ritz tolerance {@value #LANCZOS_TOL}, at most
 *       min(m, {@value #LANCZOS_MAX_ITERATIONS}) products, the start vector seeded by the caller. Its value is
 *       a Ritz value, an upper bound of λ_min that is exact to the reported residual once converged.</li>
 * </ul>
 * {@code residual} is ‖K v − κ v‖₂ for the reported unit eigenvector v, measured with one more product.
 *
 * <p><b>More outputs than parameters.</b> K has rank at most N (the length of x), so λ_min(K) = 0 exactly
 * whenever m &gt; N: under-parameterized models cannot satisfy PL*, and the computed value is then 0 up to
 * rounding (of either sign, ~ε·‖K‖). K is positive semidefinite, so callers test {@code minEigenvalue > tol}
 * for PL*, never {@code > 0}.
 *
 * <p>If x or any computed product is non-finite, {@code minEigenvalue} and {@code residual} are NaN.
 *
 * @param minEigenvalue κ, the smallest eigenvalue of J Jᵀ (NaN when not finite)
 * @param residual      ‖K v − κ v‖₂ for the unit eigenvector v (NaN when not finite)
 * @param method        how κ was computed
 */
public record TangentKernel(double minEigenvalue, double residual, Method method) {

    /** Output counts up to this are decomposed densely, like {@link Curvature#DENSE_MAX_DIMENSION}. */
    public static final int DENSE_MAX_OUTPUTS = Curvature.DENSE_MAX_DIMENSION;

    /** Relative Ritz residual tolerance of the Lanczos path, {@link Curvature#LANCZOS_TOL}. */
    public static final double LANCZOS_TOL = Curvature.LANCZOS_TOL;

    /** Krylov dimension cap of the Lanczos path, {@link Curvature#LANCZOS_MAX_ITERATIONS}. */
    public static final int LANCZOS_MAX_ITERATIONS = Curvature.LANCZOS_MAX_ITERATIONS;

    /** How the smallest eigenvalue was computed. */
    public enum Method {
        /** Dense K from m products J(Jᵀe_i), then a symmetric eigendecomposition. */
        DENSE,
        /** Lanczos with full reorthogonalization on products J(Jᵀu). */
        LANCZOS
    }

    /**
     * λ_min(J(x)J(x)ᵀ): {@link #dense} when m ≤ {@value #DENSE_MAX_OUTPUTS}, else {@link #lanczos} with
     * {@code seed} for its start vector. {@code x} (length N) is not modified.
     */
    public static TangentKernel of(Residuals residuals, double[] x, long seed) {
        Objects.requireNonNull(residuals, "residuals");
        return residuals.count() <= DENSE_MAX_OUTPUTS ? dense(residuals, x) : lanczos(residuals, x, seed);
    }

    /** λ_min(J(x)J(x)ᵀ) from the assembled, symmetrized dense kernel, whatever m is (O(m²) memory). */
    public static TangentKernel dense(Residuals residuals, double[] x) {
        int m = checkedCount(residuals, x);
        if (!SmallestEigenvalue.allFinite(x)) {
            return notFinite(Method.DENSE);
        }
        SmallestEigenvalue e = SmallestEigenvalue.dense(m, kernel(residuals, x));
        return new TangentKernel(e.value(), e.residual(), Method.DENSE);
    }

    /** λ_min(J(x)J(x)ᵀ) by Lanczos on products u ↦ J(Jᵀu), whatever m is. */
    public static TangentKernel lanczos(Residuals residuals, double[] x, long seed) {
        int m = checkedCount(residuals, x);
        if (!SmallestEigenvalue.allFinite(x)) {
            return notFinite(Method.LANCZOS);
        }
        SmallestEigenvalue e = SmallestEigenvalue.lanczos(m, kernel(residuals, x), LANCZOS_MAX_ITERATIONS,
                LANCZOS_TOL, seed);
        return new TangentKernel(e.value(), e.residual(), Method.LANCZOS);
    }

    /** u ↦ J(Jᵀu), with its one scratch vector of length N. */
    private static Lanczos.Operator kernel(Residuals residuals, double[] x) {
        double[] jt = new double[x.length];
        return (u, out) -> {
            residuals.jacobianTransposeTimes(x, u, jt);
            residuals.jacobianTimes(x, jt, out);
        };
    }

    private static int checkedCount(Residuals residuals, double[] x) {
        Objects.requireNonNull(residuals, "residuals");
        Objects.requireNonNull(x, "x");
        int m = residuals.count();
        if (m < 1) {
            throw new IllegalArgumentException("residuals count must be ≥ 1, got " + m);
        }
        if (x.length < 1) {
            throw new IllegalArgumentException("x must have length ≥ 1, got 0");
        }
        return m;
    }

    private static TangentKernel notFinite(Method method) {
        return new TangentKernel(Double.NaN, Double.NaN, method);
    }
}
