package org.overparam.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.overparam.cli.BadInputException;
import org.overparam.spec.SweepSpec;

/**
 * The layout of a sweep's output directory and the checks that keep it to one sweep:
 * <pre>
 *   DIR/manifest.json                       what the directory holds ({@link Manifest})
 *   DIR/rows/sweep=NAME/part-*.zstd.parquet one row per run, appended one committed wave at a time
 * </pre>
 * A directory belongs to one (name, master seed). Rerunning the same spec resumes it; a spec that adds grid
 * values, axes or replicates extends it; anything else under another name or seed is refused.
 */
final class SweepDirectory {

    static final String ROWS = "rows";

    private final Path root;

    private SweepDirectory(Path root) {
        this.root = root;
    }

    /** Checks that {@code root} may hold {@code spec}'s rows, before anything is written. */
    static SweepDirectory open(Path root, SweepSpec spec) {
        Path dir = root.toAbsolutePath().normalize();
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new BadInputException("--out " + root + " is a file, not a directory");
        }
        Path manifest = dir.resolve(Manifest.FILE);
        if (Files.isRegularFile(manifest)) {
            Manifest existing;
            try {
                existing = Manifest.read(manifest);
            } catch (IllegalStateException e) {
                throw new BadInputException("--out " + root + ": " + e.getMessage());
            }
            if (!spec.name().equals(existing.name()) || spec.seed() != existing.seed()) {
                throw new BadInputException("--out " + root + " holds sweep '" + existing.name() + "' (seed "
                        + existing.seed() + "), not '" + spec.name() + "' (seed " + spec.seed()
                        + "): a directory holds one sweep; choose another --out");
            }
        } else if (Files.isDirectory(dir) && !isEmpty(dir)) {
            throw new BadInputException("--out " + root + " is not empty and has no " + Manifest.FILE
                    + ": it is not a sweep directory; choose a new or empty directory");
        }
        return new SweepDirectory(dir);
    }

    Path root() {
        return root;
    }

    Path rows() {
        return root.resolve(ROWS);
    }

    Path manifest() {
        return root.resolve(Manifest.FILE);
    }

    /**
     * Removes what a killed run may have left half-committed: Spark's {@code _temporary} and staging
     * directories. Their files were never part of a committed wave, so their points count as not done; left in
     * place, a later job commit could publish them next to the recomputed rows.
     */
    void clearUncommitted() {
        Path rows = rows();
        if (!Files.isDirectory(rows)) {
            return;
        }
        try (Stream<Path> children = Files.list(rows)) {
            for (Path child : children.toList()) {
                String name = child.getFileName().toString();
                if (name.equals("_temporary") || name.startsWith(".spark-staging")) {
                    deleteRecursively(child);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean " + rows, e);
        }
    }

    /** Whether any committed Parquet file exists. */
    boolean hasRows() {
        if (!Files.isDirectory(rows())) {
            return false;
        }
        try (Stream<Path> files = Files.walk(rows())) {
            return files.anyMatch(p -> p.getFileName().toString().endsWith(".parquet")
                    && !p.toString().contains("/_") && !p.toString().contains("/."));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + rows(), e);
        }
    }

    /** The committed rows. */
    Dataset<Row> read(SparkSession spark) {
        return spark.read().parquet(rows().toString());
    }

    /**
     * The committed rows' outcomes by point id, checking that they can be read and that no point appears twice.
     * One Spark job, skipped when there is nothing committed yet.
     */
    Map<String, String> doneOutcomes(SparkSession spark) {
        if (!hasRows()) {
            return Map.of();
        }
        List<Row> rows;
        try {
            rows = read(spark).select("point_id", "outcome").collectAsList();
        } catch (Exception e) { // Spark's failures are Scala exceptions, checked or not
            throw new BadInputException("--out " + root + ": the rows in " + rows() + " cannot be read ("
                    + firstLine(e.getMessage()) + "); move the damaged files aside or choose another --out");
        }
        Map<String, String> done = new HashMap<>(rows.size() * 2);
        for (Row r : rows) {
            done.put(r.getString(0), r.getString(1));
        }
        if (done.size() != rows.size()) {
            throw new IllegalStateException(rows() + " holds " + (rows.size() - done.size())
                    + " duplicate rows: the one-row-per-point invariant is broken");
        }
        return done;
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }

    private static boolean isEmpty(Path dir) {
        try (Stream<Path> children = Files.list(dir)) {
            return children.findAny().isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
