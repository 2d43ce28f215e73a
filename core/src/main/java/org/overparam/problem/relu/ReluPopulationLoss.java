package org.overparam.problem.relu;

import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.overparam.problem.Block;
import org.overparam.problem.Model;

/**
 * The population loss of a two-layer ReLU student against the teacher V = [e_1 … e_r] on x ~ N(0, I_d)
 * (Safran &amp; Shamir, ICML 2018, eq. (2)), in closed form over x = vec(W), W d×R column-major (w_i at
 * x[d·i …]):
 *
 * <pre>
 *   F(W) = ½ E[(Σ_i relu(w_iᵀx) − Σ_j relu(v_jᵀx))²] = ½ Σ_{i,i′} g(w_i, w_i′) − Σ_{i,j} g(w_i, v_j) + ½ Σ_{j,j′} g(v_j, v_j′),
 *   g(u, v) = E[relu(uᵀx) relu(vᵀx)] = ‖u‖‖v‖ (sin θ + (π − θ) cos θ) / (2π),   θ = ∠(u, v) ∈ [0, π]
 * </pre>
 *
 * (Cho &amp; Saul's arc-cosine kernel of degree 1), with g(w, w) = ‖w‖²/2. With ū = u/‖u‖, v̄ = v/‖v‖,
 * n̂ = (v̄ − cos θ ū)/sin θ and m̂ = (ū − cos θ v̄)/sin θ:
 *
 * <pre>
 *   ∇_u g      = (‖v‖ sin θ ū + (π − θ) v) / (2π)
 *   ∇²_uu g    = ‖v‖ sin θ / (2π‖u‖) · (n̂n̂ᵀ + I − ūūᵀ)
 *   ∇_v ∇_u g  = (sin θ (ū v̄ᵀ + n̂ m̂ᵀ) + (π − θ) I) / (2π)
 * </pre>
 *
 * so ∇_{w_k}F = w_k/2 + Σ_{i≠k} ∇_u g(w_k, w_i) − Σ_j ∇_u g(w_k, v_j) and
 * (H δ)_k = δ_k/2 + Σ_{i≠k} [∇²_uu g(w_k, w_i) δ_k + ∇_v∇_u g(w_k, w_i) δ_i] − Σ_j ∇²_uu g(w_k, v_j) δ_k.
 * The sin θ-terms are O(sin θ) however n̂ is rounded, and are dropped below {@link #SIN_FLOOR}: the Hessian is
 * continuous at θ ∈ {0, π} (F is C² away from zero neurons).
 *
 * <p><b>Zero neurons.</b> F is not differentiable at w_k = 0 (g(·, v) is positively homogeneous there). A
 * neuron whose ‖w_k‖² is 0 in floating point contributes g = 0 and no cross or pair derivative terms, which is
 * the relu′(0) = 0 convention of {@link ReluSampleLoss} (a dead neuron gets only its smooth self-term w_k/2);
 * a zero partner v gives the true limits ∇_u g = ∇²_uu g = 0. Nothing is ever NaN.
 *
 * <p>Cost O(R(R + r)d) per call, no allocation: norms and unit columns live in scratch preallocated per model.
 * One model per run, not thread-safe. {@link #residuals()} is null: the loss is an expectation, not a sum.
 */
public final class ReluPopulationLoss implements Model {

    private static final double INV_2PI = 1.0 / (2.0 * Math.PI);

    /**
     * Below this sin θ the sin θ-terms of the Hessian (bounded by sin θ) are dropped: their size is then that of
     * the rounding of cos θ, and dividing by sin θ would only amplify that rounding into n̂ and m̂.
     */
    static final double SIN_FLOOR = 1e-13;

    private final TeacherStudent instance;
    private final int d;
    private final int r;
    private final int rank;
    private final int dr;
    private final double f0;
    private final double[] teacher;
    private final double[] teacherUnits;
    private final double[] teacherNorms;

    private final double[] norms;
    private final double[] units;

    // The angle of the current pair, set by angle(): cos θ, sin θ = ‖v̄ − cos θ ū‖, θ.
    private double cos;
    private double sin;
    private double theta;

    private ReluPopulationLoss(TeacherStudent instance, int rank) {
        this.instance = instance;
        this.d = instance.d();
        this.r = instance.r();
        this.rank = rank;
        this.dr = d * rank;
        this.f0 = instance.f0();
        this.teacher = instance.teacherWeights();
        this.teacherUnits = new double[d * r];
        this.teacherNorms = new double[r];
        normalize(teacher, r, teacherNorms, teacherUnits);
        this.norms = new double[rank];
        this.units = new double[dr];
    }

    /**
     * @param instance a population instance ({@link TeacherStudent#population})
     * @param rank     R ≥ 1, the student width
     */
    public static ReluPopulationLoss of(TeacherStudent instance, int rank) {
        Objects.requireNonNull(instance, "instance must not be null");
        if (!instance.isPopulation()) {
            throw new IllegalArgumentException("instance must be a population instance, got n=" + instance.n());
        }
        TeacherStudent.checkRank(instance.d(), rank);
        return new ReluPopulationLoss(instance, rank);
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

    /** W₀ = α·G/√d, G with i.i.d. N(0, 1) entries drawn in parameter order (shared with the sampled model). */
    @Override
    public double[] initialPoint(double alpha, RandomGenerator rng) {
        return TeacherStudent.initialPoint(d, rank, alpha, rng);
    }

    /** The population loss itself (there is no regularization). */
    @Override
    public double loss(double[] x) {
        return value(x);
    }

    @Override
    public double value(double[] x) {
        checkLength("x", x);
        normalize(x, rank, norms, units);
        double f = f0;
        for (int k = 0; k < rank; k++) {
            f += 0.25 * norms[k] * norms[k];
            if (norms[k] == 0) {
                continue;
            }
            for (int i = k + 1; i < rank; i++) {
                if (norms[i] > 0) {
                    angle(units, d * k, units, d * i);
                    f += INV_2PI * norms[k] * norms[i] * (sin + (Math.PI - theta) * cos);
                }
            }
            for (int j = 0; j < r; j++) {
                angle(units, d * k, teacherUnits, d * j);
                f -= INV_2PI * norms[k] * teacherNorms[j] * (sin + (Math.PI - theta) * cos);
            }
        }
        return f;
    }

    @Override
    public double valueAndGradient(double[] x, double[] gradient) {
        checkLength("x", x);
        checkLength("gradient", gradient);
        normalize(x, rank, norms, units);
        for (int a = 0; a < dr; a++) {
            gradient[a] = 0.5 * x[a];
        }
        double f = f0;
        for (int k = 0; k < rank; k++) {
            f += 0.25 * norms[k] * norms[k];
            if (norms[k] == 0) {
                continue;
            }
            int ok = d * k;
            for (int i = k + 1; i < rank; i++) {
                if (norms[i] == 0) {
                    continue;
                }
                int oi = d * i;
                angle(units, ok, units, oi);
                double phi = Math.PI - theta;
                f += INV_2PI * norms[k] * norms[i] * (sin + phi * cos);
                // ∇_u g(w_k, w_i) into k and, by the symmetry of g, ∇_u g(w_i, w_k) into i.
                double sk = INV_2PI * norms[i] * sin;
                double si = INV_2PI * norms[k] * sin;
                double p = INV_2PI * phi;
                for (int a = 0; a < d; a++) {
                    gradient[ok + a] += sk * units[ok + a] + p * x[oi + a];
                    gradient[oi + a] += si * units[oi + a] + p * x[ok + a];
                }
            }
            for (int j = 0; j < r; j++) {
                int oj = d * j;
                angle(units, ok, teacherUnits, oj);
                double phi = Math.PI - theta;
                f -= INV_2PI * norms[k] * teacherNorms[j] * (sin + phi * cos);
                double sk = INV_2PI * teacherNorms[j] * sin;
                double p = INV_2PI * phi;
                for (int a = 0; a < d; a++) {
                    gradient[ok + a] -= sk * units[ok + a] + p * teacher[oj + a];
                }
            }
        }
        return f;
    }

    @Override
    public void hessianVector(double[] x, double[] v, double[] out) {
        checkLength("x", x);
        checkLength("direction", v);
        checkLength("out", out);
        normalize(x, rank, norms, units);
        for (int a = 0; a < dr; a++) {
            out[a] = 0.5 * v[a];
        }
        for (int k = 0; k < rank; k++) {
            if (norms[k] == 0) {
                continue;
            }
            int ok = d * k;
            for (int i = k + 1; i < rank; i++) {
                if (norms[i] > 0) {
                    studentPair(k, i, v, out);
                }
            }
            double ak = dot(units, ok, v, ok);
            for (int j = 0; j < r; j++) {
                int oj = d * j;
                angle(units, ok, teacherUnits, oj);
                if (!(sin > SIN_FLOOR)) {
                    continue;
                }
                // −∇²_uu g(w_k, v_j) δ_k with n̂(n̂ᵀδ) = (v̄ᵀδ − cos θ ūᵀδ)/sin²θ · (v̄ − cos θ ū).
                double bk = dot(teacherUnits, oj, v, ok);
                double c = cos;
                double coef = INV_2PI * teacherNorms[j] * sin / norms[k];
                double t = (bk - c * ak) / (sin * sin);
                for (int a = 0; a < d; a++) {
                    double uk = units[ok + a];
                    double p = teacherUnits[oj + a] - c * uk;
                    out[ok + a] -= coef * (t * p + v[ok + a] - ak * uk);
                }
            }
        }
    }

    /**
     * Adds both pair terms of students k &lt; i: ∇²_uu g(w_k, w_i) δ_k + ∇_v∇_u g(w_k, w_i) δ_i to block k and
     * the same with k and i swapped to block i (∇_v∇_u g(w_i, w_k) = (∇_v∇_u g(w_k, w_i))ᵀ).
     */
    private void studentPair(int k, int i, double[] v, double[] out) {
        int ok = d * k;
        int oi = d * i;
        angle(units, ok, units, oi);
        double p = INV_2PI * (Math.PI - theta);
        if (!(sin > SIN_FLOOR)) {
            for (int a = 0; a < d; a++) {
                out[ok + a] += p * v[oi + a];
                out[oi + a] += p * v[ok + a];
            }
            return;
        }
        double c = cos;
        double s = sin;
        double ak = 0;
        double bk = 0;
        double ai = 0;
        double bi = 0;
        for (int a = 0; a < d; a++) {
            double uk = units[ok + a];
            double ui = units[oi + a];
            ak += uk * v[ok + a];
            bk += ui * v[ok + a];
            ai += uk * v[oi + a];
            bi += ui * v[oi + a];
        }
        // For the pair (u, v) = (w_k, w_i): n̂ = pki/s, m̂ = pik/s with pki = w̄_i − cos θ w̄_k, pik = w̄_k − cos θ w̄_i,
        // so n̂ᵀδ_k = qik, m̂ᵀδ_i = qki, and every 1/s multiplies a vector pki or pik of size s. Swapping k and i
        // swaps the roles of (n̂, m̂) and of (qik, qki).
        double qki = (ai - c * bi) / s;
        double qik = (bk - c * ak) / s;
        double coefK = INV_2PI * norms[i] * s / norms[k];
        double coefI = INV_2PI * norms[k] * s / norms[i];
        double tk = qik / s;
        double ti = qki / s;
        double sk = INV_2PI * s * bi;
        double si = INV_2PI * s * ak;
        double qk = INV_2PI * qki;
        double qi = INV_2PI * qik;
        for (int a = 0; a < d; a++) {
            double uk = units[ok + a];
            double ui = units[oi + a];
            double pki = ui - c * uk;
            double pik = uk - c * ui;
            double dk = v[ok + a];
            double di = v[oi + a];
            out[ok + a] += coefK * (tk * pki + dk - ak * uk) + sk * uk + qk * pki + p * di;
            out[oi + a] += coefI * (ti * pik + di - bi * ui) + si * ui + qi * pik + p * dk;
        }
    }

    /** Sets cos, sin and theta for the unit vectors ū at u[ou…] and v̄ at v[ov…]. */
    private void angle(double[] u, int ou, double[] v, int ov) {
        double c = 0;
        for (int a = 0; a < d; a++) {
            c += u[ou + a] * v[ov + a];
        }
        c = Math.max(-1.0, Math.min(1.0, c));
        // sin θ as ‖v̄ − cos θ ū‖ keeps full relative accuracy near θ = 0 and π, where √(1 − cos²θ) does not.
        double s2 = 0;
        for (int a = 0; a < d; a++) {
            double q = v[ov + a] - c * u[ou + a];
            s2 += q * q;
        }
        cos = c;
        sin = Math.sqrt(s2);
        theta = Math.atan2(sin, c);
    }

    private double dot(double[] u, int ou, double[] v, int ov) {
        double s = 0;
        for (int a = 0; a < d; a++) {
            s += u[ou + a] * v[ov + a];
        }
        return s;
    }

    /** Norms and unit columns of the d×cols matrix w; a column with ‖w‖² = 0 gets norm 0 and a zero unit. */
    private void normalize(double[] w, int cols, double[] norm, double[] unit) {
        for (int k = 0; k < cols; k++) {
            int o = d * k;
            double s2 = 0;
            for (int a = 0; a < d; a++) {
                s2 += w[o + a] * w[o + a];
            }
            double nk = Math.sqrt(s2);
            norm[k] = nk;
            double inv = nk > 0 ? 1.0 / nk : 0.0;
            for (int a = 0; a < d; a++) {
                unit[o + a] = inv * w[o + a];
            }
        }
    }

    /** ½ Σ_{j,j′} g(v_j, v_j′) over the d×cols matrix v: the loss at W = 0. Allocates; for setup only. */
    static double halfGramSum(int d, int cols, double[] v) {
        double sum = 0;
        for (int j = 0; j < cols; j++) {
            for (int l = 0; l < cols; l++) {
                sum += kernel(d, v, d * j, v, d * l);
            }
        }
        return 0.5 * sum;
    }

    /** g(u, v) = ‖u‖‖v‖(sin θ + (π − θ) cos θ)/(2π) for columns of length d, 0 when either is 0. */
    static double kernel(int d, double[] u, int ou, double[] v, int ov) {
        double uu = 0;
        double vv = 0;
        double uv = 0;
        for (int a = 0; a < d; a++) {
            uu += u[ou + a] * u[ou + a];
            vv += v[ov + a] * v[ov + a];
            uv += u[ou + a] * v[ov + a];
        }
        if (uu == 0 || vv == 0) {
            return 0;
        }
        double nu = Math.sqrt(uu);
        double nv = Math.sqrt(vv);
        double c = Math.max(-1.0, Math.min(1.0, uv / (nu * nv)));
        double s2 = 0;
        for (int a = 0; a < d; a++) {
            double q = v[ov + a] / nv - c * u[ou + a] / nu;
            s2 += q * q;
        }
        double s = Math.sqrt(s2);
        return INV_2PI * nu * nv * (s + (Math.PI - Math.atan2(s, c)) * c);
    }

    private void checkLength(String key, double[] a) {
        if (a.length != dr) {
            throw new IllegalArgumentException(key + " must have length d*R = " + dr + ", got " + a.length);
        }
    }

    @Override
    public String toString() {
        return "ReluPopulationLoss[d=" + d + ", r=" + r + ", R=" + rank + "]";
    }
}
