package org.overparam.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.overparam.cli.Cli;
import org.overparam.cli.Overparam;
import org.overparam.io.Columns;
import org.overparam.experiment.Experiment;
import org.overparam.io.CodeVersion;
import org.overparam.io.ResultSchema;
import org.overparam.io.Storage;
import org.overparam.spec.SweepSpec;
import org.overparam.spec.SpecLoader;
import org.overparam.testing.TestSpark;
import org.overparam.testing.TinySweep;

/** The sweep engine end to end in local mode: rows, types, resume, extension, kills, determinism, refusals. */
class SweepJobTest {

    static final String SPEC = TinySweep.SPEC;
    static final int SPEC_POINTS = TinySweep.POINTS;

    /** The same sweep with one more R and one more replicate: 3 × 3 × 2 × 2 = 36 points. */
    static final String EXTENDED = SPEC.replace("replicates: 2", "replicates: 3").replace("R: [1, 2]", "R: [1, 2, 3]");

    /** Columns that are not a function of the point. */
    static final List<String> NOT_DETERMINISTIC = List.of("wall_ms");

    static SparkSession spark;

    @TempDir
    Path tmp;

    @BeforeAll
    static void startSpark() {
        spark = TestSpark.session();
    }

    static SweepJob.Summary sweep(String yaml, Path out, int wavePoints) {
        return SweepJob.run(SpecLoader.parse(yaml), yaml, new SweepJob.Options(out.toString(), "local[2]", wavePoints, false),
                new PrintWriter(Writer.nullWriter()));
    }

    @Test
    void writesOneTypedRowPerPointThatDuckDbAndSparkSqlReadAlike() throws Exception {
        Path out = tmp.resolve("out");
        SweepJob.Summary summary = sweep(SPEC, out, 0);
        assertEquals(SPEC_POINTS, summary.computed());
        assertEquals(0, summary.alreadyDone());

        Map<String, Long> sparkCounts = new HashMap<>();
        for (Row r : spark.read().parquet(out.resolve("rows").toString()).groupBy("outcome").count().collectAsList()) {
            sparkCounts.put(r.getString(0), r.getLong(1));
        }
        assertEquals(summary.countsByOutcome(), sparkCounts);

        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement()) {
            String rows = "read_parquet('" + out.resolve("rows") + "/**/*.parquet', hive_partitioning = true)";
            ResultSet rs = st.executeQuery("select count(*), count(distinct point_id), min(sweep), max(sweep) from "
                    + rows);
            rs.next();
            assertEquals(SPEC_POINTS, rs.getLong(1));
            assertEquals(SPEC_POINTS, rs.getLong(2));
            assertEquals("tiny", rs.getString(3));
            assertEquals("tiny", rs.getString(4));

            Map<String, String> types = new HashMap<>();
            rs = st.executeQuery("describe select * from " + rows);
            while (rs.next()) {
                types.put(rs.getString("column_name"), rs.getString("column_type"));
            }
            assertEquals("INTEGER", types.get("R"));
            assertEquals("INTEGER", types.get("true_rank"));
            assertEquals("DOUBLE", types.get("alpha"));
            assertEquals("BIGINT", types.get("instance_seed"));
            assertEquals("BOOLEAN", types.get("bad_local_min"));
            assertEquals("VARCHAR", types.get("outcome"));
            assertEquals(Columns.ALL.size(), types.size(), types::toString);

            Map<String, Long> duckCounts = new HashMap<>();
            rs = st.executeQuery("select outcome, count(*) from " + rows + " group by outcome");
            while (rs.next()) {
                duckCounts.put(rs.getString(1), rs.getLong(2));
            }
            assertEquals(sparkCounts, duckCounts);
        }

        Manifest manifest = Manifest.read(out.resolve(Manifest.FILE));
        assertEquals("tiny", manifest.name());
        assertEquals(SPEC_POINTS, manifest.pointsDone());
        assertEquals(summary.countsByOutcome(), manifest.countsByOutcome());
        assertTrue(manifest.finished() != null && manifest.sparkVersion().startsWith("4.1"), manifest::toString);
    }

    @Test
    void rerunComputesNothingAndAnExtendedGridOnlyItsNewPoints() {
        Path out = tmp.resolve("out");
        sweep(SPEC, out, 0);
        List<Row> before = numbers(out);

        SweepJob.Summary rerun = sweep(SPEC, out, 0);
        assertEquals(0, rerun.computed());
        assertEquals(SPEC_POINTS, rerun.alreadyDone());
        assertEquals(before, numbers(out));

        SweepJob.Summary extended = sweep(EXTENDED, out, 0);
        assertEquals(36 - SPEC_POINTS, extended.computed());
        assertEquals(SPEC_POINTS, extended.alreadyDone());
        List<Row> after = numbers(out);
        assertEquals(36, after.size());
        assertTrue(after.containsAll(before));

        // The log now holds waves of both specs: the earlier one's carried over, nothing left to run.
        SweepJob.Summary again = sweep(EXTENDED, out, 0);
        assertEquals(0, again.computed());
        assertEquals(36, again.alreadyDone());
        assertEquals(after, numbers(out));
    }

    @Test
    void numbersDoNotDependOnWavesOrPartitions() {
        Path oneWave = tmp.resolve("one-wave");
        Path manyWaves = tmp.resolve("many-waves");
        sweep(SPEC, oneWave, SPEC_POINTS);
        sweep(SPEC, manyWaves, 3);
        assertEquals(numbers(oneWave), numbers(manyWaves));
    }

    /**
     * Sweeps run points in lock-step batches (SIMD lanes for these quadratic networks); a row must be the one the
     * point gets when run alone, whatever batch it went in.
     */
    @Test
    void everyRowIsTheRowOfItsPointRunAlone() {
        Path out = tmp.resolve("batched");
        sweep(SPEC, out, 0);
        SweepSpec spec = SpecLoader.parse(SPEC);
        List<Row> alone = new ArrayList<>();
        for (long i = 0; i < spec.count(); i++) {
            alone.add(ResultSchema.row(spec.name(), CodeVersion.get(), Experiment.run(spec.point(i))));
        }
        String[] columns = Columns.names().stream().filter(c -> !NOT_DETERMINISTIC.contains(c))
                .toArray(String[]::new);
        List<Row> expected = spark.createDataFrame(alone, ResultSchema.SCHEMA).selectExpr(columns)
                .orderBy("point_id").collectAsList();
        assertEquals(expected, numbers(out));
    }

    @Test
    void localOneGivesTheSameNumbersAsLocalTwo() throws Exception {
        Path two = tmp.resolve("local2");
        Path one = tmp.resolve("local1");
        sweep(SPEC, two, 0);
        Process child = childSweep(writeSpec(SPEC), one, "local[1]", 5).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(child.waitFor(120, TimeUnit.SECONDS), "child sweep timed out");
        assertEquals(0, child.exitValue(), output);
        assertEquals(numbers(two), numbers(one));
    }

    /** A killed sweep resumes to one row per point, and one end point per point that keeps one. */
    @Test
    void aSweepKilledAfterItsFirstWaveResumesToExactlyOneRowPerPoint() throws Exception {
        Path reference = tmp.resolve("uninterrupted");
        Path killed = tmp.resolve("killed");
        String keepingEndPoints = EXTENDED.replace("solver: {", "solver: {endpoints: all, ");
        sweep(keepingEndPoints, reference, 0);

        Process child = childSweep(writeSpec(keepingEndPoints), killed, "local[1]", 2).redirectErrorStream(true)
                .start();
        // SIGKILL: no shutdown hooks, no cleanup.
        List<String> seen = linesUntilFirstWave(child, Process::destroyForcibly);
        assertTrue(child.waitFor(60, TimeUnit.SECONDS));
        assertTrue(seen.stream().anyMatch(l -> l.contains("wave 1/")), () -> String.join("\n", seen));
        long committed = spark.read().parquet(killed.resolve("rows").toString()).count();
        assertTrue(committed >= 2 && committed < 36, "the kill must land mid-sweep, found " + committed + " rows");

        SweepJob.Summary resumed = sweep(keepingEndPoints, killed, 0);
        assertEquals(committed, resumed.alreadyDone());
        assertEquals(36 - committed, resumed.computed());
        assertEquals(numbers(reference), numbers(killed));
        assertEquals(endPoints(reference), endPoints(killed));
        assertEquals(36, endPoints(killed).size());
    }

    private static List<Row> endPoints(Path out) throws Exception {
        return CommittedRows.readEndPoints(spark, Storage.open(out.toString(), new Configuration())).orElseThrow()
                .orderBy("point_id").collectAsList();
    }

    @Test
    void aSweepStoppedBySignalSaysSoInOneLineAndTheRerunResumesAtOnce() throws Exception {
        Path out = tmp.resolve("stopped");
        Path stderr = tmp.resolve("stopped.err");
        Process child = childSweep(writeSpec(EXTENDED), out, "local[1]", 2).redirectError(stderr.toFile()).start();
        // SIGTERM: the shutdown hooks run, as on Ctrl-C (which exits with 130).
        List<String> seen = linesUntilFirstWave(child, Process::destroy);
        assertTrue(child.waitFor(60, TimeUnit.SECONDS));
        String err = Files.readString(stderr);
        assertEquals(143, child.exitValue(), err);
        List<String> said = err.lines().filter(l -> !l.startsWith("WARNING: Using incubator")).toList();
        assertEquals(1, said.size(), err);
        assertTrue(said.get(0).matches("overparam: interrupted after \\d+ of 36 points; rerun the same command to"
                + " resume"), err);

        SweepJob.Summary resumed = sweep(EXTENDED, out, 0); // the lease was given back: no wait, no take-over
        assertEquals(36, resumed.alreadyDone() + resumed.computed());
        assertTrue(said.get(0).contains("after " + resumed.alreadyDone() + " of"), err);
        assertEquals(36, committedNumbers(out).size());
    }

    @Test
    void anUnreachableMasterEndsTheCommandInOneLineAndNothingIsWritten() throws Exception {
        Path out = tmp.resolve("unreached");
        long start = System.nanoTime();
        Cli cli = Cli.run("sweep", writeSpec(SPEC).toString(), "--out", out.toString(), "--master",
            "spark://127.0.0.1:1");
        assertEquals(Overparam.INTERNAL_ERROR, cli.exit(), cli::err);
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(30), "took too long");
        assertEquals(1, cli.err().lines().count(), cli::err);
        assertTrue(cli.err().startsWith("overparam: cannot reach the Spark master spark://127.0.0.1:1"),
                cli::err);
        assertFalse(Files.exists(out), "nothing is written");
    }

    @Test
    void aPointTooLargeForTheHeapIsRefusedBeforeAnythingRuns() throws Exception {
        Path huge = writeSpec(SPEC.replace("d: 4", "d: 100000"));
        Path out = tmp.resolve("huge");
        for (String[] args : List.of(
                new String[] {"sweep", huge.toString(), "--out", out.toString(), "--master", "local[2]"},
                new String[] {"run", huge.toString(), "--point", "R=1,alpha=0.1,n=6,replicate=0"})) {
            Cli cli = Cli.run(args);
            assertEquals(Overparam.BAD_INPUT, cli.exit(), cli::err);
            assertEquals(1, cli.err().lines().count(), cli::err);
            assertTrue(cli.err().contains("needs about") && cli.err().contains("GiB of heap"),
                    cli::err);
        }
        assertFalse(Files.exists(out), "nothing is written");
    }

    @Test
    void aDirectoryHoldingAnotherSweepIsRefusedAndLeftAlone() throws Exception {
        Path out = tmp.resolve("out");
        sweep(SPEC, out, 0);
        List<Path> before = listing(out);
        Path other = writeSpec(SPEC.replace("seed: 5", "seed: 6"));
        Cli cli = Cli.run("sweep", other.toString(), "--out", out.toString(),
            "--master", "local[2]");
        assertEquals(Overparam.BAD_INPUT, cli.exit());
        assertTrue(cli.err().contains("holds another experiment: its seed = 5; this spec has 6"), cli::err);
        assertEquals(before, listing(out));
        assertEquals(SPEC_POINTS, spark.read().parquet(out.resolve("rows").toString()).count());
    }

    @Test
    void aChangedFixedFieldIsRefusedBeforeAnythingIsWritten() throws Exception {
        Path out = tmp.resolve("out");
        sweep(SPEC, out, 0);
        List<Path> before = listing(out);
        Path changed = writeSpec(SPEC.replace("max_iters: 400", "max_iters: 300"));
        Cli cli = Cli.run("sweep", changed.toString(), "--out", out.toString(),
            "--master", "local[2]");
        assertEquals(Overparam.BAD_INPUT, cli.exit());
        assertTrue(cli.err().contains("solver.max_iters = 400; this spec has 300"), cli::err);
        assertEquals(1, cli.err().lines().count(), cli::err);
        assertEquals(before, listing(out));
    }

    @Test
    void aNonEmptyDirectoryThatIsNoSweepIsRefused() throws Exception {
        Path out = Files.createDirectories(tmp.resolve("notes"));
        Files.writeString(out.resolve("thesis.tex"), "\\documentclass{article}");
        Cli cli = Cli.run("sweep", writeSpec(SPEC).toString(), "--out", out.toString(),
            "--master", "local[2]");
        assertEquals(Overparam.BAD_INPUT, cli.exit());
        assertTrue(cli.err().contains("not a sweep directory"), cli::err);
        assertEquals(List.of(out.resolve("thesis.tex")), listing(out));
    }

    @Test
    void aDamagedCommittedFileIsReportedAndTheRowsLeftAlone() throws Exception {
        Path out = tmp.resolve("out");
        sweep(SPEC, out, 0);
        Path partition = out.resolve("rows").resolve("sweep=tiny");
        Path committed;
        try (Stream<Path> files = Files.list(partition)) {
            committed = files.filter(f -> f.toString().endsWith(".parquet")).findFirst().orElseThrow();
        }
        Files.writeString(committed, "PAR1 this is not parquet");
        List<Path> before = rowsAndManifest(out);
        // A rerun (of the same spec or an extended one) plans from the commit log alone: it reads no row, so it
        // neither needs nor notices the damaged file, and computes nothing.
        SweepJob.Summary rerun = sweep(SPEC, out, 0);
        assertEquals(0, rerun.computed());
        // Reading the rows does notice it: aggregate refuses it, writes nothing and exits 2.
        Cli cli = Cli.run("aggregate", out.toString(), "--out", tmp.resolve("report").toString());
        assertEquals(Overparam.BAD_INPUT, cli.exit(), cli::err);
        assertTrue(cli.err().contains("cannot be read") || cli.err().contains("cannot read"), cli::err);
        assertEquals(before.stream().filter(p -> !p.endsWith(Manifest.FILE)).toList(),
                rowsAndManifest(out).stream().filter(p -> !p.endsWith(Manifest.FILE)).toList());
    }

    @Test
    void filesThatNoCommittedWaveNamesAreIgnored() throws Exception {
        Path out = tmp.resolve("out");
        sweep(SPEC, out, 0);
        List<Row> before = numbers(out);
        // what a driver killed between writing a wave and committing it, or a stale one, may leave
        Path partition = out.resolve("rows").resolve("sweep=tiny");
        try (Stream<Path> files = Files.list(partition)) {
            Path one = files.filter(f -> f.toString().endsWith(".parquet")).findFirst().orElseThrow();
            Files.copy(one, partition.resolve("part-99999-leftover.zstd.parquet"));
        }
        Files.createDirectories(out.resolve("_waves/e99-w1/sweep=tiny"));
        Files.writeString(out.resolve("_waves/e99-w1/sweep=tiny/part-0.parquet"), "half a file");

        SweepJob.Summary rerun = sweep(SPEC, out, 0);
        assertEquals(SPEC_POINTS, rerun.alreadyDone());
        assertEquals(0, rerun.computed());
        assertFalse(Files.exists(out.resolve("_waves/e99-w1")), "an uncommitted wave is cleaned");
        assertEquals(before, committedNumbers(out));
    }

    @Test
    void aPointThatThrowsIsRecordedAsFailedAndTheRestOfTheSweepIsKept() {
        Path out = tmp.resolve("out");
        String failing = SpecLoader.parse(SPEC).point(5).pointId();
        System.setProperty(FaultInjection.PROPERTY, failing);
        SweepJob.Summary summary;
        try {
            summary = sweep(SPEC, out, 0);
        } finally {
            System.clearProperty(FaultInjection.PROPERTY);
        }
        assertEquals(SPEC_POINTS, summary.computed());
        assertEquals(1L, summary.countsByOutcome().get("FAILED"));
        List<Row> failed = spark.read().parquet(out.resolve("rows").toString())
                .where("outcome = 'FAILED'").select("point_id", "error", "stop_reason", "objective").collectAsList();
        assertEquals(1, failed.size());
        assertEquals(failing, failed.get(0).getString(0));
        assertTrue(failed.get(0).getString(1).contains("injected failure"), failed::toString);
        assertEquals("error", failed.get(0).getString(2));
        assertTrue(failed.get(0).isNullAt(3));
        // A rerun keeps the recorded failure: exactly one row per point.
        assertEquals(0, sweep(SPEC, out, 0).computed());
    }

    @Test
    void aBadSpecWritesNothing() throws Exception {
        Path out = tmp.resolve("never");
        Cli cli = Cli.run("sweep", writeSpec(SPEC.replace("R: [1, 2]", "R: [0, 2]")).toString(), "--out",
            out.toString());
        assertEquals(Overparam.BAD_INPUT, cli.exit());
        assertTrue(cli.err().contains("grid.R"), cli::err);
        assertFalse(Files.exists(out));
    }

    /** Every column but the wall time, sorted by point id. */
    static List<Row> numbers(Path out) {
        String[] columns = Columns.names().stream().filter(c -> !NOT_DETERMINISTIC.contains(c))
                .toArray(String[]::new);
        return spark.read().parquet(out.resolve("rows").toString())
                .selectExpr(columns).orderBy("point_id").collectAsList();
    }

    private Path writeSpec(String yaml) throws Exception {
        Path file = Files.createTempFile(tmp, "spec", ".yaml");
        Files.writeString(file, yaml);
        return file;
    }

    /** The child's output lines up to and including its first "wave 1/" line, at which {@code stop} is applied. */
    private static List<String> linesUntilFirstWave(Process child, Consumer<Process> stop) throws IOException {
        List<String> seen = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                seen.add(line);
                if (line.contains("wave 1/")) {
                    stop.accept(child);
                    break;
                }
            }
        }
        return seen;
    }

    /** {@code overparam sweep} in a fresh JVM with this JVM's options and classpath. */
    static ProcessBuilder childSweep(Path spec, Object out, String master, int wavePoints) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> !a.startsWith("-agentlib") && !a.startsWith("-javaagent")).toList());
        // the Hadoop settings of the storage under test (an S3 endpoint and its credentials)
        System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith("spark.hadoop.")).sorted()
                .forEach(k -> command.add("-D" + k + "=" + System.getProperty(k)));
        command.addAll(Arrays.asList("-cp", System.getProperty("java.class.path"), Overparam.class.getName(), "sweep",
                spec.toString(), "--out", out.toString(), "--master", master, "--wave-size",
                Integer.toString(wavePoints)));
        return new ProcessBuilder(command);
    }

    /** The rows that the commit log names, whatever else rows/ holds. */
    static List<Row> committedNumbers(Path out) throws Exception {
        String[] columns = Columns.names().stream().filter(c -> !NOT_DETERMINISTIC.contains(c))
                .toArray(String[]::new);
        return CommittedRows.read(spark, Storage.open(out.toString(), new Configuration())).orElseThrow()
                .selectExpr(columns).orderBy("point_id").collectAsList();
    }

    /** The files a reader of the results sees: the rows and the manifest, without the log's bookkeeping. */
    private static List<Path> rowsAndManifest(Path dir) throws Exception {
        return listing(dir).stream().filter(p -> !dir.relativize(p).toString().startsWith("_")).toList();
    }

    private static List<Path> listing(Path dir) throws Exception {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
