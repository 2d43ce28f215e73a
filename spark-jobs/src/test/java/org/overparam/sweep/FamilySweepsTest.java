package org.overparam.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.overparam.cli.Overparam;
import org.overparam.spec.SpecLoader;
import org.overparam.testing.TestSpark;

/**
 * Every family (README, “Families”) runs from a spec through sweep and aggregate with no special case on the way:
 * typed rows that DuckDB reads, including the optional diagnostics and trajectory lists, and a report with charts.
 */
class FamilySweepsTest {

    @TempDir
    Path tmp;

    @BeforeAll
    static void startSpark() {
        TestSpark.session();
    }

    private static Path sweepAndAggregate(String yaml, Path dir) {
        Path out = dir.resolve("rows-dir");
        SweepJob.run(SpecLoader.parse(yaml), yaml, new SweepJob.Options(out.toString(), "local[2]", 0, false),
                new PrintWriter(Writer.nullWriter()));
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        int exit = Overparam.execute(new String[] {"aggregate", out.toString(), "--out", dir.resolve("report").toString()},
                new PrintWriter(stdout), new PrintWriter(stderr));
        assertEquals(Overparam.OK, exit, stdout + "\n" + stderr);
        assertTrue(Files.exists(dir.resolve("report/report.html")));
        try (var files = Files.walk(dir.resolve("report"))) {
            assertTrue(files.anyMatch(f -> f.toString().endsWith(".png")), stdout::toString);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out;
    }

    private static String rows(Path out) {
        return "read_parquet('" + out.resolve("rows") + "/**/*.parquet', hive_partitioning = true)";
    }

    @Test
    void reluTeacherStudentWithDerivedWidths() throws Exception {
        Path out = sweepAndAggregate("""
                name: relu
                seed: 3
                replicates: 3
                problem: {family: relu-teacher-student}
                solver: {max_iters: 20000}
                grid:
                  r: [2, 3]
                  extra: [0, 1]
                  alpha: 1
                  n: [0, 200]
                derived:
                  R: {product: [r], plus: [extra]}
                """, tmp);
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement()) {
            ResultSet rs = st.executeQuery("select count(*), count(*) filter (where R = true_rank + 1),"
                    + " count(*) filter (where d = true_rank), count(*) filter (where step = 'fixed'),"
                    + " count(*) filter (where reference_kind = 'zero' and reference = 0),"
                    + " count(*) filter (where outcome = 'FAILED') from " + rows(out));
            rs.next();
            assertEquals(24, rs.getInt(1));
            assertEquals(12, rs.getInt(2));
            assertEquals(24, rs.getInt(3));
            assertEquals(24, rs.getInt(4), "the family's protocol: plain GD with a fixed step");
            assertEquals(24, rs.getInt(5));
            assertEquals(0, rs.getInt(6));
        }
        String header = Files.readAllLines(tmp.resolve("report/cells.csv")).get(0);
        assertTrue(header.startsWith("true_rank,n,R,"), "d = r only relabels r, so it is no cell axis: " + header);
    }

    @Test
    void maxCutRowsCarryTheirCertificate() throws Exception {
        Path out = sweepAndAggregate("""
                name: maxcut
                seed: 3
                replicates: 3
                problem: {family: maxcut-bm}
                grid:
                  R: [1, 6]
                  alpha: 1
                  n: 12
                """, tmp);
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement()) {
            ResultSet rs = st.executeQuery("select count(*), count(*) filter (where operator = 'random-graph'),"
                    + " count(*) filter (where reference_kind = 'dual-certificate'),"
                    + " count(*) filter (where certificate_min_eig is not null),"
                    + " count(*) filter (where R = 6 and outcome = 'GLOBAL'),"
                    + " count(*) filter (where outcome = 'BAD_LOCAL_MIN' and certificate_min_eig >= 0),"
                    + " count(*) filter (where d = 0 and true_rank = 0) from " + rows(out));
            rs.next();
            assertEquals(6, rs.getInt(1));
            assertEquals(6, rs.getInt(2));
            assertEquals(6, rs.getInt(3));
            assertEquals(6, rs.getInt(4));
            assertEquals(3, rs.getInt(5), "R = 6 > p(p+1)/2 = 12 threshold: every run certified global");
            assertEquals(0, rs.getInt(6), "a bad point never passes the dual certificate");
            assertEquals(6, rs.getInt(7), "fields Max-Cut does not use are 0");
        }
    }

    @Test
    void leastSquaresKeepsTrajectoriesAndTheTangentKernel() throws Exception {
        // n is fixed here, so the aggregator charts R against the other axis that varies (alpha).
        Path out = sweepAndAggregate("""
                name: lsq
                seed: 3
                replicates: 2
                problem: {family: least-squares, d: 5, noise: 0.1}
                solver: {target: 1e-15, grad_tol: 1e-13, tangent_kernel: true, trajectory: 12}
                grid:
                  R: [4, 30]
                  alpha: [0.1, 1]
                  n: 15
                """, tmp);
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement()) {
            ResultSet rs = st.executeQuery("select count(*), count(*) filter (where outcome = 'GLOBAL'),"
                    + " count(*) filter (where len(trajectory_iteration) = len(trajectory_objective)"
                    + "   and len(trajectory_objective) between 2 and 12 and trajectory_iteration[1] = 0),"
                    + " count(*) filter (where R = 30 and kernel_min_eig > 0 and kernel_min_eig_init > 0),"
                    + " count(*) filter (where R = 4 and abs(kernel_min_eig) < 1e-9),"
                    + " max(recovery_error), count(*) filter (where tangent_kernel),"
                    + " count(*) filter (where escape_iterations >= 0 and convergence_rate < 1) from " + rows(out));
            rs.next();
            assertEquals(8, rs.getInt(1));
            assertEquals(8, rs.getInt(2), "least squares is convex: every run is global");
            assertEquals(8, rs.getInt(3));
            assertEquals(4, rs.getInt(4), "R > n: K = A Aᵀ is positive definite");
            assertEquals(4, rs.getInt(5), "R < n: K = A Aᵀ (15×15, rank 4) is singular");
            assertTrue(rs.getDouble(6) <= 1e-6, "every run lands on the minimizer closest to its start");
            assertEquals(8, rs.getInt(7));
            assertEquals(8, rs.getInt(8));
            assertTrue(Files.exists(tmp.resolve("report/charts/p_bad_map.png")),
                    "n is fixed: the maps are drawn over R × alpha, in one panel");
            rs = st.executeQuery("describe select trajectory_iteration, trajectory_objective from " + rows(out));
            rs.next();
            assertEquals("INTEGER[]", rs.getString("column_type"));
            rs.next();
            assertEquals("DOUBLE[]", rs.getString("column_type"));
        }
    }
}
