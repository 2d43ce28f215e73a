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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Newcombe intervals against the reference computed with SciPy (resources/aggregate/newcombe.csv, made by
 * newcombe_reference.py beside it, which also checks Newcombe's own worked examples).
 */
class NewcombeIntervalTest {

    /**
     * Both sides evaluate the same closed form in double precision (z from SciPy's norm.ppf equals
     * {@link WilsonInterval#Z95} to the last digit); square root versus hypot differ by an ulp or so.
     */
    private static final double TOLERANCE = 1e-12;

    static Stream<Arguments> scipy() throws IOException {
        try (InputStream in = Objects.requireNonNull(NewcombeIntervalTest.class.getResourceAsStream(
                "/aggregate/newcombe.csv"), "newcombe.csv on the test classpath");
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<Arguments> cases = r.lines().filter(l -> !l.startsWith("#") && !l.startsWith("k1,"))
                    .map(l -> l.split(","))
                    .map(f -> Arguments.of(Long.parseLong(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2]),
                            Long.parseLong(f[3]), Double.parseDouble(f[5]), Double.parseDouble(f[6])))
                    .toList();
            assertTrue(cases.size() >= 20, "the reference file has its cases");
            return cases.stream();
        }
    }

    @ParameterizedTest(name = "{2}/{3} − {0}/{1} → [{4}, {5}]")
    @MethodSource("scipy")
    void matchesScipy(long k1, long n1, long k2, long n2, double lo, double hi) {
        NewcombeInterval d = NewcombeInterval.of(k1, n1, k2, n2);
        assertEquals(lo, d.lo(), TOLERANCE, "lower bound");
        assertEquals(hi, d.hi(), TOLERANCE, "upper bound");
    }

    @Test
    void containsTheDifferenceAndMirrorsWhenTheSamplesSwap() {
        long[][] samples = {{0, 1}, {1, 1}, {0, 80}, {3, 80}, {41, 80}, {80, 80}, {7, 13}, {500, 1000}};
        for (long[] a : samples) {
            for (long[] b : samples) {
                NewcombeInterval d = NewcombeInterval.of(a[0], a[1], b[0], b[1]);
                NewcombeInterval swapped = NewcombeInterval.of(b[0], b[1], a[0], a[1]);
                double diff = (double) b[0] / b[1] - (double) a[0] / a[1];
                String at = b[0] + "/" + b[1] + " − " + a[0] + "/" + a[1];
                assertTrue(d.lo() <= diff && diff <= d.hi(), at);
                assertEquals(d.lo(), -swapped.hi(), TOLERANCE, at + " vs its mirror");
                assertEquals(d.hi(), -swapped.lo(), TOLERANCE, at + " vs its mirror");
            }
        }
    }

    @Test
    void excludesZeroOnlyWhenTheProportionsDiffer() {
        assertFalse(NewcombeInterval.of(5, 80, 5, 80).excludesZero(), "equal proportions");
        assertFalse(NewcombeInterval.of(44, 100, 32, 100).excludesZero(), "−0.12 with 100 runs each: not settled");
        assertTrue(NewcombeInterval.of(20, 100, 8, 100).excludesZero(), "−0.12 from lower rates: settled");
        assertTrue(NewcombeInterval.of(0, 80, 20, 80).excludesZero());
        assertTrue(NewcombeInterval.of(0, 80, 20, 80).lo() > 0, "B worse: the interval lies above 0");
    }

    @Test
    void refusesImpossibleCounts() {
        assertThrows(IllegalArgumentException.class, () -> NewcombeInterval.of(0, 0, 1, 2));
        assertThrows(IllegalArgumentException.class, () -> NewcombeInterval.of(1, 2, 3, 2));
        assertThrows(IllegalArgumentException.class, () -> NewcombeInterval.of(1, 2, 1, 2, Double.NaN));
    }
}
