package org.overparam.certify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class VerdictTest {

    /** gapRel 0.1, gapAbs 1e-6, ε_g 1e-8, ε_H 1e-6 at f0 = 1. */
    private static final Tolerances TOL = Tolerances.relativeTo(1, 0.1, 1e-6, 1e-8, 1e-6);

    @ParameterizedTest(name = "f={0} ref={1} g={2} h={3} diverged={4} -> {5}")
    @CsvSource({
            "NaN,     0,   0,     0,     false, DIVERGED",
            "1,       0,   Infinity, 0,  false, DIVERGED",
            "1,       0,   0,     0,     true,  DIVERGED",
            "5e-7,    0,   1,     -1,    false, GLOBAL",
            "1.09,    1,   1,     -1,    false, GLOBAL",
            "1.11,    1,   1e-9,  0,     false, BAD_LOCAL_MIN",
            "1.11,    1,   1e-9,  -5e-7, false, BAD_LOCAL_MIN",
            "1.11,    1,   1e-9,  -2e-6, false, SADDLE",
            "1.11,    1,   1e-9,  NaN,   false, SADDLE",
            "1.11,    1,   1e-7,  1,     false, NOT_CONVERGED",
            "2e-6,    0,   1e-7,  1,     false, NOT_CONVERGED",
            "-0.95,   -1,  1e-9,  1,     false, GLOBAL",
            "-0.85,   -1,  1e-9,  1,     false, BAD_LOCAL_MIN",
    })
    void rulesOfTheDesign(double f, double ref, double g, double h, boolean diverged, Outcome expected) {
        assertEquals(expected, Verdict.classify(f, ref, g, h, diverged, TOL));
    }

    @Test
    void lossBadIsTheLossThresholdAlone() {
        assertFalse(Verdict.lossBad(1.05, 1, TOL));
        assertTrue(Verdict.lossBad(1.2, 1, TOL));
        assertTrue(Verdict.lossBad(Double.NaN, 1, TOL));
    }

    @Test
    void tolerancesScaleWithF0() {
        Tolerances t = Tolerances.relativeTo(4, 0.1, 1e-6, 1e-8, 1e-6);
        assertEquals(4e-6, t.gapAbs(), 0);
        assertEquals(4e-8, t.grad(), 0);
        assertEquals(4e-6, t.hess(), 0);
    }
}
