package org.overparam.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged cluster jar runs under spark-submit: SparkSubmit's own main, with only Spark's jars on its
 * classpath (as on a cluster), and the application classes coming from the shaded jar alone.
 */
class ClusterJarIT {

    @TempDir
    Path tmp;

    @Test
    void sparkSubmitRunsASweepFromTheClusterJar() throws Exception {
        Path jar = Path.of(System.getProperty("overparam.cluster.jar"));
        assertTrue(Files.isRegularFile(jar), "run 'mvn package' first: no " + jar);
        Path spec = tmp.resolve("tiny.yaml");
        Files.writeString(spec, SweepJobTest.SPEC);
        Path out = tmp.resolve("out");

        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> !a.startsWith("-agentlib") && !a.startsWith("-javaagent")).toList());
        command.addAll(Arrays.asList("-cp", sparkClasspath(), "org.apache.spark.deploy.SparkSubmit",
                "--master", "local[2]", "--class", "org.overparam.cli.Overparam", jar.toString(),
                "sweep", spec.toString(), "--out", out.toString()));
        Process submit = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(submit.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(submit.waitFor(180, TimeUnit.SECONDS), "spark-submit timed out");
        assertEquals(0, submit.exitValue(), output);

        Manifest manifest = Manifest.read(out.resolve(Manifest.FILE));
        assertEquals(SweepJobTest.SPEC_POINTS, manifest.pointsDone(), output);
        assertEquals(System.getProperty("overparam.version"), manifest.codeVersion());
        assertTrue(output.contains("done: 16 rows for 16 points"), output);
    }

    /** What a Spark installation provides: every dependency except this project and what the jar shades. */
    private static String sparkClasspath() throws Exception {
        List<String> entries = new ArrayList<>();
        for (String property : List.of("overparam.classpath.runtime", "overparam.classpath.provided")) {
            String text = Files.readString(Path.of(System.getProperty(property))).strip();
            entries.addAll(Arrays.asList(text.split(File.pathSeparator)));
        }
        return entries.stream().filter(e -> !e.contains("overparam") && !e.contains("picocli") && !e.contains("jfree"))
                .collect(Collectors.joining(File.pathSeparator));
    }
}
