package org.overparam.problem.maxcut;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.overparam.certify.DualCertificate;
import org.overparam.linalg.Dense;
import org.overparam.problem.Block;
import org.overparam.problem.Model;

/**
 * The Burer–Monteiro factorization of the Max-Cut SDP on the oblique manifold (Burer &amp; Monteiro 2003;
 * Boumal, Voroninski &amp; Bandeira 2016; Absil, Mahony &amp; Sepulchre 2008 for the Riemannian calculus):
 *
 * <pre>
 *   f(Y) = ⟨C, YYᵀ⟩,   Y ∈ OB(n, p) = { Y ∈ R^{n×p} : ‖y_i‖ = 1 for every row y_i },
 * </pre>
 *
 * over x = vec(Y) of length n·p (Y(i, k) at {@code x[i + n*k]}). With P_Y the row-wise projection onto the
 * tangent space, P_Y(Z)_i = z_i − ⟨z_i, y_i⟩ y_i, and μ_i = ⟨(CY)_i, y_i⟩:
 * <ul>
 *   <li>{@link #valueAndGradient}: the Riemannian gradient grad f(Y) = P_Y(2CY) = 2(CY − Diag(μ)Y);</li>
 *   <li>{@link #hessianVector}: for Ẏ = T + N split into tangent T = P_Y(Ẏ) and normal N = Ẏ − T parts,
 *       Hess f(Y)[T] + β·N with Hess f(Y)[T] = P_Y(2(C − Diag(μ))T), the Riemannian Hessian (the projected
 *       derivative of the gradient). The normal shift β = {@link #normalShift()} = 1 + 4·max_i Σ_j |C_ij|
 *       exceeds every tangent eigenvalue (|λ| ≤ 2‖C − Diag(μ)‖₂ ≤ 2(‖C‖₂ + max|μ_i|) ≤ 4·max_i Σ_j|C_ij|), so
 *       the operator is symmetric on R^{np} and its smallest eigenvalue is the smallest tangent one whenever
 *       p ≥ 2 ({@link Model}'s manifold contract);</li>
 *   <li>{@link #retract}: row normalization y_i ← y_i/‖y_i‖ (a zero row becomes e₁), a second-order
 *       retraction, so d²/dt² f(R(Y + tξ)) at t = 0 is ⟨ξ, Hess f(Y)[ξ]⟩ for tangent ξ.</li>
 * </ul>
 * The gradient and Hessian formulas are those of the manifold at points with unit rows (as every iterate of a
 * retracted search has); they are not checked. p = 1 is the combinatorial problem itself: Y ∈ {±1}ⁿ, the
 * tangent space is {0} and f(y) = −cut(y) for a graph cost.
 *
 * <p>Cost: two n×n by n×p products (dgemm) per Hessian–vector product, one per value or gradient, O(n²p).
 * Scratch is preallocated in {@link #of}; only {@link #initialPoint} and {@link #certificate} allocate.
 * One instance per run, not thread-safe.
 */
public final class BurerMonteiro implements Model {

    private final MaxCutInstance instance;
    private final int n;
    private final int p;
    private final int np;
    private final double[] c;
    private final double beta;

    private final double[] cy;
    private final double[] tangent;
    private final double[] ct;
    private final double[] mu;
    private final double[] rowDot;

    private BurerMonteiro(MaxCutInstance instance, int p) {
        this.instance = instance;
        this.n = instance.n();
        this.p = p;
        this.np = n * p;
        this.c = instance.costShared();
        this.beta = 1 + 4 * instance.maxRowSum();
        this.cy = new double[np];
        this.tangent = new double[np];
        this.ct = new double[np];
        this.mu = new double[n];
        this.rowDot = new double[n];
    }

    /**
     * @param instance the cost C
     * @param p        the rank, columns of Y, ≥ 1
     */
    public static BurerMonteiro of(MaxCutInstance instance, int p) {
        Objects.requireNonNull(instance, "instance must not be null");
        if (p < 1) {
            throw new IllegalArgumentException("p must be ≥ 1, got " + p);
        }
        if ((long) instance.n() * p > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("n·p must fit in an array, got n=" + instance.n() + ", p=" + p);
        }
        return new BurerMonteiro(instance, p);
    }

    /** The instance this model was built on. */
    public MaxCutInstance instance() {
        return instance;
    }

    /** p, the rank (columns of Y). */
    public int rank() {
        return p;
    }

    /** β, the eigenvalue of {@link #hessianVector} on normal directions: 1 + 4·max_i Σ_j |C_ij|. */
    public double normalShift() {
        return beta;
    }

    /** Y, n×p: node i's unit vector in row i. */
    @Override
    public List<Block> blocks() {
        return List.of(new Block("Y", n, p, 0));
    }

    @Override
    public int dimension() {
        return np;
    }

    /** n(p − 1), the dimension of the oblique manifold. */
    @Override
    public int tangentDimension() {
        return n * (p - 1);
    }

    /** ⟨C, YYᵀ⟩ = ⟨Y, CY⟩ (defined for any Y, unit rows or not). */
    @Override
    public double value(double[] x) {
        checkLength("x", x);
        Dense.gemm(false, false, n, p, n, 1.0, c, x, 0.0, cy);
        return Dense.dot(x, cy);
    }

    /** Returns ⟨C, YYᵀ⟩ and writes the Riemannian gradient P_Y(2CY) into {@code gradient}. */
    @Override
    public double valueAndGradient(double[] x, double[] gradient) {
        checkLength("x", x);
        checkLength("gradient", gradient);
        multipliers(x);
        double f = 0;
        for (int i = 0; i < n; i++) {
            f += mu[i];
        }
        for (int k = 0; k < p; k++) {
            int off = n * k;
            for (int i = 0; i < n; i++) {
                gradient[off + i] = 2 * (cy[off + i] - mu[i] * x[off + i]);
            }
        }
        return f;
    }

    /** Writes Hess f(Y)[P_Y v] + β·(v − P_Y v) into {@code out} (see the class comment). */
    @Override
    public void hessianVector(double[] x, double[] v, double[] out) {
        checkLength("x", x);
        checkLength("v", v);
        checkLength("out", out);
        multipliers(x);
        project(x, v, tangent);
        Dense.gemm(false, false, n, p, n, 1.0, c, tangent, 0.0, ct);
        for (int k = 0; k < p; k++) {
            int off = n * k;
            for (int i = 0; i < n; i++) {
                ct[off + i] = 2 * (ct[off + i] - mu[i] * tangent[off + i]);
            }
        }
        project(x, ct, out);
        for (int j = 0; j < np; j++) {
            out[j] += beta * (v[j] - tangent[j]);
        }
    }

    /** Normalizes every row of Y in place; a zero row becomes e₁ (a non-finite row stays non-finite). */
    @Override
    public void retract(double[] x) {
        checkLength("x", x);
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int k = 0; k < p; k++) {
                s += x[i + n * k] * x[i + n * k];
            }
            if (!(s >= Double.MIN_NORMAL && s < Double.POSITIVE_INFINITY)) {
                // Zero, or a squared norm that under- or overflowed: look at the entries themselves.
                double m = 0;
                for (int k = 0; k < p; k++) {
                    m = Math.max(m, Math.abs(x[i + n * k]));
                }
                if (m == 0) {
                    x[i] = 1.0;
                    continue;
                }
                if (!(m < Double.POSITIVE_INFINITY)) {
                    continue;
                }
                s = 0;
                for (int k = 0; k < p; k++) {
                    x[i + n * k] /= m;
                    s += x[i + n * k] * x[i + n * k];
                }
            }
            double inv = 1 / Math.sqrt(s);
            for (int k = 0; k < p; k++) {
                x[i + n * k] *= inv;
            }
        }
    }

    /**
     * Y₀ with i.i.d. N(0, 1) entries drawn in parameter order (x[0], x[1], …), then rows normalized: each row
     * is uniform on the unit sphere S^{p−1}. The scale α drops out in the normalization, so it is ignored (the
     * draws, and hence the point, are the same for every α).
     */
    @Override
    public double[] initialPoint(double alpha, RandomGenerator rng) {
        Objects.requireNonNull(rng, "rng must not be null");
        double[] x = Model.gaussianStart(np, 1, rng);
        retract(x);
        return x;
    }

    /** f itself: the SDP objective has no regularization. */
    @Override
    public double loss(double[] x) {
        return value(x);
    }

    /**
     * λ_min(C − Diag(μ)) with μ = rowsum((CY)∘Y), the {@link DualCertificate} of x: ≥ 0 (up to rounding) exactly
     * when YYᵀ solves the SDP. Allocates (an n×n eigendecomposition).
     */
    @Override
    public double certificate(double[] x) {
        return dualCertificate(x).minEigenvalue();
    }

    /** The full {@link DualCertificate} of x (value, λ_min, lower bound, gap). Allocates. */
    public DualCertificate dualCertificate(double[] x) {
        checkLength("x", x);
        return DualCertificate.of(n, c, x, p);
    }

    /** cy = CY and μ_i = ⟨(CY)_i, y_i⟩. */
    private void multipliers(double[] x) {
        Dense.gemm(false, false, n, p, n, 1.0, c, x, 0.0, cy);
        rowDots(cy, x, mu);
    }

    /** out = P_Y(z), row by row z_i − ⟨z_i, y_i⟩ y_i; uses rowDot. {@code out} may be {@code z}. */
    private void project(double[] y, double[] z, double[] out) {
        rowDots(z, y, rowDot);
        for (int k = 0; k < p; k++) {
            int off = n * k;
            for (int i = 0; i < n; i++) {
                out[off + i] = z[off + i] - rowDot[i] * y[off + i];
            }
        }
    }

    /** out_i = ⟨a_i, b_i⟩ over the rows of two n×p matrices (column by column, for contiguous access). */
    private void rowDots(double[] a, double[] b, double[] out) {
        Arrays.fill(out, 0.0);
        for (int k = 0; k < p; k++) {
            int off = n * k;
            for (int i = 0; i < n; i++) {
                out[i] += a[off + i] * b[off + i];
            }
        }
    }

    private void checkLength(String key, double[] a) {
        if (a.length != np) {
            throw new IllegalArgumentException(key + " must have length n·p = " + np + ", got " + a.length);
        }
    }

    @Override
    public String toString() {
        return "BurerMonteiro[n=" + n + ", p=" + p + "]";
    }
}
