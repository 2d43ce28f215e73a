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

/**
 * Two synthetic sweeps compared once per test JVM through the command line ({@code overparam compare A B --out
 * REPORT}): A is {@link SyntheticSweep.Variant#DEFAULT}; B ({@link #B}) differs from it in the solver method alone,
 * ends in bad minima half as often, was drawn from other seeds, and has one more n, so that some cells are B's
 * only. The test classes check the outputs from different angles. Deleted when the JVM exits.
 *
 * @param root   the directory holding both sweeps and the report
 * @param sweepA sweep A's directory
 * @param sweepB sweep B's directory
 * @param report the report directory
 * @param exit   the command's exit code
 * @param out    its stdout
 * @param err    its stderr
 */
record Compared(Path root, Path sweepA, Path sweepB, Path report, int exit, String out, String err) {

    /** Sweep B: perturbed GD, half the bad minima, other draws, n up to 96. */
    static final SyntheticSweep.Variant B = SyntheticSweep.Variant.DEFAULT.withName("synthetic-qn-perturbed")
            .withMethod("perturbed-gd").withDraws(7).withBadFactor(0.5).withNs(12, 24, 48, 96);

    private static Compared instance;

    static synchronized Compared get() {
        if (instance == null) {
            instance = make();
        }
        return instance;
    }

    private static Compared make() {
        try {
            Path root = Files.createTempDirectory("overparam-compare-test");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> Aggregated.deleteTree(root)));
            SparkSession spark = TestSpark.session();
            Path a = root.resolve("a");
            Path b = root.resolve("b");
            SyntheticSweep.write(spark, a, SyntheticSweep.Variant.DEFAULT);
            SyntheticSweep.write(spark, b, B);
            Path report = root.resolve("report");
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int exit = Overparam.execute(new String[] {"compare", a.toString(), b.toString(), "--out",
                    report.toString()}, new PrintWriter(out), new PrintWriter(err));
            return new Compared(root, a, b, report, exit, out.toString(), err.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A path inside the report directory. */
    Path file(String relative) {
        return report.resolve(relative);
    }

    @Override
    public String toString() {
        return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
}
