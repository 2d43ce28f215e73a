package org.overparam.aggregate;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.util.List;

/**
 * P(bad local minimum) against the x axis (R), one line per y value (n) coloured in order, each with its 95%
 * Wilson band; a dotted line at 5%; theory overlays that are the same for every line as vertical lines.
 */
public final class Curves {

    /** PNG and SVG size in pixels. */
    public static final int WIDTH = 1000;
    public static final int HEIGHT = 640;

    /** The line colours span this much of viridis: its yellow end is unreadable on white. */
    private static final double PALETTE_SPAN = 0.85;

    private static final Color LABEL_BACKGROUND = new Color(255, 255, 255, 220);

    private Curves() {
    }

    /**
     * The opacity of each band: where all k bands coincide (curves at 0, say) they add up to at most 25%, so what lies
     * under them stays readable, and a lone band is at most 15% opaque.
     */
    static float bandAlpha(int bands) {
        return (float) Math.min(0.15, 1 - Math.pow(0.75, 1.0 / Math.max(1, bands)));
    }

    public static JFreeChart chart(Panel panel, String heading) {
        ChartStyle.headless();
        Metric metric = Metric.P_BAD;
        CategoryScale xs = panel.xScale();
        CategoryScale ys = panel.yScale();
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        DeviationRenderer renderer = new DeviationRenderer(true, true);
        renderer.setAlpha(bandAlpha(ys.size()));
        for (int j = 0; j < ys.size(); j++) {
            YIntervalSeries s = new YIntervalSeries(Labels.assignment(panel.y(), ys.values().get(j)), false,
                    true);
            for (int i = 0; i < xs.size(); i++) {
                Cell c = panel.at(i, j);
                if (c != null && metric.value(c) != null) {
                    WilsonInterval w = metric.interval(c);
                    s.add(xs.coordinate(i), metric.value(c), w.lo(), w.hi());
                }
            }
            if (s.getItemCount() == 0) {
                continue;
            }
            int k = data.getSeriesCount();
            data.addSeries(s);
            styleLine(renderer, k, j, ys.size());
        }

        NumberAxis yAxis = new NumberAxis(metric.title());
        yAxis.setRange(-0.02, 1.02);
        yAxis.setTickUnit(new NumberTickUnit(0.1));
        ChartStyle.style(yAxis);
        // The horizontal axis to scale when it is numeric (log for geometric grids): slopes mean what they show.
        XYPlot plot = plot(data, panel, yAxis, renderer);

        ValueMarker five = new ValueMarker(Boundary.LEVEL, Color.DARK_GRAY, ChartStyle.dashed(1.5f, 2));
        five.setLabel("5%");
        five.setLabelFont(ChartStyle.TICK);
        five.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        five.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
        five.setLabelBackgroundColor(LABEL_BACKGROUND);
        plot.addRangeMarker(five);
        verticalOverlays(plot, panel);

        JFreeChart chart = new JFreeChart(null, ChartStyle.TITLE, plot, true);
        ChartStyle.decorate(chart, metric.title() + " against " + panel.x() + ", one line per " + panel.y(),
                heading);
        return chart;
    }

    /** Line k, the j-th of {@code lines} y values: its viridis colour (band alike), a solid stroke and round marks. */
    static void styleLine(DeviationRenderer renderer, int k, int j, int lines) {
        Color colour = Palette.VIRIDIS.color(lines == 1 ? 0 : PALETTE_SPAN * j / (lines - 1));
        renderer.setSeriesPaint(k, colour);
        renderer.setSeriesFillPaint(k, colour);
        renderer.setSeriesStroke(k, ChartStyle.solid(2.5f));
        renderer.setSeriesShape(k, new Ellipse2D.Double(-4, -4, 8, 8));
    }

    /**
     * The plot of a chart of lines against the panel's x axis, drawn to scale (log for geometric grids, so slopes mean
     * what they show), on white with light grid lines.
     */
    static XYPlot plot(XYDataset data, Panel panel, ValueAxis yAxis, XYItemRenderer renderer) {
        XYPlot plot = new XYPlot(data, GridValueAxis.of(Labels.axisTitle(panel.x()), panel.xScale()), yAxis,
                renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(ChartStyle.GRID);
        plot.setRangeGridlinePaint(ChartStyle.GRID);
        plot.setOutlinePaint(Color.GRAY);
        plot.setAxisOffset(new RectangleInsets(4, 4, 4, 4));
        return plot;
    }

    /** Overlays on the x axis whose threshold is the same for every line: a vertical labelled line. */
    private static void verticalOverlays(XYPlot plot, Panel panel) {
        int style = 0;
        for (Overlay o : Overlays.forFamily(panel.family())) {
            if (!o.axis().equals(panel.x())) {
                continue;
            }
            List<Double> at = java.util.stream.IntStream.range(0, panel.yScale().size())
                    .mapToObj(j -> o.at(panel.atRow(j))).distinct().toList();
            CategoryScale xs = panel.xScale();
            double p = at.size() == 1 ? xs.place(at.get(0)) : Double.NaN;
            if (Double.isFinite(p)) {
                Color colour = ChartStyle.OVERLAY[style % ChartStyle.OVERLAY.length];
                ValueMarker m = new ValueMarker(p, colour, ChartStyle.dashed(2.5f, style));
                m.setLabel(o.label());
                m.setLabelFont(ChartStyle.LEGEND);
                m.setLabelPaint(colour);
                m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
                m.setLabelTextAnchor(TextAnchor.TOP_LEFT);
                m.setLabelBackgroundColor(LABEL_BACKGROUND);
                plot.addDomainMarker(m);
            }
            style++;
        }
    }
}
