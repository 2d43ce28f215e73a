package org.overparam.problem.maxcut;

import java.util.random.RandomGenerator;
import org.overparam.linalg.SymmetricEigen;
import org.overparam.problem.Objective;
import org.overparam.solve.GradientDescent;
import org.overparam.solve.StepSize;
import org.overparam.solve.StopReason;
import org.overparam.solve.StoppingRule;

/** Random points and tangent vectors, an independent graph and cut count, and the tangent Hessian. */
final class MaxCutFixtures {

    private MaxCutFixtures() {
    }

    /** A symmetric n×n cost with N(0, 1) entries above the diagonal and on it (not a graph cost). */
    static MaxCutInstance gaussianCost(int n, RandomGenerator rng) {
        double[] c = new double[n * n];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i <= j; i++) {
                double v = rng.nextGaussian();
                c[i + n * j] = v;
                c[j + n * i] = v;
            }
        }
        return MaxCutInstance.of(n, c);
    }

    static double[] gaussian(int length, RandomGenerator rng) {
        double[] v = new double[length];
        for (int i = 0; i < length; i++) {
            v[i] = rng.nextGaussian();
        }
        return v;
    }

    /** A point of OB(n, p): Gaussian rows normalized, computed here rather than by the model's retraction. */
    static double[] unitRows(int n, int p, RandomGenerator rng) {
        double[] y = gaussian(n * p, rng);
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int k = 0; k < p; k++) {
                s += y[i + n * k] * y[i + n * k];
            }
            double norm = Math.sqrt(s);
            for (int k = 0; k < p; k++) {
                y[i + n * k] /= norm;
            }
        }
        return y;
    }

    /** P_Y(z): each row z_i − ⟨z_i, y_i⟩ y_i (y with unit rows). */
    static double[] project(int n, int p, double[] y, double[] z) {
        double[] out = z.clone();
        for (int i = 0; i < n; i++) {
            double d = 0;
            for (int k = 0; k < p; k++) {
                d += z[i + n * k] * y[i + n * k];
            }
            for (int k = 0; k < p; k++) {
                out[i + n * k] -= d * y[i + n * k];
            }
        }
        return out;
    }

    /** ⟨z_i, y_i⟩ for every row. */
    static double[] rowDots(int n, int p, double[] z, double[] y) {
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < p; k++) {
                d[i] += z[i + n * k] * y[i + n * k];
            }
        }
        return d;
    }

    /** A random tangent vector at y, scaled to unit norm. */
    static double[] tangent(int n, int p, double[] y, RandomGenerator rng) {
        double[] t = project(n, p, y, gaussian(n * p, rng));
        return scaled(1 / norm(t), t);
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    static double[] scaled(double s, double[] v) {
        double[] out = v.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] *= s;
        }
        return out;
    }

    static double[] plus(double[] x, double t, double[] v) {
        double[] out = x.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] += t * v[i];
        }
        return out;
    }

    /** ‖a − b‖ / max(‖b‖, floor). */
    static double relativeError(double[] a, double[] b, double floor) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(s) / Math.max(norm(b), floor);
    }

    /**
     * The edges of G(n, q) re-drawn from {@code rng} in the order {@link MaxCutInstance#randomGraph} documents
     * (pairs i &lt; j row by row), as an adjacency matrix: an independent check of that order and of C = −L/4.
     */
    static boolean[][] graph(int n, double q, RandomGenerator rng) {
        boolean[][] adj = new boolean[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                boolean edge = rng.nextDouble() < q;
                adj[i][j] = edge;
                adj[j][i] = edge;
            }
        }
        return adj;
    }

    /** The number of edges with endpoints on different sides, by counting. */
    static int cut(boolean[][] adj, double[] signs) {
        int cut = 0;
        for (int i = 0; i < adj.length; i++) {
            for (int j = i + 1; j < adj.length; j++) {
                if (adj[i][j] && signs[i] != signs[j]) {
                    cut++;
                }
            }
        }
        return cut;
    }

    /**
     * The Riemannian Hessian restricted to the tangent space, Bᵀ H B for an orthonormal tangent basis B (per row,
     * columns 2..p of the Householder reflection that maps y_i to ±e₁), and its smallest eigenvalue. Independent of
     * the model's normal shift.
     */
    static double tangentMinEigenvalue(Objective model, int n, int p, double[] y) {
        int m = n * (p - 1);
        double[][] basis = new double[m][];
        int col = 0;
        for (int i = 0; i < n; i++) {
            double[] u = new double[p];
            for (int k = 0; k < p; k++) {
                u[k] = y[i + n * k];
            }
            u[0] += u[0] >= 0 ? 1 : -1;
            double uu = 0;
            for (double a : u) {
                uu += a * a;
            }
            for (int j = 1; j < p; j++) {
                double[] b = new double[n * p];
                for (int k = 0; k < p; k++) {
                    b[i + n * k] = (k == j ? 1 : 0) - 2 * u[k] * u[j] / uu;
                }
                basis[col++] = b;
            }
        }
        double[] h = new double[m * m];
        double[] hb = new double[n * p];
        for (int b = 0; b < m; b++) {
            model.hessianVector(y, basis[b], hb);
            for (int a = 0; a < m; a++) {
                h[a + m * b] = dot(basis[a], hb);
            }
        }
        for (int b = 0; b < m; b++) {
            for (int a = b + 1; a < m; a++) {
                double s = 0.5 * (h[a + m * b] + h[b + m * a]);
                h[a + m * b] = s;
                h[b + m * a] = s;
            }
        }
        return SymmetricEigen.of(m, h).min();
    }

    /** p = ⌈√(2n)⌉ + 1, above the Barvinok–Pataki rank p(p+1)/2 ≥ n where spurious points disappear. */
    static int overparameterizedRank(int n) {
        return (int) Math.ceil(Math.sqrt(2.0 * n)) + 1;
    }

    /** The stopping tolerance on ‖grad f‖ of these tests. */
    static final double GRAD_TOL = 1e-9;

    /** Iteration budget: converging runs need at most ~15,000 steps at n = 50 (and ~1,600 at n ≤ 20). */
    static final int MAX_ITERATIONS = 20_000;

    /**
     * How small ‖grad f‖ is guaranteed to get under Armijo, whose tests see only f. Near the optimum
     * f − f* ≈ ‖grad f‖²/(2κ), κ the smallest positive curvature, and f itself carries rounding ε·|f| with
     * |f| = O(n²): below ‖grad f‖ ≈ √(2κ·ε·|f|) ≈ 1e-7 no step's decrease is visible, and on some instances
     * (2 of the 20 below) the iterates then wander with ‖grad f‖ between 1e-8 and 2e-6 without ever reaching
     * {@link #GRAD_TOL}, while f and λ_min(S) are already optimal to machine precision. 1e-5 fails any run that
     * did not converge.
     */
    static final double GRAD_FLOOR = 1e-5;

    /**
     * Riemannian GD, Armijo from 1/β, to ‖grad f‖ ≤ {@link #GRAD_TOL} or {@link #MAX_ITERATIONS}. Overwrites
     * {@code y}.
     */
    static GradientDescent.Descent descend(BurerMonteiro model, double[] y) {
        GradientDescent.Settings settings = GradientDescent.Settings
                .of(new StepSize.Armijo(1 / model.normalShift()),
                        StoppingRule.maxIterations(MAX_ITERATIONS).or(StoppingRule.gradNormBelow(GRAD_TOL)))
                .withRetraction(model::retract);
        return GradientDescent.minimize(model, y, settings);
    }

    /** Stopped by the gradient rule, or by the budget with a gradient at the rounding floor of Armijo. */
    static boolean converged(GradientDescent.Descent run) {
        return run.reason() == StopReason.GRADIENT_TOLERANCE
                || run.reason() == StopReason.MAX_ITERATIONS && run.gradNorm() <= GRAD_FLOOR;
    }
}
