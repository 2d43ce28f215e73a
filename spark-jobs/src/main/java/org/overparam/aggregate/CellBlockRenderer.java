package org.overparam.aggregate;

import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CrosshairState;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYItemRendererState;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.Range;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYZDataset;

import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;

/**
 * The block renderer with cells of their own widths: the dataset holds each cell's coordinates and value, and
 * the block spans the scales' edges around its category, so a grid drawn to scale leaves no gaps.
 */
final class CellBlockRenderer extends XYBlockRenderer {

    private static final long serialVersionUID = 1L;

    private final CategoryScale xs;
    private final CategoryScale ys;

    CellBlockRenderer(CategoryScale xs, CategoryScale ys) {
        this.xs = xs;
        this.ys = ys;
    }

    @Override
    public void drawItem(Graphics2D g2, XYItemRendererState state, Rectangle2D dataArea,
                         PlotRenderingInfo info, XYPlot plot, ValueAxis domainAxis, ValueAxis rangeAxis,
                         XYDataset dataset, int series, int item, CrosshairState crosshairState, int pass) {
        int i = nearest(xs, dataset.getXValue(series, item));
        int j = nearest(ys, dataset.getYValue(series, item));
        double z = ((XYZDataset) dataset).getZValue(series, item);
        Rectangle2D r = Heatmap.cell(xs, ys, i, j);
        RectangleEdge xEdge = plot.getDomainAxisEdge();
        RectangleEdge yEdge = plot.getRangeAxisEdge();
        double x0 = domainAxis.valueToJava2D(r.getMinX(), dataArea, xEdge);
        double x1 = domainAxis.valueToJava2D(r.getMaxX(), dataArea, xEdge);
        double y0 = rangeAxis.valueToJava2D(r.getMinY(), dataArea, yEdge);
        double y1 = rangeAxis.valueToJava2D(r.getMaxY(), dataArea, yEdge);
        Rectangle2D block = new Rectangle2D.Double(Math.min(x0, x1), Math.min(y0, y1), Math.abs(x1 - x0),
                Math.abs(y1 - y0));
        g2.setPaint(getPaintScale().getPaint(z));
        g2.fill(block);
        g2.setStroke(new BasicStroke(1.0f));
        g2.draw(block);
    }

    /** The category whose coordinate is v (the dataset holds the cells' coordinates). */
    private static int nearest(CategoryScale scale, double v) {
        int best = 0;
        for (int k = 1; k < scale.size(); k++) {
            if (Math.abs(scale.coordinate(k) - v) < Math.abs(scale.coordinate(best) - v)) {
                best = k;
            }
        }
        return best;
    }

    @Override
    public Range findDomainBounds(XYDataset dataset) {
        return new Range(xs.lowerEdge(0), xs.upperEdge(xs.size() - 1));
    }

    @Override
    public Range findRangeBounds(XYDataset dataset) {
        return new Range(ys.lowerEdge(0), ys.upperEdge(ys.size() - 1));
    }
}
