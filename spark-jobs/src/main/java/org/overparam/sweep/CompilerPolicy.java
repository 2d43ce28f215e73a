package org.overparam.sweep;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * Which code HotSpot's optimizing compiler (C2) may compile in this JVM: the runs' numeric code (Overparam's
 * own classes, the Vector API, netlib, {@code Math}, the random generators), while everything else (Spark,
 * Scala, Parquet, Hadoop, the JDK's other classes) stays with C1, which compiles it several times faster into code
 * that is fast enough for what it does here: starting Spark, planning jobs, writing a few thousand rows.
 *
 * <p><b>Why.</b> A sweep is short next to the JIT's work: profiled with {@code -XX:+CITime}, C2 spent 7 CPU-s on
 * the 16 runs of the dense benchmark and 3.6 CPU-s on 9,000 quick-start runs (whose task threads used about 4),
 * most of it on Spark's and the JDK's start-up code; on two cores the compiler threads take a core from the runs.
 * With these directives (and the launcher's serial collector) the quick start took a median 5.7 s instead of 7.0 s
 * over five alternating runs, 9.4 instead of 13.1 CPU-s. Compilation never changes a result: Java's floating point
 * is the same in the interpreter, C1 and C2.
 *
 * <p><b>How.</b> The directives (the resource {@code compiler-directives.json}, HotSpot's compiler-directive
 * format) are installed at run time through the {@code DiagnosticCommand} MBean ({@code Compiler.directives_add},
 * as {@code jcmd} does), not with {@code -XX:CompilerDirectivesFile}, which prints a line on standard output. The
 * driver installs them as it starts ({@link #install()}, on a background thread: JMX takes ~0.1 s to set up), every
 * executor JVM as its first task starts; in local mode that is one JVM, and only the first call acts. A JVM without
 * the command (not HotSpot) or with {@code -Doverparam.compilerDirectives=false} keeps its defaults.
 */
public final class CompilerPolicy {

    static final String RESOURCE = "compiler-directives.json";
    /** The system property that turns the policy off ({@code false}), for measuring its effect. */
    public static final String PROPERTY = "overparam.compilerDirectives";

    private static final AtomicBoolean INSTALLED = new AtomicBoolean();

    private CompilerPolicy() {
    }

    /** Installs the directives in this JVM on a daemon thread, once per JVM; failures leave the JIT's defaults. */
    public static void install() {
        if (!Boolean.parseBoolean(System.getProperty(PROPERTY, "true")) || !INSTALLED.compareAndSet(false, true)) {
            return;
        }
        Thread thread = new Thread(CompilerPolicy::installNow, "overparam-compiler-policy");
        thread.setDaemon(true);
        thread.start();
    }

    /** Installs the directives now; returns the diagnostic command's reply, or why it could not run. */
    static String installNow() {
        Path file = null;
        try (InputStream in = CompilerPolicy.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return "missing resource " + RESOURCE;
            }
            file = Files.createTempFile("overparam-compiler-directives", ".json");
            Files.write(file, in.readAllBytes());
            Object reply = ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "compilerDirectivesAdd",
                    new Object[] {new String[] {file.toString()}}, new String[] {String[].class.getName()});
            return String.valueOf(reply).strip();
        } catch (IOException | JMException | RuntimeException e) {
            return "not installed: " + e;
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // A temp file left behind costs nothing but its few hundred bytes.
                }
            }
        }
    }
}
