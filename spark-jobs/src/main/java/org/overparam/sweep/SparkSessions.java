package org.overparam.sweep;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The one place a Spark session is made, for the sweep and aggregate commands alike. */
public final class SparkSessions {

    /** Embedded local mode on every core of this machine: the default when no master is given. */
    public static final String LOCAL = "local[*]";

    private SparkSessions() {
    }

    /**
     * A session on {@code master}; when null, the master spark-submit configured (or {@code --conf spark.master}),
     * else {@link #LOCAL}. Its settings are SparkConf's (the {@code spark.*} system properties) with
     * {@link #settings} over them.
     */
    public static SparkSession get(String master, String appName) {
        String resolved = resolve(master);
        scala.Option<org.apache.spark.sql.classic.SparkSession> running =
                org.apache.spark.sql.classic.SparkSession.getDefaultSession();
        if (running.isDefined() && running.get().sparkContext().master().equals(resolved)
                && !running.get().sparkContext().isStopped()) {
            return running.get(); // sweep --report aggregates in the sweep's session: its settings already hold
        }
        checkReachable(resolved);
        // The in-JVM ("classic") session's own builder. SparkSession.builder() would first find that implementation
        // through Scala's runtime reflection, whose universe takes 0.4-0.5 s to initialize (1,150 classes of
        // scala-reflect) at the start of every command; nothing else here needs it.
        org.apache.spark.sql.classic.SparkSession.Builder builder =
                org.apache.spark.sql.classic.SparkSession.builder().appName(appName).master(resolved);
        settings(resolved, System.getProperties()).forEach(builder::config);
        return builder.getOrCreate();
    }

    /** The master a session on {@code master} runs on: it, else spark-submit's ({@code spark.master}), else local. */
    static String resolve(String master) {
        return master != null ? master : System.getProperty("spark.master", LOCAL);
    }

    /**
     * Whether a session on {@code master} (as {@link #get} resolves it) runs its tasks in this JVM: local mode, not
     * {@code local-cluster}, whose executors are JVMs of their own.
     */
    public static boolean embedded(String master) {
        return localThreads(resolve(master)).isPresent();
    }

    /** How long a standalone master may take to accept a connection before it counts as unreachable. */
    static final int CONNECT_TIMEOUT_MS = 5_000;

    /**
     * A standalone master ({@code spark://host:port}, or several for high availability) must accept a TCP
     * connection: otherwise Spark retries for a minute, logging a trace per attempt, before it gives up.
     */
    static void checkReachable(String master) {
        if (!master.startsWith("spark://")) {
            return;
        }
        List<String> failures = new ArrayList<>();
        for (String hostPort : master.substring("spark://".length()).split(",")) {
            int colon = hostPort.lastIndexOf(':');
            String host = colon < 0 ? hostPort : hostPort.substring(0, colon);
            int port;
            try {
                port = colon < 0 ? 7077 : Integer.parseInt(hostPort.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new SweepFailure("the Spark master " + master + " has no valid port", e);
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MS);
                return;
            } catch (IOException e) {
                failures.add(hostPort + ": " + (e.getMessage() != null ? e.getMessage() : e.toString()));
            }
        }
        throw new SweepFailure("cannot reach the Spark master " + master + " (" + String.join("; ", failures)
                + "); is it running, and is --master right? Nothing was written.", null);
    }

    /**
     * What a session on {@code master} sets over the settings {@code given} (system properties: {@code --conf},
     * spark-submit's, the defaults file). Rows are zstd-compressed and kernels single-threaded (parallelism comes
     * from Spark) whatever they say, and embedded mode talks only to itself, on loopback. Spark's console progress
     * bar is off (sweeps report progress per point themselves), and so is the web UI in local mode, where nobody is
     * there to open it and its port could clash with another local run: unless a setting asks for them.
     */
    static Map<String, String> settings(String master, Properties given) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("spark.sql.parquet.compression.codec", "zstd");
        settings.put("spark.executorEnv.OPENBLAS_NUM_THREADS", "1");
        settings.put("spark.ui.showConsoleProgress", given.getProperty("spark.ui.showConsoleProgress", "false"));
        // Running tasks report their points with each heartbeat (RunningPoints): often enough for progress.
        settings.put("spark.executor.heartbeatInterval", given.getProperty("spark.executor.heartbeatInterval", "3s"));
        if (master.startsWith("local")) {
            settings.put("spark.ui.enabled", given.getProperty("spark.ui.enabled", "false"));
            settings.put("spark.driver.bindAddress", "127.0.0.1");
            settings.put("spark.driver.host", "127.0.0.1");
        }
        // Reports shuffle a sweep's rows (thousands to millions) into a few thousand cells: in embedded mode, in as
        // many partitions as there are task threads rather than Spark's 200 (the quick start's report took 8.1 s
        // instead of 9.0, and half the system time, writing 200 shuffle files per task for a few rows each).
        OptionalInt threads = localThreads(master);
        if (threads.isPresent()) {
            settings.put("spark.sql.shuffle.partitions",
                    given.getProperty("spark.sql.shuffle.partitions", String.valueOf(threads.getAsInt())));
        }
        return settings;
    }

    private static final Pattern LOCAL_THREADS = Pattern.compile("local(?:\\[(\\d+|\\*)(?:\\s*,\\s*\\d+)?])?");

    /** Task threads of a local master ({@code local}, {@code local[N]}, {@code local[*]}, {@code local[N,F]}). */
    static OptionalInt localThreads(String master) {
        Matcher m = LOCAL_THREADS.matcher(master);
        if (!m.matches()) {
            return OptionalInt.empty();
        }
        String n = m.group(1);
        return OptionalInt.of(n == null ? 1 : n.equals("*") ? Runtime.getRuntime().availableProcessors()
                : Integer.parseInt(n));
    }
}
