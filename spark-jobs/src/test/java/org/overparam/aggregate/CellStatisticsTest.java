package org.overparam.aggregate;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.overparam.cli.Overparam;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The cell table equals an independent computation of the same numbers: a DuckDB query over the same Parquet,
 * written from the definitions (not from our code), joined cell by cell.
 */
class CellStatisticsTest {

    /**
     * Spark's percentile and DuckDB's quantile_cont interpolate the same order statistics, in possibly different
     * floating-point order; probabilities are one division apart. Relative to max(1, |x|).
     */
    private static final double TOLERANCE = 1e-12;

    private static final List<String> AXES = List.of("alpha", "n", "R");

    /** The independent query: Wilson bounds, gap and exclusions written out from their definitions. */
    private static final String REFERENCE_SQL = """
            WITH runs AS (
              SELECT *,
                     CASE WHEN outcome NOT IN ('DIVERGED', 'FAILED') AND isfinite(objective) AND isfinite(reference)
                               AND isfinite(f0) AND f0 <> 0
                          THEN (objective - reference) / f0 END AS g
              FROM read_parquet('%s/**/*.parquet', hive_partitioning = true)
            ), counts AS (
              SELECT alpha, n, R,
                     count(*) AS runs,
                     count(*) FILTER (WHERE outcome = 'GLOBAL') AS n_global,
                     count(*) FILTER (WHERE outcome = 'BAD_LOCAL_MIN') AS n_bad_local_min,
                     count(*) FILTER (WHERE outcome = 'SADDLE') AS n_saddle,
                     count(*) FILTER (WHERE outcome = 'NOT_CONVERGED') AS n_not_converged,
                     count(*) FILTER (WHERE outcome = 'DIVERGED') AS n_diverged,
                     count(*) FILTER (WHERE outcome = 'FAILED') AS n_failed,
                     count(*) FILTER (WHERE outcome <> 'FAILED') AS classified,
                     count(*) FILTER (WHERE bad_local_min) AS bad,
                     count(*) FILTER (WHERE outcome IN ('NOT_CONVERGED', 'DIVERGED', 'FAILED')) AS unclassified,
                     count(*) FILTER (WHERE NOT reference_reachable) < count(*) AS reachable,
                     count(*) FILTER (WHERE isfinite(recovery_error) AND recovery_error < 0.001) AS recovered,
                     count(*) FILTER (WHERE g IS NULL OR NOT isfinite(g)) AS diverged_or_nonfinite,
                     quantile_cont(g, [0.1, 0.5, 0.9]) FILTER (WHERE isfinite(g)) AS gq,
                     quantile_cont(iterations::DOUBLE, [0.1, 0.5, 0.9])
                         FILTER (WHERE outcome NOT IN ('DIVERGED', 'FAILED')) AS iq,
                     quantile_cont(wall_ms::DOUBLE, [0.1, 0.5, 0.9])
                         FILTER (WHERE outcome NOT IN ('DIVERGED', 'FAILED')) AS wq,
                     quantile_cont(escape_iterations::DOUBLE, [0.1, 0.5, 0.9])
                         FILTER (WHERE outcome NOT IN ('DIVERGED', 'FAILED') AND isfinite(escape_iterations)) AS eq,
                     quantile_cont(convergence_rate, [0.1, 0.5, 0.9])
                         FILTER (WHERE outcome NOT IN ('DIVERGED', 'FAILED') AND isfinite(convergence_rate)) AS cq,
                     quantile_cont(kernel_min_eig, [0.1, 0.5, 0.9])
                         FILTER (WHERE outcome NOT IN ('DIVERGED', 'FAILED') AND isfinite(kernel_min_eig)) AS kq,
                     quantile_cont(recovery_error, [0.1, 0.5, 0.9])
                         FILTER (WHERE outcome NOT IN ('DIVERGED', 'FAILED') AND isfinite(recovery_error)) AS rq
              FROM runs GROUP BY alpha, n, R
            ), z AS (SELECT 1.959963984540054 AS z)
            SELECT counts.*,
                   CASE WHEN classified > 0 AND reachable THEN bad / classified END AS p_bad,
                   CASE WHEN classified > 0 THEN n_global / classified END AS p_global,
                   CASE WHEN classified > 0 THEN recovered / classified END AS p_recovered,
                   %s, %s, %s
            FROM counts, z
            """;

    private static Map<List<Object>, Map<String, Object>> expected;
    private static Map<List<Object>, Map<String, Object>> actual;
    private static List<String> actualColumns;

    @BeforeAll
    static void query() throws SQLException {
        Aggregated a = Aggregated.get();
        assertEquals(Overparam.OK, a.exit(), a::toString);
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:")) {
            String sql = REFERENCE_SQL.formatted(a.sweep().resolve("rows"),
                    wilson("bad", "p_bad", "NOT reachable"), wilson("n_global", "p_global", "false"),
                    wilson("recovered", "p_recovered", "false"));
            expected = byCell(db, sql);
            actual = byCell(db, "SELECT * FROM read_parquet('" + a.file("cells.parquet") + "/*.parquet')");
            try (Statement s = db.createStatement();
                 ResultSet r = s.executeQuery("SELECT * FROM read_parquet('" + a.file("cells.parquet")
                         + "/*.parquet') LIMIT 0")) {
                actualColumns = columns(r.getMetaData());
            }
        }
    }

    @Test
    void axesAreTheParametersThatVary() {
        assertEquals(AXES, actualColumns.subList(0, 3), "cell axes: sweep, family, d, … are constant");
        assertFalse(actualColumns.contains("sweep"));
        assertEquals(expected.keySet(), actual.keySet(), "the same cells");
        assertEquals(SyntheticSweep.R.length * SyntheticSweep.N.length * SyntheticSweep.ALPHA.length,
                actual.size());
    }

    @Test
    void countsAreExact() {
        for (var e : expected.entrySet()) {
            Map<String, Object> got = actual.get(e.getKey());
            for (String c : List.of("runs", "n_global", "n_bad_local_min", "n_saddle", "n_not_converged",
                    "n_diverged", "n_failed", "classified", "bad", "unclassified", "recovered",
                    "diverged_or_nonfinite")) {
                assertEquals(((Number) e.getValue().get(c)).longValue(), ((Number) got.get(c)).longValue(),
                        () -> c + " at " + e.getKey());
            }
        }
        for (var e : expected.entrySet()) {
            assertEquals(e.getValue().get("reachable"), actual.get(e.getKey()).get("reachable"),
                    () -> "reachable at " + e.getKey());
        }
        assertTrue(actual.values().stream().anyMatch(m -> Boolean.FALSE.equals(m.get("reachable"))),
                "the synthetic sweep has unreachable cells");
        long runs = actual.values().stream().mapToLong(m -> ((Number) m.get("runs")).longValue()).sum();
        assertEquals(Aggregated.get().rows(), runs, "every row lands in exactly one cell");
    }

    @Test
    void probabilitiesAndWilsonBoundsMatch() {
        for (var e : expected.entrySet()) {
            for (String p : List.of("p_bad", "p_global", "p_recovered")) {
                for (String suffix : List.of("", "_lo", "_hi")) {
                    Object want = e.getValue().get(p + suffix);
                    Object got = actual.get(e.getKey()).get(p + suffix);
                    if (want == null) {
                        assertNull(got, p + suffix + " at " + e.getKey() + ": nothing classified, so null");
                    } else {
                        assertClose(want, got, p + suffix + " at " + e.getKey());
                    }
                }
            }
        }
    }

    @Test
    void quantilesMatchOnFiniteValuesOnly() {
        Map<String, String> lists = Map.of("gap", "gq", "iterations", "iq", "wall_ms", "wq", "escape_iterations",
                "eq", "convergence_rate", "cq", "kernel_min_eig", "kq", "recovery_error", "rq");
        for (var e : expected.entrySet()) {
            for (var q : lists.entrySet()) {
                List<Double> want = e.getValue().get(q.getValue()) instanceof List<?> l
                        ? l.stream().map(x -> x == null ? null : ((Number) x).doubleValue()).toList() : null;
                Map<String, Object> got = actual.get(e.getKey());
                List<String> names = List.of(q.getKey() + "_q10", q.getKey() + "_median", q.getKey() + "_q90");
                for (int i = 0; i < 3; i++) {
                    Object g = got.get(names.get(i));
                    if (want == null) {
                        assertNull(g, names.get(i) + " at " + e.getKey() + ": no finite value, so null");
                    } else {
                        assertClose(want.get(i), g, names.get(i) + " at " + e.getKey());
                    }
                }
            }
        }
    }

    /**
     * boundary.csv against the rule computed over the rows in SQL: a cell is safe when the Wilson upper bound of
     * (bad + unclassified) / runs is at most 5%; per (α, n), the blocking R is the largest reachable R not safe,
     * the boundary the smallest reachable R above it, decided when the blocking cell's lower bound of bad / runs
     * is above 5% (or nothing blocks).
     */
    @Test
    void theBoundaryMatchesTheRuleComputedOverTheRows() throws Exception {
        String z = "1.959963984540054";
        String sql = """
                CREATE MACRO whi(k, n) AS CASE WHEN k = n THEN 1.0 ELSE least(1.0, (k / n + Z * Z / (2 * n))
                    / (1 + Z * Z / n) + Z * sqrt(k / n * (1 - k / n) / n + Z * Z / (4 * n * n)) / (1 + Z * Z / n)) END;
                CREATE MACRO wlo(k, n) AS CASE WHEN k = 0 THEN 0.0 ELSE greatest(0.0, (k / n + Z * Z / (2 * n))
                    / (1 + Z * Z / n) - Z * sqrt(k / n * (1 - k / n) / n + Z * Z / (4 * n * n)) / (1 + Z * Z / n)) END;
                CREATE TABLE judged AS
                  SELECT alpha, n, R, whi(bad + unclassified, runs) <= 0.05 AS safe, wlo(bad, runs) > 0.05 AS unsafe
                  FROM (SELECT alpha, n, R, count(*)::DOUBLE AS runs,
                               count(*) FILTER (WHERE bad_local_min) AS bad,
                               count(*) FILTER (WHERE outcome IN ('NOT_CONVERGED', 'DIVERGED', 'FAILED')) AS unclassified
                        FROM read_parquet('%s/**/*.parquet', hive_partitioning = true)
                        GROUP BY alpha, n, R HAVING count(*) FILTER (WHERE NOT reference_reachable) < count(*));
                CREATE TABLE blocking AS
                  SELECT alpha, n, max(R) FILTER (WHERE NOT safe) AS blocking_R FROM judged GROUP BY alpha, n;
                """.replace("Z", z).formatted(Aggregated.get().sweep().resolve("rows"));
        Map<String, String> expectedRows = new HashMap<>();
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement s = db.createStatement()) {
            for (String statement : sql.split(";")) {
                if (!statement.isBlank()) {
                    s.execute(statement);
                }
            }
            try (ResultSet r = s.executeQuery("""
                    SELECT b.alpha, b.n,
                           (SELECT min(R) FROM judged j WHERE j.alpha = b.alpha AND j.n = b.n
                                AND (b.blocking_R IS NULL OR j.R > b.blocking_R)) AS boundary,
                           b.blocking_R,
                           (SELECT unsafe FROM judged j WHERE j.alpha = b.alpha AND j.n = b.n AND j.R = b.blocking_R)
                               AS blocking_unsafe
                    FROM blocking b""")) {
                while (r.next()) {
                    Object boundary = r.getObject(3);
                    boolean decided = boundary != null && (r.getObject(4) == null || r.getBoolean(5));
                    expectedRows.put(r.getDouble(1) + "," + r.getInt(2),
                            (boundary == null ? "" : boundary.toString()) + "," + decided);
                }
            }
        }
        List<String> lines = Files.readAllLines(Aggregated.get().file("boundary.csv"));
        assertTrue(lines.get(0).startsWith("alpha,n,boundary_R,decided,"), lines.get(0));
        Map<String, String> got = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            got.put(Double.parseDouble(f[0]) + "," + Integer.parseInt(f[1]), f[2] + "," + f[3]);
        }
        assertEquals(SyntheticSweep.ALPHA.length * SyntheticSweep.N.length, expectedRows.size());
        assertEquals(expectedRows, got);
        // The synthetic rows exercise every case: a decided boundary, an undecided one, and none in the grid.
        assertTrue(got.values().stream().anyMatch(v -> v.matches("\\d+,true")), got::toString);
        assertTrue(got.values().stream().anyMatch(v -> v.matches("\\d+,false")), got::toString);
        assertTrue(got.values().stream().anyMatch(v -> v.equals(",false")), got::toString);
    }

    @Test
    void degenerateCellsGiveNullsNotNaN() {
        Map<String, Object> diverged = actual.get(key(SyntheticSweep.ALL_DIVERGED));
        assertEquals(diverged.get("runs"), diverged.get("n_diverged"));
        assertEquals(diverged.get("runs"), diverged.get("diverged_or_nonfinite"));
        for (String c : List.of("gap_median", "iterations_median", "wall_ms_q90")) {
            assertNull(diverged.get(c), c);
        }
        assertEquals(0.0, ((Number) diverged.get("p_bad")).doubleValue());
        Map<String, Object> nan = actual.get(key(SyntheticSweep.ALL_NAN));
        assertNull(nan.get("gap_median"), "every objective is NaN");
        assertNotNull(nan.get("iterations_median"), "iterations are finite");
        assertEquals(nan.get("runs"), nan.get("diverged_or_nonfinite"));
        Map<String, Object> failed = actual.get(key(SyntheticSweep.ALL_FAILED));
        assertEquals(failed.get("runs"), failed.get("n_failed"));
        assertEquals(0L, ((Number) failed.get("classified")).longValue());
        for (String c : List.of("p_bad", "p_bad_lo", "p_bad_hi", "p_global_hi", "p_recovered", "gap_median",
                "iterations_q10", "wall_ms_median")) {
            assertNull(failed.get(c), c + ": a cell whose every run failed has no probability and no quantile");
        }
    }

    @Test
    void noStatisticIsNaNOrInfinite() throws SQLException {
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
             Statement s = db.createStatement()) {
            String parquet = "read_parquet('" + Aggregated.get().file("cells.parquet") + "/*.parquet')";
            List<String> doubles = new ArrayList<>();
            try (ResultSet r = s.executeQuery("SELECT column_name FROM (DESCRIBE SELECT * FROM " + parquet
                    + ") WHERE column_type = 'DOUBLE'")) {
                while (r.next()) {
                    doubles.add(r.getString(1));
                }
            }
            assertTrue(doubles.size() >= 18, "probabilities, bounds and quantiles: " + doubles);
            for (String c : doubles) {
                try (ResultSet r = s.executeQuery("SELECT count(*) FROM " + parquet + " WHERE isnan(\"" + c
                        + "\") OR isinf(\"" + c + "\")")) {
                    r.next();
                    assertEquals(0, r.getLong(1), c + " has NaN or infinite values");
                }
            }
        }
    }

    @Test
    void csvHoldsTheSameTable() throws IOException, SQLException {
        List<String> lines = Files.readAllLines(Aggregated.get().file("cells.csv"));
        assertEquals(String.join(",", actualColumns), lines.get(0), "header");
        assertEquals(actual.size() + 1, lines.size());
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:")) {
            Map<List<Object>, Map<String, Object>> csv = byCell(db, "SELECT * FROM read_csv('"
                    + Aggregated.get().file("cells.csv") + "', header = true, auto_detect = true)");
            for (var e : actual.entrySet()) {
                for (String c : List.of("runs", "bad", "p_bad_hi", "gap_median", "iterations_q90")) {
                    Object want = e.getValue().get(c);
                    Object got = csv.get(e.getKey()).get(c);
                    if (want == null) {
                        assertNull(got, c);
                    } else {
                        assertEquals(((Number) want).doubleValue(), ((Number) got).doubleValue(), 0.0,
                                c + " at " + e.getKey() + ": CSV doubles round-trip exactly");
                    }
                }
            }
        }
    }

    /** DuckDB SQL for the Wilson bounds of k successes out of the classified runs, from the formula. */
    /** The Wilson bounds of p = k / classified as SQL, null where nothing was classified or {@code absent}. */
    private static String wilson(String k, String p, String absent) {
        String n = "classified::DOUBLE";
        String centre = "(%s + z*z/(2*%s)) / (1 + z*z/%s)".formatted(p, n, n);
        String half = "z * sqrt(%s*(1-%s)/%s + z*z/(4*%s*%s)) / (1 + z*z/%s)".formatted(p, p, n, n, n, n);
        return ("CASE WHEN classified = 0 OR %5$s THEN NULL WHEN %1$s = 0 THEN 0.0"
                + " ELSE greatest(0.0, %2$s - %3$s) END AS %4$s_lo, "
                + "CASE WHEN classified = 0 OR %5$s THEN NULL WHEN %1$s = classified THEN 1.0"
                + " ELSE least(1.0, %2$s + %3$s) END AS %4$s_hi")
                .formatted(k, centre, half, p, absent);
    }

    private static Map<List<Object>, Map<String, Object>> byCell(Connection db, String sql) throws SQLException {
        Map<List<Object>, Map<String, Object>> out = new HashMap<>();
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery(sql)) {
            List<String> cols = columns(r.getMetaData());
            while (r.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 0; i < cols.size(); i++) {
                    Object v = r.getObject(i + 1);
                    row.put(cols.get(i), v instanceof Array a ? List.of((Object[]) a.getArray()) : v);
                }
                List<Object> key = List.of(((Number) row.get("alpha")).doubleValue(),
                        ((Number) row.get("n")).intValue(), ((Number) row.get("R")).intValue());
                if (out.put(key, row) != null) {
                    fail("two rows for cell " + key);
                }
            }
        }
        return out;
    }

    private static List<Object> key(List<Object> rnAlpha) {
        return List.of(rnAlpha.get(2), rnAlpha.get(1), rnAlpha.get(0));
    }

    private static List<String> columns(ResultSetMetaData m) throws SQLException {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= m.getColumnCount(); i++) {
            names.add(m.getColumnName(i));
        }
        return names;
    }

    private static void assertClose(Object want, Object got, String what) {
        assertNotNull(want, what + ": reference is null");
        assertNotNull(got, what + ": ours is null");
        double w = ((Number) want).doubleValue();
        double g = ((Number) got).doubleValue();
        assertEquals(w, g, TOLERANCE * Math.max(1, Math.abs(w)), what);
    }
}
