package org.overparam.aggregate;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.overparam.cli.Cli;
import org.overparam.cli.Overparam;
import org.overparam.testing.TestSpark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code overparam compare} refuses sweeps that differ in more than one setting — exit 2, one line naming the field
 * and both values, and nothing written — and restricts an axis that the other sweep holds at one value.
 */
class CompareCommandTest {

    private static final SyntheticSweep.Variant A = SyntheticSweep.Variant.DEFAULT;
    private static final SyntheticSweep.Variant PERTURBED = A.withName("perturbed").withMethod("perturbed-gd");

    @Test
    void refusesASecondDifference(@TempDir Path tmp) {
        Path a = write(tmp, "a", A);
        Path b = write(tmp, "b", PERTURBED.withStep("fixed"));
        Path out = tmp.resolve("report");
        assertRefused(Cli.run("compare", a.toString(), b.toString(), "--out", out.toString()), out,
                a + " and " + b + " differ in method (gd vs perturbed-gd) and step (armijo vs fixed): compare sweeps"
                        + " that differ in one setting");
        assertRefused(Cli.run("compare", a.toString(), b.toString(), "--out", out.toString(), "--setting", "method"),
                out, a + " and " + b + " differ in step (armijo vs fixed) besides the compared setting method (gd vs"
                        + " perturbed-gd): compare sweeps that differ in one setting");
    }

    @Test
    void refusesAnotherFamily(@TempDir Path tmp) {
        Path a = write(tmp, "a", A);
        Path b = write(tmp, "b", A.withName("sensing").withFamily("symmetric-sensing"));
        Path out = tmp.resolve("report");
        assertRefused(Cli.run("compare", a.toString(), b.toString(), "--out", out.toString()), out,
                "are sweeps of different families (quadratic-network vs symmetric-sensing): compare two sweeps of the"
                        + " same family");
    }

    @Test
    void refusesAColumnOnlyOneSweepHas(@TempDir Path tmp) {
        Path a = write(tmp, "a", A);
        SyntheticSweep.Variant old = A.withName("old");
        Path b = tmp.resolve("b");
        SyntheticSweep.write(SyntheticSweep.dataset(TestSpark.session(), old).drop("step"), b, old.name());
        Path out = tmp.resolve("report");
        assertRefused(Cli.run("compare", a.toString(), b.toString(), "--out", out.toString()), out,
                "differ in step (armijo vs no such setting)");
    }

    @Test
    void refusesASettingThatIsNoneOrDoesNotDiffer(@TempDir Path tmp) {
        Path a = write(tmp, "a", A);
        Path b = write(tmp, "b", PERTURBED);
        Path out = tmp.resolve("report");
        assertRefused(Cli.run("compare", a.toString(), b.toString(), "--out", out.toString(), "--setting", "speed"),
                out, "--setting: 'speed' is not a setting; settings are family, operator");
        assertRefused(Cli.run("compare", a.toString(), b.toString(), "--out", out.toString(), "--setting", "family"),
                out, "--setting family: compare two sweeps of the same family");
        assertRefused(Cli.run("compare", a.toString(), b.toString(), "--out", out.toString(), "--setting", "step"),
                out, "--setting step: both sweeps have step = armijo; they differ in method (gd vs perturbed-gd)");
        assertRefused(Cli.run("compare", a.toString(), b.toString(), "--out", out.toString(), "--setting", "n"),
                out, "--setting n: n varies within " + a + " (12, 24, 48); the compared setting has one value in"
                        + " each sweep");
    }

    @Test
    void refusesMissingOrIdenticalDirectoriesBeforeSparkAndSweepsWithoutACommonCell(@TempDir Path tmp) {
        Path a = write(tmp, "a", A);
        Path out = tmp.resolve("report");
        assertRefused(Cli.run("compare", a.toString(), tmp.resolve("nope").toString(), "--out", out.toString()), out,
                "does not exist");
        assertRefused(Cli.run("compare", a.toString(), a.toString(), "--out", out.toString()), out,
                "are the same sweep directory");
        assertRefused(Cli.run("compare", a.toString(), a.toString()), out, "Missing required option: '--out=REPORT_DIR'");
        Path elsewhere = write(tmp, "b", PERTURBED.withNs(96));
        assertRefused(Cli.run("compare", a.toString(), elsewhere.toString(), "--out", out.toString()), out,
                "have no cell in common over alpha × R: compare sweeps whose grids overlap");
    }

    @Test
    void restrictsAnAxisToTheValueTheOtherSweepHolds(@TempDir Path tmp) throws IOException {
        Path a = write(tmp, "a", A);
        Path b = write(tmp, "b", PERTURBED.withAlphas(0.001));
        Path out = tmp.resolve("report");
        Cli r = Cli.run("compare", a.toString(), b.toString(), "--out", out.toString(), "--setting", "method");
        assertEquals(Overparam.OK, r.exit(), r::toString);
        assertTrue(r.out().contains("note     alpha varies in A (" + SyntheticSweep.NAME + ") but is 0.001 throughout B:"
                + " only A's cells at alpha = 0.001 are compared"), r::toString);
        assertTrue(r.out().contains("cells    " + SyntheticSweep.CELLS_PER_PANEL + " matched over n × R (0 only in A, 0"
                + " only in B)"), r::toString);
        List<String> csv = Files.readAllLines(out.resolve(CompareJob.CSV));
        assertTrue(csv.get(0).startsWith("n,R,runs_a,"), csv.get(0));
        assertEquals(SyntheticSweep.CELLS_PER_PANEL + 1, csv.size());
        assertTrue(Files.exists(out.resolve("charts/" + CompareJob.CHART_STEM + ".png")), "a single panel");
    }

    private static Path write(Path tmp, String dir, SyntheticSweep.Variant v) {
        SparkSession spark = TestSpark.session();
        Path path = tmp.resolve(dir);
        SyntheticSweep.write(spark, path, v);
        return path;
    }

    private static void assertRefused(Cli r, Path out, String message) {
        assertEquals(Overparam.BAD_INPUT, r.exit(), r::toString);
        assertEquals("", r.out(), r::toString);
        List<String> lines = r.err().lines().toList();
        assertEquals(1, lines.size(), () -> "one line: " + r);
        assertTrue(lines.get(0).startsWith("overparam: ") && lines.get(0).contains(message), r::toString);
        assertFalse(Files.exists(out), "nothing written: " + out);
    }
}
