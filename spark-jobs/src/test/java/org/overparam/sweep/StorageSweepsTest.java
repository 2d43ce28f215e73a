package org.overparam.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.overparam.cli.Cli;
import org.overparam.cli.Overparam;
import org.overparam.io.Columns;
import org.overparam.io.HadoopConf;
import org.overparam.io.Storage;
import org.overparam.spec.SpecLoader;
import org.overparam.testing.Hdfs;
import org.overparam.testing.S3;
import org.overparam.testing.TestSpark;
import org.overparam.testing.TinySweep;

/**
 * The sweep engine's promise — one row per point, whatever is killed or started twice — on every kind of
 * storage it writes: a local disk, a real HDFS (MiniDFSCluster on 127.0.0.1) and an S3 server (moto on 127.0.0.1,
 * through S3A and its magic committer). Drivers run as separate JVMs,
 * as a scheduler would start them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StorageSweepsTest {

    static final String SPEC = SweepJobTest.EXTENDED;
    static final int POINTS = 36;
    static final int WAVE = 2;

    @TempDir
    static Path tmp;

    private Hdfs hdfs;
    private S3 s3;
    private SparkSession spark;
    private List<Row> reference;

    @BeforeAll
    void start() throws Exception {
        spark = TestSpark.session();
        hdfs = Hdfs.start(tmp.resolve("hdfs"));
        s3 = S3.available() ? S3.start(tmp) : null;
        if (s3 != null) {
            s3.install(spark.sparkContext().hadoopConfiguration());
        }
        String out = tmp.resolve("reference").toString();
        SweepJob.run(SpecLoader.parse(SPEC), SPEC, new SweepJob.Options(out, "local[2]", 0, false),
                new PrintWriter(Writer.nullWriter()));
        reference = numbers(out);
        assertEquals(POINTS, reference.size());
    }

    @AfterAll
    void stop() {
        hdfs.close();
        if (s3 != null) {
            s3.uninstall();
            s3.close();
        }
    }

    /** A fresh sweep directory on each kind of storage. */
    Stream<String> directories() {
        String name = UUID.randomUUID().toString();
        Stream<String> local = Stream.of(tmp.resolve("local-" + name).toString(), hdfs.uri("sweeps/" + name));
        return s3 == null ? local : Stream.concat(local, Stream.of(s3.uri(name)));
    }

    @ParameterizedTest
    @MethodSource("directories")
    void aSweepResumesAndAggregatesFromItsDirectory(String out) throws Exception {
        Cli log = Cli.run("sweep", spec().toString(), "--out", out, "--master", "local[2]");
        assertEquals(0, log.exit(), log::toString);
        assertEquals(reference, numbers(out));
        assertTrue(log.out().contains(POINTS + " points, 0 already in "), log::toString);

        Cli again = Cli.run("sweep", spec().toString(), "--out", out, "--master", "local[2]");
        assertEquals(0, again.exit(), again::toString);
        assertTrue(again.out().contains(POINTS + " already in"), again::toString);
        assertEquals(reference, numbers(out));

        String report = out + "-report"; // on the same kind of storage
        Cli aggregated = Cli.run("aggregate", out, "--out", report, "--master", "local[2]");
        assertEquals(0, aggregated.exit(), aggregated::toString);
        assertTrue(aggregated.out().contains("from " + POINTS + " runs"), aggregated::toString);
        Storage written = Storage.open(report, HadoopConf.fromSystemProperties());
        assertTrue(written.exists("report.html") && written.exists("cells.csv"), aggregated::toString);
        assertTrue(written.files("charts", ".png").size() >= 2, aggregated::toString);
        assertTrue(written.files("cells.parquet", ".parquet").size() >= 1, aggregated::toString);
    }

    @ParameterizedTest
    @MethodSource("directories")
    void aDriverIsRefusedWhileTheHolderLivesAndTakesOverOnceItIsGone(String out) throws Exception {
        // A live holder on this host: any process will do, the lease names it (a real driver finishes this sweep
        // before a second JVM has started Spark; twoDriversStartedTogether races real ones).
        Process holder = new ProcessBuilder("sleep", "300").start();
        Storage storage = Storage.open(out, HadoopConf.fromSystemProperties());
        CommitLog.Lease me = WriterLease.me();
        assertTrue(CommitLog.read(storage).append(storage, new CommitLog.Lease(me.host(), holder.pid(),
                holder.info().startInstant().orElseThrow().toString(), me.since())));
        try {
            Process second = SweepJobTest.childSweep(spec(), out, "local[1]", WAVE).redirectErrorStream(true).start();
            String output = new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(second.waitFor(120, TimeUnit.SECONDS));
            assertEquals(Overparam.BAD_INPUT, second.exitValue(), output);
            assertTrue(output.contains("is being written by another sweep (host " + me.host() + ", pid "
                    + holder.pid() + ", since "), output);
            assertEquals(1, output.strip().lines().filter(l -> l.startsWith("overparam:")).count(), output);
            assertEquals(1, CommitLog.read(storage).size(), "the refused driver wrote nothing");
        } finally {
            holder.destroy();
            holder.waitFor();
        }
        Cli log = Cli.run("sweep", spec().toString(), "--out", out, "--master", "local[2]");
        assertEquals(0, log.exit(), log::toString);
        assertEquals(reference, numbers(out));
    }

    @ParameterizedTest
    @MethodSource("directories")
    void twoDriversStartedTogetherLeaveExactlyOneRowPerPoint(String out) throws Exception {
        Process a = SweepJobTest.childSweep(spec(), out, "local[1]", WAVE).redirectErrorStream(true).start();
        Process b = SweepJobTest.childSweep(spec(), out, "local[1]", WAVE).redirectErrorStream(true).start();
        String outputA = new String(a.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String outputB = new String(b.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(a.waitFor(120, TimeUnit.SECONDS) && b.waitFor(120, TimeUnit.SECONDS));
        int codes = a.exitValue() + b.exitValue();
        // the second to take the directory is refused, unless the first was already done when it looked
        assertTrue(codes == Overparam.BAD_INPUT || codes == 0, outputA + "\n----\n" + outputB);
        assertEquals(reference, numbers(out));
    }

    @ParameterizedTest
    @MethodSource("directories")
    void aKilledDriverIsTakenOverAndItsSweepResumesToOneRowPerPoint(String out) throws Exception {
        Process child = SweepJobTest.childSweep(spec(), out, "local[1]", WAVE).redirectErrorStream(true).start();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.contains("wave 1/")) {
                    child.destroyForcibly(); // SIGKILL: no shutdown hooks, the lease is not given back
                    break;
                }
            }
        }
        assertTrue(child.waitFor(60, TimeUnit.SECONDS));
        long committed = numbers(out).size();
        assertTrue(committed >= WAVE && committed < POINTS, "the kill must land mid-sweep: " + committed);

        Cli log = Cli.run("sweep", spec().toString(), "--out", out, "--master", "local[2]");
        assertEquals(0, log.exit(), log::toString);
        assertTrue(log.out().contains(committed + " already in"), log::toString);
        assertEquals(reference, numbers(out));
    }

    private Path spec() throws Exception {
        Path file = tmp.resolve("extended.yaml");
        if (!Files.exists(file)) {
            Files.writeString(file, SPEC);
        }
        return file;
    }

    /** The committed rows of {@code out}, deterministic columns, in point order (duplicates kept). */
    private List<Row> numbers(String out) throws Exception {
        String[] columns = Columns.names().stream().filter(c -> !SweepJobTest.NOT_DETERMINISTIC.contains(c))
                .toArray(String[]::new);
        return CommittedRows.read(spark, Storage.open(out, HadoopConf.fromSystemProperties())).orElseThrow()
                .selectExpr(columns).orderBy("point_id").collectAsList();
    }
}
