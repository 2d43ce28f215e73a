package org.overparam.aggregate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import org.overparam.io.Storage;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A sweep's {@code manifest.json} read as generic JSON, for display: its top-level keys and values as text, in
 * file order. Optional: a sweep without one (or with an unreadable one) still aggregates, and no key is required.
 *
 * @param entries key → value (strings as they are, numbers and booleans printed, objects and arrays as compact
 *                JSON)
 * @param problem why the manifest is absent or unreadable, or null
 */
public record ManifestView(Map<String, String> entries, String problem) {

    public static final String FILE = "manifest.json";

    public ManifestView {
        entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    /** Reads {@code manifest.json} of the sweep directory; never throws for a missing or malformed file. */
    public static ManifestView read(Storage dir) {
        String file = dir.uri(FILE);
        try {
            Optional<byte[]> bytes = dir.read(FILE);
            if (bytes.isEmpty()) {
                return new ManifestView(Map.of(), "no " + FILE + " in " + dir.uri());
            }
            JsonNode root = new ObjectMapper().readTree(bytes.get());
            if (root == null || !root.isObject()) {
                return new ManifestView(Map.of(), file + " is not a JSON object");
            }
            Map<String, String> entries = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode v = e.getValue();
                entries.put(e.getKey(), v.isValueNode() ? v.asText() : v.toString());
            }
            return new ManifestView(entries, null);
        } catch (IOException e) {
            return new ManifestView(Map.of(), file + " cannot be read: " + e.getMessage());
        }
    }

    /** The sweep name the manifest gives, if any. */
    public Optional<String> name() {
        return Optional.ofNullable(entries.get("name")).filter(s -> !s.isBlank());
    }
}
