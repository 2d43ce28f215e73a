package org.overparam.aggregate;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYShapeAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.DefaultXYZDataset;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.TexturePaint;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;

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

    /** Appended to "k/N", with their number, in cells where some runs got no verdict: "0/80 +20?" reads 20. */
    public static final String UNCLASSIFIED_MARK = "+";

    /** Points of an overlay curve drawn along a numeric axis. */
    private static final int OVERLAY_SAMPLES = 64;

    /** Where no run can reach the reference: grey diagonal hatching instead of a colour. */
    private static final Paint HATCH = hatch();

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

        XYPlot plot = grid(panel, metric.title(), metric.palette(), (i, j) -> {
            Cell c = panel.at(i, j);
            return c == null ? null : metric.value(c);
        });

        if (xs.size() * ys.size() <= ANNOTATE_MAX_CELLS) {
            annotate(plot, panel, metric);
        }
        Lines lines = new Lines();
        overlays(lines, panel);
        if (boundary) {
            lines.add("boundary: smallest " + panel.x() + " from which P(bad) ≤ 5% (95% upper bound)",
                    staircase(panel, true), ChartStyle.BOUNDARY, ChartStyle.solid(3.5f), 3.5f);
            lines.add("boundary, undecided (an open cell below it)", staircase(panel, false), ChartStyle.BOUNDARY,
                    ChartStyle.dashed(3.5f, 2), 3.5f);
        }
        lines.attach(plot, 1);

        boolean hatched = hatchUnreachable(plot, panel, metric);
        JFreeChart chart = new JFreeChart(null, ChartStyle.TITLE, plot, !lines.isEmpty());
        boolean annotated = xs.size() * ys.size() <= ANNOTATE_MAX_CELLS;
        boolean flagged = panel.cells().values().stream().anyMatch(c -> c.unclassified() > 0);
        boolean missing = panel.cells().size() < xs.size() * ys.size();
        String legend = (annotated && flagged ? " · " + UNCLASSIFIED_MARK + "u: u runs without a verdict (not"
                + " converged, diverged, failed)" : "") + (hatched ? " · hatched: the runs cannot reach the"
                + " reference (too small a rank), no P(bad)" : "") + (missing ? " · grey: no runs" : "");
        ChartStyle.decorate(chart, metric.title() + " over " + panel.x() + " × " + panel.y(), heading + legend);
        chart.addSubtitle(scaleLegend(metric.title(), metric.palette(), 0.1));
        return chart;
    }

    /**
     * The plot of a map: one block per cell (i, j) of the panel's scales whose {@code value} is not null, coloured by
     * {@code scale}, on to-scale axes titled by the panel's axes; grey where there is no block. Annotations and lines
     * go on top.
     */
    static XYPlot grid(Panel panel, String name, PaintScale scale, BiFunction<Integer, Integer, Double> value) {
        CategoryScale xs = panel.xScale();
        CategoryScale ys = panel.yScale();
        List<double[]> blocks = new ArrayList<>();
        for (int i = 0; i < xs.size(); i++) {
            for (int j = 0; j < ys.size(); j++) {
                Double z = value.apply(i, j);
                if (z != null) {
                    blocks.add(new double[] {xs.coordinate(i), ys.coordinate(j), z});
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
        data.addSeries(name, series);
        XYBlockRenderer renderer = new CellBlockRenderer(xs, ys);
        renderer.setPaintScale(scale);
        renderer.setDefaultSeriesVisibleInLegend(false);

        XYPlot plot = new XYPlot(data, GridValueAxis.of(Labels.axisTitle(panel.x()), xs),
                GridValueAxis.of(Labels.axisTitle(panel.y()), ys), renderer);
        plot.setBackgroundPaint(NO_RUNS);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        plot.setAxisOffset(new RectangleInsets(4, 4, 4, 4));
        plot.setOutlinePaint(Color.GRAY);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        return plot;
    }

    /** Text in cell (i, j) on the cell's own colour (readable where a line crosses it), black or white on it. */
    static void label(XYPlot plot, Panel panel, int i, int j, String text, Color background, Font font) {
        XYTextAnnotation a = new XYTextAnnotation(text, panel.xScale().coordinate(i), panel.yScale().coordinate(j));
        a.setFont(font);
        a.setPaint(Palette.textOn(background));
        a.setBackgroundPaint(background);
        plot.addAnnotation(a, false);
    }

    /** Hatches cell (i, j): a cell whose runs cannot reach the reference. */
    static void hatch(XYPlot plot, Panel panel, int i, int j) {
        plot.addAnnotation(new XYShapeAnnotation(cell(panel.xScale(), panel.yScale(), i, j), null, null, HATCH),
                false);
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
        if (along.numeric() && k > 1) {
            // A true curve: the overlay evaluated along the whole axis, edge to edge, not only at grid values.
            String axis = onX ? panel.y() : panel.x();
            double from = along.lowerEdge(0);
            double to = along.upperEdge(k - 1);
            for (int t = 0; t <= OVERLAY_SAMPLES; t++) {
                double s = from + (to - from) * t / OVERLAY_SAMPLES;
                double p = across.place(o.at(panel.parameters().with(axis, along.valueAt(s))));
                points.add(onX ? new double[] {p, s} : new double[] {s, p});
            }
            return points;
        }
        double[] position = new double[k];
        for (int t = 0; t < k; t++) {
            Params at = onX ? panel.atRow(t) : panel.atColumn(t);
            position[t] = across.place(o.at(at));
        }
        for (int t = -1; t <= k; t++) {
            double s = t < 0 ? along.lowerEdge(0) : t == k ? along.upperEdge(k - 1) : along.coordinate(t);
            double p = position[Math.min(Math.max(t, 0), k - 1)];
            points.add(onX ? new double[] {p, s} : new double[] {s, p});
        }
        return points;
    }

    /**
     * The boundary as a staircase: the left edge of each row's boundary cell, joined row to row (rows without one
     * break it), in two styles: the segments of decided rows ({@code decided}), and those of undecided rows with the
     * joins that touch one. Each style's segments are one polyline, NaN points between pieces that do not meet.
     */
    static List<double[]> staircase(Panel panel, boolean decided) {
        Boundary.Row[] rows = Boundary.rows(panel);
        CategoryScale xs = panel.xScale();
        CategoryScale ys = panel.yScale();
        List<double[]> points = new ArrayList<>();
        double[] last = null;
        for (int j = 0; j < rows.length; j++) {
            if (rows[j].first() < 0) {
                continue;
            }
            double x = xs.lowerEdge(rows[j].first());
            double top = ys.upperEdge(j);
            last = segment(points, last, rows[j].decided() == decided, new double[] {x, ys.lowerEdge(j)},
                    new double[] {x, top});
            if (j + 1 < rows.length && rows[j + 1].first() >= 0) {
                boolean both = rows[j].decided() && rows[j + 1].decided();
                last = segment(points, last, both == decided, new double[] {x, top},
                        new double[] {xs.lowerEdge(rows[j + 1].first()), top});
            }
        }
        return points;
    }

    /** Appends the segment when {@code mine}, continuing the line if it starts where the last one ended. */
    private static double[] segment(List<double[]> points, double[] last, boolean mine, double[] from, double[] to) {
        if (!mine) {
            return last;
        }
        if (last == null || last[0] != from[0] || last[1] != from[1]) {
            if (!points.isEmpty()) {
                points.add(new double[] {Double.NaN, Double.NaN});
            }
            points.add(from);
        }
        points.add(to);
        return to;
    }

    private static void annotate(XYPlot plot, Panel panel, Metric metric) {
        int cells = panel.xScale().size() * panel.yScale().size();
        for (int i = 0; i < panel.xScale().size(); i++) {
            for (int j = 0; j < panel.yScale().size(); j++) {
                Cell c = panel.at(i, j);
                if (c == null || metric.value(c) == null) {
                    continue;
                }
                // Runs without a verdict count as neither bad nor recovered: say how many, so such a cell does
                // not pass for a benign one ("0/80 +20?": 0 of the 80 classified runs, and 20 without a verdict).
                String text = String.format(Locale.ROOT, "%d/%d%s", metric.successes(c), metric.trials(c),
                        c.unclassified() > 0 ? " " + UNCLASSIFIED_MARK + c.unclassified() + "?" : "");
                label(plot, panel, i, j, text, metric.palette().color(metric.value(c)),
                        cells <= 80 ? ChartStyle.CELL : ChartStyle.CELL_SMALL);
            }
        }
    }

    /** Hatches the cells the metric does not apply to (P(bad) where the reference is out of reach); any? */
    private static boolean hatchUnreachable(XYPlot plot, Panel panel, Metric metric) {
        boolean any = false;
        for (int i = 0; i < panel.xScale().size(); i++) {
            for (int j = 0; j < panel.yScale().size(); j++) {
                Cell c = panel.at(i, j);
                if (c != null && !metric.shown(c)) {
                    hatch(plot, panel, i, j);
                    any = true;
                }
            }
        }
        return any;
    }

    /** Cell (i, j) as a rectangle in plot coordinates, from the scales' edges. */
    static Rectangle2D cell(CategoryScale xs, CategoryScale ys, int i, int j) {
        return new Rectangle2D.Double(xs.lowerEdge(i), ys.lowerEdge(j), xs.upperEdge(i) - xs.lowerEdge(i),
                ys.upperEdge(j) - ys.lowerEdge(j));
    }

    private static Paint hatch() {
        BufferedImage tile = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = tile.createGraphics();
        g.setColor(new Color(0xEEEEEE));
        g.fillRect(0, 0, 8, 8);
        g.setColor(new Color(0x999999));
        g.drawLine(0, 7, 7, 0);
        g.dispose();
        return new TexturePaint(tile, new Rectangle2D.Double(0, 0, 8, 8));
    }

    /** The colour bar of a map: {@code scale} from its lower to its upper bound, ticks every {@code tick}. */
    static PaintScaleLegend scaleLegend(String title, PaintScale scale, double tick) {
        NumberAxis axis = new NumberAxis(title);
        axis.setRange(scale.getLowerBound(), scale.getUpperBound());
        axis.setTickUnit(new NumberTickUnit(tick));
        ChartStyle.style(axis);
        PaintScaleLegend legend = new PaintScaleLegend(scale, axis);
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
