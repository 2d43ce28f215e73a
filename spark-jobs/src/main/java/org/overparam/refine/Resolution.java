package org.overparam.refine;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;
import java.util.Optional;

/**
 * How finely {@code refine} bisects an axis: an integer axis (R, n) down to neighbouring integers; a real axis to a
 * quarter of the smallest gap between the experiment's values (two bisections), on a log scale when all its
 * values are positive (α = 1e-3, 1e-2, … halves in its exponent). New values are rounded for reading: to three
 * significant digits on a log scale, to a tenth of the finest gap on a linear one.
 *
 * @param integer  whether the axis takes integers only
 * @param log      whether gaps are measured as ratios
 * @param finest   the smallest gap a bisection may leave (in log units when {@code log})
 */
public record Resolution(boolean integer, boolean log, double finest) {

    /** Bisections below the experiment's own spacing on a real axis. */
    static final int LEVELS = 2;
    /** Slack for the rounding of new values when comparing a gap with the finest: rounding moves a value by 0.5%. */
    private static final double SLACK = 1.05;

    /** The resolution of an axis with the experiment's {@code values}. */
    public static Resolution of(double[] values, boolean integer) {
        if (integer) {
            return new Resolution(true, false, 1);
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        boolean log = sorted.length > 0 && sorted[0] > 0;
        double gap = Double.POSITIVE_INFINITY;
        for (int i = 1; i < sorted.length; i++) {
            double g = log ? Math.log(sorted[i] / sorted[i - 1]) : sorted[i] - sorted[i - 1];
            if (g > 0) {
                gap = Math.min(gap, g);
            }
        }
        return new Resolution(false, log, gap / (1 << LEVELS));
    }

    /** The value halfway between {@code lo} &lt; {@code hi}, when they are further apart than the resolution. */
    public Optional<Double> between(double lo, double hi) {
        if (integer) {
            return hi - lo >= 2 ? Optional.of(Math.floor((lo + hi) / 2)) : Optional.empty();
        }
        double gap = log ? Math.log(hi / lo) : hi - lo;
        if (!(gap > finest * SLACK)) {
            return Optional.empty();
        }
        double mid = log ? round(Math.sqrt(lo * hi), new MathContext(3))
                : round((lo + hi) / 2, Math.pow(10, Math.floor(Math.log10(finest)) - 1));
        return lo < mid && mid < hi ? Optional.of(mid) : Optional.empty();
    }

    private static double round(double v, MathContext digits) {
        return new BigDecimal(v).round(digits).doubleValue();
    }

    private static double round(double v, double quantum) {
        return BigDecimal.valueOf(Math.round(v / quantum)).multiply(BigDecimal.valueOf(quantum)).doubleValue();
    }
}
