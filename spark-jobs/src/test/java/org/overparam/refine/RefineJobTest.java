package org.overparam.refine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.overparam.aggregate.Boundary;
import org.overparam.cli.Cli;
import org.overparam.cli.Overparam;
import org.overparam.io.HadoopConf;
import org.overparam.io.Storage;
import org.overparam.spec.SpecLoader;
import org.overparam.spec.SweepSpec;
import org.overparam.sweep.CommitLog;
import org.overparam.sweep.SweepJob;
import org.overparam.testing.TestSpark;

/**
 * {@code refine} on a real sweep: its runs land in the sweep's directory as refinements (no point twice, the
 * experiment's spec still describes the directory, a rerun of the sweep has nothing to do), and the cells it judges
 * are the rows' own counts, recomputed with DuckDB.
 */
class RefineJobTest {

    /** R = 1 ends in bad minima often at these n, R = 4 rarely: a boundary between them for bisection to find. */
    static final String SPEC = """
            name: refine-test
            seed: 11
            replicates: 10
            problem: {family: quadratic-network, d: 4, r: 1}
            solver: {max_iters: 400, gap_abs: 1e-4, target: 1e-5}
            grid:
              R: [1, 4]
              alpha: 0.1
              n: [8, 16]
            """;

    @TempDir
    Path tmp;

    @BeforeAll
    static void startSpark() {
        TestSpark.session();
    }

    private static RefineJob.Settings settings(Path out, long budget) {
        return new RefineJob.Settings(out.toString(), "local[2]", Boundary.Rule.DEFAULT, "R", budget, 160);
    }

    @Test
    void refinesInTheSweepsOwnDirectoryAndJudgesTheRowsOwnCounts() throws Exception {
        Path out = tmp.resolve("out");
        SweepSpec experiment = SpecLoader.parse(SPEC);
        PrintWriter quiet = new PrintWriter(Writer.nullWriter());
        SweepJob.run(experiment, SPEC, new SweepJob.Options(out.toString(), "local[2]", 0, false), quiet);

        RefineJob.Result result = RefineJob.run(settings(out, 600), quiet);
        assertEquals(experiment.count(), result.gridRuns());
        assertTrue(result.added() > 0 && result.added() <= 600, "added " + result.added());
        assertTrue(result.rounds() >= 2, "replicates, then a value between 1 and 4: " + result.rounds() + " rounds");

        Map<String, long[]> counts = duckDbCounts(out);
        long rows = counts.values().stream().mapToLong(c -> c[0]).sum();
        assertEquals(experiment.count() + result.added(), rows, "one row per point: nothing lost, nothing twice");
        assertEquals(rows, distinctPoints(out));
        for (RefineJob.RowResult row : result.rows()) {
            long rowRuns = 0;
            for (Plan.Cell c : row.cells()) {
                long[] expected = counts.get(row.label() + ",R=" + (int) c.value());
                assertEquals(expected[0], c.runs(), row.label() + " R=" + c.value() + " runs");
                assertEquals(expected[1], c.bad(), row.label() + " R=" + c.value() + " bad");
                assertEquals(expected[2], c.unclassified(), row.label() + " R=" + c.value() + " unclassified");
                rowRuns += c.runs();
            }
            long inRow = counts.entrySet().stream().filter(e -> e.getKey().startsWith(row.label() + ","))
                    .mapToLong(e -> e.getValue()[0]).sum();
            assertEquals(inRow, rowRuns, "every cell of " + row.label() + " is judged");
        }
        assertTrue(counts.keySet().stream().allMatch(k -> k.matches("n=(8|16),R=[1-4]")), counts.keySet().toString());

        // The log records the refinements as such; the directory still holds the experiment.
        Storage storage = Storage.open(out.toString(), HadoopConf.fromSystemProperties());
        List<CommitLog.Run> runs = CommitLog.read(storage).runs();
        assertNull(runs.get(0).refines());
        assertTrue(runs.size() > 1 && runs.subList(1, runs.size()).stream()
                .allMatch(r -> experiment.hash().equals(r.refines())), "every later run refines the experiment");
        assertEquals(experiment.hash(), CommitLog.read(storage).experiment().orElseThrow().specHash());

        // Rerunning the sweep has nothing left to do; refining with no budget adds nothing and judges alike.
        SweepJob.Summary again = SweepJob.run(experiment, SPEC, new SweepJob.Options(out.toString(), "local[2]", 0,
                false), quiet);
        assertEquals(0, again.computed());
        RefineJob.Result none = RefineJob.run(settings(out, 0), quiet);
        assertEquals(0, none.added());
        assertEquals(result.rows().stream().map(RefineJob.RowResult::standing).toList(),
                none.rows().stream().map(RefineJob.RowResult::standing).toList());

        Cli cli = Cli.run("refine", out.toString(), "--axis", "d");
        assertEquals(Overparam.BAD_INPUT, cli.exit(), cli::toString);
        assertEquals("overparam: --axis d: 'd' is not a grid axis of refine-test (its axes: R, alpha, n)\n",
                cli.err(), cli::toString);
    }

    /** Per "n=…,R=…": runs, bad, unclassified, counted by DuckDB over the Parquet rows. */
    private static Map<String, long[]> duckDbCounts(Path out) throws Exception {
        Map<String, long[]> counts = new HashMap<>();
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement s = db.createStatement();
             ResultSet r = s.executeQuery("""
                     SELECT n, R, count(*), count(*) FILTER (WHERE bad_local_min),
                            count(*) FILTER (WHERE outcome IN ('NOT_CONVERGED', 'DIVERGED', 'FAILED'))
                     FROM read_parquet('%s/**/*.parquet', hive_partitioning = true) GROUP BY n, R
                     """.formatted(out.resolve("rows")))) {
            while (r.next()) {
                counts.put("n=" + r.getInt(1) + ",R=" + r.getInt(2), new long[] {r.getLong(3), r.getLong(4),
                    r.getLong(5)});
            }
        }
        return counts;
    }

    private static long distinctPoints(Path out) throws Exception {
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement s = db.createStatement();
             ResultSet r = s.executeQuery("SELECT count(DISTINCT point_id) FROM read_parquet('%s/**/*.parquet')"
                     .formatted(out.resolve("rows")))) {
            r.next();
            return r.getLong(1);
        }
    }
}
