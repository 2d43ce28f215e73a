package org.overparam.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a spec may run in a directory that holds another one's rows: one directory, one experiment. A spec
 * <em>extends</em> the recorded one when every point the recorded spec defined keeps its meaning: the same name,
 * master seed, derived and zipped axes; every field that was fixed keeps its value, or becomes an axis that
 * includes it; axes may gain or lose values (or become fixed at one of them), and replicates may change. Fields
 * that only one of the two specs has (a field a newer version added, at its default) are not compared.
 */
public final class Extension {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] SECTIONS = {"problem", "solver"};

    private Extension() {
    }

    /**
     * The first difference that makes {@code proposed} not an extension of {@code recorded} (both normalized
     * specs, {@link SweepSpec#normalized()}), as "FIELD = OLD; this spec has NEW", or empty when it extends it.
     */
    public static Optional<String> conflict(String recorded, String proposed) {
        JsonNode before = parse(recorded);
        JsonNode after = parse(proposed);
        for (String identity : new String[] {"name", "seed", "derived", "zip"}) {
            if (before.has(identity) && after.has(identity) && !same(before.get(identity), after.get(identity))) {
                return Optional.of(identity + " = " + text(before.get(identity)) + "; this spec has "
                        + text(after.get(identity)));
            }
        }
        Map<String, JsonNode> fixedBefore = fixed(before);
        Map<String, JsonNode> fixedAfter = fixed(after);
        JsonNode axesAfter = after.path("grid");
        for (Map.Entry<String, JsonNode> field : fixedBefore.entrySet()) {
            String name = field.getKey().substring(field.getKey().indexOf('.') + 1);
            JsonNode old = field.getValue();
            JsonNode now = fixedAfter.get(field.getKey());
            if (now != null) {
                if (!same(old, now)) {
                    return Optional.of(field.getKey() + " = " + text(old) + "; this spec has " + text(now));
                }
            } else if (axesAfter.has(name) && !contains(axesAfter.get(name), old)) {
                return Optional.of(field.getKey() + " = " + text(old) + "; this spec's axis " + name + " = "
                        + text(axesAfter.get(name)) + " leaves it out");
            }
        }
        return Optional.empty();
    }

    /** The fixed fields, as "section.field" → value. */
    private static Map<String, JsonNode> fixed(JsonNode spec) {
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        for (String section : SECTIONS) {
            for (Iterator<Map.Entry<String, JsonNode>> it = spec.path(section).fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                fields.put(section + "." + e.getKey(), e.getValue());
            }
        }
        return fields;
    }

    private static boolean contains(JsonNode values, JsonNode value) {
        if (!values.isArray()) {
            return same(values, value);
        }
        for (JsonNode v : values) {
            if (same(v, value)) {
                return true;
            }
        }
        return false;
    }

    /** Equal as JSON, numbers by value (8 and 8.0 are the same). */
    private static boolean same(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        return a.equals(b);
    }

    private static String text(JsonNode node) {
        return node.isTextual() ? node.asText() : node.toString();
    }

    private static JsonNode parse(String normalized) {
        try {
            return JSON.readTree(normalized);
        } catch (IOException e) {
            throw new UncheckedIOException("not a normalized spec: " + e.getMessage(), e);
        }
    }
}
