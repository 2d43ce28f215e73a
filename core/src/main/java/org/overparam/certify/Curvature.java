package org.overparam.certify;

import java.util.Objects;
import org.overparam.linalg.Lanczos;
import org.overparam.linalg.SmallestEigenvalue;
import org.overparam.linalg.SymmetricEigen;
import org.overparam.problem.Objective;

/**
 * Evidence about second-order stationarity: the smallest eigenvalue h = λ_min(∇²f(x)) of the Hessian at x,
 * computed from Hessian–vector products only.
 *
 * <ul>
 *   <li>{@link Method#DENSE} (N ≤ {@value #DENSE_MAX_DIMENSION}): H is assembled column by column,
 *       H e_j = {@link Objective#hessianVector}(x, e_j), symmetrized as (H + Hᵀ)/2 to remove rounding
 *       asymmetry, and decomposed by {@link SymmetricEigen} (Householder tridiagonalization and QL, no lock).
 *       Cost: N products and O(N³).</li>
 *   <li>{@link Method#LANCZOS} (larger N): {@link Lanczos} with full reorthogonalization, relative Ritz
 *       tolerance {@value #LANCZOS_TOL} and at most min(N, {@value #LANCZOS_MAX_ITERATIONS}) products. Its
 *       value is a Ritz value, an upper bound of λ_min that is exact to the reported residual once
 *       converged.</li>
 * </ul>
 * {@code residual} is ‖H v − h v‖₂ for the reported unit eigenvector v, measured with one more product
 * against the (unsymmetrized) Hessian: for a Ritz value, some eigenvalue of H lies within it.
 *
 * <p><b>Zero modes.</b> Factored problems have exact zero Hessian directions from their symmetries (U → UQ
 * with Q orthogonal, or U → UG, V → VG⁻ᵀ for UVᵀ), so at a minimum h is 0 up to rounding and can come out
 * slightly negative. Callers test {@code minEigenvalue >= -tol}, never {@code > 0} (README, “How a run ends”).
 *
 * <p>If x or any computed Hessian entry (or product) is non-finite, {@code minEigenvalue} and
 * {@code residual} are NaN: divergence is data, not an exception.
 *
 * @param minEigenvalue h, the smallest Hessian eigenvalue (NaN when not finite)
 * @param residual      ‖H v − h v‖₂ for the unit eigenvector v (NaN when not finite)
 * @param method        how h was computed
 * @param lowest        the bottom of the spectrum, ascending ({@link SmallestEigenvalue#lowest}): up to
 *                      {@value SmallestEigenvalue#LOWEST} eigenvalues from {@link Method#DENSE}, h alone from
 *                      {@link Method#LANCZOS}
 */
public record Curvature(double minEigenvalue, double residual, Method method, double[] lowest) {

    public Curvature {
        lowest = lowest.clone();
    }

    @Override
    public double[] lowest() {
        return lowest.clone();
    }

    /** Dimensions up to this are decomposed densely: N products and a 200×200 eigendecomposition take milliseconds. */
    public static final int DENSE_MAX_DIMENSION = 200;

    /** Relative Ritz residual tolerance of the Lanczos path. */
    public static final double LANCZOS_TOL = 1e-10;

    /** Krylov dimension cap of the Lanczos path (bounds its cost at 300 products and 300·N doubles). */
    public static final int LANCZOS_MAX_ITERATIONS = 300;

    /** How the smallest eigenvalue was computed. */
    public enum Method {
        /** Dense Hessian from N Hessian–vector products, then a symmetric eigendecomposition. */
        DENSE,
        /** Lanczos with full reorthogonalization on Hessian–vector products. */
        LANCZOS
    }

    /**
     * λ_min(∇²f(x)): {@link #dense} when N ≤ {@value #DENSE_MAX_DIMENSION}, else {@link #lanczos} with
     * {@code seed} for its start vector. {@code x} is not modified.
     */
    public static Curvature of(Objective objective, double[] x, long seed) {
        Objects.requireNonNull(objective, "objective");
        return objective.dimension() <= DENSE_MAX_DIMENSION ? dense(objective, x) : lanczos(objective, x, seed);
    }

    /** λ_min(∇²f(x)) from the assembled, symmetrized dense Hessian, whatever N is (O(N²) memory). */
    public static Curvature dense(Objective objective, double[] x) {
        int nn = checkedDimension(objective, x);
        if (!SmallestEigenvalue.allFinite(x)) {
            return notFinite(Method.DENSE);
        }
        SmallestEigenvalue e = SmallestEigenvalue.dense(nn, (v, out) -> objective.hessianVector(x, v, out));
        return new Curvature(e.value(), e.residual(), Method.DENSE, e.lowest());
    }

    /** λ_min(∇²f(x)) by Lanczos on Hessian–vector products, whatever N is. */
    public static Curvature lanczos(Objective objective, double[] x, long seed) {
        int nn = checkedDimension(objective, x);
        if (!SmallestEigenvalue.allFinite(x)) {
            return notFinite(Method.LANCZOS);
        }
        SmallestEigenvalue e = SmallestEigenvalue.lanczos(nn, (v, out) -> objective.hessianVector(x, v, out),
                LANCZOS_MAX_ITERATIONS, LANCZOS_TOL, seed);
        return new Curvature(e.value(), e.residual(), Method.LANCZOS, e.lowest());
    }

    private static int checkedDimension(Objective objective, double[] x) {
        Objects.requireNonNull(objective, "objective");
        Objects.requireNonNull(x, "x");
        int nn = objective.dimension();
        if (nn < 1) {
            throw new IllegalArgumentException("objective dimension must be ≥ 1, got " + nn);
        }
        if (x.length != nn) {
            throw new IllegalArgumentException("x must have the objective's dimension " + nn + ", got " + x.length);
        }
        return nn;
    }

    private static Curvature notFinite(Method method) {
        return new Curvature(Double.NaN, Double.NaN, method, new double[0]);
    }
}
