package org.overparam.spec;

import java.math.BigDecimal;
import java.math.MathContext;

/** Number formatting and rounding shared by the spec, its ranges and its normalized form. */
public final class Numbers {

    /** Interior range values are rounded to this many significant digits, so 0.1·3 reads 0.3. */
    private static final MathContext RANGE_DIGITS = new MathContext(12);

    private Numbers() {
    }

    /**
     * Round-trip text as a spec would write it: integral values without a fraction (20), the rest as Java's
     * {@link Double#toString} with a YAML-friendly exponent (0.001, 1e-8, 2.5e-10, 1e8).
     */
    public static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e7) {
            return Long.toString((long) v);
        }
        String s = Double.toString(v);
        int e = s.indexOf('E');
        if (e < 0) {
            return s;
        }
        String mantissa = s.substring(0, e);
        if (mantissa.endsWith(".0")) {
            mantissa = mantissa.substring(0, mantissa.length() - 2);
        }
        return mantissa + "e" + s.substring(e + 1);
    }

    /** Rounds an interior range value to 12 significant digits (endpoints are kept as written). */
    static double roundRange(double v) {
        return v == 0 || !Double.isFinite(v) ? v : new BigDecimal(v).round(RANGE_DIGITS).doubleValue();
    }

    /** -0.0 and 0.0 are the same parameter value; keep one so that point ids agree. */
    static double canonicalZero(double v) {
        return v == 0 ? 0.0 : v;
    }
}
