package org.overparam.problem.relu;

import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.overparam.linalg.Dense;
import org.overparam.problem.Block;
import org.overparam.problem.Model;
import org.overparam.problem.Residuals;

/**
 * The empirical loss of a two-layer ReLU student against the teacher V = [e_1 … e_r] on n fixed Gaussian inputs,
 * over x = vec(W), W d×R column-major (w_i at x[d·i …]):
 *
 * <pre>
 *   F(W) = (1/(2n)) Σ_s (F_s(W) − y_s)²,   F_s(W) = Σ_i relu(w_iᵀx_s),   y_s = Σ_j relu(v_jᵀx_s)
 * </pre>
 *
 * With Z = WᵀX (R×n, X = [x_1 … x_n] d×n), the residual ρ_s = F_s − y_s and the mask D_is = 1[z_is &gt; 0]
 * (relu′(0) = 0): the Jacobian row of F_s is J_s = vec([D_1s x_s … D_Rs x_s])ᵀ, ∇F = (1/n) Jᵀρ = (1/n) X (D∘ρ)ᵀ.
 *
 * <p><b>Hessian.</b> {@link #hessianVector} is the Gauss–Newton product (1/n) Σ_s J_sᵀ(J_s v) = (1/n) Jᵀ(J v).
 * Each F_s is piecewise linear in W, so the curvature term (1/n) Σ_s ρ_s ∇²F_s vanishes off the kinks
 * {z_is = 0}: the product is the exact Hessian almost everywhere (wherever no preactivation is exactly 0).
 *
 * <p>{@link #residuals()} exposes the outputs F_s(W) (count n) through J. Cost O(n·d·R) per call through
 * BLAS dgemm over contiguous column-major buffers preallocated per model; no allocation per call. One model per
 * run, not thread-safe; the samples are shared read-only with the {@link TeacherStudent} instance.
 */
public final class ReluSampleLoss implements Model {

    private final TeacherStudent instance;
    private final int d;
    private final int n;
    private final int rank;
    private final int dr;
    private final double[] samples;
    private final double[] y;
    private final Outputs outputs = new Outputs();

    /** Z = WᵀX, R×n. */
    private final double[] z;
    /** R×n: VᵀX for a direction V, or the masked weights D∘w that X multiplies. */
    private final double[] aux;
    /** Length n: residuals or J·v. */
    private final double[] perSample;

    private ReluSampleLoss(TeacherStudent instance, int rank) {
        this.instance = instance;
        this.d = instance.d();
        this.n = instance.n();
        this.rank = rank;
        this.dr = d * rank;
        this.samples = instance.samplesShared();
        this.y = instance.teacherOutputsShared();
        this.z = new double[rank * n];
        this.aux = new double[rank * n];
        this.perSample = new double[n];
    }

    /**
     * @param instance a sampled instance ({@link TeacherStudent#sampled})
     * @param rank     R ≥ 1, the student width
     */
    public static ReluSampleLoss of(TeacherStudent instance, int rank) {
        Objects.requireNonNull(instance, "instance must not be null");
        if (instance.isPopulation()) {
            throw new IllegalArgumentException("instance must be a sampled instance (n >= 1), got the population");
        }
        TeacherStudent.checkRank(instance.d(), rank);
        if ((long) instance.n() * rank > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("n*rank must fit in an array, got n=" + instance.n()
                    + ", rank=" + rank);
        }
        return new ReluSampleLoss(instance, rank);
    }

    /** The instance this model fits. */
    public TeacherStudent instance() {
        return instance;
    }

    /** R, the student width. */
    public int rank() {
        return rank;
    }

    /** W, d×R: student neuron w_i in column i. */
    @Override
    public List<Block> blocks() {
        return List.of(new Block("W", d, rank, 0));
    }

    @Override
    public int dimension() {
        return dr;
    }

    /** W₀ = α·G/√d, G with i.i.d. N(0, 1) entries drawn in parameter order (shared with the population model). */
    @Override
    public double[] initialPoint(double alpha, RandomGenerator rng) {
        return TeacherStudent.initialPoint(d, rank, alpha, rng);
    }

    /** The empirical loss itself (there is no regularization). */
    @Override
    public double loss(double[] x) {
        return value(x);
    }

    @Override
    public double value(double[] x) {
        checkLength("x", x);
        residual(x);
        return Dense.dot(perSample, perSample) / (2.0 * n);
    }

    @Override
    public double valueAndGradient(double[] x, double[] gradient) {
        checkLength("gradient", gradient);
        double f = value(x);
        maskedTransposeTimes(perSample, 1.0 / n, gradient);
        return f;
    }

    /** The Gauss–Newton product (1/n) Jᵀ(J v): the exact Hessian wherever no preactivation w_iᵀx_s is 0. */
    @Override
    public void hessianVector(double[] x, double[] v, double[] out) {
        checkLength("x", x);
        checkLength("direction", v);
        checkLength("out", out);
        preactivations(x);
        jacobianTimes(v, perSample);
        maskedTransposeTimes(perSample, 1.0 / n, out);
    }

    /** The outputs F_s(W) = Σ_i relu(w_iᵀx_s) and J = ∂F/∂x; the loss is (1/(2n))‖F − y‖². */
    @Override
    public Residuals residuals() {
        return outputs;
    }

    /** Writes the student's outputs F_s(W) = Σ_i relu(w_iᵀx_s), s &lt; n, into {@code out} (length n). */
    public void predictions(double[] x, double[] out) {
        checkLength("x", x);
        checkOutputs("out", out);
        preactivations(x);
        for (int s = 0; s < n; s++) {
            double t = 0;
            int o = rank * s;
            for (int i = 0; i < rank; i++) {
                t += Math.max(z[o + i], 0.0);
            }
            out[s] = t;
        }
    }

    /** Z = WᵀX. */
    private void preactivations(double[] x) {
        Dense.gemm(true, false, rank, n, d, 1.0, x, samples, 0.0, z);
    }

    /** perSample = F(W) − y. */
    private void residual(double[] x) {
        predictions(x, perSample);
        for (int s = 0; s < n; s++) {
            perSample[s] -= y[s];
        }
    }

    /** out (length n) = J v for the mask of the current Z: out_s = Σ_i 1[z_is &gt; 0] v_iᵀx_s. */
    private void jacobianTimes(double[] v, double[] out) {
        Dense.gemm(true, false, rank, n, d, 1.0, v, samples, 0.0, aux);
        for (int s = 0; s < n; s++) {
            double t = 0;
            int o = rank * s;
            for (int i = 0; i < rank; i++) {
                if (z[o + i] > 0) {
                    t += aux[o + i];
                }
            }
            out[s] = t;
        }
    }

    /** out (length d·R) = scale·Jᵀu = scale·X (D∘u)ᵀ for the mask D of the current Z. */
    private void maskedTransposeTimes(double[] u, double scale, double[] out) {
        for (int s = 0; s < n; s++) {
            int o = rank * s;
            double us = u[s];
            for (int i = 0; i < rank; i++) {
                aux[o + i] = z[o + i] > 0 ? us : 0.0;
            }
        }
        Dense.gemm(false, true, d, rank, n, scale, samples, aux, 0.0, out);
    }

    private void checkLength(String key, double[] a) {
        if (a.length != dr) {
            throw new IllegalArgumentException(key + " must have length d*R = " + dr + ", got " + a.length);
        }
    }

    private void checkOutputs(String key, double[] a) {
        if (a.length != n) {
            throw new IllegalArgumentException(key + " must have length n = " + n + ", got " + a.length);
        }
    }

    /** The Jacobian of the outputs, sharing the model's scratch (same run, same thread). */
    private final class Outputs implements Residuals {

        @Override
        public int count() {
            return n;
        }

        @Override
        public void jacobianTimes(double[] x, double[] v, double[] out) {
            checkLength("x", x);
            checkLength("v", v);
            checkOutputs("out", out);
            preactivations(x);
            ReluSampleLoss.this.jacobianTimes(v, out);
        }

        @Override
        public void jacobianTransposeTimes(double[] x, double[] u, double[] out) {
            checkLength("x", x);
            checkOutputs("u", u);
            checkLength("out", out);
            preactivations(x);
            maskedTransposeTimes(u, 1.0, out);
        }
    }

    @Override
    public String toString() {
        return "ReluSampleLoss[d=" + d + ", r=" + instance.r() + ", n=" + n + ", R=" + rank + "]";
    }
}
