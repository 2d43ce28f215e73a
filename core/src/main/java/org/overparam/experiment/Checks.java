package org.overparam.experiment;

import java.util.function.Supplier;

/** NaN-safe argument checks whose messages name the key, the value and the rule. */
final class Checks {
    private Checks() {
    }

    static int atLeast(String key, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(key + " must be >= " + min + ", got " + value);
        }
        return value;
    }

    static double positive(String key, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(key + " must be a finite number > 0, got " + value);
        }
        return value;
    }

    static double nonNegative(String key, double value) {
        if (!(value >= 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(key + " must be a finite number >= 0, got " + value);
        }
        return value;
    }

    static double atLeast(String key, double value, double min) {
        if (!(value >= min) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(key + " must be a finite number >= " + min + ", got " + value);
        }
        return value;
    }

    /** The message is built only on failure: validating a grid of millions of points must stay cheap. */
    static void require(boolean condition, Supplier<String> message) {
        if (!condition) {
            throw new IllegalArgumentException(message.get());
        }
    }
}
