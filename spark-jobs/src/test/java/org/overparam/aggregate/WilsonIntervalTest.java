package org.overparam.aggregate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Wilson intervals against SciPy's (resources/aggregate/wilson.csv, made by wilson_reference.py beside it). */
class WilsonIntervalTest {

    /** Both sides evaluate the same closed form in double precision: agreement to a few ulps of 1. */
    private static final double TOLERANCE = 1e-12;
    /** At other confidences than 95% the normal quantile comes from Commons Math's series, good to ~1e-9 relative. */
    private static final double QUANTILE_TOLERANCE = 1e-9;

    static Stream<Arguments> scipy() throws IOException {
        try (InputStream in = Objects.requireNonNull(WilsonIntervalTest.class.getResourceAsStream(
                "/aggregate/wilson.csv"), "wilson.csv on the test classpath");
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<Arguments> cases = r.lines().filter(l -> !l.startsWith("#") && !l.startsWith("k,"))
                    .map(l -> l.split(","))
                    .map(f -> Arguments.of(Long.parseLong(f[0]), Long.parseLong(f[1]), Double.parseDouble(f[2]),
                            Double.parseDouble(f[3]), Double.parseDouble(f[4])))
                    .toList();
            assertTrue(cases.size() >= 15, "the reference file has its cases");
            return cases.stream();
        }
    }

    @ParameterizedTest(name = "{0}/{1} at {2} → [{3}, {4}]")
    @MethodSource("scipy")
    void matchesScipy(long k, long n, double confidence, double lo, double hi) {
        WilsonInterval w = new Boundary.Rule(0.05, confidence).interval(k, n);
        double tolerance = confidence == 0.95 ? TOLERANCE : QUANTILE_TOLERANCE;
        assertEquals(lo, w.lo(), tolerance, "lower bound");
        assertEquals(hi, w.hi(), tolerance, "upper bound");
    }

    @Test
    void containsTheEstimateAndIsSymmetricUnderComplement() {
        for (long n : new long[] {1, 2, 7, 80, 1000}) {
            for (long k = 0; k <= n; k += Math.max(1, n / 13)) {
                WilsonInterval w = WilsonInterval.of(k, n);
                WilsonInterval c = WilsonInterval.of(n - k, n);
                double p = (double) k / n;
                assertTrue(w.lo() <= p && p <= w.hi(), k + "/" + n);
                assertEquals(w.lo(), 1 - c.hi(), TOLERANCE, k + "/" + n + " vs its complement");
                assertEquals(w.hi(), 1 - c.lo(), TOLERANCE, k + "/" + n + " vs its complement");
            }
        }
    }

    @Test
    void runsToCertifyFivePercentIsSeventyThree() {
        // SciPy: 0/72 has upper bound 0.05065, 0/73 has 0.04999 (rows of wilson.csv).
        assertEquals(73, WilsonInterval.runsToCertify(0.05));
        assertEquals(73, Boundary.runsNeeded());
        // At 99% (z = 2.5758): n ≥ z²(1 − p)/p = 126.06, so 127.
        assertEquals(127, new Boundary.Rule(0.05, 0.99).runsToCertify());
        assertTrue(WilsonInterval.of(0, 72).hi() > 0.05);
        assertTrue(WilsonInterval.of(0, 73).hi() <= 0.05);
    }

    @Test
    void refusesImpossibleCounts() {
        assertThrows(IllegalArgumentException.class, () -> WilsonInterval.of(0, 0));
        assertThrows(IllegalArgumentException.class, () -> WilsonInterval.of(-1, 5));
        assertThrows(IllegalArgumentException.class, () -> WilsonInterval.of(6, 5));
        assertThrows(IllegalArgumentException.class, () -> WilsonInterval.of(1, 5, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> WilsonInterval.runsToCertify(0));
    }
}
