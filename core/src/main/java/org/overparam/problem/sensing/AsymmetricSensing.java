package org.overparam.problem.sensing;

import java.util.List;
import java.util.Objects;
import org.overparam.linalg.Dense;
import org.overparam.problem.Block;
import org.overparam.problem.Residuals;

/**
 * Asymmetric factored matrix sensing (Burer–Monteiro; Ge, Jin &amp; Zheng 2017):
 *
 * <pre>
 *   f(U, V) = (1/n) Σ_i (⟨A_i, UVᵀ⟩ − y_i)² + λ (‖U‖_F² + ‖V‖_F²)
 * </pre>
 *
 * over x = [vec(U); vec(V)] of length 2·d·R, U and V d×R column-major (U(a,k) at x[a + d k], V(a,k) at
 * x[d R + a + d k]). With res = 𝒜(UVᵀ) − y and G = 𝒜*(res):
 * ∇_U f = (2/n) G V + 2λU, ∇_V f = (2/n) Gᵀ U + 2λV; along (dU, dV), with dres = 𝒜(dU Vᵀ + U dVᵀ),
 * H_U = (2/n)[𝒜*(dres) V + G dV] + 2λ dU and H_V = (2/n)[𝒜*(dres)ᵀ U + Gᵀ dU] + 2λ dV.
 *
 * <p>The data term and G, 𝒜*(dres) are reached through a {@link DataForm}: MEASURED goes through the operator's
 * factored methods, so one evaluation costs what those cost (O(n·d·R) for rank-one, O(n·R) for entry sampling,
 * two passes over 𝐀 when dense); GRAM goes through the instance's shared H = 𝐀ᵀ𝐀 (one pass over its packed
 * triangle, see {@code GramDataTerm} for its accuracy). Either way {@link #dataLoss} and {@link #residuals()}
 * go through 𝒜 itself. The instance's regularizer C is not used by this model. Scratch is preallocated in
 * {@link #of}; instances are per run and not thread-safe.
 */
public final class AsymmetricSensing implements SensingObjective {

    private final SensingInstance instance;
    private final DataTerm fit;
    private final MeasuredDataTerm exact;
    private final int d;
    private final int n;
    private final int rank;
    private final int dr;
    private final double lambda;
    private final double[] truth;
    private final double truthNorm;

    private final double[] u;
    private final double[] v;
    private final double[] du;
    private final double[] dv;
    private final double[] t1;
    private final double[] t2;
    private final double[] t3;
    private final double[] t4;
    private final double[] column;

    private AsymmetricSensing(SensingInstance instance, int rank, DataForm form) {
        this.instance = instance;
        this.d = instance.dim();
        this.n = instance.count();
        this.rank = rank;
        this.dr = d * rank;
        this.lambda = instance.lambda();
        this.truth = instance.truthShared();
        this.truthNorm = Dense.norm(truth);
        this.exact = new MeasuredDataTerm(instance, rank);
        this.fit = DataTerm.of(instance, rank, form, exact);
        this.u = new double[dr];
        this.v = new double[dr];
        this.du = new double[dr];
        this.dv = new double[dr];
        this.t1 = new double[dr];
        this.t2 = new double[dr];
        this.t3 = new double[dr];
        this.t4 = new double[dr];
        this.column = new double[d];
    }

    /** {@link #of(SensingInstance, int, DataForm)} in the MEASURED form. */
    public static AsymmetricSensing of(SensingInstance instance, int rank) {
        return of(instance, rank, DataForm.MEASURED);
    }

    /**
     * @param instance the sensing instance (its regularizer is ignored)
     * @param rank     R ≥ 1, columns of U and V
     * @param form     how the data term is evaluated; GRAM only where {@link DataForm#preferred} picks it (its H is
     *                 built on the instance on first use and shared)
     */
    public static AsymmetricSensing of(SensingInstance instance, int rank, DataForm form) {
        Objects.requireNonNull(instance, "instance must not be null");
        Objects.requireNonNull(form, "form must not be null");
        if (rank < 1) {
            throw new IllegalArgumentException("rank must be >= 1, got " + rank);
        }
        if (2L * instance.dim() * rank > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("2*d*rank must fit in an array, got d=" + instance.dim()
                    + ", rank=" + rank);
        }
        return new AsymmetricSensing(instance, rank, form);
    }

    /** U then V, each d×R. */
    @Override
    public List<Block> blocks() {
        return List.of(new Block("U", d, rank, 0), new Block("V", d, rank, dr));
    }

    @Override
    public int dimension() {
        return 2 * dr;
    }

    @Override
    public int rank() {
        return rank;
    }

    @Override
    public SensingInstance instance() {
        return instance;
    }

    @Override
    public DataForm form() {
        return fit.form();
    }

    /** The data term's floor: 0 in the MEASURED form, of order ε·f0 in the GRAM form. */
    @Override
    public double valueErrorFloor() {
        return fit.valueErrorFloor();
    }

    @Override
    public double value(double[] x) {
        split("x", x, u, v);
        return fit.at(u, v) + lambda * (Dense.dot(u, u) + Dense.dot(v, v));
    }

    @Override
    public double valueAndGradient(double[] x, double[] gradient) {
        checkLength("gradient", gradient);
        return gradient(value(x), gradient);
    }

    /** The rest of {@link #valueAndGradient} once the data term holds the point: writes ∇f, returns f. */
    private double gradient(double f, double[] gradient) {
        double c = 2.0 / n;
        fit.residualTimes(v, u, t1, t2);
        for (int j = 0; j < dr; j++) {
            gradient[j] = c * t1[j] + 2 * lambda * u[j];
            gradient[dr + j] = c * t2[j] + 2 * lambda * v[j];
        }
        return f;
    }

    /**
     * {@link #valueAndGradient} in two halves around the product He, for {@link GramLanes}: the same operations,
     * so the same bits. Only in the GRAM form.
     */
    GramLanes.Lane gramLane() {
        GramDataTerm term = (GramDataTerm) fit;
        return new GramLanes.Lane() {
            @Override
            public GramDataTerm term() {
                return term;
            }

            @Override
            public void stage(double[] x) {
                split("x", x, u, v);
                term.stage(u, v);
            }

            @Override
            public double finish(double[] x, double[] gradient) {
                checkLength("gradient", gradient);
                return gradient(term.finish() + lambda * (Dense.dot(u, u) + Dense.dot(v, v)), gradient);
            }
        };
    }

    @Override
    public void hessianVector(double[] x, double[] direction, double[] out) {
        checkLength("out", out);
        split("x", x, u, v);
        split("direction", direction, du, dv);
        fit.along(u, v, du, dv);
        double c = 2.0 / n;
        fit.curvatureTimes(v, u, t1, t2);
        fit.residualTimes(dv, du, t3, t4);
        for (int j = 0; j < dr; j++) {
            out[j] = c * (t1[j] + t3[j]) + 2 * lambda * du[j];
            out[dr + j] = c * (t2[j] + t4[j]) + 2 * lambda * dv[j];
        }
    }

    /** (1/n)‖𝒜(UVᵀ) − y‖² from the residuals through 𝒜, whatever the form: accurate down to D → 0. */
    @Override
    public double dataLoss(double[] x) {
        split("x", x, u, v);
        return exact.at(u, v);
    }

    @Override
    public double recoveryError(double[] x) {
        split("x", x, u, v);
        // Column by column, so no d×d scratch is needed and small errors keep full relative precision.
        double sum = 0;
        for (int b = 0; b < d; b++) {
            for (int a = 0; a < d; a++) {
                column[a] = -truth[a + d * b];
            }
            for (int k = 0; k < rank; k++) {
                Dense.axpy(d, v[b + d * k], u, d * k, column, 0);
            }
            sum += Dense.dot(column, column);
        }
        double err = Math.sqrt(sum);
        return truthNorm > 0 ? err / truthNorm : err;
    }

    @Override
    public void product(double[] x, double[] out) {
        if (out.length < d * d) {
            throw new IllegalArgumentException("out must hold d*d = " + d * d + " doubles, got " + out.length);
        }
        split("x", x, u, v);
        Dense.gemm(false, true, d, d, rank, 1.0, u, v, 0.0, out);
    }

    /**
     * F_i = ⟨A_i, UVᵀ⟩ (m = n): J·(dU, dV) = 𝒜(dU Vᵀ + U dVᵀ), Jᵀw = (𝒜*(w) V, 𝒜*(w)ᵀ U). The view shares this
     * objective's scratch, so it is not thread-safe either, and its calls do not allocate.
     */
    @Override
    public Residuals residuals() {
        return new Residuals() {
            @Override
            public int count() {
                return n;
            }

            @Override
            public void jacobianTimes(double[] x, double[] direction, double[] out) {
                checkCount("out", out);
                split("x", x, u, v);
                split("direction", direction, du, dv);
                exact.measure(du, v, u, dv, out);
            }

            @Override
            public void jacobianTransposeTimes(double[] x, double[] w, double[] out) {
                checkCount("w", w);
                checkLength("out", out);
                split("x", x, u, v);
                exact.adjointTimes(w, v, u, t1, t2);
                System.arraycopy(t1, 0, out, 0, dr);
                System.arraycopy(t2, 0, out, dr, dr);
            }
        };
    }

    private void split(String key, double[] x, double[] first, double[] second) {
        checkLength(key, x);
        System.arraycopy(x, 0, first, 0, dr);
        System.arraycopy(x, dr, second, 0, dr);
    }

    private void checkCount(String key, double[] a) {
        if (a.length != n) {
            throw new IllegalArgumentException(key + " must have length n = " + n + ", got " + a.length);
        }
    }

    private void checkLength(String key, double[] a) {
        if (a.length != 2 * dr) {
            throw new IllegalArgumentException(key + " must have length 2*d*R = " + 2 * dr + ", got " + a.length);
        }
    }

    @Override
    public String toString() {
        return "AsymmetricSensing[d=" + d + ", n=" + n + ", R=" + rank + ", lambda=" + lambda + ", " + form() + "]";
    }
}
