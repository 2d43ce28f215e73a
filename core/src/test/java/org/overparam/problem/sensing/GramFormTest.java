package org.overparam.problem.sensing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.overparam.problem.sensing.OperatorsTest.assertMessage;
import static org.overparam.problem.sensing.SensingFixtures.gaussian;
import static org.overparam.problem.sensing.SensingFixtures.multiply;
import static org.overparam.problem.sensing.SensingFixtures.norm;
import static org.overparam.problem.sensing.SensingFixtures.plus;
import static org.overparam.problem.sensing.SensingFixtures.scaled;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.overparam.linalg.PackedSymmetric;
import org.overparam.problem.sensing.SensingFixtures.Kind;
import org.overparam.random.Seeds;
import org.overparam.solve.GradientDescent;
import org.overparam.solve.StepSize;
import org.overparam.solve.StopReason;
import org.overparam.solve.StoppingRule;

/**
 * The Gram form of the data term (H = 𝐀ᵀ𝐀, b = 𝐀ᵀy, c = yᵀy) against the measured form: the selection rule, the
 * shared lazily built H, value/gradient/Hessian–vector agreement within the rounding both forms are entitled to,
 * the exact loss column, and gradient descent outcomes. Derivatives of the Gram form against finite differences
 * are in {@link SensingDerivativesTest}, its values against NumPy in {@link SensingGoldenTest}.
 */
class GramFormTest {

    /** Unit roundoff u = 2⁻⁵³. */
    private static final double U = 0x1p-53;

    /**
     * How far apart the two forms may be, in units of u times the magnitude of what they sum (the scales of
     * {@link #scales}). Each form is a chain of sums of at most k = n + 2d² + d + 4 terms (H, b, c and 𝒜 over n;
     * He, the dot products and 𝒜 over d²; the factor GEMMs over d), so the worst-case first-order bound is
     * 2γ_k ≈ 2k·u ≈ 160u here; rounding errors that do not conspire add like a random walk, √k·u ≈ 9u (Higham,
     * Accuracy and Stability, §2.8), and the magnitudes overstate the terms that actually meet. Seen: ≤ 0.4u.
     */
    private static final double ROUNDING_ULPS = 16;

    private static final int D = 5;
    private static final int TRUE_RANK = 2;
    private static final int RANK = 3;

    enum Model { ASYMMETRIC, SYMMETRIC }

    enum Regularization { NONE, RIDGE, RIDGE_AND_C }

    /** Where the forms are compared: a generic point, or within 1e-6 of a noiseless fit where He ≈ b cancel. */
    enum Point { RANDOM, NEAR_FIT }

    // ---- the rule ----

    @Test
    void gramIsPickedExactlyForDenseOperatorsWithAtLeastTwoFifthsDSquaredMeasurements() {
        assertEquals(DataForm.MEASURED, DataForm.preferred(true, 6, 4), "5n = 30 <= 2d² = 32");
        assertEquals(DataForm.GRAM, DataForm.preferred(true, 7, 4));
        assertEquals(DataForm.MEASURED, DataForm.preferred(true, 9, 5), "5n = 45 < 2d² = 50");
        assertEquals(DataForm.GRAM, DataForm.preferred(true, 10, 5), "n = 2d²/5 is enough");
        assertEquals(DataForm.MEASURED, DataForm.preferred(true, 999, 50));
        assertEquals(DataForm.GRAM, DataForm.preferred(true, 1000, 50), "n = 1000 = 2·50²/5");
        assertEquals(DataForm.MEASURED, DataForm.preferred(false, 1_000_000, 5), "structured: never");
        assertEquals(DataForm.GRAM, DataForm.preferred(true, Integer.MAX_VALUE, 46_340), "no overflow in d²");
        assertEquals(DataForm.MEASURED, DataForm.preferred(true, 858_956_000, 46_340), "nor in 2d²");

        RandomGenerator rng = Seeds.generator(3);
        assertEquals(DataForm.GRAM, DataForm.preferred(Operators.gaussian(5, 11, rng)));
        assertEquals(DataForm.MEASURED, DataForm.preferred(Operators.gaussian(5, 9, rng)));
        assertEquals(DataForm.GRAM, DataForm.preferred(Operators.symmetricGaussian(4, 9, rng)));
        assertEquals(DataForm.GRAM, DataForm.preferred(Operators.explicit(2, List.of(new double[4],
                new double[4], new double[4]))), "explicit operators are dense too");
        assertEquals(DataForm.MEASURED, DataForm.preferred(Operators.rankOne(5, 500, rng)));
        assertEquals(DataForm.MEASURED, DataForm.preferred(Operators.entrySampling(5, 20, rng)));
    }

    @Test
    void theGramFormIsRefusedWhereTheRuleDoesNotPickIt() {
        RandomGenerator rng = Seeds.generator(4);
        MeasurementOperator few = Operators.gaussian(5, 9, rng);
        double[] truth = Truths.lowRank(5, 1, 1, true, rng);
        SensingInstance instance = SensingInstance.of(few, SensingInstance.measure(few, truth, 0, rng), truth, 1, 0,
                null);
        String message = "the Gram form needs a dense operator with n ≥ 2d²/5, got DenseOperator[d=5, n=9]";
        assertMessage(message, () -> AsymmetricSensing.of(instance, 2, DataForm.GRAM));
        assertMessage(message, () -> SymmetricSensing.of(instance, 2, DataForm.GRAM));
        assertFalse(instance.gramBuilt());
        assertEquals(DataForm.MEASURED, AsymmetricSensing.of(instance, 2).form(), "the default is MEASURED");
    }

    // ---- the shared H ----

    @Test
    void hIsBuiltLazilyOnceAndSharedByEveryModelAndRank() {
        SensingInstance instance = instance(Kind.GAUSSIAN, Model.SYMMETRIC, 0, null, 5, 0.1);
        AsymmetricSensing.of(instance, 2);
        SymmetricSensing.of(instance, 2, DataForm.MEASURED);
        assertFalse(instance.gramBuilt(), "measured objectives never build H");
        SymmetricSensing first = SymmetricSensing.of(instance, 2, DataForm.GRAM);
        assertTrue(instance.gramBuilt());
        Gram gram = instance.gram();
        AsymmetricSensing.of(instance, 4, DataForm.GRAM);
        assertSame(gram, instance.gram(), "later models of any R and either model reuse it");
        assertEquals(DataForm.GRAM, first.form());
        assertTrue(first.toString().endsWith(", GRAM]"), first::toString);
    }

    @Test
    void concurrentFirstUsesGetOneGram() throws Exception {
        SensingInstance instance = instance(Kind.GAUSSIAN, Model.ASYMMETRIC, 0, null, 6, 0.1);
        int threads = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CyclicBarrier start = new CyclicBarrier(threads);
            List<Callable<Gram>> calls = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                calls.add(() -> {
                    start.await();
                    return instance.gram();
                });
            }
            List<Future<Gram>> results = pool.invokeAll(calls);
            Gram first = results.get(0).get();
            for (Future<Gram> result : results) {
                assertSame(first, result.get());
            }
        } finally {
            pool.shutdown();
            assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void hbAndCAreNaturalOrderSumsOverTheMeasurementsHFused() {
        SensingInstance instance = instance(Kind.GAUSSIAN, Model.ASYMMETRIC, 0.05, null, 7, 0.1);
        DenseOperator op = (DenseOperator) instance.operator();
        double[] a = op.matrixShared();
        double[] y = instance.y();
        int n = op.count();
        int m = D * D;
        Gram gram = instance.gram();
        double cExpected = 0;
        for (int p = 0; p < n; p++) {
            cExpected += y[p] * y[p];
        }
        assertEquals(cExpected, gram.c(), 0.0);
        for (int j = 0; j < m; j++) {
            double bj = 0;
            for (int p = 0; p < n; p++) {
                bj += a[p + n * j] * y[p];
            }
            assertEquals(bj, gram.bShared()[j], 0.0, "b_" + j);
            for (int i = j; i < m; i++) {
                double hij = 0;
                for (int p = 0; p < n; p++) {
                    hij = Math.fma(a[p + n * i], a[p + n * j], hij);
                }
                assertEquals(hij, gram.packedShared()[PackedSymmetric.index(m, i, j)], 0.0, "H(" + i + "," + j + ")");
            }
        }
    }

    // ---- agreement with the measured form ----

    static Stream<Arguments> comparisons() {
        List<Arguments> cases = new ArrayList<>();
        for (Model model : Model.values()) {
            for (Kind kind : new Kind[] {Kind.GAUSSIAN, Kind.SYMMETRIC_GAUSSIAN}) {
                for (Regularization reg : Regularization.values()) {
                    if (model == Model.ASYMMETRIC && reg == Regularization.RIDGE_AND_C) {
                        continue; // the asymmetric model has no C term
                    }
                    for (Point point : Point.values()) {
                        for (long seed : new long[] {41, 42, 43}) {
                            cases.add(Arguments.of(model, kind, reg, point, seed));
                        }
                    }
                }
            }
        }
        return cases.stream();
    }

    /**
     * Value, gradient and Hessian–vector product in the Gram form equal the measured form's up to rounding:
     * |ΔD| ≤ k·u·‖|𝐀||e| + |y|‖²/n, ‖Δ∇f‖ ≤ k·u·(2/n)‖W‖(‖U‖ + ‖V‖) and ‖ΔHv‖ ≤ k·u·(2/n)(‖W_Δ‖(‖U‖ + ‖V‖) +
     * ‖W‖(‖dU‖ + ‖dV‖)), with W = |𝐀|ᵀ(|𝐀||e| + |y|), W_Δ = |𝐀|ᵀ|𝐀| vec(|dU||V|ᵀ + |U||dV|ᵀ), e = vec(|U||V|ᵀ) and
     * k = {@value #ROUNDING_ULPS}. These are the magnitudes that cancel: near a fit the gradient is far smaller
     * than its scale, and any wrong term would be off by O(1) of the scale.
     */
    @ParameterizedTest(name = "{0} {1} {2} {3} seed={4}")
    @MethodSource("comparisons")
    void gramFormEqualsMeasuredFormUpToRounding(Model model, Kind kind, Regularization reg, Point point, long seed) {
        RandomGenerator rng = Seeds.generator(seed);
        double lambda = reg == Regularization.NONE ? 0 : 0.05;
        boolean withC = reg == Regularization.RIDGE_AND_C;
        SensingInstance instance = instance(kind, model, lambda, withC ? rng : null, seed, point == Point.RANDOM
                ? 0.1 : 0);
        SensingObjective measured = objective(model, instance, DataForm.MEASURED);
        SensingObjective gram = objective(model, instance, DataForm.GRAM);
        int dim = measured.dimension();
        double[] x = point == Point.RANDOM ? scaled(0.7, gaussian(dim, rng))
                : plus(fit(model, seed), 1e-6, gaussian(dim, rng));
        double[] direction = gaussian(dim, rng);

        double[] gM = new double[dim];
        double[] gG = new double[dim];
        double fM = measured.valueAndGradient(x, gM);
        double fG = gram.valueAndGradient(x, gG);
        double[] hM = new double[dim];
        double[] hG = new double[dim];
        measured.hessianVector(x, direction, hM);
        gram.hessianVector(x, direction, hG);

        Scales s = scales(model, instance, x, direction);
        double k = ROUNDING_ULPS * U;
        assertEquals(fM, fG, k * s.value(), "value");
        assertTrue(SensingFixtures.distance(gM, gG) <= k * s.gradient(),
                "gradient differs by " + SensingFixtures.distance(gM, gG) + " > " + k * s.gradient());
        assertTrue(SensingFixtures.distance(hM, hG) <= k * s.hessian(),
                "Hv differs by " + SensingFixtures.distance(hM, hG) + " > " + k * s.hessian());
        assertTrue(norm(gM) > 0 && norm(hM) > 0);
        assertEquals(measured.dataLoss(x), gram.dataLoss(x), 0.0, "dataLoss goes through 𝒜 in both forms");
    }

    /**
     * At a noiseless fit the Gram value is a difference of O(c) terms: it lands within its error floor of 0, while
     * the loss column (dataLoss, through 𝒜) stays at the residuals' rounding, (ε·‖y‖)²-small.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(Model.class)
    void theLossColumnIsExactWhereTheGramValueIsOnlyWithinItsFloor(Model model) {
        for (long seed = 51; seed <= 55; seed++) {
            SensingInstance instance = instance(Kind.GAUSSIAN, model, 0, null, seed, 0);
            SensingObjective gram = objective(model, instance, DataForm.GRAM);
            double[] x = fit(model, seed);
            double floor = gram.valueErrorFloor();
            assertTrue(floor > 0 && floor < 1e-12 * instance.f0(), "floor " + floor);
            assertTrue(Math.abs(gram.value(x)) <= floor, "value " + gram.value(x) + " vs floor " + floor);
            assertTrue(gram.dataLoss(x) <= 1e-26 * instance.f0(), "dataLoss " + gram.dataLoss(x));
            assertEquals(gram.dataLoss(x), gram.loss(x), 0.0);
        }
        SensingInstance instance = instance(Kind.GAUSSIAN, model, 0, null, 51, 0);
        assertEquals(0.0, objective(model, instance, DataForm.MEASURED).valueErrorFloor());
    }

    // ---- gradient descent ----

    enum Stop { TARGET, GRADIENT }

    static Stream<Arguments> descents() {
        List<Arguments> cases = new ArrayList<>();
        for (Model model : Model.values()) {
            for (int d : new int[] {6, 10}) {
                cases.add(Arguments.of(model, d, 2, Stop.TARGET));
                cases.add(Arguments.of(model, d, 3, Stop.TARGET));
                cases.add(Arguments.of(model, d, 2, Stop.GRADIENT));
            }
        }
        return cases.stream();
    }

    /**
     * Armijo GD from the same start in both forms (n = d², r = 2, noiseless) stops for the same reason with the same
     * outcome. To a target of 1e-7·f0 the two runs take the same steps (the forms differ by ~1e-15·f0, far below
     * every Armijo comparison). With only the gradient tolerance 1e-8·f0 (R = r: linear convergence), the run must
     * get f − f* down to ≈ 1e-16·f0, the Gram value's own resolution: it gets there because the approximate
     * Armijo test counts the Gram form's error floor as rounding; the two paths part only near that floor.
     */
    @ParameterizedTest(name = "{0} d={1} R={2} {3}")
    @MethodSource("descents")
    void gradientDescentReachesTheSameOutcomeInBothForms(Model model, int d, int rank, Stop stop) {
        RandomGenerator rng = Seeds.generator(5 + d);
        boolean symmetric = model == Model.SYMMETRIC;
        double[] truth = Truths.lowRank(d, 2, 2.0, symmetric, rng);
        MeasurementOperator op = symmetric ? Operators.symmetricGaussian(d, d * d, rng)
                : Operators.gaussian(d, d * d, rng);
        SensingInstance instance = SensingInstance.of(op, SensingInstance.measure(op, truth, 0, rng), truth, 2, 0,
                null);
        double f0 = instance.f0();
        double target = 1e-7 * f0;
        StoppingRule rule = StoppingRule.gradNormBelow(1e-8 * f0).or(StoppingRule.maxIterations(20_000));
        if (stop == Stop.TARGET) {
            rule = StoppingRule.valueBelow(target).or(rule);
        }
        GradientDescent.Settings settings = GradientDescent.Settings.of(new StepSize.Armijo(0.1), rule);

        SensingObjective measured = objective(model, instance, DataForm.MEASURED, rank);
        SensingObjective gram = objective(model, instance, DataForm.GRAM, rank);
        double[] xM = measured.initialPoint(1e-2, Seeds.generator(77));
        double[] xG = xM.clone();
        GradientDescent.Descent m = GradientDescent.minimize(measured, xM, settings);
        GradientDescent.Descent g = GradientDescent.minimize(gram, xG, settings);

        StopReason expected = stop == Stop.TARGET ? StopReason.TARGET_REACHED : StopReason.GRADIENT_TOLERANCE;
        assertEquals(expected, m.reason(), m::toString);
        assertEquals(expected, g.reason(), g::toString);
        if (stop == Stop.TARGET) {
            assertEquals(m.iterations(), g.iterations(), "same steps to the target");
            assertTrue(gram.dataLoss(xG) <= target + gram.valueErrorFloor(), "loss " + gram.dataLoss(xG) / f0);
            assertEquals(measured.recoveryError(xM), gram.recoveryError(xG), 1e-6 * measured.recoveryError(xM));
        } else {
            assertEquals(m.iterations(), g.iterations(), 0.5 * m.iterations(), "iterations");
            assertTrue(gram.dataLoss(xG) <= 1e-14 * f0, "loss " + gram.dataLoss(xG) / f0);
            assertTrue(gram.recoveryError(xG) <= 1e-6, "recovery " + gram.recoveryError(xG));
        }
    }

    // ---- helpers ----

    private static SensingObjective objective(Model model, SensingInstance instance, DataForm form) {
        return objective(model, instance, form, RANK);
    }

    private static SensingObjective objective(Model model, SensingInstance instance, DataForm form, int rank) {
        return model == Model.ASYMMETRIC ? AsymmetricSensing.of(instance, rank, form)
                : SymmetricSensing.of(instance, rank, form);
    }

    /**
     * An instance on a D×D fixture operator (n = 4D, so the rule picks GRAM) whose truth is L Wᵀ (W Wᵀ for the
     * symmetric model) with the factors of {@link #fit}.
     */
    private static SensingInstance instance(Kind kind, Model model, double lambda, RandomGenerator cRng, long seed,
                                            double noise) {
        RandomGenerator rng = Seeds.generator(seed + 7000);
        MeasurementOperator op = SensingFixtures.operator(kind, D, rng);
        double[] factors = fit(model, seed);
        double[] truth = model == Model.ASYMMETRIC
                ? multiply(false, true, D, D, RANK, factors, Arrays.copyOfRange(factors, D * RANK, 2 * D * RANK))
                : multiply(false, true, D, D, RANK, factors, factors);
        double[] c = null;
        if (cRng != null) {
            c = scaled(0.3, gaussian(D * D, cRng));
            SensingFixtures.symmetrize(D, c);
        }
        return SensingInstance.of(op, SensingInstance.measure(op, truth, noise, rng), truth, TRUE_RANK, lambda, c);
    }

    /** Factors (U, V) or U of RANK columns, the last one zero, whose product is the instance's truth. */
    private static double[] fit(Model model, long seed) {
        RandomGenerator rng = Seeds.generator(seed + 9000);
        int blocks = model == Model.ASYMMETRIC ? 2 : 1;
        double[] x = new double[blocks * D * RANK];
        for (int block = 0; block < blocks; block++) {
            for (int j = 0; j < D * TRUE_RANK; j++) {
                x[block * D * RANK + j] = rng.nextGaussian() / Math.sqrt(D);
            }
        }
        return x;
    }

    private record Scales(double value, double gradient, double hessian) {
    }

    /** The magnitudes of {@link #gramFormEqualsMeasuredFormUpToRounding}'s bounds at x along direction. */
    private static Scales scales(Model model, SensingInstance instance, double[] x, double[] direction) {
        int dr = D * RANK;
        double[] u = Arrays.copyOfRange(x, 0, dr);
        double[] v = model == Model.ASYMMETRIC ? Arrays.copyOfRange(x, dr, 2 * dr) : u;
        double[] du = Arrays.copyOfRange(direction, 0, dr);
        double[] dv = model == Model.ASYMMETRIC ? Arrays.copyOfRange(direction, dr, 2 * dr) : du;
        double[] a = ((DenseOperator) instance.operator()).matrixShared();
        double[] y = instance.y();
        int n = instance.count();
        int m = D * D;
        double[] e = multiply(false, true, D, D, RANK, abs(u), abs(v));
        double[] delta = multiply(false, true, D, D, RANK, abs(du), abs(v));
        double[] delta2 = multiply(false, true, D, D, RANK, abs(u), abs(dv));
        for (int j = 0; j < m; j++) {
            delta[j] += delta2[j];
        }
        double[] magnitude = new double[n];
        double[] deltaMagnitude = new double[n];
        for (int p = 0; p < n; p++) {
            double s = Math.abs(y[p]);
            double t = 0;
            for (int j = 0; j < m; j++) {
                s += Math.abs(a[p + n * j]) * e[j];
                t += Math.abs(a[p + n * j]) * delta[j];
            }
            magnitude[p] = s;
            deltaMagnitude[p] = t;
        }
        double[] w = new double[m];
        double[] wDelta = new double[m];
        for (int j = 0; j < m; j++) {
            for (int p = 0; p < n; p++) {
                w[j] += Math.abs(a[p + n * j]) * magnitude[p];
                wDelta[j] += Math.abs(a[p + n * j]) * deltaMagnitude[p];
            }
        }
        double c = 2.0 / n;
        return new Scales(norm(magnitude) * norm(magnitude) / n,
                c * norm(w) * (norm(u) + norm(v)),
                c * (norm(wDelta) * (norm(u) + norm(v)) + norm(w) * (norm(du) + norm(dv))));
    }

    private static double[] abs(double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = Math.abs(v[i]);
        }
        return out;
    }
}
