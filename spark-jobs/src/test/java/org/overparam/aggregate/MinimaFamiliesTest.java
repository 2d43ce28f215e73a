package org.overparam.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.overparam.cli.Overparam;
import org.overparam.spec.SpecLoader;
import org.overparam.sweep.SweepJob;
import org.overparam.testing.TestSpark;

/**
 * families.csv on a real sweep of the ReLU population loss at R = r = 10, where every replicate has the same
 * landscape and spurious minima are common (Safran &amp; Shamir 2018), checked against an independent grouping:
 * symmetric copies of one point have the same objective and the same Hessian spectrum (the symmetries act on the
 * parameters as permutations, which leave eigenvalues unchanged), and distinct spurious minima do not.
 */
class MinimaFamiliesTest {

    static final String SPEC = """
            name: relu-families
            seed: 20261122
            replicates: 40
            problem: {family: relu-teacher-student, r: 10}
            grid: {R: 10, alpha: 1, n: 0}
            """;

    /** Copies of one minimum: objectives to GD's stopping accuracy (‖∇F‖ ≤ 2.5e-10·F(0)). */
    private static final double SAME_OBJECTIVE = 1e-7;

    /** …and Hessian spectra (a point 1e-7 away moves an eigenvalue by about as much). */
    private static final double SAME_EIGENVALUE = 1e-5;

    @TempDir
    static Path tmp;

    static Path report;
    static Path sweep;

    @BeforeAll
    static void sweepAndAggregate() {
        sweep = tmp.resolve("sweep");
        report = tmp.resolve("report");
        TestSpark.session();
        SweepJob.run(SpecLoader.parse(SPEC), SPEC, new SweepJob.Options(sweep.toString(), "local[2]", 0, false),
                new PrintWriter(Writer.nullWriter()));
        StringWriter err = new StringWriter();
        int exit = Overparam.execute(new String[] {"aggregate", sweep.toString(), "--out", report.toString()},
                new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertEquals(0, exit, err::toString);
    }

    private static String parquet(String table) {
        return "read_parquet('" + sweep.resolve(table) + "/**/*.parquet', hive_partitioning = true)";
    }

    private static String families() {
        return "read_csv('" + report.resolve(MinimaFamilies.CSV) + "', header = true, types = {'point_id':"
                + " 'VARCHAR'})";
    }

    @Test
    void everyRunThatDidNotEndGlobalIsInExactlyOneFamilyOfItsCellAndOutcome() throws SQLException {
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement()) {
            ResultSet rs = st.executeQuery("select count(*) from " + parquet("rows") + " where outcome not in"
                    + " ('GLOBAL', 'FAILED')");
            rs.next();
            long nonGlobal = rs.getLong(1);
            assertTrue(nonGlobal >= 5, "R = r = 10 has spurious minima in about a third of the runs: " + nonGlobal);
            rs = st.executeQuery("select sum(f.runs), count(*), count(distinct f.family), min(f.family),"
                    + " count(*) filter (where f.outcome = r.outcome and r.objective <= f.objective * (1 + 1e-12))"
                    + " from " + families() + " f join " + parquet("rows") + " r using (point_id)");
            rs.next();
            assertEquals(nonGlobal, rs.getLong(1));
            assertEquals(rs.getLong(2), rs.getLong(3), "families are numbered 1, 2, … within the cell");
            assertEquals(1, rs.getLong(4));
            assertEquals(rs.getLong(2), rs.getLong(5), "each representative is a run of its outcome, the least"
                    + " objective of its family (the sweep is one cell)");
        }
    }

    /** Symmetry families and spectral classes (same objective, same bottom of the Hessian spectrum) coincide. */
    @Test
    void familiesAreTheClassesOfEqualObjectiveAndHessianSpectrum() throws SQLException {
        List<Point> families = new ArrayList<>();
        List<Point> ends = new ArrayList<>();
        Map<String, Long> runs = new HashMap<>();
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement()) {
            ResultSet rs = st.executeQuery("select f.point_id, f.runs, r.objective, e.hess_lowest from "
                    + families() + " f join " + parquet("rows") + " r using (point_id) join " + parquet("endpoints")
                    + " e using (point_id)");
            while (rs.next()) {
                families.add(new Point(rs.getString(1), rs.getDouble(3), doubles(rs.getArray(4))));
                runs.put(rs.getString(1), rs.getLong(2));
            }
            rs = st.executeQuery("select e.point_id, r.objective, e.hess_lowest from " + parquet("endpoints")
                    + " e join " + parquet("rows") + " r using (point_id) where r.outcome = 'BAD_LOCAL_MIN'");
            while (rs.next()) {
                ends.add(new Point(rs.getString(1), rs.getDouble(2), doubles(rs.getArray(3))));
            }
        }
        assertTrue(families.size() >= 1 && ends.size() > families.size(), "some minimum was found more than once: "
                + ends.size() + " end points in " + families.size() + " families");
        Map<String, Long> matched = new HashMap<>();
        for (Point end : ends) {
            List<Point> same = families.stream().filter(f -> f.sameAs(end)).toList();
            assertEquals(1, same.size(), () -> end + " matches " + same);
            matched.merge(same.get(0).id(), 1L, Long::sum);
        }
        assertEquals(runs, matched);
    }

    private static double[] doubles(Array array) throws SQLException {
        Object[] values = (Object[]) array.getArray();
        double[] out = new double[values.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = ((Number) values[i]).doubleValue();
        }
        return out;
    }

    private record Point(String id, double objective, double[] spectrum) {

        boolean sameAs(Point o) {
            if (Math.abs(objective - o.objective) > SAME_OBJECTIVE * Math.max(objective, o.objective)
                    || spectrum.length != o.spectrum.length) {
                return false;
            }
            for (int i = 0; i < spectrum.length; i++) {
                if (Math.abs(spectrum[i] - o.spectrum[i]) > SAME_EIGENVALUE) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public String toString() {
            return id + " (f = " + objective + ", λ = " + java.util.Arrays.toString(spectrum) + ")";
        }
    }

    @Test
    void theReportListsTheFamiliesOfEachCell() throws Exception {
        String html = Files.readString(report.resolve(Report.FILE));
        assertTrue(html.contains("id=\"families\"") && html.contains("id=\"family-table\"")
                && html.contains("families.csv"), "the report has a families section");
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement()) {
            ResultSet rs = st.executeQuery("select point_id from " + families());
            while (rs.next()) {
                assertTrue(html.contains("<code>" + rs.getString(1) + "</code>"), rs.getString(1));
            }
        }
    }
}
