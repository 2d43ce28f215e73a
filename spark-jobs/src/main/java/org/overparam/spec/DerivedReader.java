package org.overparam.spec;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The {@code derived} section → {@link Derived} axes, each checked on its own (its keys, scale and rounding);
 * whether the names it uses exist, and cycles, are for {@link CrossChecks}.
 */
final class DerivedReader {

    private static final List<String> DERIVED_KEYS = List.of("product", "scale", "plus", "round");
    private static final List<String> ROUNDINGS = List.of("nearest", "up", "down");

    private final Problems problems;
    private final Values scalars;

    DerivedReader(Problems problems) {
        this.problems = problems;
        this.scalars = new Values(problems);
    }

    /** The derived axes by name in spec order; a broken one is left out after adding its problem. */
    Map<String, Derived> axes(JsonNode node) {
        Map<String, Derived> derived = new LinkedHashMap<>();
        if (node == null) {
            return derived;
        }
        if (!node.isObject()) {
            problems.add("derived", Values.show(node), "expected a mapping like {n: {product: [c, d, r]}}");
            return derived;
        }
        node.properties().forEach(e -> {
            Derived d = axis(e.getKey(), e.getValue());
            if (d != null) {
                derived.put(e.getKey(), d);
            }
        });
        return derived;
    }

    private Derived axis(String k, JsonNode d) {
        String key = "derived." + k;
        Optional<Param> p = Param.byKey(k);
        if (p.isPresent() && p.get().kind() == Param.Kind.CHOICE) {
            problems.add(key, null, k + " is a choice, not a number: it cannot be derived");
            return null;
        }
        if (p.isEmpty() && !GridReader.HELPER_NAME.matcher(k).matches()) {
            problems.add(key, null, "unknown key: not a parameter, and a helper name is letters, digits and '_'");
            return null;
        }
        if (!d.isObject()) {
            problems.add(key, Values.show(d), "expected a mapping like {product: [c, d, r], scale: 1, round: nearest}");
            return null;
        }
        d.fieldNames().forEachRemaining(f -> {
            if (!DERIVED_KEYS.contains(f)) {
                problems.add(key + "." + f, null, "unknown key" + Suggest.closest(f, DERIVED_KEYS)
                        .map(s -> "; did you mean '" + s + "'?")
                        .orElse("; a derived axis has product, scale, plus and round"));
            }
        });
        List<String> factors = names(key + ".product", d.get("product"));
        double scale = 1;
        if (d.has("scale")) {
            OptionalDouble s = scalars.real(key + ".scale", d.get("scale"));
            if (s.isPresent() && !(s.getAsDouble() > 0)) {
                problems.add(key + ".scale", Values.show(d.get("scale")), "scale must be > 0");
                return null;
            }
            scale = s.orElse(1);
        }
        boolean integer = p.isPresent() && p.get().kind() == Param.Kind.INTEGER;
        Derived.Rounding round = integer ? Derived.Rounding.NEAREST : Derived.Rounding.NONE;
        JsonNode r = d.get("round");
        if (r != null) {
            if (!integer) {
                problems.add(key + ".round", Values.show(r), "only integer parameters are rounded, and " + k
                        + " is a real number");
                return null;
            }
            if (!r.isTextual() || !ROUNDINGS.contains(r.textValue())) {
                problems.add(key + ".round", Values.show(r), "expected one of " + String.join(", ", ROUNDINGS));
                return null;
            }
            round = Derived.Rounding.valueOf(r.textValue().toUpperCase(Locale.ROOT));
        }
        List<String> addends = d.has("plus") ? names(key + ".plus", d.get("plus")) : List.of();
        return factors != null && addends != null ? new Derived(k, factors, scale, addends, round) : null;
    }

    /** The names of a product or a sum: a non-empty list of axis or parameter names. */
    private List<String> names(String key, JsonNode node) {
        if (node == null) {
            problems.add(key, null, "required key is missing (a list of axis or parameter names)");
            return null;
        }
        if (!node.isArray() || node.isEmpty()) {
            problems.add(key, Values.show(node), "expected a non-empty list of axis or parameter names, e.g. [c, d, r]");
            return null;
        }
        List<String> out = new ArrayList<>();
        for (JsonNode f : node) {
            if (!f.isTextual()) {
                problems.add(key, Values.show(f), "expected an axis or parameter name (use scale for a constant factor)");
                return null;
            }
            out.add(f.textValue());
        }
        return out;
    }
}
