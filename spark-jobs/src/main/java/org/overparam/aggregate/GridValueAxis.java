package org.overparam.aggregate;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;

/**
 * A numeric axis in a {@link CategoryScale}'s coordinates (the values themselves, or their logarithms) whose ticks
 * are exactly the grid's values, labelled as the spec writes them: R = 1, 2, 3, 4, 8 sit at their true distances
 * instead of equal steps, and a theory line between them lands where its value is.
 */
final class GridValueAxis extends NumberAxis {

    private static final long serialVersionUID = 1L;

    private final double[] coordinates;
    private final String[] labels;

    GridValueAxis(String label, CategoryScale scale) {
        super(label);
        int k = scale.size();
        this.coordinates = new double[k];
        for (int i = 0; i < k; i++) {
            coordinates[i] = scale.coordinate(i);
        }
        this.labels = scale.labels();
        setAutoRangeIncludesZero(false);
        setRange(scale.lowerEdge(0), scale.upperEdge(k - 1));
    }

    /** The axis a chart draws for this scale: to scale when it is numeric, one equal step per category else. */
    static ValueAxis of(String label, CategoryScale scale) {
        ValueAxis axis = scale.numeric() ? new GridValueAxis(label, scale) : ChartStyle.categoryAxis(label, scale);
        ChartStyle.style(axis);
        return axis;
    }

    @Override
    public List refreshTicks(Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
        boolean horizontal = RectangleEdge.isTopOrBottom(edge);
        TextAnchor anchor = horizontal ? TextAnchor.TOP_CENTER : TextAnchor.CENTER_RIGHT;
        List<NumberTick> ticks = new ArrayList<>();
        for (int i = 0; i < coordinates.length; i++) {
            ticks.add(new NumberTick(TickType.MAJOR, coordinates[i], labels[i], anchor, anchor, 0.0));
        }
        return ticks;
    }
}
