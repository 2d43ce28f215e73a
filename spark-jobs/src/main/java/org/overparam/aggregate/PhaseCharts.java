package org.overparam.aggregate;

import org.jfree.chart.JFreeChart;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every chart of a cell table, one set per panel: the P(bad) map with its boundary, the P(recovered) map (when
 * the rows measure recovery) and the P(bad) curves, each as PNG and SVG, with the captions and notes the report
 * shows.
 *
 * @param charts   the charts written, in report order
 * @param notes    remarks (no boundary reached in a panel, no recovery measured)
 * @param overlays the theory overlays that appear on some chart
 */
record PhaseCharts(List<ChartFile> charts, List<String> notes, List<Overlay> overlays) {

    static final String KIND_BAD_MAP = "P(bad local minimum) maps";
    static final String KIND_RECOVERED_MAP = "P(recovered) maps";
    static final String KIND_CURVES = "P(bad local minimum) curves";
    static final String KIND_DYNAMICS = "Dynamics";

    /** What each dynamics chart against the map's x axis shows, and the claim it tests. */
    private static final Map<DynamicsCurves.Quantity, String> DYNAMICS_AGAINST_X = dynamicsCaptions();

    /**
     * Draws every chart of {@code table} over x × y into {@code reportDir/chartsDir}.
     *
     * @param panels    the table split over x × y ({@link Panel#split}), one set of charts each
     * @param sweep     the sweep's name, for the chart headings
     * @param chartsDir the subdirectory of the report directory for the files (created by the caller)
     */
    static PhaseCharts draw(CellTable table, List<Panel> panels, Map<String, Object> constants, String x, String y,
                            String sweep, Path reportDir, String chartsDir) {
        List<ChartFile> charts = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<Overlay> overlays = new ArrayList<>();
        Path dir = reportDir.resolve(chartsDir);
        for (Panel p : panels) {
            for (Overlay o : Overlays.forFamily(p.family())) {
                if ((o.axis().equals(x) || o.axis().equals(y)) && !overlays.contains(o)) {
                    overlays.add(o);
                }
            }
        }
        Set<String> stems = new HashSet<>();
        for (Panel p : panels) {
            // Distinct panels whose values slug alike ("a b", "a_b") must not overwrite each other's files.
            String slug = stems.add(p.slug()) ? p.slug() : p.slug() + "_" + stems.size();
            stems.add(slug);
            String heading = heading(sweep, p);
            int[] first = Boundary.firstSafe(p);
            boolean anyBoundary = Arrays.stream(first).anyMatch(i -> i >= 0);
            String boundary = anyBoundary ? "The staircase marks, for each " + y + ", the smallest " + x
                    + " from which every reachable cell has its 95% upper bound of P(bad) ≤ 5%, counting runs"
                    + " without a verdict (not converged, diverged, failed) as bad (boundary.csv: the same, and"
                    + " whether the cell below settles it)."
                    : "No " + x + " is safe in any row: no cell has its 95% upper bound of P(bad) ≤ 5% when its"
                    + " runs without a verdict (not converged, diverged, failed) count as bad (a cell needs ≥ "
                    + Boundary.runsNeeded() + " runs, none bad and all with a verdict), so no boundary is drawn;"
                    + " boundary.csv says which cells are open.";
            if (!anyBoundary) {
                notes.add((p.title().isEmpty() ? "" : p.title() + ": ") + boundary);
            }
            charts.add(write(Heatmap.chart(p, Metric.P_BAD, heading, true), dir, chartsDir, Metric.P_BAD.file()
                    + "_map" + slug, KIND_BAD_MAP, p, Heatmap.WIDTH, Heatmap.HEIGHT,
                    "P(bad local minimum) over " + x + " × " + y + panelSuffix(p) + ". " + boundary
                            + overlayText(p, x, y)));
            if (table.measuresRecovery() && p.cells().values().stream().allMatch(c -> c.recovered() == 0)) {
                // One colour saying "never recovered" where the runs merely stop before the threshold: a
                // misleading map; say so instead of drawing it.
                notes.add((p.title().isEmpty() ? "" : p.title() + ": ") + "no P(recovered) map: no run has a"
                        + " recovery error below " + Labels.value(table.recoveryThreshold()) + " (runs that stop"
                        + " earlier, e.g. at the spec's target, never get there: aggregate with a larger"
                        + " --recovery-threshold, or tighten the target)");
            } else if (table.measuresRecovery()) {
                charts.add(write(Heatmap.chart(p, Metric.P_RECOVERED, heading, false), dir, chartsDir,
                        Metric.P_RECOVERED.file() + "_map" + slug, KIND_RECOVERED_MAP, p, Heatmap.WIDTH,
                        Heatmap.HEIGHT, "P(recovery error < " + Labels.value(table.recoveryThreshold()) + ") over "
                                + x + " × " + y + panelSuffix(p) + "." + overlayText(p, x, y)));
            }
            charts.add(write(Curves.chart(p, heading), dir, chartsDir, Metric.P_BAD.file() + "_curves" + slug,
                    KIND_CURVES, p, Curves.WIDTH, Curves.HEIGHT, "P(bad local minimum) against " + x
                            + ", one line per " + y + panelSuffix(p) + ", shaded 95% Wilson bands."));
            if (p.xScale().numeric() && p.xScale().size() > 1) {
                for (Map.Entry<DynamicsCurves.Quantity, String> d : DYNAMICS_AGAINST_X.entrySet()) {
                    if (DynamicsCurves.applies(p, d.getKey())) {
                        charts.add(write(DynamicsCurves.chart(p, d.getKey(), heading), dir, chartsDir,
                                d.getKey().file + "_curves" + slug, KIND_DYNAMICS, p, Curves.WIDTH, Curves.HEIGHT,
                                dynamicsCaption(d.getKey(), x, y, p) + d.getValue()));
                    }
                }
            }
        }
        charts.addAll(recoveryAgainstAlpha(table, constants, sweep, dir, chartsDir));
        if (!table.measuresRecovery()) {
            notes.add("no P(recovered) maps: no row has a finite recovery_error");
        }
        return new PhaseCharts(charts, notes, overlays);
    }

    /**
     * The recovery error against α, one line per R (a panel per other combination), with fitted slopes: drawn when α
     * is an axis of three values or more and R one of two or more.
     */
    private static List<ChartFile> recoveryAgainstAlpha(CellTable table, Map<String, Object> constants, String sweep,
                                                        Path dir, String chartsDir) {
        List<ChartFile> charts = new ArrayList<>();
        if (table.axisIndex("alpha") < 0 || table.axisIndex("R") < 0) {
            return charts;
        }
        DynamicsCurves.Quantity q = DynamicsCurves.Quantity.RECOVERY;
        for (Panel p : Panel.split(table, constants, "alpha", "R")) {
            if (p.xScale().size() >= 3 && p.yScale().size() >= 2 && DynamicsCurves.applies(p, q)) {
                charts.add(write(DynamicsCurves.chart(p, q, heading(sweep, p)), dir, chartsDir,
                        q.file + "_vs_alpha" + p.slug(), KIND_DYNAMICS, p, Curves.WIDTH, Curves.HEIGHT,
                        dynamicsCaption(q, "alpha", "R", p) + " Small initialization as implicit regularization:"
                                + " from a small start gradient descent stays near low-rank solutions, so the"
                                + " error of an over-parameterized run should shrink with α, as a power law on"
                                + " log–log axes (the legend's slopes)."));
            }
        }
        return charts;
    }

    private static String dynamicsCaption(DynamicsCurves.Quantity q, String x, String y, Panel p) {
        return "Median " + q.meaning + " against " + x + ", one line per " + y + panelSuffix(p) + ", shaded 10–90%"
                + " of the runs that neither diverged nor failed.";
    }

    private static Map<DynamicsCurves.Quantity, String> dynamicsCaptions() {
        Map<DynamicsCurves.Quantity, String> m = new LinkedHashMap<>();
        m.put(DynamicsCurves.Quantity.ITERATIONS, "");
        m.put(DynamicsCurves.Quantity.ESCAPE, " From a small start the iterate first grows along the top"
                + " eigenvectors (the spectral phase); with more columns it leaves the origin sooner (Stöger &"
                + " Soltanolkotabi 2021).");
        m.put(DynamicsCurves.Quantity.RATE, " Below 1 the run converges linearly; near 1, sublinearly: at R = r gradient"
                + " descent converges linearly, above r only like 1/t² (Xiong, Ding & Du 2024).");
        m.put(DynamicsCurves.Quantity.KERNEL, " A tangent kernel bounded away from 0 means the PL* condition holds"
                + " and gradient descent converges fast; wider models have larger λ_min (Liu, Zhu & Belkin 2022).");
        return m;
    }

    private static ChartFile write(JFreeChart chart, Path dir, String relative, String stem, String kind, Panel p,
                                   int width, int height, String caption) {
        ChartWriter.write(chart, width, height, dir.resolve(stem + ".png"), dir.resolve(stem + ".svg"));
        return new ChartFile(kind, p.title(), caption, relative + "/" + stem + ".png",
                relative + "/" + stem + ".svg", width, height);
    }

    private static String heading(String sweep, Panel p) {
        List<String> parts = new ArrayList<>();
        parts.add("sweep " + sweep);
        if (p.family() != null) {
            parts.add(String.valueOf(p.family()));
        }
        if (!p.title().isEmpty()) {
            parts.add(p.title());
        }
        parts.add(String.format(Locale.ROOT, "%,d runs", p.runs()));
        return String.join(" · ", parts);
    }

    private static String panelSuffix(Panel p) {
        return p.title().isEmpty() ? "" : " at " + p.title();
    }

    private static String overlayText(Panel p, String x, String y) {
        String drawn = Overlays.forFamily(p.family()).stream()
                .filter(o -> o.axis().equals(x) || o.axis().equals(y))
                .filter(o -> !Heatmap.overlayPoints(p, o).stream().allMatch(pt -> Double.isNaN(pt[0] + pt[1])))
                .map(Overlay::label).collect(Collectors.joining(", "));
        return drawn.isEmpty() ? "" : " Dashed: theory " + drawn + ".";
    }
}
