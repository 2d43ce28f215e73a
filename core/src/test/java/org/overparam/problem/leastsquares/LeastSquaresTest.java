package org.overparam.problem.leastsquares;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.overparam.linalg.Svd;
import org.overparam.problem.Residuals;
import org.overparam.random.Seeds;
import org.overparam.solve.GradientDescent;
import org.overparam.solve.StepSize;
import org.overparam.solve.StopReason;
import org.overparam.solve.StoppingRule;

/** Derivatives, the paired design, and gradient descent landing on the minimizer closest to its start. */
class LeastSquaresTest {

    /** Central-difference step; f is quadratic, so the differences are exact up to rounding ε·|f|/h ~ 1e-11. */
    private static final double H = 1e-5;

    /** Derivatives vs differences, relative: rounding only (see {@link #H}), while a wrong term is O(1). */
    private static final double DERIVATIVE_RTOL = 1e-7;

    /** ⟨u, Hv⟩ = ⟨v, Hu⟩ up to the rounding of two n·R-term GEMVs. */
    private static final double SYMMETRY_RTOL = 1e-12;

    /** GD stops at ‖∇f‖ ≤ this: with σ_min(A) ≥ 2 and n = 40, ‖Aθ − y‖ ≤ 10·‖∇f‖ ~ 1e-9, f/f₀ ~ 1e-20. */
    private static final double GRAD_TOL = 1e-10;

    /** The interpolation target f ≤ 1e-12·f₀, far above where GD stops (see {@link #GRAD_TOL}). */
    private static final double INTERPOLATION_RTOL = 1e-12;

    /** ‖θ − θ_proj‖/‖θ_proj‖ at the stop: ≤ ‖Aθ − y‖/(σ_min‖θ_proj‖) ~ 1e-9, plus SVD rounding ~1e-14. */
    private static final double RECOVERY_TOL = 1e-6;

    /** Two evaluations of the same SVD formula from different starts, on O(1) well-conditioned data. */
    private static final double SOLUTION_RTOL = 1e-10;

    private static final int N = 40;
    private static final int TEACHER = 30;
    private static final double NOISE = 0.5;

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 20);
    }

    private static double[] gaussian(int length, RandomGenerator rng) {
        double[] v = new double[length];
        for (int i = 0; i < length; i++) {
            v[i] = rng.nextGaussian();
        }
        return v;
    }

    private static double dot(double[] x, double[] y) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += x[i] * y[i];
        }
        return s;
    }

    private static double norm(double[] x) {
        return Math.sqrt(dot(x, x));
    }

    private static double relativeError(double[] x, double[] y) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += (x[i] - y[i]) * (x[i] - y[i]);
        }
        return Math.sqrt(s) / norm(y);
    }

    private static double[] plus(double[] x, double s, double[] v) {
        double[] out = x.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] += s * v[i];
        }
        return out;
    }

    @ParameterizedTest(name = "R={0}")
    @ValueSource(ints = {1, 20, 40, 80})
    void gradientAndHessianVectorMatchDifferences(int parameters) {
        LeastSquaresInstance instance = LeastSquaresInstance.of(N, TEACHER, NOISE, 7);
        LinearLeastSquares f = instance.model(parameters);
        RandomGenerator rng = Seeds.generator(100 + parameters);
        double[] x = gaussian(parameters, rng);
        double[] g = new double[parameters];
        assertEquals(f.value(x), f.valueAndGradient(x, g), 0.0);
        assertEquals(f.value(x), f.loss(x), 0.0);
        double[] fd = new double[parameters];
        for (int j = 0; j < parameters; j++) {
            double[] e = new double[parameters];
            e[j] = 1;
            fd[j] = (f.value(plus(x, H, e)) - f.value(plus(x, -H, e))) / (2 * H);
        }
        assertTrue(norm(g) > 1e-3, "the check point must not be stationary");
        assertTrue(relativeError(g, fd) <= DERIVATIVE_RTOL, "gradient error " + relativeError(g, fd));

        double[] v = gaussian(parameters, rng);
        double[] hv = new double[parameters];
        f.hessianVector(x, v, hv);
        double[] gPlus = new double[parameters];
        double[] gMinus = new double[parameters];
        f.valueAndGradient(plus(x, H, v), gPlus);
        f.valueAndGradient(plus(x, -H, v), gMinus);
        double[] hfd = new double[parameters];
        for (int j = 0; j < parameters; j++) {
            hfd[j] = (gPlus[j] - gMinus[j]) / (2 * H);
        }
        assertTrue(relativeError(hv, hfd) <= DERIVATIVE_RTOL, "Hessian-vector error " + relativeError(hv, hfd));

        double[] u = gaussian(parameters, rng);
        double[] hu = new double[parameters];
        f.hessianVector(x, u, hu);
        assertEquals(dot(u, hv), dot(v, hu), SYMMETRY_RTOL * (norm(u) * norm(hv) + norm(v) * norm(hu)));
    }

    @Test
    void featuresArePairedAcrossParameterCountsAndReproducible() {
        LeastSquaresInstance a = LeastSquaresInstance.of(N, TEACHER, NOISE, 42);
        LeastSquaresInstance b = LeastSquaresInstance.of(N, TEACHER, NOISE, 42);
        double[] small = a.features(13);
        double[] large = a.features(57);
        assertArrayEquals(small, Arrays.copyOf(large, small.length), 0.0, "the first R columns are shared");
        assertArrayEquals(large, b.features(57), 0.0, "same seed, same features");
        assertArrayEquals(a.y(), b.y(), 0.0, "same seed, same targets");
        assertArrayEquals(a.teacher(), b.teacher(), 0.0);
        assertFalse(Arrays.equals(small, LeastSquaresInstance.of(N, TEACHER, NOISE, 43).features(13)));
        // Column j depends on the seed and j only, not on n: a longer sample extends each column.
        double[] longer = LeastSquaresInstance.of(N + 5, TEACHER, NOISE, 42).features(2);
        for (int j = 0; j < 2; j++) {
            for (int i = 0; i < N; i++) {
                assertEquals(small[i + N * j], longer[i + (N + 5) * j], 0.0);
            }
        }
        // Models of every R see the same y, so f(0) is the instance's f0 for all of them.
        for (int r : new int[] {1, 13, 57}) {
            assertEquals(a.f0(), a.model(r).value(new double[r]), 1e-15 * a.f0());
        }
    }

    @Test
    void targetsAreTheTeachersOutputsPlusNoise() {
        LeastSquaresInstance clean = LeastSquaresInstance.of(N, TEACHER, 0.0, 9);
        LeastSquaresInstance noisy = LeastSquaresInstance.of(N, TEACHER, NOISE, 9);
        double[] teacher = clean.teacher();
        assertArrayEquals(teacher, noisy.teacher(), 0.0, "θ* does not depend on the noise level");
        double[] a = clean.features(TEACHER);
        double[] y = clean.y();
        for (int i = 0; i < N; i++) {
            double s = 0;
            for (int k = 0; k < TEACHER; k++) {
                s += a[i + N * k] * teacher[k];
            }
            assertEquals(s, y[i], 1e-13 * (1 + Math.abs(s)));
        }
        // With the teacher's own features the noiseless instance is realizable, the noisy one is not (R < n).
        assertEquals(0, clean.model(TEACHER).minimum(), 1e-26 * clean.f0());
        assertTrue(noisy.model(TEACHER).minimum() > 0.01 * noisy.f0());
        assertEquals(0, clean.model(TEACHER).value(teacher), 1e-26 * clean.f0());
    }

    @Test
    void residualsAreTheFeatureMatrix() {
        LeastSquaresInstance instance = LeastSquaresInstance.of(N, TEACHER, NOISE, 3);
        int r = 25;
        LinearLeastSquares f = instance.model(r);
        Residuals res = f.residuals();
        assertSame(res, f.residuals());
        assertEquals(N, res.count());
        double[] a = instance.features(r);
        RandomGenerator rng = Seeds.generator(5);
        double[] x = gaussian(r, rng);
        double[] out = new double[N];
        for (int j = 0; j < r; j++) {
            double[] e = new double[r];
            e[j] = 1;
            res.jacobianTimes(x, e, out);
            assertArrayEquals(Arrays.copyOfRange(a, N * j, N * (j + 1)), out, 1e-15, "J e_j is column j");
        }
        double[] v = gaussian(r, rng);
        double[] w = gaussian(N, rng);
        double[] jv = new double[N];
        double[] jtw = new double[r];
        res.jacobianTimes(x, v, jv);
        res.jacobianTransposeTimes(x, w, jtw);
        assertEquals(dot(jv, w), dot(v, jtw), 1e-12 * norm(jv) * norm(w));
        // ‖F(θ) − y‖²/n is the loss, with F(θ) = Jθ for a linear model.
        double[] fx = new double[N];
        res.jacobianTimes(x, x, fx);
        double[] y = instance.y();
        double s = 0;
        for (int i = 0; i < N; i++) {
            s += (fx[i] - y[i]) * (fx[i] - y[i]);
        }
        assertEquals(f.loss(x), s / N, 1e-13 * f.loss(x));
    }

    /** Fixed step 1/L, L = 2σ_max²/n the gradient's Lipschitz constant. */
    private static GradientDescent.Settings fixedStep(LeastSquaresInstance instance, int parameters) {
        double sigma = Svd.spectralNorm(instance.n(), parameters, instance.features(parameters));
        double lipschitz = 2 * sigma * sigma / instance.n();
        return GradientDescent.Settings.of(new StepSize.Fixed(1 / lipschitz), stop());
    }

    private static StoppingRule stop() {
        return StoppingRule.maxIterations(50_000).or(StoppingRule.divergence(1e12))
                .or(StoppingRule.gradNormBelow(GRAD_TOL));
    }

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    void overParameterizedDescentInterpolatesAndLandsOnTheClosestSolution(long seed) {
        int parameters = 2 * N;
        LeastSquaresInstance instance = LeastSquaresInstance.of(N, TEACHER, NOISE, seed);
        LinearLeastSquares f = instance.model(parameters);
        assertEquals(N, f.rank());
        assertEquals(0, f.minimum(), 1e-26 * instance.f0(), "R ≥ n interpolates");

        double[] start = f.initialPoint(1.0, Seeds.generator(Seeds.hash(seed, "init")));
        double[] x = start.clone();
        GradientDescent.Settings settings = seed % 2 == 0 ? fixedStep(instance, parameters)
                : GradientDescent.Settings.of(new StepSize.Armijo(1.0), stop());
        GradientDescent.Descent d = GradientDescent.minimize(f, x, settings);
        assertEquals(StopReason.GRADIENT_TOLERANCE, d.reason());
        assertTrue(d.value() <= INTERPOLATION_RTOL * instance.f0(), "f/f0 = " + d.value() / instance.f0());
        double err = f.recoveryError(start, x);
        assertTrue(err <= RECOVERY_TOL, "distance to the closest solution " + err);
        // The solution reached depends on the start: the minimum-norm one (start 0) is far from it.
        assertTrue(f.recoveryError(new double[parameters], x) > 1e3 * RECOVERY_TOL);
    }

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    void underParameterizedDescentReachesTheUniqueLeastSquaresSolution(long seed) {
        int parameters = N / 2;
        LeastSquaresInstance instance = LeastSquaresInstance.of(N, TEACHER, NOISE, seed);
        LinearLeastSquares f = instance.model(parameters);
        assertEquals(parameters, f.rank());
        assertTrue(f.minimum() > 0.01 * instance.f0(), "R < n leaves a residual");

        double[] start = f.initialPoint(1.0, Seeds.generator(Seeds.hash(seed, "init")));
        double[] x = start.clone();
        GradientDescent.Descent d = GradientDescent.minimize(f, x, fixedStep(instance, parameters));
        assertEquals(StopReason.GRADIENT_TOLERANCE, d.reason());
        assertEquals(f.minimum(), d.value(), INTERPOLATION_RTOL * instance.f0(), "GD reaches the minimum");
        double[] unique = f.closestMinimizer(new double[parameters]);
        assertTrue(relativeError(f.closestMinimizer(start), unique) <= SOLUTION_RTOL, "unique minimizer");
        assertTrue(relativeError(x, unique) <= RECOVERY_TOL, "GD lands on it: " + relativeError(x, unique));
        assertTrue(f.recoveryError(start, x) <= RECOVERY_TOL);
        assertEquals(f.minimum(), f.value(unique), 1e-13 * instance.f0());
    }

    @Test
    void initialPointIsScaledGaussianInParameterOrder() {
        LinearLeastSquares f = LeastSquaresInstance.of(5, 2, 0, 1).model(16);
        double[] x = f.initialPoint(0.3, Seeds.generator(77));
        RandomGenerator rng = Seeds.generator(77);
        for (double xi : x) {
            assertEquals(0.3 / 4 * rng.nextGaussian(), xi, 0.0);
        }
    }

    @Test
    void recoveryErrorOfNonFinitePointsIsNaN() {
        LinearLeastSquares f = LeastSquaresInstance.of(5, 2, 0, 1).model(3);
        double[] bad = {0, Double.POSITIVE_INFINITY, 0};
        assertTrue(Double.isNaN(f.recoveryError(new double[3], bad)));
        assertTrue(Double.isNaN(f.recoveryError(bad, new double[3])));
        assertTrue(Double.isNaN(f.value(new double[] {Double.NaN, 0, 0})));
    }

    @Test
    void invalidArgumentsAreNamed() {
        assertMessage("n must be >= 1, got 0", () -> LeastSquaresInstance.of(0, 1, 0, 1));
        assertMessage("d must be >= 1, got 0", () -> LeastSquaresInstance.of(3, 0, 0, 1));
        assertMessage("noise must be a finite number >= 0, got NaN",
                () -> LeastSquaresInstance.of(3, 1, Double.NaN, 1));
        assertMessage("noise must be a finite number >= 0, got -1.0", () -> LeastSquaresInstance.of(3, 1, -1, 1));
        LeastSquaresInstance instance = LeastSquaresInstance.of(3, 1, 0, 1);
        assertMessage("parameters must be >= 1, got 0", () -> instance.model(0));
        assertMessage("columns must be >= 1, got -2", () -> instance.features(-2));
        assertMessage("features must have length 6, got 5", () -> LinearLeastSquares.of(3, 2, new double[5],
                new double[3]));
        assertMessage("y entries must be finite, got Infinity at index 2", () -> LinearLeastSquares.of(3, 2,
                new double[6], new double[] {0, 0, Double.POSITIVE_INFINITY}));
        LinearLeastSquares f = instance.model(2);
        assertMessage("x must have length 2, got 3", () -> f.value(new double[3]));
        assertMessage("w must have length 3, got 2",
                () -> f.residuals().jacobianTransposeTimes(new double[2], new double[2], new double[2]));
    }

    private static void assertMessage(String message, org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertEquals(message, e.getMessage());
    }
}
