package org.overparam.experiment;

/**
 * Text encodings of parameters for seeds and point ids. Doubles are written in hexadecimal
 * ({@link Double#toHexString}): exact and specified, whereas {@link Double#toString}'s shortest decimal changed
 * for some values in JDK 19, which would silently change every seed and point id of a sweep.
 */
final class Canonical {
    private Canonical() {
    }

    static String of(double value) {
        return Double.toHexString(value);
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
