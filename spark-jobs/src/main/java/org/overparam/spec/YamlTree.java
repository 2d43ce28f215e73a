package org.overparam.spec;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * YAML text → a plain Jackson tree, built from the token stream rather than by {@code readTree} so that
 * YAML's {@code .nan}/{@code .inf} become non-finite numbers (which validation then refuses by key; Jackson
 * itself fails on them without saying where), duplicate keys are refused by path, and syntax errors carry
 * line and column.
 */
final class YamlTree {

    private static final YAMLFactory FACTORY = new YAMLFactory();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern INF = Pattern.compile("[-+]?\\.(inf|Inf|INF)");
    private static final Pattern NAN = Pattern.compile("\\.(nan|NaN|NAN)");

    private YamlTree() {
    }

    /** The document's root node, or null for an empty document (only comments or whitespace). */
    static JsonNode read(String yaml) {
        try (JsonParser p = FACTORY.createParser(yaml)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                return null;
            }
            return value(p, first, new ArrayDeque<>());
        } catch (JsonProcessingException e) {
            throw malformed(e);
        } catch (IOException e) {
            throw new SpecError("", null, "cannot read the spec: " + e.getMessage());
        }
    }

    private static JsonNode value(JsonParser p, JsonToken token, Deque<String> path) throws IOException {
        switch (token) {
            case START_OBJECT -> {
                ObjectNode object = NODES.objectNode();
                for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
                    String name = p.currentName();
                    JsonLocation at = p.currentTokenLocation();
                    path.addLast(name);
                    if (object.has(name)) {
                        throw new SpecError(String.join(".", path), null,
                                "duplicate key (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")");
                    }
                    object.set(name, value(p, p.nextToken(), path));
                    path.removeLast();
                }
                return object;
            }
            case START_ARRAY -> {
                ArrayNode array = NODES.arrayNode();
                for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                    array.add(value(p, t, path));
                }
                return array;
            }
            case VALUE_NUMBER_INT -> {
                return switch (p.getNumberType()) {
                    case INT -> NODES.numberNode(p.getIntValue());
                    case LONG -> NODES.numberNode(p.getLongValue());
                    default -> NODES.numberNode(p.getBigIntegerValue());
                };
            }
            case VALUE_NUMBER_FLOAT -> {
                String text = p.getText();
                if (INF.matcher(text).matches()) {
                    return NODES.numberNode(text.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
                }
                if (NAN.matcher(text).matches()) {
                    return NODES.numberNode(Double.NaN);
                }
                return NODES.numberNode(p.getDoubleValue());
            }
            case VALUE_STRING -> {
                return NODES.textNode(p.getText());
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return NODES.booleanNode(token == JsonToken.VALUE_TRUE);
            }
            case VALUE_NULL -> {
                return NODES.nullNode();
            }
            default -> throw new SpecError(String.join(".", path), null, "unsupported YAML content " + token);
        }
    }

    private static SpecError malformed(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        // SnakeYAML's messages span several lines with a caret drawing; keep the sentences only.
        // Its sentences start at column 0; the "in 'reader'" lines, source excerpts and carets are indented.
        String what = e.getOriginalMessage().lines()
                .filter(l -> !l.isBlank() && !Character.isWhitespace(l.charAt(0)))
                .map(String::strip)
                .collect(Collectors.joining("; "));
        String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        return new SpecError("", null, "malformed YAML" + where + ": " + what);
    }
}
