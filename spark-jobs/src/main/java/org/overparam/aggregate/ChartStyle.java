package org.overparam.aggregate;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.text.TextUtils;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Stroke;

/** The look every chart shares: slide-sized fonts, white background, the line styles of overlays. */
final class ChartStyle {

    static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 22);
    static final Font SUBTITLE = new Font(Font.SANS_SERIF, Font.PLAIN, 15);
    static final Font AXIS_LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 17);
    static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 15);
    static final Font LEGEND = new Font(Font.SANS_SERIF, Font.PLAIN, 15);
    static final Font CELL = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    static final Font CELL_SMALL = new Font(Font.SANS_SERIF, Font.PLAIN, 10);

    static final Color BOUNDARY = new Color(0x111111);
    /** The second sweep's boundary on a difference map: green, apart from black and from both ends of RdBu. */
    static final Color COMPARED_BOUNDARY = new Color(0x1b7837);
    /** Overlay colours, in legend order: distinct from both map palettes and from each other. */
    static final Color[] OVERLAY = {new Color(0x1f5fbf), new Color(0x2ca02c), new Color(0x8e44ad),
            new Color(0x17becf)};
    static final Color GRID = new Color(0xdddddd);

    private ChartStyle() {
    }

    /**
     * Makes AWT headless before it is first used: charts render on servers and in CI without a display. Has no
     * effect once AWT has started (it then already runs headless or has a display).
     */
    static void headless() {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        // Rotated labels (the vertical axis titles) as real text in the SVG, not glyph outlines: the workaround
        // is for a Java2D bug fixed long ago, and outlines are neither searchable nor selectable.
        TextUtils.setUseDrawRotatedStringWorkaround(false);
    }

    static Stroke solid(float width) {
        return new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    }

    static Stroke dashed(float width, int style) {
        float[] pattern = switch (style % 3) {
            case 0 -> new float[] {10f, 6f};
            case 1 -> new float[] {14f, 5f, 3f, 5f};
            default -> new float[] {4f, 4f};
        };
        return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, pattern, 0f);
    }

    /** A categorical axis: equal-width cells at 0 … k−1 labelled with the values. */
    static SymbolAxis categoryAxis(String label, CategoryScale scale) {
        SymbolAxis axis = new SymbolAxis(label, scale.labels());
        axis.setRange(-0.5, scale.size() - 0.5);
        axis.setGridBandsVisible(false);
        style(axis);
        return axis;
    }

    static void style(ValueAxis axis) {
        axis.setLabelFont(AXIS_LABEL);
        axis.setTickLabelFont(TICK);
        axis.setLabelPaint(Color.BLACK);
        axis.setTickLabelPaint(Color.BLACK);
    }

    /** Title, subtitle lines and legend placement common to all charts. */
    static void decorate(JFreeChart chart, String title, String subtitle) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setPadding(new RectangleInsets(8, 8, 8, 8));
        TextTitle t = new TextTitle(title, TITLE);
        chart.setTitle(t);
        if (subtitle != null && !subtitle.isEmpty()) {
            TextTitle s = new TextTitle(subtitle, SUBTITLE);
            s.setPaint(new Color(0x444444));
            s.setMargin(new RectangleInsets(2, 0, 6, 0));
            chart.addSubtitle(0, s);
        }
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setItemFont(LEGEND);
            legend.setPosition(RectangleEdge.BOTTOM);
            legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
            legend.setBackgroundPaint(Color.WHITE);
        }
    }
}
