package org.overparam.experiment;

/**
 * Text encodings of parameters for seeds and point ids. Doubles are written in hexadecimal
 * ({@link Double#toHexString}): exact and specified, whereas {@link Double#toString}'s shortest decimal changed
 * for some values in JDK 19, which would silently change every seed and point id of a sweep.
 */
final class Canonical {
    /** The 52 stored bits of a double's significand: 13 hexadecimal digits. */
    private static final long SIGNIFICAND_BITS = (1L << 52) - 1;
    private static final int SIGNIFICAND_DIGITS = 13;

    private Canonical() {
    }

    /**
     * {@link Double#toHexString}'s text, character for character (a test compares them bit pattern by bit
     * pattern), without the regular expression that the JDK compiles on every call to strip trailing zeros: the
     * driver writes a dozen of these per point when it plans a sweep, 10⁷ points at most.
     */
    static String of(double value) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        StringBuilder text = new StringBuilder(24);
        if (Math.copySign(1.0, value) == -1.0) {
            text.append('-');
        }
        text.append("0x");
        double magnitude = Math.abs(value);
        if (magnitude == 0) {
            return text.append("0.0p0").toString();
        }
        boolean subnormal = magnitude < Double.MIN_NORMAL;
        long significand = Double.doubleToRawLongBits(magnitude) & SIGNIFICAND_BITS;
        text.append(subnormal ? "0." : "1.");
        if (significand == 0) {
            text.append('0');
        } else {
            int digits = SIGNIFICAND_DIGITS - Long.numberOfTrailingZeros(significand) / 4;
            for (int k = 0; k < digits; k++) {
                text.append(Character.forDigit((int) (significand >>> (4 * (SIGNIFICAND_DIGITS - 1 - k))) & 0xF, 16));
            }
        }
        return text.append('p').append(subnormal ? Double.MIN_EXPONENT : Math.getExponent(magnitude)).toString();
    }


    /** A short decimal for messages (never for seeds or ids). */
    static String decimal(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }

    static String of(double[][] matrix) {
        StringBuilder sb = new StringBuilder("[");
        for (double[] row : matrix) {
            sb.append('[');
            for (double v : row) {
                sb.append(of(v)).append(',');
            }
            sb.append(']');
        }
        return sb.append(']').toString();
    }
}
