package org.overparam.solve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TraceTest {

    private static Trace of(double... values) {
        Trace t = new Trace();
        for (int i = 0; i < values.length; i++) {
            t.iterate(i, values[i], 0);
        }
        return t;
    }

    @Test
    void escapeIsTheFirstIterationTenPercentOfTheWayToTheReference() {
        Trace t = of(10, 9.95, 9.5, 9.0, 5, 1);
        assertEquals(3, t.escapeIteration(0)); // 9.0 ≤ 10 − 0.1·10
        assertEquals(2, t.escapeIteration(5)); // 9.5 ≤ 10 − 0.1·5
        assertEquals(-1, of(10, 10, 10).escapeIteration(0));
        assertEquals(1, of(-1, -2).escapeIteration(-3), "negative objectives (Max-Cut) work the same");
    }

    @Test
    void theRateOfALinearlyConvergingSearchIsItsContraction() {
        double[] values = new double[41];
        for (int i = 0; i < values.length; i++) {
            values[i] = 1 + Math.pow(0.8, i);
        }
        assertEquals(0.8, of(values).convergenceRate(1), 1e-12);
        assertTrue(Double.isNaN(of(1, 0.5).convergenceRate(0)), "fewer than 2 steps");
        assertTrue(Double.isNaN(of(1, 0.5, 0).convergenceRate(0)), "reached the reference: no gap to contract");
    }

    @Test
    void sampledIterationsAreLogSpacedDistinctAndIncludeBothEnds() {
        double[] values = new double[1001];
        Trace t = of(values);
        int[] it = t.sampledIterations(8);
        assertEquals(0, it[0]);
        assertEquals(1000, it[it.length - 1]);
        assertTrue(it.length <= 8);
        for (int k = 1; k < it.length; k++) {
            assertTrue(it[k] > it[k - 1]);
        }
        assertArrayEquals(new int[] {0, 1, 2}, of(3, 2, 1).sampledIterations(50));
        assertArrayEquals(new int[0], t.sampledIterations(0));
        assertArrayEquals(new double[] {3, 1}, of(3, 2, 1).valuesAt(new int[] {0, 2}));
    }
}
