package org.overparam.problem.relu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.overparam.problem.relu.ReluFixtures.dot;
import static org.overparam.problem.relu.ReluFixtures.gaussian;
import static org.overparam.problem.relu.ReluFixtures.norm;
import static org.overparam.problem.relu.ReluFixtures.plus;
import static org.overparam.problem.relu.ReluFixtures.relativeError;
import static org.overparam.problem.relu.ReluFixtures.scaled;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.overparam.problem.Model;
import org.overparam.random.Seeds;

/** Gradients and Hessian–vector products of both ReLU models against central differences. */
class ReluDerivativesTest {

    /**
     * Central-difference step. The population loss is C² with bounded third derivatives away from zero neurons;
     * the sampled loss is piecewise quadratic, so its differences are exact unless a step crosses a kink
     * w_iᵀx_s = 0, which at these random points needs a preactivation within ~1e-5 of 0.
     */
    private static final double H = 1e-5;

    /**
     * Gradient vs central differences of f, relative to ‖∇f‖: truncation h²·f'''/6 ~ 1e-10 and rounding
     * ε·|f|/h ~ 1e-11 on these O(1) values, while any wrong term gives an O(1) relative error.
     */
    private static final double GRADIENT_RTOL = 1e-6;

    /** Hessian–vector vs central differences of the gradient, relative to ‖Hv‖: same budget. */
    private static final double HESSIAN_RTOL = 1e-6;

    /**
     * At aligned (θ = 0) or opposite (θ = π) neurons the Hessian is continuous but only Lipschitz (its sin θ-terms
     * grow like |t| along a line through the point), so central differences of the gradient are off by O(h).
     */
    private static final double DEGENERATE_HESSIAN_RTOL = 1e-3;

    /** ⟨u, Hv⟩ = ⟨v, Hu⟩ up to the rounding of O(R(R + r)d)-term sums. */
    private static final double SYMMETRY_RTOL = 1e-12;

    /** Samples of the sampled instances: enough that R·d < n, few enough to stay fast. */
    private static final int SAMPLES = 60;

    enum Kind { POPULATION, SAMPLED }

    /** (d, r, R): R = r, R &lt; r, R &gt; r, d = r and d &gt; r, R = 1. */
    private static final int[][] SHAPES = {{3, 3, 3}, {5, 2, 4}, {4, 3, 2}, {6, 3, 5}, {4, 1, 1}, {2, 2, 4}};

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            for (int[] shape : SHAPES) {
                for (long seed : new long[] {21, 22}) {
                    cases.add(Arguments.of(kind, shape[0], shape[1], shape[2], seed));
                }
            }
        }
        return cases.stream();
    }

    private static Model model(Kind kind, int d, int r, int rank, long seed) {
        TeacherStudent ts = kind == Kind.POPULATION ? TeacherStudent.population(d, r)
                : TeacherStudent.sampled(d, r, SAMPLES, Seeds.generator(seed));
        return ts.model(rank);
    }

    /** A random W at unit scale per column, so that student–student and student–teacher terms are comparable. */
    private static double[] point(int dim, int d, RandomGenerator rng) {
        return scaled(1.0 / Math.sqrt(d), gaussian(dim, rng));
    }

    @ParameterizedTest(name = "{0} d={1} r={2} R={3} seed={4}")
    @MethodSource("cases")
    void gradientMatchesCentralDifferences(Kind kind, int d, int r, int rank, long seed) {
        Model f = model(kind, d, r, rank, seed);
        RandomGenerator rng = Seeds.generator(seed + 1000);
        double[] x = point(f.dimension(), d, rng);
        double[] g = new double[f.dimension()];
        double value = f.valueAndGradient(x, g);
        assertEquals(f.value(x), value, 0.0, "valueAndGradient returns value(x)");
        assertEquals(f.value(x), f.loss(x), 0.0, "the loss is the objective");

        double[] fd = new double[x.length];
        for (int j = 0; j < x.length; j++) {
            double[] e = new double[x.length];
            e[j] = 1;
            fd[j] = (f.value(plus(x, H, e)) - f.value(plus(x, -H, e))) / (2 * H);
        }
        assertTrue(norm(g) > 1e-3, "the check point must not be stationary");
        double err = relativeError(g, fd, 0);
        assertTrue(err <= GRADIENT_RTOL, "gradient relative error " + err);
    }

    @ParameterizedTest(name = "{0} d={1} r={2} R={3} seed={4}")
    @MethodSource("cases")
    void hessianVectorMatchesDifferencesOfGradients(Kind kind, int d, int r, int rank, long seed) {
        Model f = model(kind, d, r, rank, seed);
        RandomGenerator rng = Seeds.generator(seed + 2000);
        int n = f.dimension();
        double[] x = point(n, d, rng);
        double[] v = gaussian(n, rng);
        double[] hv = new double[n];
        f.hessianVector(x, v, hv);
        double[] fd = hessianByDifferences(f, x, v);
        double err = relativeError(hv, fd, 0);
        assertTrue(err <= HESSIAN_RTOL, "Hessian-vector relative error " + err);

        double[] again = new double[n];
        f.valueAndGradient(scaled(3, x), new double[n]); // disturb the scratch buffers
        f.hessianVector(x, v, again);
        assertArrayEquals(hv, again, 0.0, "hessianVector depends only on its arguments");
    }

    @ParameterizedTest(name = "{0} d={1} r={2} R={3} seed={4}")
    @MethodSource("cases")
    void hessianIsSymmetric(Kind kind, int d, int r, int rank, long seed) {
        Model f = model(kind, d, r, rank, seed);
        RandomGenerator rng = Seeds.generator(seed + 3000);
        int n = f.dimension();
        double[] x = point(n, d, rng);
        double[] u = gaussian(n, rng);
        double[] v = gaussian(n, rng);
        double[] hu = new double[n];
        double[] hv = new double[n];
        f.hessianVector(x, u, hu);
        f.hessianVector(x, v, hv);
        double scale = norm(u) * norm(hv) + norm(v) * norm(hu);
        assertEquals(dot(u, hv), dot(v, hu), SYMMETRY_RTOL * scale);
    }

    /**
     * w₁ = 2e₁ lies on the teacher v₁ (θ = 0), w₂ = −w₃ (θ = π), w₄ = 0.5·w₃ (θ = 0 between students): the
     * sin θ-terms vanish and the Hessian is their limit, continuous with the Hessian nearby.
     */
    @Test
    void populationHessianIsContinuousAtAlignedAndOppositeNeurons() {
        int d = 4;
        Model f = TeacherStudent.population(d, 2).model(4);
        RandomGenerator rng = Seeds.generator(31);
        double[] x = new double[d * 4];
        x[0] = 2.0;
        double[] w = gaussian(d, rng);
        for (int a = 0; a < d; a++) {
            x[d + a] = -w[a];
            x[2 * d + a] = w[a];
            x[3 * d + a] = 0.5 * w[a];
        }
        double[] v = gaussian(x.length, rng);
        double[] hv = new double[x.length];
        f.hessianVector(x, v, hv);
        double err = relativeError(hv, hessianByDifferences(f, x, v), 0);
        assertTrue(err <= DEGENERATE_HESSIAN_RTOL, "Hessian-vector relative error " + err);

        double[] g = new double[x.length];
        f.valueAndGradient(x, g);
        double[] fd = new double[x.length];
        for (int j = 0; j < x.length; j++) {
            double[] e = new double[x.length];
            e[j] = 1;
            fd[j] = (f.value(plus(x, H, e)) - f.value(plus(x, -H, e))) / (2 * H);
        }
        double gErr = relativeError(g, fd, 0);
        assertTrue(gErr <= GRADIENT_RTOL, "gradient relative error " + gErr);
    }

    /** Central differences of the gradient along v. */
    private static double[] hessianByDifferences(Model f, double[] x, double[] v) {
        int n = x.length;
        double[] gPlus = new double[n];
        double[] gMinus = new double[n];
        f.valueAndGradient(plus(x, H, v), gPlus);
        f.valueAndGradient(plus(x, -H, v), gMinus);
        double[] fd = new double[n];
        for (int j = 0; j < n; j++) {
            fd[j] = (gPlus[j] - gMinus[j]) / (2 * H);
        }
        return fd;
    }
}
