package org.overparam.problem.sensing;

import java.util.List;
import java.util.Objects;
import org.overparam.linalg.Dense;
import org.overparam.problem.BatchedObjective;
import org.overparam.problem.Block;
import org.overparam.problem.Residuals;

/**
 * Symmetric (PSD) factored matrix sensing, and with A_i = x_i x_iᵀ the quadratic-activation network
 * (Du &amp; Lee 2018):
 *
 * <pre>
 *   f(U) = (1/n) Σ_i (⟨A_i, UUᵀ⟩ − y_i)² + ⟨Λ, UUᵀ⟩,   Λ = λI + C
 * </pre>
 *
 * i.e. λ‖U‖_F² + ⟨C, UUᵀ⟩, over x = vec(U) of length d·R (U d×R column-major), C the instance's symmetric
 * regularizer (0 when absent). With res = 𝒜(UUᵀ) − y and G = 𝒜*(res): ∇f = (2/n)(G + Gᵀ)U + 2ΛU; along dU,
 * with dres = 𝒜(dU Uᵀ + U dUᵀ), H dU = (2/n)[(𝒜*(dres) + 𝒜*(dres)ᵀ) U + (G + Gᵀ) dU] + 2Λ dU.
 *
 * <p>Operators whose A_i are not symmetric (dense Gaussian) are handled exactly through
 * {@link MeasurementOperator#adjointTransposeTimes}; symmetric ones save half the adjoint calls. The data term
 * and the adjoint images are reached through a {@link DataForm}: MEASURED through the operator's factored methods
 * (O(n·d·R) for rank-one), GRAM through the instance's shared H = 𝐀ᵀ𝐀 (one pass over its packed triangle, see
 * {@code GramDataTerm} for its accuracy); {@link #dataLoss} and {@link #residuals()} always go through 𝒜 itself.
 * C adds d²R per call. Scratch is preallocated in {@link #of}; instances are per run and not thread-safe.
 */
public final class SymmetricSensing implements SensingObjective {

    private final SensingInstance instance;
    private final DataTerm fit;
    private final MeasuredDataTerm exact;
    private final int d;
    private final int n;
    private final int rank;
    private final int dr;
    private final double lambda;
    private final double[] c;
    private final double[] truth;
    private final double truthNorm;

    private final double[] t1;
    private final double[] cu;
    private final double[] column;

    private SymmetricSensing(SensingInstance instance, int rank, DataForm form) {
        this.instance = instance;
        this.d = instance.dim();
        this.n = instance.count();
        this.rank = rank;
        this.dr = d * rank;
        this.lambda = instance.lambda();
        this.c = instance.regularizerShared();
        this.truth = instance.truthShared();
        this.truthNorm = Dense.norm(truth);
        this.exact = new MeasuredDataTerm(instance, rank);
        this.fit = DataTerm.of(instance, rank, form, exact);
        this.t1 = new double[dr];
        this.cu = new double[dr];
        this.column = new double[d];
    }

    /** {@link #of(SensingInstance, int, DataForm)} in the MEASURED form. */
    public static SymmetricSensing of(SensingInstance instance, int rank) {
        return of(instance, rank, DataForm.MEASURED);
    }

    /**
     * @param instance the sensing instance; its regularizer C enters as ⟨C, UUᵀ⟩
     * @param rank     R ≥ 1, columns of U
     * @param form     how the data term is evaluated; GRAM only where {@link DataForm#preferred} picks it (its H is
     *                 built on the instance on first use and shared)
     */
    public static SymmetricSensing of(SensingInstance instance, int rank, DataForm form) {
        Objects.requireNonNull(instance, "instance must not be null");
        Objects.requireNonNull(form, "form must not be null");
        if (rank < 1) {
            throw new IllegalArgumentException("rank must be >= 1, got " + rank);
        }
        if ((long) instance.dim() * rank > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("d*rank must fit in an array, got d=" + instance.dim()
                    + ", rank=" + rank);
        }
        return new SymmetricSensing(instance, rank, form);
    }

    /** {@link SensingObjective#lanes} for symmetric models. */
    public static BatchedObjective lanes(List<SymmetricSensing> lanes) {
        return SensingObjective.lanes(lanes);
    }

    /** Rank-one operators, no regularizer, one shape: what {@link RankOneLanes} computes. */
    static boolean simdLanes(List<SymmetricSensing> lanes) {
        SymmetricSensing first = lanes.get(0);
        for (SymmetricSensing f : lanes) {
            if (!(f.instance.operator() instanceof RankOneOperator) || f.c != null || f.d != first.d
                    || f.n != first.n || f.rank != first.rank) {
                return false;
            }
        }
        return true;
    }

    /** U, d×R. */
    @Override
    public List<Block> blocks() {
        return List.of(new Block("U", d, rank, 0));
    }

    @Override
    public int dimension() {
        return dr;
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
        checkLength("x", x);
        double f = fit.at(x, x) + lambda * Dense.dot(x, x);
        if (c != null) {
            Dense.gemm(false, false, d, rank, d, 1.0, c, x, 0.0, cu);
            f += Dense.dot(x, cu);
        }
        return f;
    }

    @Override
    public double valueAndGradient(double[] x, double[] gradient) {
        checkLength("gradient", gradient);
        checkLength("x", x);
        return gradient(x, gradient, fit.atSymmetricWithResidualTimes(x, gradient));
    }

    /**
     * {@link #valueAndGradient} in two halves around the product He, for {@link GramLanes}: the Gram term's
     * {@code atSymmetricWithResidualTimes} is {@code at} then {@code residualSymmetrizedTimes}, so the same bits. Only
     * in the GRAM form.
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
                checkLength("x", x);
                term.stage(x, x);
            }

            @Override
            public double finish(double[] x, double[] gradient) {
                checkLength("gradient", gradient);
                double data = term.finish();
                term.residualSymmetrizedTimes(x, gradient);
                return gradient(x, gradient, data);
            }
        };
    }

    /** The rest of {@link #valueAndGradient} given D and (G + Gᵀ)U in {@code gradient}: writes ∇f, returns f. */
    private double gradient(double[] x, double[] gradient, double data) {
        double f = data + lambda * Dense.dot(x, x);
        if (c != null) {
            Dense.gemm(false, false, d, rank, d, 1.0, c, x, 0.0, cu);
            f += Dense.dot(x, cu);
        }
        double scale = 2.0 / n;
        for (int j = 0; j < dr; j++) {
            gradient[j] = scale * gradient[j] + 2 * lambda * x[j];
        }
        if (c != null) {
            Dense.axpy(dr, 2.0, cu, 0, gradient, 0);
        }
        return f;
    }

    @Override
    public void hessianVector(double[] x, double[] direction, double[] out) {
        checkLength("x", x);
        checkLength("direction", direction);
        checkLength("out", out);
        fit.alongSymmetric(x, direction);
        fit.curvatureSymmetrizedTimes(x, out);
        fit.residualSymmetrizedTimes(direction, t1);
        double scale = 2.0 / n;
        for (int j = 0; j < dr; j++) {
            out[j] = scale * (out[j] + t1[j]) + 2 * lambda * direction[j];
        }
        if (c != null) {
            Dense.gemm(false, false, d, rank, d, 2.0, c, direction, 1.0, out);
        }
    }

    /** (1/n)‖𝒜(UUᵀ) − y‖² from the residuals through 𝒜, whatever the form: accurate down to D → 0. */
    @Override
    public double dataLoss(double[] x) {
        checkLength("x", x);
        return exact.at(x, x);
    }

    @Override
    public double recoveryError(double[] x) {
        checkLength("x", x);
        // Column by column, so no d×d scratch is needed and small errors keep full relative precision.
        double sum = 0;
        for (int b = 0; b < d; b++) {
            for (int a = 0; a < d; a++) {
                column[a] = -truth[a + d * b];
            }
            for (int k = 0; k < rank; k++) {
                Dense.axpy(d, x[b + d * k], x, d * k, column, 0);
            }
            sum += Dense.dot(column, column);
        }
        double err = Math.sqrt(sum);
        return truthNorm > 0 ? err / truthNorm : err;
    }

    @Override
    public void product(double[] x, double[] out) {
        checkLength("x", x);
        if (out.length < d * d) {
            throw new IllegalArgumentException("out must hold d*d = " + d * d + " doubles, got " + out.length);
        }
        Dense.gemm(false, true, d, d, rank, 1.0, x, x, 0.0, out);
    }

    /**
     * F_i = ⟨A_i, UUᵀ⟩ (m = n): J dU = 𝒜(dU Uᵀ + U dUᵀ), Jᵀw = (𝒜*(w) + 𝒜*(w)ᵀ) U. The view shares this
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
                checkLength("x", x);
                checkLength("direction", direction);
                checkCount("out", out);
                exact.measureSymmetric(x, direction, out);
            }

            @Override
            public void jacobianTransposeTimes(double[] x, double[] w, double[] out) {
                checkLength("x", x);
                checkCount("w", w);
                checkLength("out", out);
                exact.adjointSymmetrizedTimes(w, x, out);
            }
        };
    }

    private void checkCount(String key, double[] a) {
        if (a.length != n) {
            throw new IllegalArgumentException(key + " must have length n = " + n + ", got " + a.length);
        }
    }

    private void checkLength(String key, double[] a) {
        if (a.length != dr) {
            throw new IllegalArgumentException(key + " must have length d*R = " + dr + ", got " + a.length);
        }
    }

    @Override
    public String toString() {
        return "SymmetricSensing[d=" + d + ", n=" + n + ", R=" + rank + ", lambda=" + lambda
                + (c == null ? "" : ", regularized") + ", " + form() + "]";
    }
}
