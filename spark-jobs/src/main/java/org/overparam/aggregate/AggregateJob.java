package org.overparam.aggregate;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.overparam.cli.BadInputException;
import org.overparam.io.HadoopConf;
import org.overparam.io.Storage;
import org.overparam.sweep.CommitLog;
import org.overparam.sweep.CommittedRows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code overparam aggregate}: sweep rows → cell table → charts → report. Reads {@code DIR/rows} (and, for
 * display only, {@code DIR/manifest.json}); writes into the report directory:
 *
 * <pre>
 *   cells.parquet/    the cell table (one Parquet file)
 *   cells.csv         the same, with a header
 *   boundary.csv      per panel and y value, the smallest x from which bad minima are rare ({@link Boundary})
 *   families.csv      per cell, the families of end points that did not end GLOBAL ({@link MinimaFamilies}),
 *                     when the sweep kept end points
 *   charts/           p_bad_map*, p_recovered_map*, p_bad_curves* — PNG and SVG, one per panel
 *   report.html       manifest, charts, cell table
 * </pre>
 *
 * Every check of the input happens before anything is written.
 */
public final class AggregateJob {

    /** The subdirectory of a sweep holding its rows. */
    public static final String ROWS = "rows";
    public static final String CELLS_PARQUET = "cells.parquet";
    public static final String CELLS_CSV = "cells.csv";
    public static final String BOUNDARY_CSV = "boundary.csv";
    public static final String CHARTS = "charts";

    /**
     * What to aggregate and how.
     *
     * @param sweepDir          the sweep directory: a local path or a Hadoop file system URI
     * @param reportDir         where the report goes (created; our files in it are replaced): a local path or a
     *                          Hadoop file system URI
     * @param by                the cell axes, or empty for every parameter that varies
     * @param x                 the horizontal chart axis
     * @param y                 the vertical chart axis, or null to let {@link Design#detect} choose
     * @param recoveryThreshold recovery error below which a run counts as recovered
     */
    public record Settings(String sweepDir, String reportDir, List<String> by, String x, String y,
                           double recoveryThreshold) {

        /** Relative recovery error below which a run counts as recovered, unless told otherwise. */
        public static final double DEFAULT_RECOVERY_THRESHOLD = 1e-3;

        /**
         * The defaults of {@code overparam aggregate DIR --out REPORT_DIR}: every varying axis, maps over R × n (or
         * R × the first other varying axis when n is fixed).
         */
        public static Settings defaults(String sweepDir, String reportDir) {
            return new Settings(sweepDir, reportDir, List.of(), "R", null, DEFAULT_RECOVERY_THRESHOLD);
        }

        public Settings {
            by = List.copyOf(by);
            if (!(recoveryThreshold > 0) || Double.isInfinite(recoveryThreshold)) {
                throw new BadInputException("--recovery-threshold must be finite and > 0, got "
                        + recoveryThreshold);
            }
        }
    }

    /**
     * What was written.
     *
     * @param sweep  the sweep's name
     * @param runs   rows aggregated
     * @param cells  the cell count
     * @param axes   the cell axes
     * @param charts the charts
     * @param notes  remarks (also in the report)
     * @param report the report page
     */
    public record Summary(String sweep, long runs, int cells, List<String> axes, List<ChartFile> charts,
                          List<String> notes, String report) {
    }

    private AggregateJob() {
    }

    /**
     * The checks that need no Spark: the sweep directory and its rows exist, and the report directory does not
     * point into them.
     */
    public static void checkInput(Settings s) {
        input(s);
    }

    /**
     * The sweep directory {@code dir}, checked: it exists and holds committed rows.
     *
     * @throws BadInputException naming what is missing
     */
    public static Storage sweepDirectory(String dir) {
        Storage storage = Storage.open(dir, HadoopConf.fromSystemProperties());
        try {
            if (!storage.isDirectory("")) {
                throw new BadInputException("sweep directory " + dir + (storage.exists("") ? " is not a directory"
                        : " does not exist"));
            }
            if (!storage.isDirectory(ROWS) && CommitLog.read(storage).waves().isEmpty()) {
                throw new BadInputException(dir + " holds no sweep: " + storage.uri(ROWS) + " is missing (write one"
                        + " with 'overparam sweep SPEC --out " + dir + "')");
            }
            if (CommittedRows.files(storage).isEmpty()) {
                throw new BadInputException(storage.uri(ROWS) + " holds no Parquet files: the sweep has no rows"
                        + " yet");
            }
        } catch (IOException e) {
            throw new BadInputException("sweep directory " + dir + " cannot be read: " + e.getMessage());
        }
        return storage;
    }

    /** The sweep directory and the report directory, checked. */
    private static Storage input(Settings s) {
        Storage storage = sweepDirectory(s.sweepDir());
        checkReportDirectory(s.reportDir(), storage);
        return storage;
    }

    /**
     * Checks that {@code reportDir} (the {@code --out} of a command) is a directory or absent, and does not point into
     * the rows of {@code sweep}.
     *
     * @throws BadInputException naming the option and what is wrong
     */
    static void checkReportDirectory(String reportDir, Storage sweep) {
        Storage target = ReportDirectory.open(reportDir);
        try {
            if (target.exists("") && !target.isDirectory("")) {
                throw new BadInputException("--out " + reportDir + " is a file, not a directory");
            }
        } catch (IOException e) {
            throw new BadInputException("--out " + reportDir + " cannot be read: " + e.getMessage());
        }
        if (target.uri().equals(sweep.uri(ROWS)) || target.uri().startsWith(sweep.uri(ROWS) + "/")) {
            throw new BadInputException("--out " + reportDir + " is inside the rows of the sweep ("
                    + sweep.uri(ROWS) + ")");
        }
    }

    /**
     * A sweep directory's committed rows as cells: what {@code aggregate}, {@code refine} and {@code compare} start
     * from.
     *
     * @param storage  the sweep directory
     * @param design   its axes and constants
     * @param table    the cells
     * @param repeated rows that repeat a point (each point counts once)
     * @param manifest its manifest, for display
     * @param rows     its rows, one per point
     */
    public record Sweep(Storage storage, Design design, CellTable table, long repeated, ManifestView manifest,
                        Dataset<Row> rows) {

        /** The sweep's name: its manifest's, else its rows'. */
        public String name() {
            return manifest.name().orElseGet(() -> {
                Object name = design.constants().get("sweep");
                return name != null ? name.toString() : table.axes().contains("sweep") ? "several sweeps" : "sweep";
            });
        }
    }

    /**
     * Reads the committed rows of {@code sweepDir} into cells over {@code by} (every varying parameter when empty)
     * with chart axes {@code x} and {@code y} (null: {@link Design#detect} chooses).
     *
     * @throws BadInputException when the directory holds no sweep rows, or the axes are not its columns
     */
    public static Sweep read(SparkSession spark, String sweepDir, List<String> by, String x, String y,
                             double recoveryThreshold) {
        SparkSession session = session(spark);
        Storage storage = sweepDirectory(sweepDir);
        String rowsDir = storage.uri(ROWS);
        Dataset<Row> rows;
        long repeated;
        try {
            rows = CommittedRows.read(session, storage).orElseThrow();
            long all = rows.count();
            rows = rows.dropDuplicates("point_id");
            repeated = all - rows.count();
        } catch (Exception e) { // Spark's failures are Scala exceptions, checked or not
            throw new BadInputException("cannot read the rows in " + rowsDir + ": " + firstLine(e));
        }
        Set<String> columns = new LinkedHashSet<>(Arrays.asList(rows.columns()));
        for (String needed : CellTable.INPUTS) {
            if (!columns.contains(needed)) {
                throw new BadInputException(rowsDir + " does not hold sweep rows: column '" + needed
                        + "' is missing");
            }
        }
        Design design = Design.detect(rows, by, x, y);
        if (design.empty()) {
            throw new BadInputException(rowsDir + " holds no rows: nothing to aggregate");
        }
        CellTable table = CellTable.aggregate(rows, design.axes(), recoveryThreshold);
        return new Sweep(storage, design, table, repeated, ManifestView.read(storage), rows);
    }

    /**
     * A session for reading sweep rows, with our own SQL settings, not the caller's: sweep names stay strings, and R
     * and r stay apart.
     */
    public static SparkSession session(SparkSession spark) {
        SparkSession session = spark.newSession();
        session.conf().set("spark.sql.sources.partitionColumnTypeInference.enabled", "false");
        session.conf().set("spark.sql.caseSensitive", "true");
        return session;
    }

    /** Aggregates, draws and writes; see the class comment. */
    public static Summary run(SparkSession spark, Settings s) {
        ChartStyle.headless();
        input(s);
        Sweep read = read(spark, s.sweepDir(), s.by(), s.x(), s.y(), s.recoveryThreshold());
        Design design = read.design();
        CellTable table = read.table();
        ManifestView manifest = read.manifest();
        String sweep = read.name();
        long repeated = read.repeated();
        SparkSession session = session(spark);
        Optional<MinimaFamilies> families;
        try {
            families = MinimaFamilies.find(session, read.storage(), read.rows(), design.axes());
        } catch (Exception e) { // Spark's failures are Scala exceptions, checked or not
            throw new BadInputException("cannot read the end points in " + read.storage().show(
                    CommittedRows.ENDPOINTS) + ": " + firstLine(e));
        }

        Storage target = ReportDirectory.open(s.reportDir());
        Written written = ReportDirectory.write(target, AggregateJob::clean,
                out -> write(session, s, design, table, families, manifest, sweep, repeated, out));
        return new Summary(sweep, table.runs(), table.cells().size(), design.axes(), written.charts(),
                written.notes(), target.show(Report.FILE));
    }

    /** What {@link #write} drew and remarked. */
    private record Written(List<ChartFile> charts, List<String> notes) {
    }

    /** The table, charts and report page, into the local directory {@code out}. */
    private static Written write(SparkSession session, Settings s, Design design, CellTable table,
                                 Optional<MinimaFamilies> families, ManifestView manifest, String sweep,
                                 long repeated, Path out) {
        Path chartsDir = out.resolve(CHARTS);
        prepare(out, chartsDir);
        table.writeParquet(session, out.resolve(CELLS_PARQUET));
        table.writeCsv(out.resolve(CELLS_CSV));
        families.ifPresent(f -> f.writeCsv(out.resolve(MinimaFamilies.CSV)));

        List<String> notes = new ArrayList<>();
        if (manifest.problem() != null) {
            notes.add(manifest.problem());
        }
        if (repeated > 0) {
            notes.add(String.format(Locale.ROOT, "%,d rows repeat a point (a directory written by an older version"
                    + " without a commit log): each point counts once", repeated));
        }
        List<ChartFile> charts = new ArrayList<>();
        List<Overlay> overlays = new ArrayList<>();
        if (design.charts(s.x(), design.y())) {
            List<Panel> panels = Panel.split(table, design.constants(), s.x(), design.y());
            PhaseCharts drawn = PhaseCharts.draw(table, panels, design.constants(), s.x(), design.y(), sweep, out,
                    CHARTS);
            Boundary.writeCsv(panels, Boundary.Rule.DEFAULT, out.resolve(BOUNDARY_CSV));
            charts.addAll(drawn.charts());
            notes.addAll(drawn.notes());
            overlays.addAll(drawn.overlays());
        } else {
            notes.add("no charts: the chart axes " + s.x() + " and " + design.y() + " are not both cell axes ("
                    + String.join(", ", design.axes()) + "); add them to --by or choose --x/--y");
        }
        new Report(sweep, manifest, table, charts, notes, overlays, families.orElse(null))
                .write(out.resolve(Report.FILE));
        return new Written(charts, notes);
    }

    /**
     * Removes from a report directory on another file system what an earlier aggregate wrote there and this one might
     * not overwrite: the cell table's directory, boundary.csv and the charts, as {@link #prepare} does locally.
     */
    private static void clean(Storage target) throws IOException {
        target.delete(CELLS_PARQUET);
        target.delete(BOUNDARY_CSV);
        target.delete(MinimaFamilies.CSV);
        for (String old : target.files(CHARTS, "")) {
            if (old.endsWith(".png") || old.endsWith(".svg")) {
                target.delete(old);
            }
        }
    }

    /** Creates the report directory; removes the charts a previous aggregate left, and nothing else. */
    private static void prepare(Path out, Path chartsDir) {
        try {
            Files.createDirectories(chartsDir);
            Files.deleteIfExists(out.resolve(BOUNDARY_CSV));
            Files.deleteIfExists(out.resolve(MinimaFamilies.CSV));
            try (Stream<Path> old = Files.list(chartsDir)) {
                for (Path f : old.filter(f -> f.toString().endsWith(".png") || f.toString().endsWith(".svg"))
                        .toList()) {
                    Files.delete(f);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + out, e);
        }
    }

    private static String firstLine(Throwable e) {
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
