package org.overparam.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.overparam.spec.SpecLoader;
import org.overparam.sweep.FaultInjection;
import org.overparam.testing.TestSpark;

/**
 * A Spark standalone cluster on 127.0.0.1 started by {@code scripts/cluster up} (a master and two one-core
 * workers, from the Maven jars), sweeps submitted to it by {@code scripts/submit} (client mode: the driver is
 * the submit process), and faults injected while they run. Whatever is killed, the sweep ends with exactly one
 * row per point and the numbers of local mode. The cluster is stopped by {@code scripts/cluster down} at the
 * end, or by a shutdown hook if the JVM goes first; the last test checks that nothing it started survives.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StandaloneClusterIT {

    /** Gaussian sensing with noise and λ > 0: the certified reference is a convex nuclear-norm solve. */
    static final String ROWS_SPEC = """
            name: cluster-rows
            seed: 11
            replicates: 2
            problem: {family: matrix-sensing, d: 4, r: 1, noise: 0.01, lambda: 0.001}
            solver: {max_iters: 300}
            grid:
              R: [1, 2, 3]
              alpha: [0.1]
              n: [24, 40]
            """;

    /**
     * 36 quadratic-network points in waves of 6 (one point per task). Over-parameterized points run their 6,000
     * iterations (the target is out of reach): a tenth of a second each, so that a kill finds tasks running.
     */
    static final String FAULT_SPEC = """
            name: cluster-faults
            seed: 7
            replicates: 3
            problem: {family: quadratic-network, d: 8, r: 1}
            solver: {max_iters: 6000, gap_abs: 1e-4, target: 1e-10}
            grid:
              R: [1, 2, 3]
              alpha: [0.1, 0.3]
              n: [16, 32]
            """;
    static final int FAULT_POINTS = 36;
    static final int FAULT_WAVE = 6;

    /**
     * Bounds on every wait. A submission on a 2-core machine spends most of its time starting JVMs (driver,
     * two executors) and warming them up; the bounds leave room for a loaded CI machine.
     */
    static final Duration CLUSTER_START = Duration.ofMinutes(3);
    static final Duration SUBMISSION = Duration.ofMinutes(5);
    static final Duration STOP = Duration.ofMinutes(1);

    @TempDir
    static Path tmp;

    static Path root;
    static Path state;
    static String master;
    static Thread stopOnExit;
    static SparkSession spark;
    static List<Row> rowsReference;
    static List<Row> faultReference;
    static final List<Child> submissions = new ArrayList<>();

    @BeforeAll
    static void startCluster() throws Exception {
        root = repositoryRoot();
        state = tmp.resolve("cluster");
        stopOnExit = new Thread(StandaloneClusterIT::stopQuietly, "stop test cluster");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        Child up = script("cluster", "up", "--workers", "2", "--cores", "1", "--memory", "1g",
                "--port", Integer.toString(freePort()), "--ui-port", Integer.toString(freePort()));
        // The local-mode references run while the cluster starts.
        Child rowsLocal = Child.sweep(spec("rows", ROWS_SPEC), tmp.resolve("rows-local"), "local[1]", 0);
        Child faultsLocal = Child.sweep(spec("faults", FAULT_SPEC), tmp.resolve("faults-local"), "local[1]", 0);

        try {
            assertEquals(0, up.awaitExit(CLUSTER_START), up::output);
            master = up.lines().stream().filter(l -> l.startsWith("spark://")).findFirst().orElse(null);
            assertNotNull(master, up::output);
            spark = TestSpark.session();
            rowsReference = Rows.localReference(spark, rowsLocal, tmp.resolve("rows-local"), SUBMISSION);
            faultReference = Rows.localReference(spark, faultsLocal, tmp.resolve("faults-local"), SUBMISSION);
            assertEquals(FAULT_POINTS, faultReference.size());
        } finally {
            rowsLocal.kill(); // no-ops when they are done; stops them when something above failed
            faultsLocal.kill();
        }
    }

    /** A test that failed half-way may leave its submission running: its driver goes before the next test. */
    @AfterEach
    void stopSubmissions() throws InterruptedException {
        for (Child c : submissions) {
            c.kill();
        }
        submissions.clear();
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (stopOnExit != null) {
            stop();
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        }
    }

    @Test
    @Order(1)
    void aSweepOnTheClusterWritesTheRowsOfLocalMode() throws Exception {
        Path out = tmp.resolve("rows-cluster");
        Child submit = submit(tmp.resolve("rows.yaml"), out, 0);
        assertEquals(0, submit.awaitExit(SUBMISSION), submit::output);
        assertTrue(submit.output().contains("to run on " + master), submit::output);
        assertEquals(rowsReference, Rows.numbers(spark, out));
    }

    @Test
    @Order(2)
    void aKilledDriverSubmittedAgainResumesToOneRowPerPoint() throws Exception {
        Path spec = tmp.resolve("faults.yaml");
        Path out = tmp.resolve("driver-killed");
        Child first = submit(spec, out, FAULT_WAVE);
        assertNotNull(first.awaitLine(Rows::isCommitLine, SUBMISSION), first::output);
        first.kill(); // the submit process is the driver (client mode): SIGKILL, no shutdown hooks
        long committed = Rows.countAndDistinct(spark, out)[0];
        assertTrue(committed >= FAULT_WAVE && committed < FAULT_POINTS,
                "the kill must land mid-sweep, found " + committed + " rows\n" + first.output());

        Child again = submit(spec, out, FAULT_WAVE);
        assertEquals(0, again.awaitExit(SUBMISSION), again::output);
        assertTrue(again.output().contains(FAULT_POINTS + " points, " + committed + " already in"), again::output);
        assertArrayEquals(new long[] {FAULT_POINTS, FAULT_POINTS}, Rows.countAndDistinct(spark, out));
        assertEquals(faultReference, Rows.numbers(spark, out));
    }

    /** An executor that throws for one point: that point's row records the failure, every other row is kept. */
    @Test
    @Order(3)
    void aPointThatThrowsInAnExecutorIsRecordedAndTheRestKept() throws Exception {
        Path out = tmp.resolve("point-throws");
        String failing = SpecLoader.parse(ROWS_SPEC).point(3).pointId();
        Child submit = submit(tmp.resolve("rows.yaml"), out, 0, "-D" + FaultInjection.PROPERTY + "=" + failing);
        assertEquals(0, submit.awaitExit(SUBMISSION), submit::output);
        List<Row> rows = Rows.numbers(spark, out);
        assertEquals(rowsReference.size(), rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            if (failing.equals(row.getAs("point_id"))) {
                assertEquals("FAILED", row.getAs("outcome"));
                assertTrue(((String) row.getAs("error")).contains("injected failure"), row::toString);
            } else {
                assertEquals(rowsReference.get(i), row);
            }
        }
    }

    /** Runs after the others: the cluster has one worker left afterwards. */
    @Test
    @Order(4)
    void aWorkerKilledMidSweepLosesNoPointAndDuplicatesNone() throws Exception {
        Path out = tmp.resolve("worker-killed");
        Child submit = submit(tmp.resolve("faults.yaml"), out, FAULT_WAVE);
        assertNotNull(submit.awaitLine(Rows::isCommitLine, SUBMISSION), submit::output);
        ProcessHandle worker = recorded("worker-1");
        boolean busy = awaitNewTaskOn("worker-1", Duration.ofSeconds(30));
        boolean midSweep = busy && submit.isAlive();
        worker.destroyForcibly(); // SIGKILL: its executor goes with it, and the tasks running there are lost
        assertEquals(0, submit.awaitExit(SUBMISSION), submit::output);

        assertEquals(FAULT_POINTS, Rows.committedPoints(submit.lines()), submit::output);
        assertArrayEquals(new long[] {FAULT_POINTS, FAULT_POINTS}, Rows.countAndDistinct(spark, out));
        assertEquals(faultReference, Rows.numbers(spark, out));
        // The scheduler may give worker-1 no further task before the sweep ends (then the kill finds nothing to
        // lose): the rows above still hold, but the fault was not exercised, and the run says so as a skip.
        assumeTrue(midSweep, "worker-1 started no task while the sweep ran: the kill came too late to test");
        assertTrue(submit.output().contains("Lost executor"),
                "the driver should have seen its executor on the killed worker go\n" + submit.output());
    }

    /**
     * Waits (at most {@code timeout}) until the executor on worker NAME starts one more task than it had started
     * when called, and says whether it did: a kill then finds work in progress there, not an idle executor. Reads the executor's log in
     * the worker's work directory ("Running task …" at INFO, Spark's default for executors).
     */
    private static boolean awaitNewTaskOn(String name, Duration timeout) throws Exception {
        Path work = state.resolve("work").resolve(name);
        long before = runningTaskLines(work);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (runningTaskLines(work) == before && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return runningTaskLines(work) > before;
    }

    /** "Running task" lines in the executor logs of the newest application on a worker. */
    private static long runningTaskLines(Path work) throws IOException {
        Optional<Path> app;
        try (Stream<Path> apps = Files.list(work)) {
            app = apps.filter(p -> p.getFileName().toString().startsWith("app-")).max(Comparator.naturalOrder());
        }
        if (app.isEmpty()) {
            return 0;
        }
        long count = 0;
        try (Stream<Path> logs = Files.walk(app.get(), 2)) {
            for (Path log : logs.filter(p -> p.getFileName().toString().equals("stderr")).toList()) {
                try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
                    count += lines.filter(l -> l.contains("Running task")).count();
                }
            }
        }
        return count;
    }

    @Test
    @Order(5)
    void downStopsEveryProcessTheClusterStarted() throws Exception {
        stop();
        long deadline = System.nanoTime() + STOP.toNanos();
        List<String> left = survivors();
        while (!left.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(200);
            left = survivors();
        }
        assertEquals(List.of(), left, "processes of " + state + " still running after 'scripts/cluster down'");
        assertTrue(Files.notExists(state.resolve("run")), "down forgets the processes it stopped");
    }

    /** Processes whose command line mentions the cluster's state directory: daemons and executors. */
    private static List<String> survivors() {
        String marker = state.toString();
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(marker)).orElse(false))
                .map(p -> p.pid() + " " + p.info().commandLine().orElse("")).toList();
    }

    /** The process {@code scripts/cluster up} recorded as NAME (master, worker-1, …), checked to be that JVM. */
    private static ProcessHandle recorded(String name) throws IOException {
        long pid = Long.parseLong(Files.readString(state.resolve("run").resolve(name + ".pid")).strip());
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        assertTrue(handle.isPresent(), name + " (pid " + pid + ") is not running");
        String commandLine = handle.get().info().commandLine().orElse("");
        assertTrue(commandLine.contains("org.apache.spark.deploy.worker.Worker"), commandLine);
        return handle.get();
    }

    private static Child submit(Path spec, Path out, int waveSize, String... executorOptions) {
        String extra = String.join(" ", executorOptions);
        Child submit = script("submit", "--master", master,
                // Nobody watches these drivers' web UIs; their ports could clash with another run.
                "--conf", "spark.ui.enabled=false",
                // These short runs are dominated by JVM warm-up: C1 alone halves them. It changes no number:
                // Java arithmetic is strict, and the rows are compared with a C2-compiled local run.
                "--conf", "spark.executor.extraJavaOptions=-XX:TieredStopAtLevel=1 " + extra,
                "--driver-java-options", "-XX:TieredStopAtLevel=1",
                "sweep", spec.toString(), "--out", out.toString(), "--wave-size", Integer.toString(waveSize));
        submissions.add(submit);
        return submit;
    }

    private static Child script(String name, String... args) {
        List<String> command = new ArrayList<>(List.of("bash", root.resolve("scripts").resolve(name).toString()));
        command.addAll(List.of(args));
        Map<String, String> env = new HashMap<>();
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("OVERPARAM_CLUSTER_DIR", state.toString());
        env.put("OVERPARAM_CLUSTER_TIMEOUT", Long.toString(CLUSTER_START.toSeconds() - 30));
        env.put("TMPDIR", tmp.toString()); // scripts/submit's copies of the jar
        env.put("OVERPARAM_MVN", "false"); // never build from inside the build: `verify` made everything
        env.put("SPARK_HOME", null); // the cluster's own SPARK_HOME, not an installation this machine may have
        env.put("SPARK_CONF_DIR", null);
        env.put("OVERPARAM_MASTER", null);
        return Child.start(command, env);
    }

    private static void stop() {
        try {
            Child down = script("cluster", "down");
            int code = down.awaitExit(STOP.plusSeconds(30));
            assertEquals(0, code, down::output);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping the test cluster", e);
        }
    }

    private static void stopQuietly() {
        try {
            stop();
        } catch (RuntimeException | AssertionError e) {
            System.err.println("could not stop the test cluster in " + state + ": " + e.getMessage());
        }
    }

    private static Path spec(String name, String yaml) throws IOException {
        Path file = tmp.resolve(name + ".yaml");
        Files.writeString(file, yaml);
        return file;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** The repository: three levels above the cluster jar (spark-jobs/target/…-cluster.jar). */
    static Path repositoryRoot() {
        String jar = System.getProperty("overparam.cluster.jar");
        Path root = jar != null ? Path.of(jar).toAbsolutePath().getParent().getParent().getParent()
                : Path.of("").toAbsolutePath().getParent();
        assertTrue(Files.isRegularFile(root.resolve("scripts/cluster")), "no scripts/cluster under " + root);
        return root;
    }
}
