package org.overparam.aggregate;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * How the runs moved, against the x axis: the median of a per-run quantity in each cell, one line per y value, with
 * its 10–90% band — the iterations and escape time against R (more over-parameterization shortens the spectral
 * phase), the late convergence rate against R (linear at R = r, sublinear above), the tangent kernel's smallest
 * eigenvalue against R (the PL* condition), the recovery error against α (small initialization as implicit
 * regularization). Where both axes are logarithmic each line's legend gives its fitted slope, the exponent of a
 * power law.
 */
final class DynamicsCurves {

    /** A per-run quantity with its cell quantiles. */
    enum Quantity {
        ITERATIONS("iterations", "iterations", "iterations", Cell::iterations, false),
        ESCAPE("escape_iterations", "escape time", "escape time (iterations until f is 10% of the way to f_ref)",
                c -> c.dynamics().escape(), false),
        RATE("convergence_rate", "late convergence rate", "late convergence rate (the per-iteration contraction of"
                + " f − f_ref over the run's second half)", c -> c.dynamics().rate(), false),
        KERNEL("kernel_min_eig", "tangent-kernel λ_min", "smallest eigenvalue of the tangent kernel J Jᵀ at the end",
                c -> c.dynamics().kernel(), false),
        RECOVERY("recovery_error", "recovery error", "recovery error ‖X − M*‖_F/‖M*‖_F",
                c -> c.dynamics().recoveryError(), true);

        final String file;
        final String title;
        final String meaning;
        final Function<Cell, Quantiles> quantiles;
        /** Whether each line's power-law exponent is the point of the chart (given on log–log axes). */
        final boolean slopes;

        Quantity(String file, String title, String meaning, Function<Cell, Quantiles> quantiles, boolean slopes) {
            this.file = file;
            this.title = title;
            this.meaning = meaning;
            this.quantiles = quantiles;
            this.slopes = slopes;
        }
    }

    /** A line with at least this many points gets a fitted slope. */
    static final int SLOPE_POINTS = 3;

    private DynamicsCurves() {
    }

    /** Whether the panel has a median of {@code q} in two cells or more: a line to draw. */
    static boolean applies(Panel panel, Quantity q) {
        return panel.cells().values().stream().filter(c -> q.quantiles.apply(c).median() != null).count() >= 2;
    }

    static JFreeChart chart(Panel panel, Quantity q, String heading) {
        ChartStyle.headless();
        CategoryScale xs = panel.xScale();
        CategoryScale ys = panel.yScale();
        boolean logY = logScale(panel, q);
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        DeviationRenderer renderer = new DeviationRenderer(true, true);
        renderer.setAlpha(Curves.bandAlpha(ys.size()));
        for (int j = 0; j < ys.size(); j++) {
            List<double[]> points = new ArrayList<>();
            for (int i = 0; i < xs.size(); i++) {
                Cell c = panel.at(i, j);
                Quantiles qs = c == null ? Quantiles.NONE : q.quantiles.apply(c);
                if (qs.median() != null && (!logY || qs.q10() > 0)) {
                    points.add(new double[] {xs.coordinate(i), qs.median(), qs.q10(), qs.q90()});
                }
            }
            if (points.isEmpty()) {
                continue;
            }
            String label = Labels.assignment(panel.y(), ys.values().get(j));
            if (q.slopes && logY && xs.logarithmic() && points.size() >= SLOPE_POINTS) {
                label += String.format(Locale.ROOT, " (slope %.2f)", slope(points));
            }
            YIntervalSeries s = new YIntervalSeries(label, false, true);
            points.forEach(p -> s.add(p[0], p[1], p[2], p[3]));
            int k = data.getSeriesCount();
            data.addSeries(s);
            Curves.styleLine(renderer, k, j, ys.size());
        }
        ValueAxis yAxis;
        if (logY) {
            LogAxis log = new LogAxis(q.title + " (median, 10–90%)");
            log.setBase(10);
            log.setSmallestValue(1e-300);
            log.setTickUnit(new NumberTickUnit(1)); // a tick per power of ten, labelled as a number
            log.setNumberFormatOverride(new DecimalFormat(smallest(panel, q) >= 0.01 ? "#,##0.##" : "0.#E0",
                    DecimalFormatSymbols.getInstance(Locale.ROOT)));
            log.setMinorTickMarksVisible(true);
            yAxis = log;
        } else {
            NumberAxis linear = new NumberAxis(q.title + " (median, 10–90%)");
            linear.setAutoRangeIncludesZero(false);
            yAxis = linear;
        }
        ChartStyle.style(yAxis);
        JFreeChart chart = new JFreeChart(null, ChartStyle.TITLE, Curves.plot(data, panel, yAxis, renderer), true);
        ChartStyle.decorate(chart, capitalized(q.title) + " against " + panel.x() + ", one line per " + panel.y(),
                heading);
        return chart;
    }

    /** Logarithmic when every 10% quantile is positive and the medians span a factor of 10 or more. */
    static boolean logScale(Panel panel, Quantity q) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (Cell c : panel.cells().values()) {
            Quantiles qs = q.quantiles.apply(c);
            if (qs.median() == null) {
                continue;
            }
            if (!(qs.q10() > 0)) {
                return false;
            }
            lo = Math.min(lo, qs.median());
            hi = Math.max(hi, qs.median());
        }
        return hi >= 10 * lo;
    }

    /** The smallest 10% quantile of the panel: what the log axis's labels must show. */
    private static double smallest(Panel panel, Quantity q) {
        return panel.cells().values().stream().map(q.quantiles).filter(qs -> qs.q10() != null)
                .mapToDouble(Quantiles::q10).min().orElse(1);
    }

    /** The least-squares slope of log(median) against the x coordinate (a logarithm on a log axis). */
    static double slope(List<double[]> points) {
        double mx = 0;
        double my = 0;
        for (double[] p : points) {
            mx += p[0];
            my += Math.log(p[1]);
        }
        mx /= points.size();
        my /= points.size();
        double sxy = 0;
        double sxx = 0;
        for (double[] p : points) {
            sxy += (p[0] - mx) * (Math.log(p[1]) - my);
            sxx += (p[0] - mx) * (p[0] - mx);
        }
        return sxy / sxx;
    }

    private static String capitalized(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
