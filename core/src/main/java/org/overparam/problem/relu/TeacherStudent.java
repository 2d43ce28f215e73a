package org.overparam.problem.relu;

import java.util.Objects;
import java.util.random.RandomGenerator;
import org.overparam.problem.Model;

/**
 * One two-layer ReLU teacher–student instance (Safran &amp; Shamir, ICML 2018): teacher x ↦ Σ_{j≤r} relu(v_jᵀx)
 * with V = [e_1 … e_r] the first r columns of I_d, students x ↦ Σ_{i≤R} relu(w_iᵀx), output weights fixed at
 * 1, inputs x ~ N(0, I_d). Either the population loss (n = 0, closed form) or n fixed Gaussian samples.
 *
 * <p>Immutable and thread-safe: one instance is shared by every run of a replicate; each run makes its own
 * {@link #model} (which holds that run's scratch). Getters return copies.
 */
public final class TeacherStudent {

    private final int d;
    private final int r;
    private final int n;
    /** d×n column-major: sample s occupies [d·s, d·s + d). Null for the population loss. */
    private final double[] samples;
    /** Σ_j relu(v_jᵀx_s) = Σ_{j<r} relu(x_s[j]) for each sample. Null for the population loss. */
    private final double[] teacherOutputs;
    private final double f0;

    private TeacherStudent(int d, int r, int n, double[] samples, double[] teacherOutputs, double f0) {
        this.d = d;
        this.r = r;
        this.n = n;
        this.samples = samples;
        this.teacherOutputs = teacherOutputs;
        this.f0 = f0;
    }

    /**
     * The population loss F(W) = ½ E_{x~N(0,I)}[(Σ_i relu(w_iᵀx) − Σ_j relu(v_jᵀx))²], in closed form.
     *
     * @param d input dimension, ≥ r
     * @param r teacher width, ≥ 1
     */
    public static TeacherStudent population(int d, int r) {
        checkShape(d, r);
        double[] v = teacher(d, r);
        double f0 = ReluPopulationLoss.halfGramSum(d, r, v);
        return new TeacherStudent(d, r, 0, null, null, f0);
    }

    /**
     * The empirical loss F(W) = (1/(2n)) Σ_s (Σ_i relu(w_iᵀx_s) − Σ_j relu(v_jᵀx_s))² on n inputs x_s with
     * i.i.d. N(0, 1) coordinates drawn from {@code rng} sample-major (sample 0's d coordinates first).
     *
     * @param d   input dimension, ≥ r
     * @param r   teacher width, ≥ 1
     * @param n   number of samples, ≥ 1
     * @param rng the generator of the inputs (the instance seed's)
     */
    public static TeacherStudent sampled(int d, int r, int n, RandomGenerator rng) {
        checkShape(d, r);
        if (n < 1) {
            throw new IllegalArgumentException("n must be >= 1, got " + n);
        }
        Objects.requireNonNull(rng, "rng must not be null");
        if ((long) d * n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("d*n must fit in an array, got d=" + d + ", n=" + n);
        }
        double[] x = new double[d * n];
        for (int i = 0; i < x.length; i++) {
            x[i] = rng.nextGaussian();
        }
        double[] y = new double[n];
        double sum = 0;
        for (int s = 0; s < n; s++) {
            double t = 0;
            for (int j = 0; j < r; j++) {
                t += Math.max(x[d * s + j], 0.0);
            }
            y[s] = t;
            sum += t * t;
        }
        return new TeacherStudent(d, r, n, x, y, sum / (2.0 * n));
    }

    private static void checkShape(int d, int r) {
        if (r < 1) {
            throw new IllegalArgumentException("r must be >= 1, got " + r);
        }
        if (d < r) {
            throw new IllegalArgumentException("d must be >= r = " + r + ", got " + d);
        }
    }

    /** V = [e_1 … e_r], d×r column-major. */
    private static double[] teacher(int d, int r) {
        double[] v = new double[d * r];
        for (int j = 0; j < r; j++) {
            v[j + d * j] = 1.0;
        }
        return v;
    }

    /** d, the input dimension. */
    public int d() {
        return d;
    }

    /** r, the teacher width. */
    public int r() {
        return r;
    }

    /** n, the number of samples, or 0 for the population loss. */
    public int n() {
        return n;
    }

    /** Whether this is the population (closed-form) loss rather than a sample of n inputs. */
    public boolean isPopulation() {
        return n == 0;
    }

    /**
     * The loss at W = 0: ½ Σ_{j,j′} g(v_j, v_j′) = r/4 + r(r−1)/(4π) for the population, (1/(2n)) Σ_s y_s² for
     * the samples, with y_s the teacher's outputs.
     */
    public double f0() {
        return f0;
    }

    /** The teacher weights V = [e_1 … e_r], d×r column-major (a copy): the global minimizer W = V at R = r. */
    public double[] teacherWeights() {
        return teacher(d, r);
    }

    /** The inputs, d×n column-major (sample-major; a copy), or null for the population loss. */
    public double[] samples() {
        return samples == null ? null : samples.clone();
    }

    /** The teacher's outputs y_s = Σ_j relu(v_jᵀx_s), length n (a copy), or null for the population loss. */
    public double[] teacherOutputs() {
        return teacherOutputs == null ? null : teacherOutputs.clone();
    }

    double[] samplesShared() {
        return samples;
    }

    double[] teacherOutputsShared() {
        return teacherOutputs;
    }

    /**
     * A fresh model with R = {@code rank} student neurons over x = vec(W), W d×R column-major: a
     * {@link ReluPopulationLoss} for the population, a {@link ReluSampleLoss} for samples.
     *
     * @param rank R ≥ 1
     */
    public Model model(int rank) {
        return isPopulation() ? ReluPopulationLoss.of(this, rank) : ReluSampleLoss.of(this, rank);
    }

    static void checkRank(int d, int rank) {
        if (rank < 1) {
            throw new IllegalArgumentException("rank must be >= 1, got " + rank);
        }
        if ((long) d * rank > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("d*rank must fit in an array, got d=" + d + ", rank=" + rank);
        }
    }

    /**
     * The initialization both models share: W₀ = α·G/√d, G d×R with i.i.d. N(0, 1) entries drawn in parameter
     * order x[0], x[1], … (column-major).
     */
    static double[] initialPoint(int d, int rank, double alpha, RandomGenerator rng) {
        if (!(alpha >= 0) || !Double.isFinite(alpha)) {
            throw new IllegalArgumentException("alpha must be a finite number >= 0, got " + alpha);
        }
        Objects.requireNonNull(rng, "rng must not be null");
        return Model.gaussianStart(d * rank, alpha / Math.sqrt(d), rng);
    }

    @Override
    public String toString() {
        return "TeacherStudent[d=" + d + ", r=" + r + (isPopulation() ? ", population" : ", n=" + n) + "]";
    }
}
