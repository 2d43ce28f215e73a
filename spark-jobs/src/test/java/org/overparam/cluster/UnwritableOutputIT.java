package org.overparam.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.overparam.sweep.Manifest;
import org.overparam.testing.TestSpark;
import org.overparam.testing.TinySweep;

/**
 * The output directory stops accepting writes while a sweep runs (in local mode: the fault is in the file
 * system, not in the cluster). The sweep must stop with a non-zero exit and an error naming the rows directory,
 * leave the waves it committed readable, and resume from them once the directory is writable again.
 *
 * <p>Tests run as root here, and root ignores permission bits; each way of making the output unwritable runs
 * where it works: a file-size limit of 0 on the sweep's process (a full disk or an exhausted quota; any user),
 * the immutable attribute on the directories (root with CAP_LINUX_IMMUTABLE), or write permission removed
 * (anyone but root).
 */
class UnwritableOutputIT {

    static final String SPEC = TinySweep.SPEC;
    static final int POINTS = TinySweep.POINTS;
    /** Waves of 2 points: 8 waves, so that the fault lands with waves to go. */
    static final int WAVE = 2;
    static final Duration SWEEP = Duration.ofMinutes(3);
    /** One task thread: see {@link Rows#localReference}. */
    static final String LOCAL = "local[1]";
    /**
     * The faulted and resumed sweeps are short runs dominated by JVM warm-up, which C1 alone halves. Their rows
     * are compared with the reference's (C2, as usual): a cross-check that the JIT changes no number.
     */
    static final String FAST_START = "-XX:TieredStopAtLevel=1";

    @TempDir
    static Path tmp;

    static SparkSession spark;
    static Child referenceSweep;
    static List<Row> reference;

    /** How the output directory becomes unwritable once the first wave is committed. */
    enum Fault {
        FILE_SIZE_LIMIT_ZERO {
            @Override
            boolean available(Path scratch) throws Exception {
                return run("prlimit", "--pid", Long.toString(ProcessHandle.current().pid()), "--fsize") == 0;
            }

            @Override
            void apply(Path out, long pid) throws Exception {
                assertEquals(0, run("prlimit", "--pid", Long.toString(pid), "--fsize=0:"), "prlimit failed");
            }

            @Override
            void undo(Path out) {
                // The limit belonged to the sweep's process, which is gone.
            }
        },
        IMMUTABLE_DIRECTORIES {
            @Override
            boolean available(Path scratch) throws Exception {
                Path probe = Files.createDirectories(scratch.resolve("immutable-probe"));
                if (run("chattr", "+i", probe.toString()) != 0) {
                    return false;
                }
                try {
                    return !canCreateFileIn(probe);
                } finally {
                    run("chattr", "-i", probe.toString());
                }
            }

            @Override
            void apply(Path out, long pid) throws Exception {
                for (Path dir : directories(out)) {
                    assertEquals(0, run("chattr", "+i", dir.toString()), "chattr +i " + dir);
                }
            }

            @Override
            void undo(Path out) throws Exception {
                for (Path dir : directories(out)) {
                    run("chattr", "-i", dir.toString());
                }
            }
        },
        WRITE_PERMISSION_REMOVED {
            @Override
            boolean available(Path scratch) throws Exception {
                Path probe = Files.createDirectories(scratch.resolve("read-only-probe"));
                if (!probe.toFile().setWritable(false, false)) {
                    return false;
                }
                try {
                    return !canCreateFileIn(probe); // false for root, who writes anyway
                } finally {
                    probe.toFile().setWritable(true, true);
                }
            }

            @Override
            void apply(Path out, long pid) {
                for (Path dir : directories(out)) {
                    assertTrue(dir.toFile().setWritable(false, false), "chmod a-w " + dir);
                }
            }

            @Override
            void undo(Path out) {
                for (Path dir : directories(out)) {
                    dir.toFile().setWritable(true, true);
                }
            }
        };

        /** Whether this fault can be injected on this machine, as this user. */
        abstract boolean available(Path scratch) throws Exception;

        /** Makes {@code out} unwritable for the sweep running as process {@code pid}. */
        abstract void apply(Path out, long pid) throws Exception;

        /** Makes {@code out} writable again. */
        abstract void undo(Path out) throws Exception;

        /** DIR, DIR/rows and the partition directory: where new files, temporary or committed, would go. */
        static List<Path> directories(Path out) {
            Path rows = out.resolve("rows");
            List<Path> dirs = new ArrayList<>(List.of(out, rows));
            Path partition = rows.resolve("sweep=tiny");
            if (Files.isDirectory(partition)) {
                dirs.add(partition);
            }
            return dirs;
        }
    }

    /** Started once, awaited when first needed: it runs while the first fault test does. */
    @BeforeAll
    static void startReference() throws Exception {
        Files.writeString(tmp.resolve("tiny.yaml"), SPEC);
        referenceSweep = Child.sweep(tmp.resolve("tiny.yaml"), tmp.resolve("reference"), LOCAL, 0);
    }

    @AfterAll
    static void stopReference() throws InterruptedException {
        referenceSweep.kill(); // a no-op once it is done
    }

    private static synchronized List<Row> reference() throws InterruptedException {
        if (reference == null) {
            spark = TestSpark.session();
            reference = Rows.localReference(spark, referenceSweep, tmp.resolve("reference"), SWEEP);
            assertEquals(POINTS, reference.size());
        }
        return reference;
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Fault.class)
    void anOutputThatBecomesUnwritableStopsTheSweepAndKeepsItsCommittedWaves(Fault fault) throws Exception {
        Path scratch = Files.createTempDirectory(tmp, fault.name());
        assumeTrue(fault.available(scratch), fault + " cannot be injected here (user, capabilities, tools)");
        Path spec = tmp.resolve("tiny.yaml");
        Path out = scratch.resolve("out");

        Child sweep = Child.sweep(spec, out, LOCAL, WAVE, FAST_START);
        List<String> lines;
        try {
            assertNotNull(sweep.awaitLine(Rows::isCommitLine, SWEEP), sweep::output);
            fault.apply(out, sweep.pid());
            assertNotEquals(0, sweep.awaitExit(SWEEP), "the sweep must fail\n" + sweep.output());
            lines = sweep.lines();
        } finally {
            if (sweep.isAlive()) {
                sweep.kill();
            }
            fault.undo(out);
        }

        long committed = Rows.committedPoints(lines);
        assertTrue(committed >= WAVE && committed < POINTS, "the fault must land mid-sweep\n" + sweep.output());
        String error = lines.stream().filter(l -> l.startsWith("overparam: ")).findFirst().orElse("");
        assertTrue(error.contains(out.resolve("rows").toString()),
                "the error should name the directory that cannot be written\n" + sweep.output());
        assertNull(Manifest.read(out.resolve(Manifest.FILE)).finished(), "the manifest must not claim the end");

        // What was committed stays readable, once each: the waves reported, and at most the one in flight, whose
        // job commit may have moved some files before the directory closed.
        List<Row> expected = reference();
        long[] found = Rows.countAndDistinct(spark, out);
        assertEquals(found[0], found[1], "duplicate rows");
        assertTrue(found[0] >= committed && found[0] <= committed + WAVE,
                found[0] + " rows after " + committed + " committed points\n" + sweep.output());
        assertTrue(expected.containsAll(Rows.numbers(spark, out)), "committed rows differ from local mode");

        // Writable again: the same command resumes from the committed rows and completes the sweep.
        Child resumed = Child.sweep(spec, out, LOCAL, WAVE, FAST_START);
        assertEquals(0, resumed.awaitExit(SWEEP), resumed::output);
        assertTrue(resumed.output().contains(POINTS + " points, " + found[0] + " already in"), resumed::output);
        assertEquals(expected, Rows.numbers(spark, out));
    }

    private static boolean canCreateFileIn(Path dir) {
        try {
            Files.delete(Files.createFile(dir.resolve("probe")));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int run(String... command) throws Exception {
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            return -1; // the tool is not installed
        }
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }
}
