package org.overparam.aggregate;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Theory overlays are data per family, and land where they belong on the categorical grid. */
class OverlaysTest {

    private static final double EPS = 1e-12;
    private static final int[] R = {1, 2, 3, 4, 6};
    private static final int[] N = {12, 16, 24, 32, 48};

    @Test
    void familiesDeclareTheirOverlays() {
        assertEquals(List.of(Overlays.TRUE_RANK), Overlays.forFamily("matrix-sensing"));
        assertEquals(List.of(Overlays.TRUE_RANK), Overlays.forFamily("symmetric-sensing"));
        assertEquals(List.of(Overlays.TRUE_RANK, Overlays.QUADRATIC_NETWORK), Overlays.forFamily("quadratic-network"));
        assertEquals(List.of(Overlays.BURER_MONTEIRO), Overlays.forFamily("maxcut-bm"));
        assertEquals(List.of(Overlays.TRUE_RANK), Overlays.forFamily("relu-teacher-student"));
        assertEquals(List.of(Overlays.INTERPOLATION), Overlays.forFamily("least-squares"));
        assertEquals(List.of(), Overlays.forFamily("a-family-from-the-future"));
        assertEquals(List.of(), Overlays.forFamily(null));
    }

    @Test
    void thresholdsFollowTheTheory() {
        Params p = Params.of(Map.of("true_rank", 2, "n", 50));
        assertEquals(2, Overlays.TRUE_RANK.at(p), EPS);
        assertEquals(3, Overlays.TRUE_RANK.at(Params.of(Map.of("r", 3))), EPS, "older rows name it r");
        assertEquals(10, Overlays.QUADRATIC_NETWORK.at(p), EPS, "√(2·50)");
        double bm = Overlays.BURER_MONTEIRO.at(Params.of(Map.of("n", 45)));
        assertEquals(9, bm, EPS, "p(p+1)/2 = 45 at p = 9");
        assertEquals(50, Overlays.INTERPOLATION.at(p), EPS, "R = n");
        assertTrue(Double.isNaN(Overlays.TRUE_RANK.at(Params.of(Map.of()))), "no truth column: not drawn");
    }

    @Test
    void categoricalPositionsInterpolateInLogSpace() {
        CategoryScale s = new CategoryScale(List.of(1, 2, 4, 8));
        assertEquals(2, s.position(4), EPS);
        assertEquals(1.5, s.position(Math.sqrt(8)), EPS, "√8 is halfway between 2 and 4 on a log scale");
        assertEquals(3.5, s.position(8 * Math.sqrt(2)), EPS, "beyond the end: the last spacing continues");
        assertTrue(Double.isNaN(new CategoryScale(List.of("a", "b")).position(1)));
        assertTrue(Double.isNaN(new CategoryScale(List.of(5)).position(6)));
        assertEquals(0.5, new CategoryScale(List.of(-1.0, 1.0)).position(0), EPS, "linear when not all positive");
    }

    @Test
    void cellsTileTheToScaleAxisWithoutGaps() {
        CategoryScale s = new CategoryScale(List.of(1, 2, 3, 4, 8));
        for (int i = 1; i < s.size(); i++) {
            assertEquals(s.upperEdge(i - 1), s.lowerEdge(i), EPS);
            assertTrue(s.lowerEdge(i) < s.coordinate(i) && s.coordinate(i) < s.upperEdge(i));
        }
        assertEquals(-0.5, new CategoryScale(List.of("a", "b")).lowerEdge(0), EPS, "categories: unit cells");
        assertEquals(Math.sqrt(24), s.valueAt(s.coordinateOf(Math.sqrt(24))), EPS);
    }

    @Test
    void toScaleCoordinatesAreLogarithmicForGeometricGridsAndLinearOtherwise() {
        CategoryScale geometric = new CategoryScale(List.of(1, 2, 3, 4, 8));
        assertEquals(Math.log(3), geometric.coordinate(2), EPS);
        assertEquals(Math.log(Math.sqrt(24)), geometric.coordinateOf(Math.sqrt(24)), EPS);
        assertTrue(Double.isNaN(geometric.coordinateOf(0)), "no place for 0 on a log scale");
        CategoryScale narrow = new CategoryScale(List.of(10, 20, 30));
        assertEquals(20, narrow.coordinate(1), EPS, "spans less than a factor of 4: linear");
        CategoryScale names = new CategoryScale(List.of("a", "b"));
        assertFalse(names.numeric());
        assertEquals(1, names.coordinate(1), EPS);
        GridValueAxis axis = new GridValueAxis("R", geometric);
        assertEquals(0 - Math.log(4.0 / 3) / 2, axis.getLowerBound(), EPS, "half the smallest gap beyond the ends");
        assertEquals(5, axis.refreshTicks(null, null, null, org.jfree.chart.ui.RectangleEdge.BOTTOM).size());
    }

    @Test
    void sensingDrawsAVerticalLineAtTheTrueRank() {
        Panel p = panel("matrix-sensing", Map.of("true_rank", 2));
        List<double[]> points = Heatmap.overlayPoints(p, Overlays.TRUE_RANK);
        for (double[] pt : points) {
            assertEquals(p.xScale().coordinateOf(2), pt[0], EPS, "at R = 2 on the to-scale axis");
        }
        assertEquals(p.yScale().lowerEdge(0), points.get(0)[1], EPS, "from the bottom edge");
        assertEquals(p.yScale().upperEdge(N.length - 1), points.get(points.size() - 1)[1], EPS, "to the top edge");
    }

    @Test
    void quadraticNetworkCurveFollowsRootTwoN() {
        Panel p = panel("quadratic-network", Map.of("true_rank", 1));
        List<double[]> points = Heatmap.overlayPoints(p, Overlays.QUADRATIC_NETWORK);
        assertTrue(points.size() > 2 * N.length, "a true curve, sampled between the grid values too");
        for (double[] pt : points) {
            double n = p.yScale().valueAt(pt[1]);
            assertEquals(p.xScale().coordinateOf(Math.sqrt(2 * n)), pt[0], EPS, "R = √(2n) at n = " + n);
        }
        // On log–log axes √(2n) is a straight line of slope 1/2.
        double[] a = points.get(0);
        double[] b = points.get(points.size() - 1);
        assertEquals(0.5, (b[0] - a[0]) / (b[1] - a[1]), EPS);
    }

    @Test
    void burerMonteiroHookDrawsOnTheSameMaps() {
        Panel p = panel("maxcut-bm", Map.of());
        List<double[]> points = Heatmap.overlayPoints(p, Overlays.BURER_MONTEIRO);
        for (double[] pt : points) {
            double n = p.yScale().valueAt(pt[1]);
            assertEquals(p.xScale().coordinateOf((Math.sqrt(8 * n + 1) - 1) / 2), pt[0], EPS, "p(p+1)/2 = n");
        }
        Panel transposed = Panel.split(Cells.grid(R, N, 10, (r, n) -> 0L), Map.of("family", "maxcut-bm"), "n", "R")
                .get(0);
        List<double[]> across = Heatmap.overlayPoints(transposed, Overlays.BURER_MONTEIRO);
        assertEquals(points.get(1)[0], across.get(1)[1], EPS, "with R vertical the curve is transposed");
    }

    @Test
    void overlaysOnOtherAxesAreNotDrawn() {
        Panel p = panel("quadratic-network", Map.of("true_rank", 1));
        Overlay onAlpha = new Overlay("alpha = 1", "alpha", q -> 1, "test");
        assertTrue(Heatmap.overlayPoints(p, onAlpha).isEmpty());
    }

    @Test
    void boundaryIsTheSmallestRankFromWhichEveryCellIsSafe() {
        // 80 runs: 0 bad certifies (upper bound 0.046); 1 bad does not (0.067).
        CellTable t = Cells.grid(R, N, 80, (r, n) -> r == 1 ? 20L : r == 2 ? (n >= 32 ? 0L : 1L) : 0L);
        Panel p = Panel.split(t, Map.of(), "R", "n").get(0);
        assertArrayEquals(new int[] {2, 2, 2, 1, 1}, Boundary.firstSafe(p));
        CellTable few = Cells.grid(R, N, 50, (r, n) -> 0L);
        assertArrayEquals(new int[] {-1, -1, -1, -1, -1}, Boundary.firstSafe(Panel.split(few, Map.of(), "R", "n")
                .get(0)), "50 clean runs cannot certify 5%");
        // Rows n < 32 are undecided (R = 2 holds 1 bad run: open); from n = 32 the unsafe R = 1 decides R = 2.
        CategoryScale xs = p.xScale();
        CategoryScale ys = p.yScale();
        List<double[]> undecided = Heatmap.staircase(p, false);
        assertArrayEquals(new double[] {xs.lowerEdge(2), ys.lowerEdge(0)}, undecided.get(0), EPS);
        assertArrayEquals(new double[] {xs.lowerEdge(1), ys.upperEdge(2)}, undecided.get(undecided.size() - 1), EPS,
                "join to a decided row");
        List<double[]> decided = Heatmap.staircase(p, true);
        assertArrayEquals(new double[] {xs.lowerEdge(1), ys.lowerEdge(3)}, decided.get(0), EPS);
        assertArrayEquals(new double[] {xs.lowerEdge(1), ys.upperEdge(4)}, decided.get(decided.size() - 1), EPS);
        assertTrue(decided.stream().allMatch(q -> Double.isFinite(q[0])), "one unbroken piece");
    }

    private static Panel panel(String family, Map<String, Object> constants) {
        java.util.Map<String, Object> all = new java.util.LinkedHashMap<>(constants);
        all.put("family", family);
        List<Panel> panels = Panel.split(Cells.grid(R, N, 10, (r, n) -> 0L), all, "R", "n");
        assertEquals(1, panels.size());
        return panels.get(0);
    }
}
