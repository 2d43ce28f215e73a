package org.overparam.aggregate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.DataTypes;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.XYShapeAnnotation;
import org.jfree.chart.title.TextTitle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.overparam.certify.Outcome;

/** The boundary rule on hand-made cells: reachability, runs without a verdict, every cell from R on. */
class BoundaryTest {

    private static final int RUNS = 80;

    /** A cell at (R, n): {@code bad} bad runs, {@code open} not converged, the rest global; unreachable if asked. */
    private static Cell cell(int rank, int n, long bad, long open, boolean reachable) {
        Map<Outcome, Long> counts = new EnumMap<>(Outcome.class);
        counts.put(Outcome.BAD_LOCAL_MIN, bad);
        counts.put(Outcome.NOT_CONVERGED, open);
        counts.put(Outcome.GLOBAL, RUNS - bad - open);
        Quantiles q = new Quantiles(1.0, 2.0, 3.0);
        return new Cell(List.of(rank, n), RUNS, counts, bad, 0, 0, q, q, q, reachable ? 0 : RUNS, Dynamics.NONE);
    }

    private static Panel row(Cell... cells) {
        CellTable t = CellTable.of(List.of("R", "n"), List.of(DataTypes.IntegerType, DataTypes.IntegerType),
                List.of(cells), 1e-3, false);
        return Panel.split(t, Map.of(), "R", "n").get(0);
    }

    @Test
    void aCellIsSafeOnlyIfItsRunsWithoutAVerdictCouldAllBeBad() {
        // 80 runs: 0 bad gives an upper bound of 0.046; 1 bad 0.067; 20 bad a lower bound of 0.17.
        assertEquals(Boundary.Verdict.SAFE, Boundary.verdict(cell(4, 12, 0, 0, true)));
        assertEquals(Boundary.Verdict.OPEN, Boundary.verdict(cell(4, 12, 1, 0, true)));
        assertEquals(Boundary.Verdict.OPEN, Boundary.verdict(cell(4, 12, 0, 5, true)),
                "0 bad but 5 not converged: not safe yet");
        assertEquals(Boundary.Verdict.UNSAFE, Boundary.verdict(cell(4, 12, 20, 0, true)));
        assertEquals(Boundary.Verdict.UNREACHABLE, Boundary.verdict(cell(1, 12, 40, 0, false)));
        assertNull(cell(1, 12, 40, 0, false).pBad(), "no P(bad) where the reference is out of reach");
        assertNull(Metric.P_BAD.value(cell(1, 12, 40, 0, false)));
        assertEquals(0.5, Metric.P_RECOVERED.value(cell(1, 12, 40, 0, false)) + 0.5, 1e-12);
    }

    @Test
    void theBoundaryIsWhereEveryCellAboveIsSafeAndDecidedByAnUnsafeCellBelow() {
        // R = 1 unsafe, 2 safe, 3 open, 4 and 8 safe: from R = 4 on everything is safe, but R = 3 is open.
        Boundary.Row open = Boundary.rows(row(cell(1, 12, 20, 0, true), cell(2, 12, 0, 0, true),
                cell(3, 12, 1, 0, true), cell(4, 12, 0, 0, true), cell(8, 12, 0, 0, true)))[0];
        assertEquals(new Boundary.Row(3, false, 2), open);
        // R = 1 unsafe, then safe from R = 2: decided at 2.
        Boundary.Row decided = Boundary.rows(row(cell(1, 12, 20, 0, true), cell(2, 12, 0, 0, true),
                cell(3, 12, 0, 0, true)))[0];
        assertEquals(new Boundary.Row(1, true, 0), decided);
        // R = 1 cannot reach the reference: left out, so R = 2 is the boundary with nothing below it.
        Boundary.Row reach = Boundary.rows(row(cell(1, 12, 40, 0, false), cell(2, 12, 0, 0, true),
                cell(3, 12, 0, 0, true)))[0];
        assertEquals(new Boundary.Row(1, true, -1), reach);
        // Cells the design does not have (R tied to r) are left out: the boundary is read from the cells that exist.
        Panel tied = row(cell(1, 12, 20, 0, true), cell(2, 12, 0, 0, true), cell(3, 24, 0, 0, true));
        assertEquals(new Boundary.Row(1, true, 0), Boundary.rows(tied)[0], "n = 12 has no R = 3 cell");
        assertEquals(new Boundary.Row(2, true, -1), Boundary.rows(tied)[1], "n = 24 has only R = 3");
        // The largest R not safe: no boundary in the grid.
        Boundary.Row none = Boundary.rows(row(cell(1, 12, 20, 0, true), cell(2, 12, 0, 0, true),
                cell(3, 12, 0, 3, true)))[0];
        assertEquals(new Boundary.Row(-1, false, 2), none);
    }

    @Test
    void boundaryCsvHasOneRowPerPanelRow(@TempDir Path dir) throws Exception {
        List<Cell> cells = new ArrayList<>();
        for (int n : new int[] {12, 24}) {
            cells.add(cell(1, n, 20, 0, true));
            cells.add(cell(2, n, n == 12 ? 1 : 0, 0, true));
            cells.add(cell(4, n, 0, 0, true));
        }
        CellTable t = CellTable.of(List.of("R", "n"), List.of(DataTypes.IntegerType, DataTypes.IntegerType), cells,
                1e-3, false);
        Path file = dir.resolve("boundary.csv");
        Boundary.writeCsv(Panel.split(t, Map.of(), "R", "n"), Boundary.Rule.DEFAULT, file);
        List<String> lines = Files.readAllLines(file);
        assertEquals("n,boundary_R,decided,runs,bad,unclassified,p_bad_hi,blocking_R,blocking_verdict,"
                + "blocking_p_bad_lo,row_runs,level,confidence", lines.get(0));
        assertEquals(3, lines.size());
        assertTrue(lines.get(1).startsWith("12,4,false,80,0,0,"), lines.get(1));
        assertTrue(lines.get(1).contains(",2,open,"), lines.get(1));
        assertTrue(lines.get(2).startsWith("24,2,true,80,0,0,"), lines.get(2));
        assertTrue(lines.get(2).contains(",1,unsafe,"), lines.get(2));
        assertTrue(lines.get(2).endsWith(",240,0.05,0.95"), lines.get(2));
        assertFalse(lines.get(2).contains("null"));
        assertArrayEquals(new int[] {2, 1}, Boundary.firstSafe(Panel.split(t, Map.of(), "R", "n").get(0)));
    }

    @Test
    void theMapDrawsTheBoundaryAndHatchesUnreachableCells() {
        Panel p = row(cell(1, 12, 40, 0, false), cell(2, 12, 20, 0, true), cell(3, 12, 0, 0, true));
        JFreeChart chart = Heatmap.chart(p, Metric.P_BAD, "test", true);
        List<String> legend = new ArrayList<>();
        LegendItemCollection items = chart.getXYPlot().getLegendItems();
        for (int k = 0; k < items.getItemCount(); k++) {
            legend.add(items.get(k).getLabel());
        }
        assertTrue(legend.contains("boundary: smallest R from which P(bad) ≤ 5% (95% upper bound)"),
                legend::toString);
        long hatches = chart.getXYPlot().getAnnotations().stream().filter(a -> a instanceof XYShapeAnnotation)
                .count();
        assertEquals(1, hatches, "one unreachable cell, one hatch");
        assertTrue(((TextTitle) chart.getSubtitle(0)).getText().contains("hatched"),
                () -> chart.getSubtitles().toString());
    }
}
