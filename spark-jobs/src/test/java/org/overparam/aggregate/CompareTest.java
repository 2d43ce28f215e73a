package org.overparam.aggregate;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.overparam.cli.Overparam;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * compare.csv equals an independent computation: DuckDB SQL over both sweeps' rows (counts per cell, a full outer
 * join on the shared axes, P(bad) and the 95% Newcombe interval written out from their definitions, as
 * newcombe_reference.py writes them).
 */
class CompareTest {

    /** SQL and Java evaluate the same closed forms in double precision, in possibly different order. */
    private static final double TOLERANCE = 1e-12;

    private static final List<String> AXES = List.of("alpha", "n", "R");
    private static final List<String> HEADER = List.of("alpha", "n", "R", "runs_a", "bad_a", "p_bad_a", "runs_b",
            "bad_b", "p_bad_b", "diff", "diff_lo", "diff_hi", "significant");

    private static final String COUNTS = """
            SELECT alpha, n, R, count(*) AS runs, count(*) FILTER (WHERE bad_local_min) AS bad,
                   count(*) FILTER (WHERE outcome <> 'FAILED')::DOUBLE AS classified,
                   count(*) FILTER (WHERE NOT reference_reachable) < count(*) AS reachable
            FROM read_parquet('%s/**/*.parquet', hive_partitioning = true) GROUP BY alpha, n, R
            """;

    /**
     * Per cell of either sweep: counts, P(bad) (null where unreachable or nothing classified), the interval (null with
     * the difference: DuckDB's greatest and least skip nulls).
     */
    private static final String REFERENCE_SQL = """
            CREATE MACRO wlo(k, n) AS CASE WHEN k = 0 THEN 0.0 ELSE greatest(0.0, (k / n + Z * Z / (2 * n))
                / (1 + Z * Z / n) - Z * sqrt(k / n * (1 - k / n) / n + Z * Z / (4 * n * n)) / (1 + Z * Z / n)) END;
            CREATE MACRO whi(k, n) AS CASE WHEN k = n THEN 1.0 ELSE least(1.0, (k / n + Z * Z / (2 * n))
                / (1 + Z * Z / n) + Z * sqrt(k / n * (1 - k / n) / n + Z * Z / (4 * n * n)) / (1 + Z * Z / n)) END;
            CREATE TABLE a AS %s;
            CREATE TABLE b AS %s;
            CREATE TABLE joined AS
              SELECT alpha, n, R, a.runs AS runs_a, a.bad AS bad_a, a.classified AS cl_a,
                     CASE WHEN a.classified > 0 AND a.reachable THEN a.bad / a.classified END AS p_bad_a,
                     b.runs AS runs_b, b.bad AS bad_b, b.classified AS cl_b,
                     CASE WHEN b.classified > 0 AND b.reachable THEN b.bad / b.classified END AS p_bad_b
              FROM a FULL OUTER JOIN b USING (alpha, n, R);
            CREATE TABLE expected AS
              SELECT *, p_bad_b - p_bad_a AS diff,
                     CASE WHEN p_bad_b - p_bad_a IS NOT NULL THEN greatest(-1.0, p_bad_b - p_bad_a
                         - sqrt(pow(p_bad_b - wlo(bad_b, cl_b), 2) + pow(whi(bad_a, cl_a) - p_bad_a, 2))) END AS diff_lo,
                     CASE WHEN p_bad_b - p_bad_a IS NOT NULL THEN least(1.0, p_bad_b - p_bad_a
                         + sqrt(pow(whi(bad_b, cl_b) - p_bad_b, 2) + pow(p_bad_a - wlo(bad_a, cl_a), 2))) END AS diff_hi
              FROM joined
            """;

    private static Map<List<Object>, Map<String, Object>> expected;
    private static Map<List<Object>, Map<String, String>> csv;

    @BeforeAll
    static void query() throws SQLException, IOException {
        Compared c = Compared.get();
        assertEquals(Overparam.OK, c.exit(), c::toString);
        String sql = REFERENCE_SQL.replace("Z", "1.959963984540054").formatted(
                COUNTS.formatted(c.sweepA().resolve("rows")), COUNTS.formatted(c.sweepB().resolve("rows")));
        expected = new HashMap<>();
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement s = db.createStatement()) {
            for (String statement : sql.split(";")) {
                if (!statement.isBlank()) {
                    s.execute(statement);
                }
            }
            try (ResultSet r = s.executeQuery("SELECT * FROM expected")) {
                while (r.next()) {
                    Map<String, Object> row = new HashMap<>();
                    for (int i = 1; i <= r.getMetaData().getColumnCount(); i++) {
                        row.put(r.getMetaData().getColumnName(i), r.getObject(i));
                    }
                    expected.put(key(row.get("alpha"), row.get("n"), row.get("R")), row);
                }
            }
        }
        csv = new HashMap<>();
        List<String> lines = csvLines();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            assertEquals(HEADER.size(), f.length, line);
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < f.length; i++) {
                row.put(HEADER.get(i), f[i]);
            }
            csv.put(key(Double.parseDouble(f[0]), Integer.parseInt(f[1]), Integer.parseInt(f[2])), row);
        }
    }

    @Test
    void headerAndLayoutFollowCellsCsv() throws IOException {
        String text = Files.readString(Compared.get().file(CompareJob.CSV), StandardCharsets.UTF_8);
        assertTrue(text.startsWith(String.join(",", HEADER) + "\r\n"), "shared axes, then the columns, CRLF");
        assertEquals(csvLines().size(), text.split("\r\n", -1).length - 1, "every line ends in CRLF");
        assertEquals(HEADER.subList(3, HEADER.size()), CompareTable.columns().stream()
                .map(CompareTable.Column::name).toList());
    }

    @Test
    void everyCellOfEitherSweepAppearsOnce() {
        assertEquals(expected.keySet(), csv.keySet());
        int perAlpha = SyntheticSweep.R.length;
        assertEquals(SyntheticSweep.CELLS + SyntheticSweep.ALPHA.length * perAlpha, csv.size(),
                "A's cells, and B's at n = 96");
        long onlyB = csv.values().stream().filter(r -> r.get("runs_a").isEmpty()).count();
        assertEquals(SyntheticSweep.ALPHA.length * perAlpha, onlyB);
        assertTrue(csv.values().stream().filter(r -> r.get("runs_a").isEmpty())
                .allMatch(r -> r.get("p_bad_a").isEmpty() && r.get("diff").isEmpty()
                        && r.get("significant").isEmpty() && !r.get("runs_b").isEmpty()),
                "a cell of B alone has A's side and the difference empty");
    }

    @Test
    void countsMatchTheRows() {
        for (var e : expected.entrySet()) {
            Map<String, String> got = csv.get(e.getKey());
            for (String c : List.of("runs_a", "bad_a", "runs_b", "bad_b")) {
                Object want = e.getValue().get(c);
                assertEquals(want == null ? "" : String.valueOf(((Number) want).longValue()), got.get(c),
                        c + " at " + e.getKey());
            }
        }
    }

    @Test
    void probabilitiesDifferencesAndIntervalsMatch() {
        int compared = 0;
        int significant = 0;
        for (var e : expected.entrySet()) {
            Map<String, String> got = csv.get(e.getKey());
            for (String c : List.of("p_bad_a", "p_bad_b", "diff", "diff_lo", "diff_hi")) {
                Object want = e.getValue().get(c);
                if (want == null) {
                    assertEquals("", got.get(c), c + " at " + e.getKey() + ": empty");
                } else {
                    double w = ((Number) want).doubleValue();
                    assertEquals(w, Double.parseDouble(got.get(c)), TOLERANCE, c + " at " + e.getKey());
                }
            }
            Object lo = e.getValue().get("diff_lo");
            if (lo == null) {
                assertEquals("", got.get("significant"));
                continue;
            }
            compared++;
            boolean excludesZero = ((Number) lo).doubleValue() > 0
                    || ((Number) e.getValue().get("diff_hi")).doubleValue() < 0;
            assertEquals(String.valueOf(excludesZero), got.get("significant"), "significant at " + e.getKey());
            significant += excludesZero ? 1 : 0;
        }
        // The synthetic pair exercises both verdicts, and cells without a difference (unreachable, all failed).
        assertTrue(significant > 0 && significant < compared, significant + " of " + compared);
        assertTrue(compared < expected.size());
    }

    @Test
    void unreachableAndUnclassifiedCellsHaveNoDifference() {
        // R = 1 at α = 0.001 cannot reach the reference in either sweep; in the ALL_FAILED cell nothing is classified.
        Map<String, String> unreachable = csv.get(key(SyntheticSweep.UNREACHABLE_ALPHA, 12, 1));
        assertNotNull(unreachable);
        assertFalse(unreachable.get("runs_a").isEmpty());
        assertTrue(unreachable.get("p_bad_a").isEmpty() && unreachable.get("diff").isEmpty(), unreachable::toString);
        List<Object> allFailed = SyntheticSweep.ALL_FAILED;
        Map<String, String> failed = csv.get(key(allFailed.get(2), allFailed.get(1), allFailed.get(0)));
        assertEquals(String.valueOf(SyntheticSweep.REPLICATES), failed.get("runs_b"));
        assertTrue(failed.get("p_bad_b").isEmpty() && failed.get("diff").isEmpty(), failed::toString);
    }

    @Test
    void printsWhatItFoundAndWrote() {
        Compared c = Compared.get();
        long matched = csv.values().stream().filter(r -> !r.get("runs_a").isEmpty() && !r.get("runs_b").isEmpty())
                .count();
        long better = csv.values().stream().filter(r -> r.get("significant").equals("true")
                && Double.parseDouble(r.get("diff")) < 0).count();
        assertTrue(c.out().contains("sweep A  " + SyntheticSweep.NAME + " (" + c.sweepA() + ")"), c::toString);
        assertTrue(c.out().contains("sweep B  " + Compared.B.name() + " (" + c.sweepB() + ")"), c::toString);
        assertTrue(c.out().contains("setting  method: gd in A, perturbed-gd in B"), c::toString);
        assertTrue(c.out().contains("cells    " + matched + " matched over alpha × n × R (0 only in A, "
                + SyntheticSweep.ALPHA.length * SyntheticSweep.R.length + " only in B)"), c::toString);
        assertTrue(c.out().contains("B fewer bad minima in " + better + ","), c::toString);
        assertTrue(c.out().contains("table    " + c.file(CompareJob.CSV)), c::toString);
        assertTrue(c.out().contains("report   " + c.file(CompareJob.PAGE)), c::toString);
        assertEquals("", c.err(), c::toString);
    }

    @Test
    void thePageShowsTheSettingTheChartsTheTableAndTheDefinitions() throws IOException {
        String html = Files.readString(Compared.get().file(CompareJob.PAGE));
        assertTrue(html.contains("<th>compared setting</th><td>method: gd in A, perturbed-gd in B</td>"), "setting");
        assertTrue(html.contains(Compared.get().sweepA().toString()) && html.contains(Compared.get().sweepB()
                .toString()), "both directories");
        for (String png : List.of("charts/p_bad_diff_map__alpha=0.001.png", "charts/p_bad_diff_map__alpha=0.1.png")) {
            assertTrue(html.contains("<img src=\"" + png + "\""), png);
        }
        assertEquals(csv.size(), html.split("<tr><td class=\"axis\">", -1).length - 1, "one table row per cell");
        for (CompareTable.Column c : CompareTable.columns()) {
            assertTrue(html.contains("<dt>" + c.name() + "</dt>"), c.name() + " is defined");
        }
        assertTrue(html.contains("Newcombe 1998"), "the interval is explained");
        assertFalse(html.contains("NaN"));
    }

    private static List<String> csvLines() throws IOException {
        return Files.readAllLines(Compared.get().file(CompareJob.CSV));
    }

    private static List<Object> key(Object alpha, Object n, Object r) {
        return new ArrayList<>(Arrays.asList(((Number) alpha).doubleValue(), ((Number) n).intValue(),
                ((Number) r).intValue()));
    }
}
