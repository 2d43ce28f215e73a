package org.overparam.spec;

import java.util.Locale;

/**
 * An axis written as {@code {from: 40, to: 400, steps: 8, scale: log}}: {@code steps} values from {@code from} to
 * {@code to} inclusive, evenly spaced on a linear or logarithmic scale. Interior values of real axes are rounded
 * to 12 significant digits (so 0.1·3 reads 0.3); integer axes round to the nearest integer (ties to even), and a
 * range whose rounded values repeat is refused.
 */
public record Range(double from, double to, int steps, Scale scale) {

    public enum Scale {
        LINEAR, LOG;

        public String specName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Range {
        String rule = rule(from, to, steps, scale);
        if (rule != null) {
            throw new IllegalArgumentException(rule);
        }
    }

    /** Why the range is invalid, or null when it is valid. */
    static String rule(double from, double to, int steps, Scale scale) {
        if (!Double.isFinite(from) || !Double.isFinite(to)) {
            return "range ends must be finite numbers";
        }
        if (steps < 1) {
            return "steps must be >= 1";
        }
        if (!(from <= to)) {
            return "from must be <= to";
        }
        if (steps == 1 && from != to) {
            return "steps 1 gives one value, so from must equal to";
        }
        if (steps > 1 && from == to) {
            return "from equals to, so steps must be 1";
        }
        if (scale == Scale.LOG && !(from > 0)) {
            return "a log scale needs from > 0";
        }
        return null;
    }

    /** The values, rounded to integers when {@code integer}; duplicates are left for the caller to refuse. */
    public double[] values(boolean integer) {
        double[] out = new double[steps];
        for (int i = 0; i < steps; i++) {
            double v;
            if (i == 0) {
                v = from;
            } else if (i == steps - 1) {
                v = to;
            } else {
                double t = i / (steps - 1.0);
                v = scale == Scale.LINEAR
                        ? from + (to - from) * t
                        : Math.exp(Math.log(from) + (Math.log(to) - Math.log(from)) * t);
                v = Numbers.roundRange(v);
            }
            out[i] = Numbers.canonicalZero(integer ? Math.rint(v) : v);
        }
        return out;
    }

    /** As written in a spec, e.g. {@code {from: 40, to: 400, steps: 8, scale: log}}. */
    @Override
    public String toString() {
        return "{from: " + Numbers.format(from) + ", to: " + Numbers.format(to) + ", steps: " + steps + ", scale: "
                + scale.specName() + "}";
    }
}
