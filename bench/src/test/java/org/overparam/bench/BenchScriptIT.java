package org.overparam.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scripts/bench} as a user runs it: bad options exit 2, a missing peer exits 1 with one line, and
 * {@code --quick} runs every row end to end (tiny grids; about a minute, most of it the start-up of six Spark
 * JVMs). The smoke run needs the NumPy peers (../shared/bench, or OVERPARAM_PEERS), python3 with NumPy and taskset;
 * without them it is skipped, and {@code -Dbench.smoke.skip=true} skips it on purpose. Nothing here looks at a time
 * or a ratio's value.
 */
class BenchScriptIT {

    /** Far beyond what --quick takes even on a loaded machine: only a hung run gets here. */
    private static final long HANG_MINUTES = 15;

    record Result(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private static Path root() {
        String root = System.getProperty("overparam.root");
        Path p = root != null ? Path.of(root) : Path.of("..").toAbsolutePath().normalize();
        assertTrue(Files.isRegularFile(p.resolve("scripts/bench")), "no scripts/bench under " + p);
        return p;
    }

    private static boolean works(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(1, TimeUnit.MINUTES) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Result bench(Map<String, String> env, Path dir, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(root().resolve("scripts/bench").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(root().toFile());
        pb.environment().putAll(env);
        Path out = dir.resolve("stdout");
        Path err = dir.resolve("stderr");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        if (!p.waitFor(HANG_MINUTES, TimeUnit.MINUTES)) {
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
            fail("scripts/bench " + String.join(" ", args) + " hung for " + HANG_MINUTES + " minutes");
        }
        return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    @Test
    void badOptionsExitTwo(@TempDir Path dir) throws Exception {
        assumeTrue(works("python3", "--version"), "python3 is not installed");
        for (String[] args : List.of(new String[] {"--frobnicate"}, new String[] {"no-such-row"},
                new String[] {"--repeat", "0"}, new String[] {"--repeat", "two"})) {
            Result r = bench(Map.of(), dir, args);
            assertEquals(2, r.exit(), r::toString);
            assertEquals("", r.out(), r::toString);
            assertEquals(1, r.err().lines().count(), r::toString);
            assertTrue(r.err().startsWith("bench: "), r::toString);
        }
    }

    @Test
    void aMissingPeerExitsOneWithOneLineSayingWhich(@TempDir Path dir) throws Exception {
        assumeTrue(works("python3", "--version"), "python3 is not installed");
        Result r = bench(Map.of("OVERPARAM_PEERS", dir.toString()), dir, "--quick", "quickstart");
        assertEquals(1, r.exit(), r::toString);
        assertEquals(1, r.err().lines().filter(l -> l.contains("FAILED")).count(), r::toString);
        assertTrue(r.err().contains("NumPy peer: " + dir.resolve("numpy_batched.py") + " is missing"), r::toString);
    }

    @Test
    void quickRunsEveryRowToTheEnd(@TempDir Path dir) throws Exception {
        assumeFalse(Boolean.getBoolean("bench.smoke.skip"), "-Dbench.smoke.skip=true");
        String peers = System.getenv().getOrDefault("OVERPARAM_PEERS",
                root().resolve("../shared/bench").normalize().toString());
        assumeTrue(Files.isRegularFile(Path.of(peers, "numpy_batched.py"))
                && Files.isRegularFile(Path.of(peers, "numpy_sweep.py")), "the NumPy peers are not in " + peers);
        assumeTrue(works("python3", "-c", "import numpy"), "python3 has no NumPy");
        assumeTrue(works("taskset", "-c", "0", "true"), "taskset is not installed");

        Path json = dir.resolve("bench.json");
        Result r = bench(Map.of("OVERPARAM_PEERS", peers), dir, "--quick", "--json", json.toString());
        assertEquals(0, r.exit(), r::toString);
        for (String row : List.of("quickstart", "quickstart-1000", "dense", "second-core", "kernel dense-apply",
                "kernel dense-adjoint", "kernel dense-gradient", "kernel dense-gram")) {
            assertTrue(r.out().lines().anyMatch(l -> l.startsWith(row + " ")), () -> "no line for " + row + "\n" + r);
        }
        assertTrue(r.out().contains("bad local minima at R = 1"), r::toString);
        assertTrue(r.out().contains("dense: 1 rows, iterations 30…30 per run; peer 1 runs of 30 iterations"),
                r::toString);
        assertTrue(r.out().contains("load (nproc="), r::toString);
        assertTrue(r.out().contains("after:"), r::toString);

        JsonNode report = Reports.mapper().readTree(json.toFile());
        assertEquals(0, report.get("failures").size(), report::toString);
        int targets = 0;
        for (JsonNode ratio : report.get("ratios")) {
            String verdict = ratio.get("verdict").asText();
            if (ratio.get("target").asText().isEmpty()) {
                assertEquals("", verdict, ratio::toString);
            } else {
                targets++;
                assertTrue(verdict.equals("PASS") || verdict.equals("MISS"), ratio::toString);
                assertTrue(Double.isFinite(ratio.get("ratio").asDouble()), ratio::toString);
            }
        }
        // quickstart wall; quickstart-1000 wall and CPU; dense wall; second-core speed-up; four kernels.
        assertEquals(9, targets, report::toString);
        for (String side : List.of("quickstart/overparam", "quickstart/numpy_batched", "dense/numpy_sweep gram",
                "dense/numpy_sweep plain", "second-core/local[1]", "second-core/local[2]", "second-core/one core",
                "kernels")) {
            JsonNode run = report.get("runs").get(side);
            assertTrue(run != null && run.get("wall_s").asDouble() > 0 && run.get("peak_rss_mib").asDouble() > 0,
                    () -> side + " in " + report);
        }
    }
}
