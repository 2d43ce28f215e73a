package org.overparam.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.overparam.spec.CostModel;
import org.overparam.spec.SpecLoader;
import org.overparam.spec.SweepSpec;

/**
 * The heap estimate is an upper bound where it matters: a point whose arrays dominate its heap runs in a JVM whose
 * heap is the estimate plus what an empty {@code overparam run} needs.
 */
class MemoryTest {

    /** Heap of the command line itself (classes, the spec, Jackson), measured with margin. */
    static final long BASE = 64L << 20;

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "dense sensing, Gram form|{family: matrix-sensing, operator: gaussian, d: 40, r: 2}|n: 2400|R=2,replicate=0",
        "dense sensing, measured form|{family: matrix-sensing, operator: gaussian, d: 60, r: 2}|n: 1200|R=2,replicate=0"})
    void aPointRunsWithinItsEstimatePlusTheCommandsOwnHeap(String label, String problem, String n, String point)
            throws Exception {
        String yaml = "name: memory\nseed: 3\nreplicates: 1\nproblem: " + problem
                + "\nsolver: {max_iters: 5}\ngrid:\n  R: [2, 4]\n  alpha: 0.1\n  " + n + "\n";
        Path spec = tmp.resolve("memory.yaml");
        Files.writeString(spec, yaml);
        SweepSpec parsed = SpecLoader.parse(yaml);
        long estimate = CostModel.largestPoint(parsed).bytes();
        assertTrue(estimate > 20L << 20, "the point must dominate the heap for the check to mean anything: "
                + estimate);
        long heap = BASE + estimate;

        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> !a.startsWith("-agentlib") && !a.startsWith("-javaagent") && !a.startsWith("-Xmx"))
                .toList());
        command.addAll(List.of("-Xmx" + (heap >> 20) + "m", "-cp", System.getProperty("java.class.path"),
                Overparam.class.getName(), "run", spec.toString(), "--point", point));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(child.waitFor(300, TimeUnit.SECONDS), "timed out");
        assertEquals(0, child.exitValue(), label + " in -Xmx" + (heap >> 20) + "m:\n" + output);
    }
}
