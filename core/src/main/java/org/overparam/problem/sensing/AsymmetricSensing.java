package org.overparam.problem.sensing;

import java.util.Objects;
import org.overparam.linalg.Dense;
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
 * <p>Everything goes through the operator's factored methods, so one evaluation costs what the operator's
 * factored calls cost (O(n·d·R) for rank-one, O(n·R) for entry sampling). The instance's regularizer C is
 * not used by this model. Scratch is preallocated in {@link #of}; instances are per run and not thread-safe.
 */
public final class AsymmetricSensing implements SensingObjective {

    private final SensingInstance instance;
    private final MeasurementOperator op;
    private final int d;
    private final int n;
    private final int rank;
    private final int dr;
    private final double lambda;
    private final double[] y;
    private final double[] truth;
    private final double truthNorm;

    private final double[] u;
    private final double[] v;
    private final double[] du;
    private final double[] dv;
    private final double[] t1;
    private final double[] t2;
    private final double[] res;
    private final double[] dres;
    private final double[] tmp;
    private final double[] work;
    private final double[] column;

    private AsymmetricSensing(SensingInstance instance, int rank) {
        this.instance = instance;
        this.op = instance.operator();
        this.d = instance.dim();
        this.n = instance.count();
        this.rank = rank;
        this.dr = d * rank;
        this.lambda = instance.lambda();
        this.y = instance.yShared();
        this.truth = instance.truthShared();
        this.truthNorm = Dense.norm(truth);
        this.u = new double[dr];
        this.v = new double[dr];
        this.du = new double[dr];
        this.dv = new double[dr];
        this.t1 = new double[dr];
        this.t2 = new double[dr];
        this.res = new double[n];
        this.dres = new double[n];
        this.tmp = new double[n];
        this.work = new double[op.workSize(rank)];
        this.column = new double[d];
    }

    /**
     * @param instance the sensing instance (its regularizer is ignored)
     * @param rank     R ≥ 1, columns of U and V
     */
    public static AsymmetricSensing of(SensingInstance instance, int rank) {
        Objects.requireNonNull(instance, "instance must not be null");
        if (rank < 1) {
            throw new IllegalArgumentException("rank must be >= 1, got " + rank);
        }
        if (2L * instance.dim() * rank > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("2*d*rank must fit in an array, got d=" + instance.dim()
                    + ", rank=" + rank);
        }
        return new AsymmetricSensing(instance, rank);
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
    public double value(double[] x) {
        split("x", x, u, v);
        residual();
        return Dense.dot(res, res) / n + lambda * (Dense.dot(u, u) + Dense.dot(v, v));
    }

    @Override
    public double valueAndGradient(double[] x, double[] gradient) {
        checkLength("gradient", gradient);
        double f = value(x);
        double c = 2.0 / n;
        op.adjointBothTimes(res, v, u, rank, t1, t2, work);
        for (int j = 0; j < dr; j++) {
            gradient[j] = c * t1[j] + 2 * lambda * u[j];
            gradient[dr + j] = c * t2[j] + 2 * lambda * v[j];
        }
        return f;
    }

    @Override
    public void hessianVector(double[] x, double[] direction, double[] out) {
        checkLength("out", out);
        split("x", x, u, v);
        split("direction", direction, du, dv);
        residual();
        tangentApply(dres);
        double c = 2.0 / n;
        op.adjointTimes(dres, v, rank, t1, work);
        op.adjointTimes(res, dv, rank, t2, work);
        for (int j = 0; j < dr; j++) {
            out[j] = c * (t1[j] + t2[j]) + 2 * lambda * du[j];
        }
        op.adjointTransposeTimes(dres, u, rank, t1, work);
        op.adjointTransposeTimes(res, du, rank, t2, work);
        for (int j = 0; j < dr; j++) {
            out[dr + j] = c * (t1[j] + t2[j]) + 2 * lambda * dv[j];
        }
    }

    @Override
    public double dataLoss(double[] x) {
        split("x", x, u, v);
        residual();
        return Dense.dot(res, res) / n;
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
                tangentApply(out);
            }

            @Override
            public void jacobianTransposeTimes(double[] x, double[] w, double[] out) {
                checkCount("w", w);
                checkLength("out", out);
                split("x", x, u, v);
                op.adjointBothTimes(w, v, u, rank, t1, t2, work);
                System.arraycopy(t1, 0, out, 0, dr);
                System.arraycopy(t2, 0, out, dr, dr);
            }
        };
    }

    /** out = 𝒜(dU Vᵀ + U dVᵀ) from the current u, v, du, dv: the change of the measurements; uses tmp. */
    private void tangentApply(double[] out) {
        op.applyFactored(du, v, rank, out, work);
        op.applyFactored(u, dv, rank, tmp, work);
        for (int i = 0; i < n; i++) {
            out[i] += tmp[i];
        }
    }

    /** res = 𝒜(UVᵀ) − y from the current u, v. */
    private void residual() {
        op.applyFactored(u, v, rank, res, work);
        for (int i = 0; i < n; i++) {
            res[i] -= y[i];
        }
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
        return "AsymmetricSensing[d=" + d + ", n=" + n + ", R=" + rank + ", lambda=" + lambda + "]";
    }
}
