package org.overparam.aggregate;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.DefaultXYZDataset;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A phase diagram: one probability per cell over two axes (default R horizontally, n vertically), as colour
 * from a sequential scale with its legend, each cell annotated "k/N" when the grid is small (with † when some
 * of its runs diverged); the family's
 * theory overlays; on P(bad) maps, the boundary estimate as a staircase along the left edge of the first cell
 * of each row that certifies P(bad) ≤ 5%. Axes are categorical: equal-width cells labelled with the values.
 */
public final class Heatmap {

    /** PNG and SVG size in pixels. */
    public static final int WIDTH = 1000;
    public static final int HEIGHT = 760;

    /** Grids up to this many cells are annotated with "k/N" (beyond it the text would not fit). */
    public static final int ANNOTATE_MAX_CELLS = 150;

    /** Appended to "k/N" in cells where some run diverged or failed. */
    public static final String DIVERGED_MARK = "†";

    /** The colour of cells without runs. */
    static final Color NO_RUNS = new Color(0xd9d9d9);

    private Heatmap() {
    }

    /**
     * The map of {@code metric} over the panel.
     *
     * @param heading  the line under the title (sweep name, panel, runs)
     * @param boundary whether to draw the boundary estimate (P(bad) maps)
     */
    public static JFreeChart chart(Panel panel, Metric metric, String heading, boolean boundary) {
        ChartStyle.headless();
        CategoryScale xs = panel.xScale();
        CategoryScale ys = panel.yScale();

        List<double[]> blocks = new ArrayList<>();
        for (int i = 0; i < xs.size(); i++) {
            for (int j = 0; j < ys.size(); j++) {
                Cell c = panel.at(i, j);
                if (c != null && metric.value(c) != null) {
                    blocks.add(new double[] {i, j, metric.value(c)});
                }
            }
        }
        double[][] series = new double[3][blocks.size()];
        for (int k = 0; k < blocks.size(); k++) {
            for (int d = 0; d < 3; d++) {
                series[d][k] = blocks.get(k)[d];
            }
        }
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries(metric.title(), series);
        XYBlockRenderer renderer = new XYBlockRenderer();
        renderer.setBlockWidth(1);
        renderer.setBlockHeight(1);
        renderer.setPaintScale(metric.palette());
        renderer.setDefaultSeriesVisibleInLegend(false);

        XYPlot plot = new XYPlot(data, ChartStyle.categoryAxis(Labels.axisTitle(panel.x()), xs),
                ChartStyle.categoryAxis(Labels.axisTitle(panel.y()), ys), renderer);
        plot.setBackgroundPaint(NO_RUNS);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        plot.setAxisOffset(new RectangleInsets(4, 4, 4, 4));
        plot.setOutlinePaint(Color.GRAY);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);

        if (xs.size() * ys.size() <= ANNOTATE_MAX_CELLS) {
            annotate(plot, panel, metric);
        }
        Lines lines = new Lines();
        overlays(lines, panel);
        if (boundary) {
            lines.add("first " + panel.x() + " with P(bad) ≤ 5% (95% upper bound)", staircase(panel),
                    ChartStyle.BOUNDARY, ChartStyle.solid(3.5f), 3.5f);
        }
        lines.attach(plot, 1);

        JFreeChart chart = new JFreeChart(null, ChartStyle.TITLE, plot, !lines.isEmpty());
        boolean annotated = xs.size() * ys.size() <= ANNOTATE_MAX_CELLS;
        boolean flagged = panel.cells().values().stream().anyMatch(Heatmap::unfinished);
        ChartStyle.decorate(chart, metric.title() + " over " + panel.x() + " × " + panel.y(),
                annotated && flagged ? heading + " · " + DIVERGED_MARK + " cell with diverged or failed runs"
                        : heading);
        chart.addSubtitle(scaleLegend(metric));
        return chart;
    }

    /** Points of each applicable overlay of the panel's family, as a polyline in cell coordinates. */
    static void overlays(Lines lines, Panel panel) {
        int style = 0;
        for (Overlay o : Overlays.forFamily(panel.family())) {
            List<double[]> points = overlayPoints(panel, o);
            if (points.isEmpty()) {
                continue;
            }
            lines.add(o.label(), points, ChartStyle.OVERLAY[style % ChartStyle.OVERLAY.length],
                    ChartStyle.dashed(3f, style), 3f);
            style++;
        }
    }

    /**
     * The overlay as points: when it bounds the x axis, one point per row (its threshold at that row's y value),
     * extended to the top and bottom edges; symmetrically for the y axis; empty when it bounds neither.
     */
    static List<double[]> overlayPoints(Panel panel, Overlay o) {
        List<double[]> points = new ArrayList<>();
        boolean onX = o.axis().equals(panel.x());
        boolean onY = o.axis().equals(panel.y());
        if (!onX && !onY) {
            return points;
        }
        CategoryScale along = onX ? panel.yScale() : panel.xScale();
        CategoryScale across = onX ? panel.xScale() : panel.yScale();
        int k = along.size();
        double[] position = new double[k];
        for (int t = 0; t < k; t++) {
            Params at = onX ? panel.atRow(t) : panel.atColumn(t);
            position[t] = across.position(o.at(at));
        }
        for (int t = -1; t <= k; t++) {
            double s = t < 0 ? -0.5 : t == k ? k - 0.5 : t;
            double p = position[Math.min(Math.max(t, 0), k - 1)];
            points.add(onX ? new double[] {p, s} : new double[] {s, p});
        }
        return points;
    }

    /** Left edges of the first certified cell of each row, joined row to row; rows without one break it. */
    static List<double[]> staircase(Panel panel) {
        int[] first = Boundary.firstSafe(panel);
        List<double[]> points = new ArrayList<>();
        for (int j = 0; j < first.length; j++) {
            if (first[j] < 0) {
                points.add(new double[] {Double.NaN, j});
                continue;
            }
            points.add(new double[] {first[j] - 0.5, j - 0.5});
            points.add(new double[] {first[j] - 0.5, j + 0.5});
        }
        return points;
    }

    private static void annotate(XYPlot plot, Panel panel, Metric metric) {
        int cells = panel.xScale().size() * panel.yScale().size();
        for (int i = 0; i < panel.xScale().size(); i++) {
            for (int j = 0; j < panel.yScale().size(); j++) {
                Cell c = panel.at(i, j);
                if (c == null || metric.value(c) == null) {
                    continue;
                }
                // Diverged runs count as neither bad nor recovered: flag them (and failed ones) so such a cell
                // does not pass for a benign one.
                String text = String.format(Locale.ROOT, "%d/%d%s", metric.successes(c), metric.trials(c),
                        unfinished(c) ? DIVERGED_MARK : "");
                XYTextAnnotation a = new XYTextAnnotation(text, i, j);
                a.setFont(cells <= 80 ? ChartStyle.CELL : ChartStyle.CELL_SMALL);
                Color background = metric.palette().color(metric.value(c));
                a.setPaint(Palette.textOn(background));
                // The cell's own colour behind the text keeps it readable where an overlay crosses it.
                a.setBackgroundPaint(background);
                plot.addAnnotation(a, false);
            }
        }
    }

    private static boolean unfinished(Cell c) {
        return CellTable.UNFINISHED.stream().anyMatch(o -> c.count(o) > 0);
    }

    private static PaintScaleLegend scaleLegend(Metric metric) {
        NumberAxis axis = new NumberAxis(metric.title());
        axis.setRange(0, 1);
        axis.setTickUnit(new NumberTickUnit(0.1));
        ChartStyle.style(axis);
        PaintScaleLegend legend = new PaintScaleLegend(metric.palette(), axis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setAxisLocation(AxisLocation.TOP_OR_RIGHT);
        legend.setStripWidth(22);
        legend.setSubdivisionCount(256);
        legend.setStripOutlineVisible(true);
        legend.setAxisOffset(4);
        legend.setMargin(new RectangleInsets(30, 14, 30, 4));
        legend.setBackgroundPaint(Color.WHITE);
        return legend;
    }
}
