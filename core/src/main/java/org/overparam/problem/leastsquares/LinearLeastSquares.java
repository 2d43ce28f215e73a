package org.overparam.problem.leastsquares;

import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.overparam.linalg.Dense;
import org.overparam.linalg.Svd;
import org.overparam.problem.Block;
import org.overparam.problem.Model;
import org.overparam.problem.Residuals;

/**
 * Linear least squares with R parameters and n samples:
 *
 * <pre>
 *   f(θ) = (1/n)‖Aθ − y‖²,   ∇f = (2/n)Aᵀ(Aθ − y),   ∇²f v = (2/n)AᵀA v,
 * </pre>
 *
 * A n×R column-major (sample i of feature j at {@code i + n*j}), θ ∈ R^R. Convex: every stationary point is a
 * global minimum, of value {@link #minimum()} = (1/n)‖(I − AA⁺)y‖². When rank(A) &lt; R the minimizers form an
 * affine set, and gradient descent from θ₀ (whose steps all lie in the row space of A) converges to the one
 * closest to θ₀, θ_proj = θ₀ + A⁺(y − Aθ₀) ({@link #closestMinimizer}; the implicit bias of Bartlett, Long,
 * Lugosi &amp; Tsigler, PNAS 2020). {@link #recoveryError} is the distance to it.
 *
 * <p><b>Rank.</b> A⁺, the rank and the minimum come from one thin SVD A = U diag(σ) Vᵀ ({@link Svd}, LAPACK
 * dgesdd), computed on first use and kept. Singular values σ_i ≤ {@value #RANK_RTOL}·σ_1·max(n, R) count as 0:
 * far above the rounding level ~ε·σ_1 of a truly rank-deficient A, and far below the smallest singular value of
 * a Gaussian n×R matrix (≈ |√n − √R|, ≈ σ_1/(2n)·t with P ≈ t when R = n) except with negligible probability.
 *
 * <p>The objective's methods use preallocated scratch and never allocate; like every model, an instance is
 * for one run and not thread-safe.
 */
public final class LinearLeastSquares implements Model {

    /** Relative singular-value cutoff, per max(n, R): see the class comment. */
    public static final double RANK_RTOL = 1e-12;

    private final int n;
    private final int p;
    private final double[] a;
    private final double[] y;
    private final double[] r;
    private final double[] av;
    private final Residuals residuals;

    // The SVD and what depends on it, computed on first use.
    private double[] u;
    private double[] s;
    private double[] vt;
    private int rank = -1;
    private double minimum;
    private double[] coefficients;
    private double[] projection;

    private LinearLeastSquares(int n, int p, double[] a, double[] y) {
        this.n = n;
        this.p = p;
        this.a = a;
        this.y = y;
        this.r = new double[n];
        this.av = new double[n];
        this.residuals = new Jacobian();
    }

    /**
     * Validates and copies.
     *
     * @param n          samples, ≥ 1
     * @param parameters R ≥ 1
     * @param features   A, n×R column-major, finite
     * @param y          n finite targets
     */
    public static LinearLeastSquares of(int n, int parameters, double[] features, double[] y) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be >= 1, got " + n);
        }
        if (parameters < 1) {
            throw new IllegalArgumentException("parameters must be >= 1, got " + parameters);
        }
        if ((long) n * parameters > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("n*parameters must fit in an array, got n=" + n + ", parameters="
                    + parameters);
        }
        requireFinite("features", features, n * parameters);
        requireFinite("y", y, n);
        return new LinearLeastSquares(n, parameters, features.clone(), y.clone());
    }

    /** Without validation or copies, for {@link LeastSquaresInstance}: neither array may be modified later. */
    static LinearLeastSquares wrap(int n, int parameters, double[] features, double[] y) {
        return new LinearLeastSquares(n, parameters, features, y);
    }

    /** n, the number of samples. */
    public int samples() {
        return n;
    }

    /** θ, R×1. */
    @Override
    public List<Block> blocks() {
        return List.of(new Block("theta", p, 1, 0));
    }

    @Override
    public int dimension() {
        return p;
    }

    @Override
    public double value(double[] x) {
        checkLength("x", x, p);
        residual(x);
        return Dense.dot(r, r) / n;
    }

    @Override
    public double valueAndGradient(double[] x, double[] gradient) {
        checkLength("gradient", gradient, p);
        double f = value(x);
        Dense.gemv(true, n, p, 2.0 / n, a, r, 0.0, gradient);
        return f;
    }

    @Override
    public void hessianVector(double[] x, double[] v, double[] out) {
        checkLength("x", x, p);
        checkLength("v", v, p);
        checkLength("out", out, p);
        Dense.gemv(false, n, p, 1.0, a, v, 0.0, av);
        Dense.gemv(true, n, p, 2.0 / n, a, av, 0.0, out);
    }

    /** θ₀ = α·G/√R, G with i.i.d. N(0, 1) entries drawn in parameter order. */
    @Override
    public double[] initialPoint(double alpha, RandomGenerator rng) {
        Objects.requireNonNull(rng, "rng must not be null");
        return Model.gaussianStart(p, alpha / Math.sqrt(p), rng);
    }

    /** f(θ): the loss has no regularization. */
    @Override
    public double loss(double[] x) {
        return value(x);
    }

    /** F(θ) = Aθ, J = A (n × R), so the tangent kernel K = AAᵀ does not depend on θ. */
    @Override
    public Residuals residuals() {
        return residuals;
    }

    /**
     * ‖x − θ_proj‖/max(‖θ_proj‖, 1e-300) with θ_proj = start + A⁺(y − A·start), the minimizer closest to
     * {@code start}; NaN when either point is not finite. Computes the SVD on first use.
     */
    @Override
    public double recoveryError(double[] start, double[] x) {
        checkLength("start", start, p);
        checkLength("x", x, p);
        if (!allFinite(start) || !allFinite(x)) {
            return Double.NaN;
        }
        project(start);
        double err2 = 0;
        for (int j = 0; j < p; j++) {
            double e = x[j] - projection[j];
            err2 += e * e;
        }
        return Math.sqrt(err2) / Math.max(Dense.norm(projection), 1e-300);
    }

    /** θ_proj = start + A⁺(y − A·start), the minimizer of f closest to {@code start}, as a new array. */
    public double[] closestMinimizer(double[] start) {
        checkLength("start", start, p);
        project(start);
        return projection.clone();
    }

    /** min_θ f(θ) = (1/n)‖(I − AA⁺)y‖², the exact global minimum (0 up to rounding when rank(A) = n). */
    public double minimum() {
        decompose();
        return minimum;
    }

    /** rank(A): the number of singular values above the {@link #RANK_RTOL} cutoff. */
    public int rank() {
        decompose();
        return rank;
    }

    /** projection = start + V_ρ diag(1/σ) U_ρᵀ (y − A·start) over the ρ kept singular values. */
    private void project(double[] start) {
        decompose();
        residual(start); // r = A·start − y
        Dense.gemv(true, n, rank, -1.0, u, r, 0.0, coefficients);
        for (int i = 0; i < rank; i++) {
            coefficients[i] /= s[i];
        }
        int k = Math.min(n, p);
        System.arraycopy(start, 0, projection, 0, p);
        // Vᵀ is k×R and only its first ρ rows enter: a ρ×R block with leading dimension k, which Dense.gemv
        // (tight leading dimensions) cannot address.
        for (int i = 0; i < rank; i++) {
            double c = coefficients[i];
            for (int j = 0; j < p; j++) {
                projection[j] += c * vt[i + k * j];
            }
        }
    }

    private void decompose() {
        if (rank >= 0) {
            return;
        }
        Svd svd = Svd.of(n, p, a);
        u = svd.u();
        s = svd.singularValues();
        vt = svd.vt();
        double cutoff = RANK_RTOL * s[0] * Math.max(n, p);
        int rho = 0;
        while (rho < s.length && s[rho] > cutoff) {
            rho++;
        }
        coefficients = new double[Math.max(1, rho)];
        projection = new double[p];
        // (I − U_ρU_ρᵀ)y formed explicitly rather than ‖y‖² − ‖U_ρᵀy‖², which cancels when the fit is close.
        double[] c = new double[Math.max(1, rho)];
        double[] fitted = y.clone();
        Dense.gemv(true, n, rho, 1.0, u, y, 0.0, c);
        Dense.gemv(false, n, rho, -1.0, u, c, 1.0, fitted);
        minimum = Dense.dot(fitted, fitted) / n;
        rank = rho;
    }

    /** r = A x − y. */
    private void residual(double[] x) {
        System.arraycopy(y, 0, r, 0, n);
        Dense.gemv(false, n, p, 1.0, a, x, -1.0, r);
    }

    private static void checkLength(String key, double[] v, int length) {
        Objects.requireNonNull(v, () -> key + " must not be null");
        if (v.length != length) {
            throw new IllegalArgumentException(key + " must have length " + length + ", got " + v.length);
        }
    }

    private static boolean allFinite(double[] v) {
        for (double e : v) {
            if (!Double.isFinite(e)) {
                return false;
            }
        }
        return true;
    }

    private static void requireFinite(String key, double[] values, int length) {
        checkLength(key, values, length);
        for (int i = 0; i < length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException(key + " entries must be finite, got " + values[i]
                        + " at index " + i);
            }
        }
    }

    /** J = A: the outputs Aθ are linear in θ. */
    private final class Jacobian implements Residuals {
        @Override
        public int count() {
            return n;
        }

        @Override
        public void jacobianTimes(double[] x, double[] v, double[] out) {
            checkLength("x", x, p);
            checkLength("v", v, p);
            checkLength("out", out, n);
            Dense.gemv(false, n, p, 1.0, a, v, 0.0, out);
        }

        @Override
        public void jacobianTransposeTimes(double[] x, double[] w, double[] out) {
            checkLength("x", x, p);
            checkLength("w", w, n);
            checkLength("out", out, p);
            Dense.gemv(true, n, p, 1.0, a, w, 0.0, out);
        }
    }

    @Override
    public String toString() {
        return "LinearLeastSquares[n=" + n + ", R=" + p + "]";
    }
}
