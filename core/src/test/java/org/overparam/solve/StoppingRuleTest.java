package org.overparam.solve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class StoppingRuleTest {

    private static final double[] VALUES = {Double.NaN, Double.NEGATIVE_INFINITY, -1, 0, 0.5, 1, 2, 10, 11,
            Double.POSITIVE_INFINITY};
    private static final double[] NORMS = {Double.NaN, 0, 1e-9, 1e-6, 1e-3, 1, Double.POSITIVE_INFINITY};
    private static final int[] ITERATIONS = {0, 99, 100, 101};

    @Test
    void standardGivesTheChainsReasonEverywhere() {
        double bound = 10;
        double target = 0.5;
        double tolerance = 1e-6;
        int limit = 100;
        StoppingRule chain = StoppingRule.divergence(bound).or(StoppingRule.valueBelow(target))
                .or(StoppingRule.gradNormBelow(tolerance)).or(StoppingRule.maxIterations(limit));
        StoppingRule standard = StoppingRule.standard(bound, target, tolerance, limit);
        Set<StopReason> seen = new HashSet<>();
        boolean wentOn = false;
        for (int iteration : ITERATIONS) {
            for (double value : VALUES) {
                for (double norm : NORMS) {
                    StopReason expected = chain.check(iteration, value, norm);
                    assertEquals(expected, standard.check(iteration, value, norm),
                            "iteration " + iteration + ", f " + value + ", ‖∇f‖ " + norm);
                    if (expected == null) {
                        wentOn = true;
                    } else {
                        seen.add(expected);
                    }
                }
            }
        }
        // each of the four reasons and "go on" occur on this grid: the comparison covers every branch
        assertEquals(EnumSet.of(StopReason.DIVERGED, StopReason.TARGET_REACHED, StopReason.GRADIENT_TOLERANCE,
                StopReason.MAX_ITERATIONS), seen);
        assertTrue(wentOn);
    }

    @Test
    void standardRefusesWhatTheSingleRulesRefuse() {
        assertThrows(IllegalArgumentException.class, () -> StoppingRule.standard(0, 0, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> StoppingRule.standard(1, Double.NaN, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> StoppingRule.standard(1, 0, -1, 1));
        assertThrows(IllegalArgumentException.class, () -> StoppingRule.standard(1, 0, 0, -1));
    }
}
