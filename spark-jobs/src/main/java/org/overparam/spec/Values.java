package org.overparam.spec;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigInteger;
import java.util.OptionalDouble;

/**
 * One YAML scalar → the number a slot holds: type (integer, real, choice), finiteness and the parameter's
 * single-value rule. A refusal is added to the problems and the result is empty.
 */
final class Values {

    private final Problems problems;

    Values(Problems problems) {
        this.problems = problems;
    }

    /** A parameter's (or, with p null, a helper's) value. A choice becomes the index of its spec name. */
    OptionalDouble scalar(String key, JsonNode node, Param p) {
        if (p != null && p.kind() == Param.Kind.CHOICE) {
            // YAML reads true/false as booleans: a yes/no choice takes them as its names.
            String text = node.isTextual() ? node.textValue() : node.isBoolean() ? node.asText() : "";
            if (!(node.isTextual() || node.isBoolean()) || !p.choices().contains(text)) {
                problems.add(key, show(node), "unknown " + p.key() + "; allowed: " + String.join(", ", p.choices())
                        + Suggest.didYouMean(text, p.choices()));
                return OptionalDouble.empty();
            }
            return OptionalDouble.of(p.choices().indexOf(text));
        }
        OptionalDouble v = p != null && p.kind() == Param.Kind.INTEGER ? integer(key, node) : real(key, node);
        if (v.isPresent() && p != null) {
            String rule = p.check(v.getAsDouble());
            if (rule != null) {
                problems.add(key, p.format(v.getAsDouble()), rule);
                return OptionalDouble.empty();
            }
        }
        return v;
    }

    /** A finite number; -0.0 becomes 0.0. */
    OptionalDouble real(String key, JsonNode node) {
        if (!node.isNumber()) {
            problems.add(key, show(node), "expected a number");
            return OptionalDouble.empty();
        }
        double v = node.doubleValue();
        if (!Double.isFinite(v)) {
            problems.add(key, show(node), "numbers must be finite");
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(Numbers.canonicalZero(v));
    }

    /** A 32-bit integer, written as one or as an integral float ({@code 1e3}). */
    OptionalDouble integer(String key, JsonNode node) {
        if (node.isIntegralNumber()) {
            BigInteger big = node.bigIntegerValue();
            if (big.bitLength() > 31) {
                problems.add(key, show(node), "expected a 32-bit integer (at most " + Integer.MAX_VALUE + ")");
                return OptionalDouble.empty();
            }
            return OptionalDouble.of(big.intValue());
        }
        if (node.isFloatingPointNumber()) {
            double v = node.doubleValue();
            if (!Double.isFinite(v)) {
                problems.add(key, show(node), "numbers must be finite");
                return OptionalDouble.empty();
            }
            if (integral(v) && Math.abs(v) <= Integer.MAX_VALUE) {
                return OptionalDouble.of(Numbers.canonicalZero(v));
            }
        }
        problems.add(key, show(node), "expected an integer");
        return OptionalDouble.empty();
    }

    static boolean integral(double v) {
        return Double.isFinite(v) && v == Math.rint(v);
    }

    /** A YAML value as a user would recognize it in a message: text quoted, .nan and .inf as YAML writes them. */
    static String show(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return "null (empty)";
        }
        if (node.isTextual()) {
            return "'" + node.textValue() + "'";
        }
        if (node.isFloatingPointNumber()) {
            double v = node.doubleValue();
            if (Double.isNaN(v)) {
                return ".nan";
            }
            if (Double.isInfinite(v)) {
                return v > 0 ? ".inf" : "-.inf";
            }
            return Numbers.format(v);
        }
        if (node.isArray()) {
            return node.isEmpty() ? "[]" : "a list";
        }
        if (node.isObject()) {
            return "a mapping";
        }
        return node.asText();
    }
}
