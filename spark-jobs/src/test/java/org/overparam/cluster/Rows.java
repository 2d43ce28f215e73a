package org.overparam.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.overparam.io.Columns;
import org.overparam.io.Storage;
import org.overparam.sweep.CommittedRows;

/** The rows of a sweep directory as the fault tests compare them, and the local-mode reference. */
final class Rows {

    /**
     * Columns that are not a function of the point: the wall time, and the code version (the cluster jar says
     * its Maven version, a build tree says {@code dev}).
     */
    static final List<String> NOT_COMPARED = List.of("wall_ms", "code_version");

    /** "wave 3/18 committed (2 points)", as the sweep prints it. */
    private static final Pattern COMMITTED = Pattern.compile("wave (\\d+)/(\\d+) committed \\(([\\d,]+) points\\)");

    private Rows() {
    }

    /** Every column but {@link #NOT_COMPARED}, sorted by point id. */
    static List<Row> numbers(SparkSession spark, Path out) {
        String[] columns = Columns.names().stream().filter(c -> !NOT_COMPARED.contains(c)).toArray(String[]::new);
        return committed(spark, out).selectExpr(columns).orderBy("point_id").collectAsList();
    }

    /** The rows that {@code out}'s commit log names (in rows/, or staged when a fault stopped their move). */
    static Dataset<Row> committed(SparkSession spark, Path out) {
        try {
            return CommittedRows.read(spark, Storage.open(out.toString(), new Configuration())).orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Committed rows in {@code out}, and distinct point ids among them. */
    static long[] countAndDistinct(SparkSession spark, Path out) {
        Row r = committed(spark, out)
                .selectExpr("count(*)", "count(distinct point_id)").first();
        return new long[] {r.getLong(0), r.getLong(1)};
    }

    /**
     * The local-mode reference: the sweep in a fresh JVM on {@code local[1]}. Not in this JVM, and not on more
     * than one thread: the F2J LAPACK behind netlib keeps static state (Dlamch's first-call constants, Dlasq3/4's
     * saved variables) that concurrent solves in one JVM can perturb in the last bits, for the rest of that JVM.
     */
    static List<Row> localReference(SparkSession spark, Child sweep, Path out, Duration timeout)
            throws InterruptedException {
        assertEquals(0, sweep.awaitExit(timeout), sweep::output);
        return numbers(spark, out);
    }

    /** Points in the waves a sweep reported as committed. */
    static long committedPoints(List<String> output) {
        long points = 0;
        for (String line : output) {
            Matcher m = COMMITTED.matcher(line);
            if (m.find()) {
                points += Long.parseLong(m.group(3).replace(",", ""));
            }
        }
        return points;
    }

    static boolean isCommitLine(String line) {
        return COMMITTED.matcher(line).find();
    }
}
