package org.overparam.sweep;

import org.apache.spark.sql.SparkSession;

/** The one place a Spark session is made, for the sweep and aggregate commands alike. */
public final class SparkSessions {

    /** Embedded local mode on every core of this machine: the default when no master is given. */
    public static final String LOCAL = "local[*]";

    private SparkSessions() {
    }

    /**
     * A session on {@code master}; when null, the master spark-submit configured, else {@link #LOCAL}. Spark's
     * console progress bar is off (sweeps report progress per point themselves), and so is the web UI in local
     * mode, where nobody is there to open it and its port could clash with another local run.
     */
    public static SparkSession get(String master, String appName) {
        String resolved = master != null ? master : System.getProperty("spark.master", LOCAL);
        SparkSession.Builder builder = SparkSession.builder().appName(appName).master(resolved)
                .config("spark.ui.showConsoleProgress", "false")
                .config("spark.sql.parquet.compression.codec", "zstd")
                .config("spark.executorEnv.OPENBLAS_NUM_THREADS", "1");
        if (resolved.startsWith("local")) {
            // Embedded mode talks only to itself: stay on loopback, and no web UI nobody opens.
            builder.config("spark.ui.enabled", "false")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.driver.host", "127.0.0.1");
        }
        return builder.getOrCreate();
    }
}
