package org.overparam.aggregate;

import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.Color;
import java.awt.Paint;
import java.awt.Stroke;
import java.util.List;

/**
 * Polylines drawn over a map (theory overlays, the boundary), each on a white halo so it reads on any cell
 * colour. A NaN point breaks a line.
 */
final class Lines {

    private static final float HALO_EXTRA = 3.5f;

    private final XYSeriesCollection data = new XYSeriesCollection();
    private final XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);

    Lines() {
        // One path per line, so a dash pattern runs on along a curve sampled at many points.
        renderer.setDrawSeriesLineAsPath(true);
    }

    /** Adds a line through {@code points} ({x, y} pairs in plot coordinates) with a legend entry. */
    void add(String label, List<double[]> points, Paint paint, Stroke stroke, float width) {
        if (points.stream().noneMatch(p -> Double.isFinite(p[0]) && Double.isFinite(p[1]))) {
            return;
        }
        XYSeries halo = new XYSeries(label + " (halo)", false, true);
        XYSeries line = new XYSeries(label, false, true);
        for (double[] p : points) {
            halo.add(p[0], p[1]);
            line.add(p[0], p[1]);
        }
        int h = data.getSeriesCount();
        data.addSeries(halo);
        data.addSeries(line);
        renderer.setSeriesPaint(h, Color.WHITE);
        renderer.setSeriesStroke(h, ChartStyle.solid(width + HALO_EXTRA));
        renderer.setSeriesVisibleInLegend(h, false);
        renderer.setSeriesPaint(h + 1, paint);
        renderer.setSeriesStroke(h + 1, stroke);
    }

    boolean isEmpty() {
        return data.getSeriesCount() == 0;
    }

    /** Puts the lines on {@code plot} as dataset {@code index}, above the datasets before it. */
    void attach(XYPlot plot, int index) {
        if (isEmpty()) {
            return;
        }
        plot.setDataset(index, data);
        plot.setRenderer(index, renderer);
        // Each halo must be drawn before its line: series in index order.
        plot.setSeriesRenderingOrder(SeriesRenderingOrder.FORWARD);
    }
}
