package org.overparam.aggregate;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.overparam.cli.Overparam;
import org.overparam.io.ResultSchema;
import org.overparam.testing.TestSpark;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line: what it prints, --by, and bad input refused with exit 2 before anything is written. */
class AggregateCommandTest {

    private record Result(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    @Test
    void printsWhatItWrote() {
        Aggregated a = Aggregated.get();
        assertEquals(Overparam.OK, a.exit(), a::toString);
        assertTrue(a.out().contains("sweep    " + SyntheticSweep.NAME), a::toString);
        assertTrue(a.out().contains(String.format("cells    %d over alpha × n × R, from %,d runs",
                SyntheticSweep.CELLS, SyntheticSweep.ROWS)), a::toString);
        assertTrue(a.out().contains("charts   13 (PNG + SVG)"), a::toString);
        assertTrue(a.out().contains("report   " + a.file("report.html")), a::toString);
        assertFalse(a.err().contains("overparam:"), a::toString);
    }

    @Test
    void byChoosesTheCellAxes(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("by-r-n");
        Result r = run("aggregate", Aggregated.get().sweep().toString(), "--out", out.toString(), "--by", "R,n");
        assertEquals(Overparam.OK, r.exit(), r::toString);
        assertTrue(r.out().contains(String.format("cells    %d over R × n, from %,d runs",
                SyntheticSweep.CELLS_PER_PANEL, SyntheticSweep.ROWS)), r::toString);
        List<String> csv = Files.readAllLines(out.resolve("cells.csv"));
        assertTrue(csv.get(0).startsWith("R,n,runs,"), csv.get(0));
        String bothAlphas = String.valueOf(2 * SyntheticSweep.REPLICATES);
        assertTrue(csv.stream().skip(1).allMatch(l -> l.split(",")[2].equals(bothAlphas)), "both alphas in each cell");
        assertTrue(Files.exists(out.resolve("charts/p_bad_map.png")), "a single panel");

        Path alphaOnly = tmp.resolve("by-alpha");
        Result noCharts = run("aggregate", Aggregated.get().sweep().toString(), "--out", alphaOnly.toString(),
                "--by", "alpha");
        assertEquals(Overparam.OK, noCharts.exit(), noCharts::toString);
        assertTrue(noCharts.out().contains("note     no charts: the chart axes R and n are not both cell axes"),
                noCharts::toString);
        assertEquals(3, Files.readAllLines(alphaOnly.resolve("cells.csv")).size());
    }

    @Test
    void refusesAMissingDirectory(@TempDir Path tmp) {
        Path out = tmp.resolve("report");
        assertRefused(run("aggregate", tmp.resolve("nope").toString(), "--out", out.toString()), out,
                "does not exist");
    }

    @Test
    void refusesADirectoryWithoutRows(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("report");
        Files.createDirectories(tmp.resolve("sweep"));
        assertRefused(run("aggregate", tmp.resolve("sweep").toString(), "--out", out.toString()), out,
                "rows is missing");
        Files.createDirectories(tmp.resolve("sweep/rows/sweep=x"));
        assertRefused(run("aggregate", tmp.resolve("sweep").toString(), "--out", out.toString()), out,
                "holds no Parquet files");
    }

    @Test
    void refusesAnEmptyDataset(@TempDir Path tmp) {
        SparkSession spark = TestSpark.session();
        Path sweep = tmp.resolve("sweep");
        spark.createDataFrame(List.of(), ResultSchema.SCHEMA).coalesce(1).write()
                .parquet(sweep.resolve("rows").toString());
        Path out = tmp.resolve("report");
        assertRefused(run("aggregate", sweep.toString(), "--out", out.toString()), out, "holds no rows");
    }

    @Test
    void refusesUnknownAxesAndBadOptions(@TempDir Path tmp) {
        String sweep = Aggregated.get().sweep().toString();
        Path out = tmp.resolve("report");
        assertRefused(run("aggregate", sweep, "--out", out.toString(), "--by", "R,frobnicate"), out,
                "--by: the rows have no column 'frobnicate'; parameter columns are");
        assertRefused(run("aggregate", sweep, "--out", out.toString(), "--by", "R,n,R"), out,
                "--by names 'R' twice");
        assertRefused(run("aggregate", sweep, "--out", out.toString(), "--x", "width"), out,
                "--x: the rows have no column 'width'");
        assertRefused(run("aggregate", sweep, "--out", out.toString(), "--x", "n", "--y", "n"), out,
                "--x and --y must be different axes, both are 'n'");
        assertRefused(run("aggregate", sweep, "--out", out.toString(), "--recovery-threshold", "0"), out,
                "--recovery-threshold must be finite and > 0, got 0.0");
        assertRefused(run("aggregate", sweep, "--out", out.toString(), "--recovery-threshold", "NaN"), out,
                "--recovery-threshold must be finite and > 0");
        assertRefused(run("aggregate", sweep), out, "Missing required option: '--out=REPORT_DIR'");
    }

    private static void assertRefused(Result r, Path out, String message) {
        assertEquals(Overparam.BAD_INPUT, r.exit(), r::toString);
        assertEquals("", r.out(), r::toString);
        List<String> lines = r.err().lines().toList();
        assertEquals(1, lines.size(), () -> "one line: " + r);
        assertTrue(lines.get(0).startsWith("overparam: ") && lines.get(0).contains(message), r::toString);
        assertFalse(Files.exists(out), "nothing written: " + out);
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Overparam.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new Result(exit, out.toString(), err.toString());
    }
}
