package org.overparam.sweep;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.overparam.io.Storage;

/**
 * {@code DIR/_log/}: what a sweep directory holds, as numbered entries {@code 00000000000000000000.json},
 * {@code …01.json}, …, each created once with create-if-absent semantics ({@link Storage#createIfAbsent}), so
 * the log is a total order that writers on any host agree on, with no lock server (Delta Lake's protocol, on a
 * smaller scale). An entry is appended at the first free position; of two writers, one gets the position and the
 * other learns that the log moved on.
 * <ul>
 *   <li>{@link Lease}: a driver takes the directory; every entry after it, up to the next lease, is that
 *   driver's. A driver that finds its next position taken has lost the directory and stops.</li>
 *   <li>{@link Run}: a sweep run's spec (normalized), code version and master: the directory's history. A run of
 *   {@code refine} names the experiment's spec it refines (a few cells of it, with more replicates or axis values
 *   between the grid's).</li>
 *   <li>{@link Wave}: a committed wave, its Parquet files (below {@code rows/}) and row count. A wave's rows are
 *   committed when, and only when, its entry exists; files that no entry names are leftovers.</li>
 *   <li>{@link Release}: the driver gave the directory back.</li>
 * </ul>
 */
public final class CommitLog {

    static final String DIR = "_log";

    private static final Pattern ENTRY = Pattern.compile("(\\d{20})\\.json");
    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** One entry of the log. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
    @JsonSubTypes({@JsonSubTypes.Type(value = Lease.class, name = "lease"),
            @JsonSubTypes.Type(value = Run.class, name = "run"),
            @JsonSubTypes.Type(value = Wave.class, name = "wave"),
            @JsonSubTypes.Type(value = Release.class, name = "release")})
    public sealed interface Entry permits Lease, Run, Wave, Release {
    }

    /**
     * A driver took the directory.
     *
     * @param host           the driver's host name
     * @param pid            its process id
     * @param processStarted when that process started (ISO-8601), which tells a reused pid from the holder
     * @param since          when it took the directory
     */
    public record Lease(String host, long pid, String processStarted, String since) implements Entry {
    }

    /**
     * A sweep run started.
     *
     * @param specHash       SHA-256 of its normalized spec
     * @param normalizedSpec the normalized spec (JSON text)
     * @param codeVersion    the code version of the driver
     * @param master         the Spark master
     * @param points         points in the spec
     * @param started        when (ISO-8601)
     * @param refines        for a run of {@code refine}, the hash of the experiment's spec it refines; else null
     */
    public record Run(String specHash, String normalizedSpec, String codeVersion, String master, long points,
                      String started, String refines) implements Entry {
    }

    /**
     * A wave's rows, committed.
     *
     * @param id        the wave's name, unique in the directory (its staging directory was {@code _waves/ID})
     * @param files     its Parquet files, relative to {@code rows/}
     * @param rows      its row count, or -1 when not counted (rows adopted from a directory without a log)
     * @param specHash  the spec whose run order {@code positions} refer to, or null when not recorded
     * @param positions the run-order positions of its points, as [from, to) pairs, or null when not recorded
     * @param outcomes  its rows per outcome, or null when not recorded
     * @param endpoints the Parquet files of its end points, relative to {@code endpoints/} (empty when it kept
     *                  none, and in entries written before end points were kept)
     */
    public record Wave(String id, List<String> files, long rows, String specHash, long[] positions,
                       Map<String, Long> outcomes, List<String> endpoints) implements Entry {
        public Wave {
            files = List.copyOf(files);
            outcomes = outcomes == null ? null : Map.copyOf(outcomes);
            endpoints = endpoints == null ? List.of() : List.copyOf(endpoints);
        }

        /** A wave known only by its files: rows adopted from a directory written before the log existed. */
        static Wave adopted(List<String> files) {
            return new Wave("adopted", files, -1, null, null, null, List.of());
        }
    }

    /**
     * The holder gave the directory back.
     *
     * @param at when (ISO-8601)
     */
    public record Release(String at) implements Entry {
    }

    private final List<Entry> entries;

    private CommitLog(List<Entry> entries) {
        this.entries = entries;
    }

    /** The log as it is now; an empty log when the directory has none. */
    public static CommitLog read(Storage storage) throws IOException {
        List<Entry> entries = new ArrayList<>();
        for (String name : storage.list(DIR)) {
            Matcher m = ENTRY.matcher(name);
            if (!m.matches()) {
                continue; // temporary files of a writer
            }
            long position = Long.parseLong(m.group(1));
            if (position != entries.size()) {
                throw new IOException(storage.uri(DIR) + " misses entry " + entries.size() + " (next: " + name
                        + "): the log is damaged");
            }
            entries.add(parse(storage, DIR + "/" + name));
        }
        return new CommitLog(entries);
    }

    private static Entry parse(Storage storage, String relative) throws IOException {
        byte[] bytes = storage.read(relative).orElseThrow(() -> new IOException(relative + " vanished"));
        try {
            return JSON.readValue(bytes, Entry.class);
        } catch (IOException e) {
            throw new IOException(storage.uri(relative) + " is not a log entry: " + e.getMessage(), e);
        }
    }

    /** Whether the directory has a log at all (it was written by a version that keeps one). */
    public boolean exists() {
        return !entries.isEmpty();
    }

    public int size() {
        return entries.size();
    }

    public List<Entry> entries() {
        return Collections.unmodifiableList(entries);
    }

    /** The entry's file name at {@code position}. */
    static String name(int position) {
        return DIR + "/" + String.format("%020d.json", position);
    }

    /**
     * Appends {@code entry} at {@link #size()}: true when it was created there, false when another writer took
     * the position first (then read the log again).
     */
    boolean append(Storage storage, Entry entry) throws IOException {
        if (!storage.createIfAbsent(name(entries.size()), JSON.writeValueAsBytes(entry))) {
            return false;
        }
        entries.add(entry);
        return true;
    }

    /** The latest lease and its position, unless it was released. */
    Optional<Held> holder() {
        for (int i = entries.size() - 1; i >= 0; i--) {
            Entry e = entries.get(i);
            if (e instanceof Release) {
                return Optional.empty();
            }
            if (e instanceof Lease lease) {
                return Optional.of(new Held(lease, i));
            }
        }
        return Optional.empty();
    }

    /** A lease in force: the entry and its position (the holder's epoch). */
    record Held(Lease lease, int epoch) {
    }

    /** Every committed wave, in commit order. */
    public List<Wave> waves() {
        return entries.stream().filter(Wave.class::isInstance).map(Wave.class::cast).toList();
    }

    /** Every run, oldest first. */
    public List<Run> runs() {
        return entries.stream().filter(Run.class::isInstance).map(Run.class::cast).toList();
    }

    /** The experiment's spec: that of the latest run that is not a refinement, if any. */
    public Optional<Run> experiment() {
        List<Run> runs = runs();
        for (int i = runs.size() - 1; i >= 0; i--) {
            if (runs.get(i).refines() == null) {
                return Optional.of(runs.get(i));
            }
        }
        return Optional.empty();
    }
}
