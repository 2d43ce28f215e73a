package org.overparam.problem.maxcut;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.overparam.certify.DualCertificate;
import org.overparam.random.Seeds;
import org.overparam.solve.GradientDescent;

/**
 * The SDP value against the true max cut, found by enumerating all 2^(n−1) cuts of a small graph whose edges
 * are re-drawn and counted independently of the cost matrix: maxcut ≤ −f* (relaxation) and
 * maxcut ≥ α_GW·(−f*) with α_GW = 0.87856… (Goemans &amp; Williamson, J. ACM 1995).
 */
class ExhaustiveCutTest {

    /** A little below α_GW = 0.878567, so the check is the theorem and not its last digit. */
    private static final double GOEMANS_WILLIAMSON = 0.878;

    /** f = ⟨C, Y Yᵀ⟩ of a ±1 vector is a sum of quarter-integers: exact in double up to rounding of n² terms. */
    private static final double CUT_TOL = 1e-12;

    private static final double CERTIFICATE_TOL = 1e-6;

    static Stream<Arguments> cases() {
        return Stream.of(Arguments.of(8, 0.5, 1L), Arguments.of(10, 0.5, 2L), Arguments.of(12, 0.3, 3L),
                Arguments.of(12, 0.7, 4L), Arguments.of(14, 0.5, 5L), Arguments.of(14, 0.5, 6L));
    }

    @ParameterizedTest(name = "G({0}, {1}) seed={2}")
    @MethodSource("cases")
    void sdpValueBracketsTheExhaustiveMaxCut(int n, double q, long seed) {
        MaxCutInstance instance = MaxCutInstance.randomGraph(n, q, Seeds.generator(seed));
        boolean[][] adj = MaxCutFixtures.graph(n, q, Seeds.generator(seed));
        BurerMonteiro signs = instance.model(1);

        // All sign vectors with y_0 = +1 (y and −y give the same cut); p = 1 is the combinatorial objective.
        int maxCut = 0;
        double[] y = new double[n];
        for (int mask = 0; mask < 1 << (n - 1); mask++) {
            y[0] = 1;
            for (int i = 1; i < n; i++) {
                y[i] = (mask >> (i - 1) & 1) == 1 ? -1 : 1;
            }
            int cut = MaxCutFixtures.cut(adj, y);
            assertEquals(-cut, signs.value(y), CUT_TOL, "⟨C, yyᵀ⟩ = −cut(y)");
            maxCut = Math.max(maxCut, cut);
        }
        assertTrue(maxCut >= 0);

        int p = MaxCutFixtures.overparameterizedRank(n);
        BurerMonteiro model = instance.model(p);
        double[] x = model.initialPoint(1.0, Seeds.generator(Seeds.hash(seed, "init")));
        GradientDescent.Descent run = MaxCutFixtures.descend(model, x);
        assertTrue(MaxCutFixtures.converged(run), run.reason() + " at ‖grad f‖ = " + run.gradNorm());
        DualCertificate cert = model.dualCertificate(x);
        assertTrue(cert.certified(CERTIFICATE_TOL), "λ_min(S) = " + cert.minEigenvalue());

        // −value ≤ −f* ≤ −lowerBound ≤ −value + gap. The relaxation bound is rigorous on this side; GW with
        // −lowerBound instead of −f* is stronger than the theorem by at most α·gap ≤ n·1e-6, far inside its slack.
        assertTrue(maxCut <= -cert.lowerBound() + CUT_TOL, "maxcut " + maxCut + " > −f_SDP " + -cert.lowerBound());
        assertTrue(maxCut >= GOEMANS_WILLIAMSON * -cert.lowerBound(),
                "maxcut " + maxCut + " < 0.878·(−f_SDP) = " + GOEMANS_WILLIAMSON * -cert.lowerBound());
    }
}
