package org.overparam.aggregate;

import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.Color;
import java.awt.Paint;
import java.awt.Stroke;
import java.awt.geom.Line2D;
import java.util.List;

/**
 * Polylines drawn over a map (theory overlays, boundaries), each on a white halo so it reads on any cell colour; the
 * halos go under every line. A NaN point breaks a line.
 */
final class Lines {

    private static final float HALO_EXTRA = 3.5f;

    private final XYSeriesCollection halos = new XYSeriesCollection();
    private final XYSeriesCollection lines = new XYSeriesCollection();
    private final XYLineAndShapeRenderer haloRenderer = new XYLineAndShapeRenderer(true, false);
    private final XYLineAndShapeRenderer lineRenderer = new XYLineAndShapeRenderer(true, false);

    Lines() {
        // One path per line, so a dash pattern runs on along a curve sampled at many points.
        haloRenderer.setDrawSeriesLineAsPath(true);
        lineRenderer.setDrawSeriesLineAsPath(true);
        haloRenderer.setDefaultSeriesVisibleInLegend(false);
        // A legend sample long enough to show a dash pattern (the default is 14 px: one dash).
        lineRenderer.setLegendLine(new Line2D.Double(-16, 0, 16, 0));
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
        int k = lines.getSeriesCount();
        halos.addSeries(halo);
        lines.addSeries(line);
        haloRenderer.setSeriesPaint(k, Color.WHITE);
        haloRenderer.setSeriesStroke(k, ChartStyle.solid(width + HALO_EXTRA));
        lineRenderer.setSeriesPaint(k, paint);
        lineRenderer.setSeriesStroke(k, stroke);
    }

    boolean isEmpty() {
        return lines.getSeriesCount() == 0;
    }

    /**
     * Puts the lines on {@code plot} as datasets {@code index} (every halo) and {@code index + 1} (every line), above
     * the datasets before them: all halos first, so that no halo hides a line where two lines cross or coincide.
     */
    void attach(XYPlot plot, int index) {
        if (isEmpty()) {
            return;
        }
        plot.setDataset(index, halos);
        plot.setRenderer(index, haloRenderer);
        plot.setDataset(index + 1, lines);
        plot.setRenderer(index + 1, lineRenderer);
        plot.setSeriesRenderingOrder(SeriesRenderingOrder.FORWARD);
    }
}
