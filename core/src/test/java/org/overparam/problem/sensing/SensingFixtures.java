package org.overparam.problem.sensing;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/** Random instances and small dense helpers shared by the sensing tests. */
final class SensingFixtures {

    /** The operator families under test; EXPLICIT mixes symmetric and asymmetric matrices. */
    enum Kind {
        GAUSSIAN, SYMMETRIC_GAUSSIAN, RANK_ONE, ENTRY_SAMPLING, EXPLICIT
    }

    private SensingFixtures() {
    }

    /** A random operator of the given kind with side d; n is chosen per kind (entry sampling needs n ≤ d²). */
    static MeasurementOperator operator(Kind kind, int d, RandomGenerator rng) {
        return switch (kind) {
            case GAUSSIAN -> Operators.gaussian(d, 4 * d, rng);
            case SYMMETRIC_GAUSSIAN -> Operators.symmetricGaussian(d, 4 * d, rng);
            case RANK_ONE -> Operators.rankOne(d, 4 * d, rng);
            case ENTRY_SAMPLING -> Operators.entrySampling(d, d * d - d, rng);
            case EXPLICIT -> {
                List<double[]> matrices = new ArrayList<>();
                for (int i = 0; i < 7; i++) {
                    double[] m = gaussian(d * d, rng);
                    if (i % 2 == 0) {
                        symmetrize(d, m);
                    }
                    matrices.add(m);
                }
                yield Operators.explicit(d, matrices);
            }
        };
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

    static void symmetrize(int d, double[] m) {
        for (int b = 0; b < d; b++) {
            for (int a = b + 1; a < d; a++) {
                double s = 0.5 * (m[a + d * b] + m[b + d * a]);
                m[a + d * b] = s;
                m[b + d * a] = s;
            }
        }
    }

    /** C = op(A)·op(B) by triple loop: op(A) m×k, op(B) k×n, column-major with tight leading dims. */
    static double[] multiply(boolean transA, boolean transB, int m, int n, int k, double[] a, double[] b) {
        double[] c = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int l = 0; l < k; l++) {
                    double ail = transA ? a[l + k * i] : a[i + m * l];
                    double blj = transB ? b[j + n * l] : b[l + k * j];
                    s += ail * blj;
                }
                c[i + m * j] = s;
            }
        }
        return c;
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

    static double distance(double[] x, double[] y) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += (x[i] - y[i]) * (x[i] - y[i]);
        }
        return Math.sqrt(s);
    }

    /** ‖x − y‖ / max(‖y‖, floor). */
    static double relativeError(double[] x, double[] y, double floor) {
        return distance(x, y) / Math.max(norm(y), floor);
    }

    /** x + s·v. */
    static double[] plus(double[] x, double s, double[] v) {
        double[] out = x.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] += s * v[i];
        }
        return out;
    }
}
