package org.overparam.problem.sensing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.overparam.problem.sensing.SensingFixtures.dot;
import static org.overparam.problem.sensing.SensingFixtures.gaussian;
import static org.overparam.problem.sensing.SensingFixtures.multiply;
import static org.overparam.problem.sensing.SensingFixtures.relativeError;

import java.util.List;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.overparam.problem.sensing.SensingFixtures.Kind;
import org.overparam.random.Seeds;

/** Operator identities, structured operators against their dense equivalents, and the random factories. */
class OperatorsTest {

    /** Same quantity by two summation orders over ≤ d²·n terms of O(1) numbers. */
    private static final double ROUNDING_RTOL = 1e-12;

    private static final int D = 6;
    private static final int RANK = 3;

    static Stream<Arguments> kindsAndSeeds() {
        return Stream.of(Kind.values()).flatMap(k -> Stream.of(1L, 2L).map(s -> Arguments.of(k, s)));
    }

    @ParameterizedTest(name = "{0} seed={1}")
    @MethodSource("kindsAndSeeds")
    void factoredMethodsAgreeWithDenseApplyAndAdjoint(Kind kind, long seed) {
        RandomGenerator rng = Seeds.generator(seed);
        MeasurementOperator op = SensingFixtures.operator(kind, D, rng);
        int n = op.count();
        double[] u = gaussian(D * RANK, rng);
        double[] v = gaussian(D * RANK, rng);
        double[] w = gaussian(n, rng);
        double[] m = gaussian(D * D, rng);
        double[] work = new double[op.workSize(RANK)];

        // ⟨𝒜(M), w⟩ = ⟨M, 𝒜*(w)⟩
        double[] am = new double[n];
        double[] aw = new double[D * D];
        op.apply(m, am);
        op.adjoint(w, aw);
        assertEquals(dot(am, w), dot(m, aw), ROUNDING_RTOL * Math.abs(dot(am, w)) + 1e-13);

        double[] uvT = multiply(false, true, D, D, RANK, u, v);
        double[] expected = new double[n];
        op.apply(uvT, expected);
        double[] got = new double[n];
        op.applyFactored(u, v, RANK, got, work);
        assertTrue(relativeError(got, expected, 1) <= ROUNDING_RTOL, "applyFactored(U,V) = apply(UVᵀ)");

        double[] uuT = multiply(false, true, D, D, RANK, u, u);
        op.apply(uuT, expected);
        op.applyFactored(u, u, RANK, got, work);
        assertTrue(relativeError(got, expected, 1) <= ROUNDING_RTOL, "applyFactored(U,U) = apply(UUᵀ)");

        double[] out = new double[D * RANK];
        op.adjointTimes(w, v, RANK, out, work);
        assertTrue(relativeError(out, multiply(false, false, D, RANK, D, aw, v), 1) <= ROUNDING_RTOL,
                "adjointTimes(w,F) = 𝒜*(w)F");
        op.adjointTransposeTimes(w, v, RANK, out, work);
        assertTrue(relativeError(out, multiply(true, false, D, RANK, D, aw, v), 1) <= ROUNDING_RTOL,
                "adjointTransposeTimes(w,F) = 𝒜*(w)ᵀF");
        double[] outU = new double[D * RANK];
        op.adjointBothTimes(w, v, u, RANK, out, outU, work);
        assertTrue(relativeError(out, multiply(false, false, D, RANK, D, aw, v), 1) <= ROUNDING_RTOL,
                "adjointBothTimes: 𝒜*(w)F");
        assertTrue(relativeError(outU, multiply(true, false, D, RANK, D, aw, u), 1) <= ROUNDING_RTOL,
                "adjointBothTimes: 𝒜*(w)ᵀG");

        boolean adjointSymmetric = true;
        for (int a = 0; a < D; a++) {
            for (int b = 0; b < D; b++) {
                adjointSymmetric &= aw[a + D * b] == aw[b + D * a];
            }
        }
        if (op.symmetric()) {
            assertTrue(adjointSymmetric, "symmetric() implies 𝒜*(w) symmetric");
        }
    }

    /**
     * The symmetric model's one-call data term: a fused override (rank-one) must give the bits of the composed
     * default (applyFactored, subtract, adjointTimes), so that which path ran never shows in a row.
     */
    @ParameterizedTest(name = "{0} seed={1}")
    @MethodSource("kindsAndSeeds")
    void residualAndAdjointIsTheComposedDefaultBitForBit(Kind kind, long seed) {
        RandomGenerator rng = Seeds.generator(seed);
        MeasurementOperator op = SensingFixtures.operator(kind, D, rng);
        if (!op.symmetric()) {
            return;
        }
        int n = op.count();
        double[] u = gaussian(D * RANK, rng);
        double[] y = gaussian(n, rng);
        double[] work = new double[op.workSize(RANK)];
        double[] res = new double[n];
        double[] out = new double[D * RANK];
        double sum = op.residualAndAdjoint(u, RANK, y, res, out, work);

        double[] expectedRes = new double[n];
        op.applyFactored(u, u, RANK, expectedRes, work);
        double expectedSum = 0;
        for (int i = 0; i < n; i++) {
            expectedRes[i] -= y[i];
            expectedSum += expectedRes[i] * expectedRes[i];
        }
        double[] expectedOut = new double[D * RANK];
        op.adjointTimes(expectedRes, u, RANK, expectedOut, work);
        assertArrayEquals(expectedRes, res);
        assertArrayEquals(expectedOut, out);
        assertEquals(expectedSum, sum, 0.0);
    }

    @Test
    void symmetryFlagsOfTheFactories() {
        RandomGenerator rng = Seeds.generator(5);
        assertFalse(Operators.gaussian(4, 10, rng).symmetric());
        assertTrue(Operators.symmetricGaussian(4, 10, rng).symmetric());
        assertTrue(Operators.rankOne(4, 10, rng).symmetric());
        assertFalse(Operators.entrySampling(4, 10, rng).symmetric()); // only 4 diagonal entries exist
        assertTrue(EntrySamplingOperator.of(3, new int[] {0, 2}, new int[] {0, 2}).symmetric());
    }

    @Test
    void rankOneAgreesWithItsDenseEquivalent() {
        RandomGenerator rng = Seeds.generator(21);
        int n = 17;
        double[] samples = gaussian(n * D, rng);
        RankOneOperator structured = RankOneOperator.of(D, samples);
        double[] flat = new double[n * D * D];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < D; a++) {
                for (int b = 0; b < D; b++) {
                    flat[i * D * D + a + D * b] = samples[i + n * a] * samples[i + n * b];
                }
            }
        }
        assertSameOperator(DenseOperator.of(D, flat), structured, rng);
    }

    @Test
    void entrySamplingAgreesWithItsDenseEquivalent() {
        RandomGenerator rng = Seeds.generator(22);
        int[] rows = {0, 5, 2, 2, 3, 1, 4, 0};
        int[] cols = {1, 5, 2, 0, 4, 1, 3, 3};
        EntrySamplingOperator structured = EntrySamplingOperator.of(D, rows, cols);
        double[] flat = new double[rows.length * D * D];
        for (int i = 0; i < rows.length; i++) {
            flat[i * D * D + rows[i] + D * cols[i]] = 1;
        }
        assertSameOperator(DenseOperator.of(D, flat), structured, rng);
    }

    private static void assertSameOperator(MeasurementOperator dense, MeasurementOperator structured,
                                           RandomGenerator rng) {
        int n = dense.count();
        assertEquals(n, structured.count());
        assertEquals(dense.dim(), structured.dim());
        assertEquals(dense.symmetric(), structured.symmetric());
        double[] u = gaussian(D * RANK, rng);
        double[] v = gaussian(D * RANK, rng);
        double[] w = gaussian(n, rng);
        double[] m = gaussian(D * D, rng);
        double[] dWork = new double[dense.workSize(RANK)];
        double[] sWork = new double[structured.workSize(RANK)];

        double[] expected = new double[n];
        double[] got = new double[n];
        dense.apply(m, expected);
        structured.apply(m, got);
        assertTrue(relativeError(got, expected, 1) <= ROUNDING_RTOL, "apply");
        dense.applyFactored(u, v, RANK, expected, dWork);
        structured.applyFactored(u, v, RANK, got, sWork);
        assertTrue(relativeError(got, expected, 1) <= ROUNDING_RTOL, "applyFactored");

        double[] e2 = new double[D * D];
        double[] g2 = new double[D * D];
        dense.adjoint(w, e2);
        structured.adjoint(w, g2);
        assertTrue(relativeError(g2, e2, 1) <= ROUNDING_RTOL, "adjoint");

        double[] eF = new double[D * RANK];
        double[] gF = new double[D * RANK];
        dense.adjointTimes(w, u, RANK, eF, dWork);
        structured.adjointTimes(w, u, RANK, gF, sWork);
        assertTrue(relativeError(gF, eF, 1) <= ROUNDING_RTOL, "adjointTimes");
        dense.adjointTransposeTimes(w, u, RANK, eF, dWork);
        structured.adjointTransposeTimes(w, u, RANK, gF, sWork);
        assertTrue(relativeError(gF, eF, 1) <= ROUNDING_RTOL, "adjointTransposeTimes");
    }

    @ParameterizedTest(name = "{0} seed={1}")
    @MethodSource("kindsAndSeeds")
    void factoriesAreDeterministicGivenTheGenerator(Kind kind, long seed) {
        MeasurementOperator first = SensingFixtures.operator(kind, D, Seeds.generator(seed));
        MeasurementOperator second = SensingFixtures.operator(kind, D, Seeds.generator(seed));
        MeasurementOperator other = SensingFixtures.operator(kind, D, Seeds.generator(seed + 100));
        double[] m = gaussian(D * D, Seeds.generator(99));
        double[] a = new double[first.count()];
        double[] b = new double[first.count()];
        double[] c = new double[other.count()];
        first.apply(m, a);
        second.apply(m, b);
        other.apply(m, c);
        assertArrayEquals(a, b, 0.0);
        assertFalse(java.util.Arrays.equals(a, c), "another seed gives another operator");
    }

    /**
     * Each of the 9 positions of a 3×3 matrix is picked with probability n/d² = 2/9. Over 9000 draws each
     * count is Binomial(9000, 2/9): mean 2000, sd 39.4; ±6 sd keeps a false alarm below 1e-8 per position.
     */
    @Test
    void entrySamplingIsUniformWithoutReplacement() {
        int d = 3;
        int n = 2;
        int trials = 9000;
        RandomGenerator rng = Seeds.generator(7);
        int[] counts = new int[d * d];
        double[] ones = {1, 1};
        double[] adjoint = new double[d * d];
        for (int t = 0; t < trials; t++) {
            Operators.entrySampling(d, n, rng).adjoint(ones, adjoint);
            for (int j = 0; j < d * d; j++) {
                counts[j] += (int) adjoint[j];
            }
        }
        double mean = (double) trials * n / (d * d);
        double sd = Math.sqrt(trials * (2.0 / 9) * (7.0 / 9));
        for (int j = 0; j < d * d; j++) {
            assertEquals(mean, counts[j], 6 * sd, "position " + j);
        }

        // n = d² draws every entry exactly once.
        double[] all = new double[16];
        double[] w = new double[16];
        java.util.Arrays.fill(w, 1);
        Operators.entrySampling(4, 16, rng).adjoint(w, all);
        for (double value : all) {
            assertEquals(1.0, value);
        }
    }

    @Test
    void explicitKeepsTheMatricesInOrder() {
        double[] a0 = {1, 2, 3, 4};
        double[] a1 = {0, -1, 5, 0.5};
        DenseOperator op = Operators.explicit(2, List.of(a0, a1));
        double[] out = new double[4];
        op.adjoint(new double[] {1, 0}, out);
        assertArrayEquals(a0, out, 0.0);
        op.adjoint(new double[] {0, 1}, out);
        assertArrayEquals(a1, out, 0.0);
        double[] y = new double[2];
        op.apply(new double[] {0, 0, 1, 0}, y); // M = e_0 e_1ᵀ picks entry (0, 1) = index 2
        assertArrayEquals(new double[] {3, 5}, y, 0.0);
    }

    @Test
    void invalidInputIsRefusedWithAMessage() {
        assertMessage("d must be >= 1, got 0", () -> DenseOperator.of(0, new double[1]));
        assertMessage("flatMatrices must hold n >= 1 matrices of d*d = 4 entries, got length 6",
                () -> DenseOperator.of(2, new double[6]));
        assertMessage("flatMatrices entries must be finite, got NaN at index 1",
                () -> DenseOperator.of(1, new double[] {0, Double.NaN}));
        assertMessage("samples must hold an n x d matrix with n >= 1 and d = 3, got length 4",
                () -> RankOneOperator.of(3, new double[4]));
        assertMessage("rows[1] must be in [0, 3), got 3",
                () -> EntrySamplingOperator.of(3, new int[] {0, 3}, new int[] {0, 0}));
        assertMessage("entries must be distinct, got (1, 2) twice",
                () -> EntrySamplingOperator.of(3, new int[] {1, 0, 1}, new int[] {2, 0, 2}));
        assertMessage("n must be <= d*d = 4 for entry sampling, got 5",
                () -> Operators.entrySampling(2, 5, Seeds.generator(1)));
        assertMessage("n must be >= 1, got 0", () -> Operators.gaussian(2, 0, Seeds.generator(1)));
        assertMessage("columnMajorMatrices[1] must have length d*d = 4, got 3",
                () -> Operators.explicit(2, List.of(new double[4], new double[3])));
    }

    static void assertMessage(String message, org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertEquals(message, e.getMessage());
    }
}
