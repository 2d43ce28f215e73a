package org.overparam.sweep;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.overparam.cli.BadInputException;
import org.overparam.io.Storage;
import org.overparam.spec.Extension;
import org.overparam.spec.SweepSpec;

/**
 * The layout of a sweep's output directory DIR, on any {@link Storage}, and the checks that keep it to one
 * experiment and one writer:
 * <pre>
 *   DIR/manifest.json                        what the directory holds ({@link Manifest}), replaced atomically
 *   DIR/rows/sweep=NAME/part-*.zstd.parquet  one row per run: the committed waves' files
 *   DIR/endpoints/sweep=NAME/part-*.parquet  the end points the runs kept ({@code solver.endpoints})
 *   DIR/_log/NNNNNNNNNNNNNNNNNNNN.json       the commit log ({@link CommitLog}): the source of truth
 *   DIR/_lease                               the writing driver's heartbeat ({@link WriterLease})
 *   DIR/_waves/ID/                           a wave being written; moved into rows/ once committed
 *   DIR/_waves/ID/_endpoints/                its end points; moved into endpoints/ with it
 * </pre>
 * A wave is written into a directory of its own, committed by its log entry, then moved into {@code rows/}: a
 * driver killed at any point leaves either an uncommitted staging directory (ignored, then cleaned by the next
 * driver) or a committed wave whose files the next driver finishes moving. Readers take the committed files only
 * ({@link CommittedRows}).
 */
final class SweepDirectory {

    static final String ROWS = CommittedRows.ROWS;
    static final String ENDPOINTS = CommittedRows.ENDPOINTS;
    static final String WAVES = CommittedRows.WAVES;
    static final String STAGED_ENDPOINTS = CommittedRows.STAGED_ENDPOINTS;

    private final Storage storage;
    private final String out;

    private SweepDirectory(Storage storage, String out) {
        this.storage = storage;
        this.out = out;
    }

    /**
     * Checks that {@code out} may hold {@code spec}'s rows, before anything is written: not a file; empty, or a
     * sweep directory of the same experiment that {@code spec} extends ({@link Extension}); writable.
     */
    static SweepDirectory open(String out, SweepSpec spec, Configuration conf) {
        Storage storage = Storage.open(out, conf);
        try {
            if (storage.exists("") && !storage.isDirectory("")) {
                throw new BadInputException("--out " + out + " is a file, not a directory");
            }
            CommitLog log = CommitLog.read(storage);
            Optional<String> recorded = recordedSpec(storage, log, out);
            if (recorded.isPresent()) {
                Optional<String> conflict = Extension.conflict(recorded.get(), spec.normalized());
                if (conflict.isPresent()) {
                    throw new BadInputException("--out " + out + " holds another experiment: its " + conflict.get()
                            + "; a directory holds one experiment (grid values and replicates may change, nothing"
                            + " else): choose another --out");
                }
            } else if (!log.exists() && !storage.list("").isEmpty()) { // a log alone: a driver died early
                throw new BadInputException("--out " + out + " is not empty and has no " + Manifest.FILE
                        + ": it is not a sweep directory; choose a new or empty directory");
            }
            Optional<String> unwritable = storage.unwritable();
            if (unwritable.isPresent()) {
                throw new BadInputException("--out " + out + " cannot be written: " + unwritable.get()
                        + "; choose a directory this user can write");
            }
        } catch (IOException e) {
            throw new BadInputException("--out " + out + " cannot be read: " + e.getMessage());
        }
        return new SweepDirectory(storage, out);
    }

    /**
     * The experiment's spec as the directory's latest run (other than a refinement) recorded it: in its log, else (an
     * older version's) in its manifest.
     */
    private static Optional<String> recordedSpec(Storage storage, CommitLog log, String out) throws IOException {
        Optional<CommitLog.Run> experiment = log.experiment();
        if (experiment.isPresent()) {
            return Optional.of(experiment.get().normalizedSpec());
        }
        Optional<byte[]> manifest = storage.read(Manifest.FILE);
        if (manifest.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Manifest.parse(manifest.get()).normalizedSpec());
        } catch (IllegalStateException e) {
            throw new BadInputException("--out " + out + ": " + e.getMessage());
        }
    }

    Storage storage() {
        return storage;
    }

    /** The directory, for messages. */
    String root() {
        return storage.show("");
    }

    /** Its rows, for messages. */
    String rows() {
        return storage.show(ROWS);
    }

    /** Takes the directory for this driver (refused while another driver holds it). */
    WriterLease lease() throws IOException {
        return WriterLease.acquire(storage, out);
    }

    /**
     * Puts the directory in order for the new holder: rows of a directory written before the log existed are
     * adopted as one committed wave; committed waves whose files a killed driver did not finish moving are moved;
     * every staging directory left (uncommitted waves of killed or stale drivers, and Spark's own temporary
     * directories below rows/) is deleted.
     */
    void recover(WriterLease lease) throws IOException {
        CommitLog log = lease.log();
        if (log.waves().isEmpty()) {
            List<String> legacy = CommittedRows.legacyFiles(storage);
            if (!legacy.isEmpty()) {
                lease.append(CommitLog.Wave.adopted(legacy));
            }
        }
        List<String> staged = storage.list(WAVES);
        for (CommitLog.Wave wave : log.waves()) {
            if (staged.contains(wave.id())) {
                moveCommitted(wave);
            }
        }
        for (String id : staged) {
            storage.delete(WAVES + "/" + id);
        }
        if (!staged.isEmpty()) {
            storage.delete(WAVES); // nothing staged any more: no empty directory beside rows/
        }
        for (String child : storage.list(ROWS)) {
            if (child.equals("_temporary") || child.startsWith(".spark-staging")) {
                storage.delete(ROWS + "/" + child);
            }
        }
    }

    /** Where wave {@code id} is written before it is committed. */
    String staging(String id) {
        return storage.uri(WAVES + "/" + id);
    }

    /** Where the end points of wave {@code id} are written before it is committed. */
    String stagingEndPoints(String id) {
        return storage.uri(WAVES + "/" + id + "/" + STAGED_ENDPOINTS);
    }

    /**
     * Commits the wave written to {@link #staging}: its row {@code files} and {@code endpoints} (paths relative to
     * {@link #staging} and {@link #stagingEndPoints}; other files there, of failed task attempts, are not the
     * wave's). Its log entry names them (and the run-order positions and outcomes of its points under
     * {@code specHash}, which let a rerun of that spec plan without reading rows), then they move into rows/ and
     * endpoints/ and the staging directory goes.
     */
    void commit(WriterLease lease, String id, List<String> files, List<String> endpoints, long rows, String specHash,
                long[] positions, Map<String, Long> outcomes) throws IOException {
        CommitLog.Wave wave = new CommitLog.Wave(id, files, rows, specHash, positions, outcomes, endpoints);
        lease.append(wave);
        moveCommitted(wave);
        storage.delete(WAVES + "/" + id);
        if (storage.list(WAVES).isEmpty()) {
            storage.delete(WAVES); // nothing staged: no empty directory beside rows/
        }
    }

    /** Moves a committed wave's files from its staging directory into rows/ and endpoints/. */
    private void moveCommitted(CommitLog.Wave wave) throws IOException {
        String staged = WAVES + "/" + wave.id();
        for (String file : wave.files()) {
            storage.move(staged + "/" + file, ROWS + "/" + file);
        }
        for (String file : wave.endpoints()) {
            storage.move(staged + "/" + STAGED_ENDPOINTS + "/" + file, ENDPOINTS + "/" + file);
        }
    }

    /**
     * The rows that {@code log} commits: their outcomes by point id (one Spark job, skipped when nothing is
     * committed), and how many rows repeat a point (only a directory written by an older version without a commit
     * log can have them).
     */
    Done doneOutcomes(SparkSession spark, CommitLog log) {
        List<Row> rows;
        try {
            Optional<org.apache.spark.sql.Dataset<Row>> read = CommittedRows.read(spark,
                    CommittedRows.files(storage, log));
            if (read.isEmpty()) {
                return new Done(Map.of(), 0);
            }
            rows = read.get().select("point_id", "outcome").collectAsList();
        } catch (Exception e) { // Spark's failures are Scala exceptions, checked or not
            throw new BadInputException("--out " + out + ": the rows in " + rows() + " cannot be read ("
                    + firstLine(e.getMessage()) + "); move the damaged files aside or choose another --out");
        }
        Map<String, String> done = new HashMap<>(rows.size() * 2);
        for (Row r : rows) {
            done.putIfAbsent(r.getString(0), r.getString(1));
        }
        return new Done(done, rows.size() - done.size());
    }

    /**
     * @param outcomes   outcome by point id
     * @param duplicates rows beyond the first of their point
     */
    record Done(Map<String, String> outcomes, long duplicates) {
    }

    /** Writes the manifest, replacing the old one atomically. */
    void write(Manifest manifest) throws IOException {
        storage.replace(Manifest.FILE, manifest.bytes());
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }
}
