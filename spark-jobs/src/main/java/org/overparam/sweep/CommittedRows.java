package org.overparam.sweep;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.overparam.io.Storage;

/**
 * The rows a sweep directory holds: the files of its committed waves ({@link CommitLog}), wherever they are (in
 * {@code rows/}, or still in their staging directory when the driver that committed them was killed before it
 * moved them), and their end points ({@code endpoints/}, likewise). Files that no committed wave names are ignored. A directory written before the log existed has
 * every Parquet file below {@code rows/} as its rows, as that version read them.
 */
public final class CommittedRows {

    public static final String ROWS = "rows";
    /** The end-point table ({@link org.overparam.io.EndPointSchema}), beside the rows. */
    public static final String ENDPOINTS = "endpoints";
    static final String WAVES = "_waves";
    /** Where a wave's end points are staged, inside its staging directory (hidden from readers of its rows). */
    static final String STAGED_ENDPOINTS = "_endpoints";

    private CommittedRows() {
    }

    /** The committed files, grouped by the directory their partition paths start from (a base path for Spark). */
    public static Map<String, List<String>> files(Storage storage) throws IOException {
        return files(storage, CommitLog.read(storage));
    }

    /** The files that {@code log} commits. */
    static Map<String, List<String>> files(Storage storage, CommitLog log) throws IOException {
        if (log.waves().isEmpty()) {
            Map<String, List<String>> byBase = new LinkedHashMap<>();
            List<String> legacy = legacyFiles(storage);
            if (!legacy.isEmpty()) {
                byBase.put(storage.uri(ROWS), legacy.stream().map(f -> storage.uri(ROWS + "/" + f)).toList());
            }
            return byBase;
        }
        return committed(storage, log, ROWS, "", CommitLog.Wave::files);
    }

    /** The committed end-point files, grouped like {@link #files(Storage)}. */
    public static Map<String, List<String>> endPointFiles(Storage storage) throws IOException {
        return committed(storage, CommitLog.read(storage), ENDPOINTS, "/" + STAGED_ENDPOINTS,
                CommitLog.Wave::endpoints);
    }

    /**
     * The files of one table that {@code log}'s waves commit, each where it is: still in its wave's staging
     * directory ({@code _waves/ID} + {@code staged}) when a killed driver did not move it, else in {@code table}.
     */
    private static Map<String, List<String>> committed(Storage storage, CommitLog log, String table, String staged,
                                                       Function<CommitLog.Wave, List<String>> files)
            throws IOException {
        Map<String, List<String>> byBase = new LinkedHashMap<>();
        List<String> stagedWaves = storage.list(WAVES);
        for (CommitLog.Wave wave : log.waves()) {
            String stagedBase = WAVES + "/" + wave.id() + staged;
            for (String file : files.apply(wave)) {
                String base = stagedWaves.contains(wave.id()) && storage.exists(stagedBase + "/" + file) ? stagedBase
                        : table;
                byBase.computeIfAbsent(storage.uri(base), b -> new ArrayList<>())
                        .add(storage.uri(base + "/" + file));
            }
        }
        return byBase;
    }

    /** The committed rows, or empty when there are none. */
    public static Optional<Dataset<Row>> read(SparkSession spark, Storage storage) throws IOException {
        return read(spark, files(storage));
    }

    /** The committed end points, or empty when there are none. */
    public static Optional<Dataset<Row>> readEndPoints(SparkSession spark, Storage storage) throws IOException {
        return read(spark, endPointFiles(storage));
    }

    /** The rows of {@code files} ({@link #files}, or some of them; or of {@link #endPointFiles}). */
    public static Optional<Dataset<Row>> read(SparkSession spark, Map<String, List<String>> files) {
        Dataset<Row> all = null;
        for (Map.Entry<String, List<String>> group : files.entrySet()) {
            Dataset<Row> part = spark.read().option("basePath", group.getKey())
                    .parquet(group.getValue().toArray(String[]::new));
            all = all == null ? part : all.unionByName(part, true);
        }
        return Optional.ofNullable(all);
    }

    /**
     * Parquet files below {@code rows/}, relative to it, outside hidden and temporary directories (Spark's
     * {@code _temporary} and {@code .spark-staging-*}): the rows of a directory without a commit log.
     */
    static List<String> legacyFiles(Storage storage) throws IOException {
        String prefix = ROWS + "/";
        return storage.files(ROWS, ".parquet").stream()
                .map(f -> f.substring(prefix.length()))
                .filter(f -> !f.startsWith("_") && !f.startsWith(".") && !f.contains("/_") && !f.contains("/."))
                .toList();
    }
}
