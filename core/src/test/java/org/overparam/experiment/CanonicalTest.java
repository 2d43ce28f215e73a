package org.overparam.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CanonicalTest {

    @Test
    void doublesAreWrittenAsDoubleToHexStringWritesThem() {
        double[] special = {0.0, -0.0, 1.0, -1.0, 0.5, 2.0, 0.1, 1e-4, Double.MIN_VALUE, -Double.MIN_VALUE,
                Double.MIN_NORMAL, Math.nextDown(Double.MIN_NORMAL), Double.MAX_VALUE, -Double.MAX_VALUE,
                Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1 + Math.ulp(1.0), 3.0, 1.5,
                Math.nextDown(2.0)};
        for (double v : special) {
            assertEquals(Double.toHexString(v), Canonical.of(v), Double.toString(v));
        }
        SplittableRandom random = new SplittableRandom(20261207);
        for (int i = 0; i < 200_000; i++) {
            double v = Double.longBitsToDouble(random.nextLong());     // every exponent, subnormals included
            assertEquals(Double.toHexString(v), Canonical.of(v), Long.toHexString(Double.doubleToRawLongBits(v)));
            double w = random.nextDouble() * Math.scalb(1.0, random.nextInt(-60, 60));   // the values specs hold
            assertEquals(Double.toHexString(w), Canonical.of(w), Double.toString(w));
            long few = random.nextLong() & ~((1L << random.nextInt(53)) - 1);   // trailing zeros of every length
            double x = Double.longBitsToDouble(few);
            assertEquals(Double.toHexString(x), Canonical.of(x), Long.toHexString(few));
        }
    }
}
