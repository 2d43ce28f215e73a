package org.overparam.problem.relu;

import java.util.random.RandomGenerator;

/** Small dense helpers and reference computations shared by the ReLU tests. */
final class ReluFixtures {

    private ReluFixtures() {
    }

    static double[] gaussian(int length, RandomGenerator rng) {
        double[] v = new double[length];
        for (int i = 0; i < length; i++) {
            v[i] = rng.nextGaussian();
        }
        return v;
    }

    static double[] scaled(double s, double[] v) {
        double[] out = v.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] *= s;
        }
        return out;
    }

    static double dot(double[] x, double[] y) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += x[i] * y[i];
        }
        return s;
    }

    static double norm(double[] x) {
        return Math.sqrt(dot(x, x));
    }

    /** ‖x − y‖ / max(‖y‖, floor). */
    static double relativeError(double[] x, double[] y, double floor) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += (x[i] - y[i]) * (x[i] - y[i]);
        }
        return Math.sqrt(s) / Math.max(norm(y), floor);
    }

    /** x + s·v. */
    static double[] plus(double[] x, double s, double[] v) {
        double[] out = x.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] += s * v[i];
        }
        return out;
    }

    /** W = [V, extra zero columns]: the teacher V = [e_1 … e_r] padded to R columns (d×R column-major). */
    static double[] teacherPadded(int d, int r, int rank) {
        double[] w = new double[d * rank];
        for (int j = 0; j < r; j++) {
            w[j + d * j] = 1.0;
        }
        return w;
    }

    /**
     * The spurious minimum at d = r = R = 6 (Safran &amp; Shamir 2018, the k = n = 6 example): column 1 is
     * a·e₁ + b·Σ_{i≥2} e_i, column j ≥ 2 is c·e₁ + d·e_j + e·Σ_{i≥2, i≠j} e_i.
     */
    static double[] spuriousSix() {
        double a = -0.6015119236;
        double b = 0.2245158076;
        double c = 0.3080109915;
        double dd = 0.9867038189;
        double e = -0.0504134032;
        int n = 6;
        double[] w = new double[n * n];
        w[0] = a;
        for (int i = 1; i < n; i++) {
            w[i] = b;
        }
        for (int j = 1; j < n; j++) {
            w[n * j] = c;
            for (int i = 1; i < n; i++) {
                w[i + n * j] = i == j ? dd : e;
            }
        }
        return w;
    }
}
