package org.overparam.sweep;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code DIR/manifest.json}: what a sweep directory holds and how it was made.
 *
 * @param name             the sweep's name; a directory holds one sweep
 * @param seed             its master seed: with the name, the sweep's identity
 * @param specHash         SHA-256 of the normalized spec of the latest run (of the spec it refines, for a run of
 *                         {@code refine})
 * @param normalizedSpec   that normalized spec (JSON text, every default filled in)
 * @param codeVersion      the code version of the latest run
 * @param sparkVersion     the Spark version of the latest run
 * @param master           the Spark master of the latest run
 * @param started          when the latest run started (ISO-8601)
 * @param finished         when it finished, or null while running or after a crash
 * @param pointsTotal      points in the latest spec (after {@code refine}: rows in the directory)
 * @param pointsDone       rows in the directory for the latest spec's points (after {@code refine}: all rows)
 * @param countsByOutcome  rows per outcome over the whole directory
 * @param history          every sweep run on the directory, oldest first (from its commit log): how the grid
 *                         was extended, and by which code versions
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Manifest(String name, long seed, String specHash, String normalizedSpec, String codeVersion,
                       String sparkVersion, String master, String started, String finished, long pointsTotal,
                       long pointsDone, Map<String, Long> countsByOutcome, List<Run> history) {

    /**
     * One sweep run, as the history lists it.
     *
     * @param started     when it started (ISO-8601)
     * @param specHash    its spec's hash
     * @param codeVersion its code version
     * @param master      its Spark master
     * @param points      points in its spec
     * @param refines     for a run of {@code refine}, the hash of the spec it refines; else null
     */
    public record Run(String started, String specHash, String codeVersion, String master, long points,
                      String refines) {
    }

    public static final String FILE = "manifest.json";

    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(com.fasterxml.jackson.databind.PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public Manifest {
        countsByOutcome = countsByOutcome == null ? Map.of() : new TreeMap<>(countsByOutcome);
        history = history == null ? List.of() : List.copyOf(history);
    }

    public Manifest finish(String when, long done, Map<String, Long> counts) {
        return new Manifest(name, seed, specHash, normalizedSpec, codeVersion, sparkVersion, master, started, when,
                pointsTotal, done, counts, history);
    }

    /** Reads {@code file}; an unreadable manifest is an error naming the file. */
    public static Manifest read(Path file) {
        try {
            return parse(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new IllegalStateException(file + " is not a readable sweep manifest: " + e.getMessage(), e);
        }
    }

    /** Parses a manifest's bytes; an unreadable manifest is an {@link IllegalStateException}. */
    public static Manifest parse(byte[] json) {
        try {
            return JSON.readValue(json, Manifest.class);
        } catch (IOException e) {
            throw new IllegalStateException(FILE + " is not a readable sweep manifest: " + e.getMessage(), e);
        }
    }

    /** The manifest as JSON. */
    public byte[] bytes() {
        try {
            return JSON.writeValueAsBytes(this);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a manifest", e);
        }
    }
}
