package org.overparam.aggregate;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;

import java.awt.Color;

/**
 * The map of a comparison: P(bad) in B − P(bad) in A per cell over x × y (R × n), on a diverging scale symmetric
 * around 0 — blue where B ends in fewer bad local minima, red where in more, white where they agree — each cell
 * labelled with the signed difference and {@value #SIGNIFICANT} where its 95% {@link NewcombeInterval} excludes 0;
 * over it, each sweep's boundary ({@link Boundary#rows} of its own cells) as a staircase, A's wide and black, B's
 * narrow and green, solid where decided and dashed where not.
 */
final class DifferenceMap {

    /** PNG and SVG size in pixels. */
    static final int WIDTH = Heatmap.WIDTH;
    static final int HEIGHT = Heatmap.HEIGHT;

    /** Appended to the label of a cell whose difference is significant. */
    static final String SIGNIFICANT = "*";

    /** Labels of cells that only one sweep has. */
    static final String ONLY_A = "A only";
    static final String ONLY_B = "B only";

    /** The colour scale runs over ±the smallest of these that holds every difference: small effects stay visible. */
    private static final double[] RANGES = {0.1, 0.2, 0.5, 1};
    /** Colour bar ticks for each range. */
    private static final double[] TICKS = {0.05, 0.05, 0.1, 0.25};

    /**
     * A's boundary is drawn wider than B's, which goes on top: where the two coincide, B's green line shows inside
     * A's black one, so neither hides the other.
     */
    private static final float WIDTH_A = 7f;
    private static final float WIDTH_B = 3f;

    private DifferenceMap() {
    }

    /** The half-width of the colour scale for differences up to {@code largest} in absolute value. */
    static double range(double largest) {
        for (double r : RANGES) {
            if (largest <= r) {
                return r;
            }
        }
        return RANGES[RANGES.length - 1];
    }

    /**
     * The map of one panel pair.
     *
     * @param range   the colour scale's half-width ({@link #range}), the same for every panel of a comparison
     * @param heading the line under the title: what A and B are
     */
    static JFreeChart chart(PanelPair pair, double range, String heading) {
        ChartStyle.headless();
        Palette palette = Palette.BLUE_WHITE_RED.over(-range, range);
        Panel a = pair.a();
        CategoryScale xs = a.xScale();
        CategoryScale ys = a.yScale();
        XYPlot plot = Heatmap.grid(a, "P(bad) in B − P(bad) in A", palette, (i, j) -> {
            ComparedCell c = pair.at(i, j);
            return c == null ? null : c.diff();
        });

        boolean hatched = false;
        if (xs.size() * ys.size() <= Heatmap.ANNOTATE_MAX_CELLS) {
            for (int i = 0; i < xs.size(); i++) {
                for (int j = 0; j < ys.size(); j++) {
                    ComparedCell c = pair.at(i, j);
                    if (c == null) {
                        continue;
                    }
                    if (c.unreachable()) {
                        Heatmap.hatch(plot, a, i, j);
                        hatched = true;
                        continue;
                    }
                    Color background = c.compared() ? palette.color(c.diff()) : Heatmap.NO_RUNS;
                    Heatmap.label(plot, a, i, j, label(c), background, xs.size() * ys.size() <= 80 ? ChartStyle.CELL
                            : ChartStyle.CELL_SMALL);
                }
            }
        }

        Lines lines = new Lines();
        String x = a.x();
        lines.add("A's boundary", Heatmap.staircase(a, true), ChartStyle.BOUNDARY, ChartStyle.solid(WIDTH_A), WIDTH_A);
        lines.add("A's, undecided", Heatmap.staircase(a, false), ChartStyle.BOUNDARY, ChartStyle.dashed(WIDTH_A, 0),
                WIDTH_A);
        lines.add("B's boundary", Heatmap.staircase(pair.b(), true), ChartStyle.COMPARED_BOUNDARY,
                ChartStyle.solid(WIDTH_B), WIDTH_B);
        lines.add("B's, undecided", Heatmap.staircase(pair.b(), false), ChartStyle.COMPARED_BOUNDARY,
                ChartStyle.dashed(WIDTH_B, 0), WIDTH_B);
        lines.attach(plot, 1);

        JFreeChart chart = new JFreeChart(null, ChartStyle.TITLE, plot, !lines.isEmpty());
        String key = "blue: fewer bad minima in B, red: more · " + SIGNIFICANT + ": 95% Newcombe interval excludes 0"
                + (hatched ? " · hatched: out of reach of the reference" : "");
        ChartStyle.decorate(chart, "P(bad) in B − P(bad) in A over " + x + " × " + a.y()
                + (pair.title().isEmpty() ? "" : " at " + pair.title()), heading + "\n" + key);
        chart.addSubtitle(Heatmap.scaleLegend("P(bad) in B − P(bad) in A", palette, tick(range)));
        return chart;
    }

    /**
     * A cell's text: the signed difference to two decimals ({@code −0.12}, {@code +0.05}, {@code 0.00}) with
     * {@value #SIGNIFICANT} when significant; {@value #ONLY_A} or {@value #ONLY_B}; {@code —} where a side has runs
     * but no P(bad) (every run failed).
     */
    static String label(ComparedCell c) {
        if (c.b() == null) {
            return ONLY_A;
        }
        if (c.a() == null) {
            return ONLY_B;
        }
        if (!c.compared()) {
            return "—";
        }
        return Labels.signed(c.diff(), 2) + (c.significant() ? SIGNIFICANT : "");
    }

    private static double tick(double range) {
        for (int k = 0; k < RANGES.length; k++) {
            if (RANGES[k] == range) {
                return TICKS[k];
            }
        }
        return range / 4;
    }
}
