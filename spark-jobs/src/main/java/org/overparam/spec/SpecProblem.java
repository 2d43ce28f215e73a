package org.overparam.spec;

import java.util.Objects;

/**
 * One thing wrong with a spec: where (the key, e.g. {@code grid.R}), what (the offending value as written, or
 * null when there is none, e.g. a missing key) and why (the rule).
 *
 * @param key   dotted path of the key in the spec, or "" for the document as a whole
 * @param value the offending value as text, or null
 * @param rule  the rule that was broken, phrased for a user
 */
public record SpecProblem(String key, String value, String rule) {

    public SpecProblem {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(rule, "rule");
    }

    /** {@code key: value V is invalid: rule}, or {@code key: rule} without a value. */
    public String message() {
        String prefix = key.isEmpty() ? "" : key + ": ";
        return value == null ? prefix + rule : prefix + "value " + value + " is invalid: " + rule;
    }
}
