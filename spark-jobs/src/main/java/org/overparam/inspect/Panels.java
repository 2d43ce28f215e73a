package org.overparam.inspect;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.overparam.aggregate.Palette;
import org.overparam.experiment.EndPoint;

/**
 * The charts an inspection figure is made of, each one panel of {@link InspectFigure}: a matrix as a heatmap, bars
 * per index, values per index as points, and the bottom of a Hessian spectrum. Sized for four panels on one image.
 */
final class Panels {

    static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 17);
    static final Font SUBTITLE = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    static final Font AXIS_LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
    static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    static final Font LEGEND = new Font(Font.SANS_SERIF, Font.PLAIN, 13);

    /** Two series side by side (recovered, then the truth), and a third. */
    static final Color[] SERIES = {new Color(0x1f5fbf), new Color(0xe07b00), new Color(0x2ca02c)};
    private static final Color NEGATIVE = new Color(0xc0392b);
    private static final Color NEAR_ZERO = new Color(0x7f7f7f);
    private static final Color POSITIVE = new Color(0x1f5fbf);
    /** Behind the blocks of a heatmap: what shows where an entry is not finite. */
    private static final Color MISSING = new Color(0xd9d9d9);
    private static final Color GRID = new Color(0xdddddd);

    private Panels() {
    }

    /** RdBu (blue negative, white 0, red positive) over ±{@code bound}, or ±1 when it is 0 or not finite. */
    static PaintScale diverging(double bound) {
        double b = bound > 0 && Double.isFinite(bound) ? bound : 1;
        return Palette.BLUE_WHITE_RED.over(-b, b);
    }

    /** The largest finite |entry| of the matrices. */
    static double maxAbs(double[]... matrices) {
        double max = 0;
        for (double[] m : matrices) {
            for (double v : m) {
                if (Double.isFinite(v)) {
                    max = Math.max(max, Math.abs(v));
                }
            }
        }
        return max;
    }

    /**
     * {@code m} as a heatmap, entry (i, j) at row i from the top and column j, both numbered from 1, coloured by
     * {@code scale} (whose legend, titled {@code scaleLabel}, goes on the right); grey where an entry is not finite.
     */
    static JFreeChart matrix(String title, String subtitle, EndPoint.Matrix m, PaintScale scale, String columns,
                             String rows, String scaleLabel) {
        double[][] series = new double[3][m.rows() * m.cols()];
        int k = 0;
        for (int j = 0; j < m.cols(); j++) {
            for (int i = 0; i < m.rows(); i++) {
                series[0][k] = j + 1;
                series[1][k] = i + 1;
                series[2][k] = m.get(i, j);
                k++;
            }
        }
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries(m.name(), series);
        XYBlockRenderer renderer = new XYBlockRenderer();
        renderer.setPaintScale(scale);
        NumberAxis x = indexAxis(columns, m.cols());
        NumberAxis y = indexAxis(rows, m.rows());
        y.setInverted(true);
        XYPlot plot = new XYPlot(data, x, y, renderer);
        plot.setBackgroundPaint(MISSING);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        plot.setOutlineVisible(false);
        JFreeChart chart = chart(title, subtitle, plot, false);
        NumberAxis scaleAxis = new NumberAxis(scaleLabel);
        scaleAxis.setRange(scale.getLowerBound(), scale.getUpperBound());
        style(scaleAxis);
        PaintScaleLegend legend = new PaintScaleLegend(scale, scaleAxis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setStripWidth(14);
        legend.setAxisOffset(4);
        legend.setMargin(new RectangleInsets(4, 8, 4, 4));
        legend.setBackgroundPaint(Color.WHITE);
        chart.addSubtitle(legend);
        return chart;
    }

    /**
     * Bars per index k = 1, 2, …: one bar per series at each index, titled by the series' names; a dashed line at
     * {@code reference} (labelled {@code referenceLabel}) unless it is NaN.
     */
    static JFreeChart bars(String title, String subtitle, String index, String value, Map<String, double[]> series,
                           double reference, String referenceLabel) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        int count = series.values().stream().mapToInt(v -> v.length).max().orElse(0);
        for (Map.Entry<String, double[]> s : series.entrySet()) {
            for (int k = 0; k < count; k++) {
                double v = k < s.getValue().length ? s.getValue()[k] : Double.NaN;
                data.addValue(Double.isFinite(v) ? v : null, s.getKey(), Integer.toString(k + 1));
            }
        }
        CategoryAxis x = new CategoryAxis(index);
        x.setLabelFont(AXIS_LABEL);
        x.setTickLabelFont(TICK);
        x.setCategoryMargin(0.15);
        if (count > 24) {
            x.setCategoryLabelPositions(CategoryLabelPositions.UP_90);
        }
        NumberAxis y = new NumberAxis(value);
        style(y);
        BarRenderer renderer = new BarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setItemMargin(0.05);
        for (int s = 0; s < series.size(); s++) {
            renderer.setSeriesPaint(s, SERIES[s % SERIES.length]);
        }
        CategoryPlot plot = new CategoryPlot(data, x, y, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(GRID);
        if (!Double.isNaN(reference)) {
            plot.addRangeMarker(marker(reference, Color.BLACK, true, referenceLabel), Layer.FOREGROUND);
        }
        return chart(title, subtitle, plot, series.size() > 1);
    }

    /** Values per index k = 1, 2, … as points joined by thin lines, one series per entry of {@code series}. */
    static JFreeChart points(String title, String subtitle, String index, String value,
                             Map<String, double[]> series) {
        XYSeriesCollection data = new XYSeriesCollection();
        int count = 0;
        for (Map.Entry<String, double[]> s : series.entrySet()) {
            XYSeries xy = new XYSeries(s.getKey(), false, true);
            double[] v = s.getValue();
            for (int k = 0; k < v.length; k++) {
                xy.add(k + 1, Double.isFinite(v[k]) ? v[k] : null);
            }
            data.addSeries(xy);
            count = Math.max(count, v.length);
        }
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        float[] sizes = {11, 8, 5}; // later series drawn smaller, on top: coincident points stay visible
        for (int s = 0; s < series.size(); s++) {
            float d = sizes[Math.min(s, sizes.length - 1)];
            renderer.setSeriesPaint(s, SERIES[s % SERIES.length]);
            renderer.setSeriesStroke(s, new BasicStroke(1f));
            renderer.setSeriesShape(s, new java.awt.geom.Ellipse2D.Double(-d / 2, -d / 2, d, d));
        }
        NumberAxis y = new NumberAxis(value);
        style(y);
        y.setAutoRangeIncludesZero(true);
        XYPlot plot = new XYPlot(data, indexAxis(index, count), y, renderer);
        plot.setSeriesRenderingOrder(SeriesRenderingOrder.FORWARD);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.addRangeMarker(marker(0, Color.BLACK, false, null));
        return chart(title, subtitle, plot, true);
    }

    /**
     * The smallest Hessian eigenvalues, ascending, as points over k = 1, 2, … on a symmetric-log axis that is
     * linear within ±{@code tolerance} (= hess_tol·f0) and logarithmic beyond, so that exact zero modes, the
     * tolerance and O(1) curvature all show: red below −tolerance, grey within, blue above; a line at 0 and a dashed
     * one at −tolerance, the verdict's threshold.
     */
    static JFreeChart spectrum(String title, String subtitle, double[] lowest, double tolerance) {
        double s = tolerance > 0 && Double.isFinite(tolerance) ? tolerance : 1e-12;
        XYSeries negative = new XYSeries("< −hess_tol·f0 (a descent direction)");
        XYSeries zero = new XYSeries("within ±hess_tol·f0");
        XYSeries positive = new XYSeries("> hess_tol·f0");
        double lo = -1.5;
        double hi = 1.5;
        for (int k = 0; k < lowest.length; k++) {
            double h = lowest[k];
            if (!Double.isFinite(h)) {
                continue;
            }
            double t = SymLog.of(h, s);
            (h < -s ? negative : h > s ? positive : zero).add(k + 1, t);
            lo = Math.min(lo, t - 0.5);
            hi = Math.max(hi, t + 0.5);
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(negative);
        data.addSeries(zero);
        data.addSeries(positive);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
        Color[] colors = {NEGATIVE, NEAR_ZERO, POSITIVE};
        for (int i = 0; i < colors.length; i++) {
            renderer.setSeriesPaint(i, colors[i]);
            renderer.setSeriesShape(i, new java.awt.geom.Ellipse2D.Double(-5.5, -5.5, 11, 11));
        }
        NumberAxis y = new NumberAxis("eigenvalue (symmetric log scale)");
        style(y);
        y.setRange(lo, hi);
        y.setTickUnit(new NumberTickUnit(Math.max(1, Math.ceil((hi - lo) / 10)), new SymLog(s)));
        NumberAxis x = indexAxis("k (k-th smallest)", Math.max(lowest.length, 1));
        XYPlot plot = new XYPlot(data, x, y, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.addRangeMarker(marker(0, Color.BLACK, false, "0"));
        plot.addRangeMarker(marker(-1, NEGATIVE, true, "−hess_tol·f0 = " + SymLog.text(-s)));
        if (lowest.length == 0) {
            plot.setNoDataMessage("no spectrum");
        }
        return chart(title, subtitle, plot, true);
    }

    /** A panel that only says why there is nothing to draw. */
    static JFreeChart message(String title, String text) {
        XYPlot plot = new XYPlot();
        plot.setNoDataMessage(text);
        plot.setNoDataMessageFont(AXIS_LABEL);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        return chart(title, null, plot, false);
    }

    /** An axis over 1 … {@code count} with integer ticks, cells centred on the integers. */
    private static NumberAxis indexAxis(String label, int count) {
        NumberAxis axis = new NumberAxis(label);
        axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        axis.setRange(0.5, count + 0.5);
        style(axis);
        return axis;
    }

    private static ValueMarker marker(double at, Color color, boolean dashed, String label) {
        ValueMarker m = new ValueMarker(at, color, dashed
                ? new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {7f, 5f}, 0f)
                : new BasicStroke(1.2f));
        if (label != null) {
            m.setLabel(label);
            m.setLabelFont(TICK);
            m.setLabelPaint(color);
            m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
            m.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
            m.setLabelBackgroundColor(new Color(255, 255, 255, 0));
        }
        return m;
    }

    private static void style(ValueAxis axis) {
        axis.setLabelFont(AXIS_LABEL);
        axis.setTickLabelFont(TICK);
        axis.setLabelPaint(Color.BLACK);
        axis.setTickLabelPaint(Color.BLACK);
    }

    private static JFreeChart chart(String title, String subtitle, org.jfree.chart.plot.Plot plot, boolean legend) {
        JFreeChart chart = new JFreeChart(title, TITLE, plot, legend);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setPadding(new RectangleInsets(6, 6, 6, 6));
        if (subtitle != null && !subtitle.isEmpty()) {
            TextTitle s = new TextTitle(subtitle, SUBTITLE);
            s.setPaint(new Color(0x444444));
            s.setMargin(new RectangleInsets(2, 0, 4, 0));
            chart.addSubtitle(0, s);
        }
        LegendTitle l = chart.getLegend();
        if (l != null) {
            l.setItemFont(LEGEND);
            l.setPosition(RectangleEdge.BOTTOM);
            l.setFrame(BlockBorder.NONE);
            l.setBackgroundPaint(Color.WHITE);
        }
        return chart;
    }

    /**
     * The symmetric-log coordinate t of an eigenvalue h at scale s: t = h/s within ±s, sign(h)·(1 + log10(|h|/s))
     * beyond (continuous and increasing; integer t are 0, ±s, ±10s, ±100s, …). As a NumberFormat it labels the axis
     * ticks at t with the eigenvalue they stand for.
     */
    static final class SymLog extends NumberFormat {

        private final double scale;

        SymLog(double scale) {
            this.scale = scale;
        }

        static double of(double h, double s) {
            double a = Math.abs(h);
            return a <= s ? h / s : Math.signum(h) * (1 + Math.log10(a / s));
        }

        static double inverse(double t, double s) {
            double a = Math.abs(t);
            return a <= 1 ? t * s : Math.signum(t) * s * Math.pow(10, a - 1);
        }

        /** Two significant digits, plain where short (18, 0.18), else with a short exponent (1.8e-5). */
        static String text(double h) {
            if (h == 0) {
                return "0";
            }
            return String.format(Locale.ROOT, "%.2g", h).replaceAll("e\\+?(-?)0*(\\d)", "e$1$2");
        }

        @Override
        public StringBuffer format(double t, StringBuffer to, FieldPosition pos) {
            return to.append(text(Math.abs(t) < 1e-9 ? 0 : inverse(t, scale)));
        }

        @Override
        public StringBuffer format(long t, StringBuffer to, FieldPosition pos) {
            return format((double) t, to, pos);
        }

        @Override
        public Number parse(String source, ParsePosition pos) {
            throw new UnsupportedOperationException("labels only");
        }
    }
}
