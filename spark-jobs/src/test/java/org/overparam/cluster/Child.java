package org.overparam.cluster;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.overparam.cli.Overparam;

/**
 * A process a test started (a script, a sweep JVM), with its stdout and stderr merged and collected line by
 * line as they come, so that a test can wait for a line ("wave 1/…") and then inject a fault. Every wait is
 * bounded; a child that outlives its wait is killed, so that no test leaves a process behind.
 */
final class Child {

    private final List<String> command;
    private final Process process;
    private final List<String> lines = new ArrayList<>();
    private final Thread reader;

    private Child(List<String> command, Process process) {
        this.command = command;
        this.process = process;
        this.reader = new Thread(this::drain, "child-output " + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * {@code overparam sweep SPEC --out OUT --master MASTER --wave-size WAVE} in a fresh JVM with this JVM's
     * options (and {@code jvmOptions}) and classpath, its Spark servers on loopback.
     */
    static Child sweep(Path spec, Path out, String master, int wave, String... jvmOptions) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> !a.startsWith("-agentlib") && !a.startsWith("-javaagent")).toList());
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Overparam.class.getName(), "sweep",
                spec.toString(), "--out", out.toString(), "--master", master, "--wave-size",
                Integer.toString(wave)));
        return start(command, Map.of("SPARK_LOCAL_IP", "127.0.0.1", "OPENBLAS_NUM_THREADS", "1"));
    }

    /** Starts {@code command} with {@code environment} added to (or, for null values, removed from) this JVM's. */
    static Child start(List<String> command, Map<String, String> environment) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        environment.forEach((k, v) -> {
            if (v == null) {
                builder.environment().remove(k);
            } else {
                builder.environment().put(k, v);
            }
        });
        try {
            return new Child(List.copyOf(command), builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }

    private void drain() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                synchronized (lines) {
                    lines.add(line);
                    lines.notifyAll();
                }
            }
        } catch (IOException e) {
            // The stream closes when the process dies: what was read is all there is.
        }
        synchronized (lines) {
            lines.notifyAll();
        }
    }

    long pid() {
        return process.pid();
    }

    /** Waits until a line matches, and returns it; null when the output ended or the time ran out first. */
    String awaitLine(Predicate<String> match, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int seen = 0;
        synchronized (lines) {
            while (true) {
                for (; seen < lines.size(); seen++) {
                    if (match.test(lines.get(seen))) {
                        return lines.get(seen);
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || !reader.isAlive()) {
                    return null;
                }
                TimeUnit.NANOSECONDS.timedWait(lines, Math.min(left, TimeUnit.MILLISECONDS.toNanos(200)));
            }
        }
    }

    /** Waits for the exit code; a child still running after {@code timeout} is killed and the test fails. */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            kill();
            fail("timed out after " + timeout + ": " + command + "\n" + output());
        }
        reader.join(TimeUnit.SECONDS.toMillis(10));
        return process.exitValue();
    }

    /** SIGKILL: no shutdown hooks, no cleanup, as when a machine dies. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    String output() {
        return String.join("\n", lines());
    }

    @Override
    public String toString() {
        return command + " (pid " + process.pid() + ")";
    }
}
