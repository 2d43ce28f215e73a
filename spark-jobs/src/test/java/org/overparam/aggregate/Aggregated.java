package org.overparam.aggregate;

import org.apache.spark.sql.SparkSession;
import org.overparam.cli.Overparam;
import org.overparam.testing.TestSpark;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The synthetic sweep, aggregated once per test JVM through the command line ({@code overparam aggregate DIR
 * --out REPORT}); the test classes check its outputs from different angles. Deleted when the JVM exits.
 *
 * @param sweep  the sweep directory
 * @param report the report directory
 * @param rows   rows written
 * @param exit   the command's exit code
 * @param out    its stdout
 * @param err    its stderr
 */
record Aggregated(Path sweep, Path report, long rows, int exit, String out, String err) {

    private static Aggregated instance;

    static synchronized Aggregated get() {
        if (instance == null) {
            instance = make();
        }
        return instance;
    }

    private static Aggregated make() {
        try {
            Path root = Files.createTempDirectory("overparam-aggregate-test");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(root)));
            SparkSession spark = TestSpark.session();
            Path sweep = root.resolve("sweep");
            long rows = SyntheticSweep.write(spark, sweep);
            Path report = root.resolve("report");
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int exit = Overparam.execute(new String[] {"aggregate", sweep.toString(), "--out", report.toString()},
                    new PrintWriter(out), new PrintWriter(err));
            return new Aggregated(sweep, report, rows, exit, out.toString(), err.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A path inside the report directory. */
    Path file(String relative) {
        return report.resolve(relative);
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort at exit
        }
    }

    @Override
    public String toString() {
        return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
}
