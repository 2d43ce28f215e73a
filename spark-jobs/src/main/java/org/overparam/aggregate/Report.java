package org.overparam.aggregate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.overparam.certify.Outcome;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code report.html}: one self-contained page (inline CSS, no network, no external script) with the sweep's
 * manifest, every chart (the PNG shown, the SVG linked) with a caption, the cell table and the definitions. Paths
 * to charts are relative, so the report directory can be moved or zipped as a whole.
 *
 * @param sweep    the sweep's name (title)
 * @param manifest the manifest's entries
 * @param table    the cell table
 * @param charts   the charts, in display order
 * @param notes    remarks for the reader (charts skipped, boundaries not reached, …)
 * @param overlays the theory overlays drawn on some chart, for the definitions
 * @param families the families of the end points that did not end GLOBAL, cell by cell; null when the sweep kept
 *                 no end points
 */
public record Report(String sweep, ManifestView manifest, CellTable table, List<ChartFile> charts,
                     List<String> notes, List<Overlay> overlays, MinimaFamilies families) {

    public static final String FILE = "report.html";

    /** What each kind of chart shows, for the introduction of its section. */
    private static final Map<String, String> KIND_INTRO = Map.of(
            PhaseCharts.KIND_BAD_MAP, "Each cell is the fraction of runs that ended in a certified bad local"
                    + " minimum (colour; the text gives bad runs / runs, and +u? the u runs without a verdict: not"
                    + " converged, diverged or failed). The black staircase is the boundary: for each row, the"
                    + " smallest column from which every cell has its 95% Wilson upper bound of P(bad) at most 5%,"
                    + " counting the runs without a verdict as bad; to its right the landscape is benign with"
                    + " confidence; solid where the cell below decides it, dotted where an open cell leaves it"
                    + " undecided (boundary.csv gives both, row by row). Hatched cells"
                    + " cannot reach the reference (too small a rank, e.g. R < r): no P(bad) there. Dashed lines are theory thresholds"
                    + " of the family. Grey cells have no runs.",
            PhaseCharts.KIND_RECOVERED_MAP, "Each cell is the fraction of runs whose recovery error"
                    + " ‖X − M*‖_F / ‖M*‖_F is below the threshold (colour; the text gives recovered runs / runs)."
                    + " Grey cells have no runs.",
            PhaseCharts.KIND_CURVES, "P(bad local minimum) against the horizontal axis of the maps, one line per"
                    + " value of their vertical axis, with shaded 95% Wilson bands; the dotted line is 5%.");

    public Report {
        charts = List.copyOf(charts);
        notes = List.copyOf(notes);
        overlays = List.copyOf(overlays);
    }

    /** Writes the page to {@code file} (UTF-8). */
    public void write(Path file) {
        try {
            Files.writeString(file, html(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** The page. */
    public String html() {
        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(esc("Phase transitions — " + sweep)).append("</title>\n")
                .append("<style>\n").append(CSS).append("</style>\n</head>\n")
                .append("<body data-images=\"pending\">\n<main>\n");
        h.append("<h1>Phase transitions — ").append(esc(sweep)).append("</h1>\n");
        h.append("<p class=\"lead\">").append(String.format(Locale.ROOT, "%,d runs in %,d cells over ",
                table.runs(), table.cells().size())).append(esc(String.join(" × ", table.axes())))
                .append(". Probabilities come with 95% Wilson intervals; recovered means recovery error &lt; ")
                .append(esc(Labels.value(table.recoveryThreshold()))).append(".</p>\n");
        h.append("<nav><a href=\"#manifest\">Manifest</a> · <a href=\"#charts\">Charts</a> · ")
                .append("<a href=\"#cells\">Cell table</a> · <a href=\"#definitions\">Definitions</a> · ")
                .append(families == null ? "" : "<a href=\"#families\">Families of minima</a> · ")
                .append("<a href=\"cells.csv\">cells.csv</a>")
                .append(charts.isEmpty() ? "" : " · <a href=\"boundary.csv\">boundary.csv</a>")
                .append(families == null ? "" : " · <a href=\"families.csv\">families.csv</a>").append("</nav>\n");
        if (!notes.isEmpty()) {
            h.append("<ul class=\"notes\">\n");
            notes.forEach(n -> h.append("<li>").append(esc(n)).append("</li>\n"));
            h.append("</ul>\n");
        }
        manifest(h);
        charts(h);
        cells(h);
        families(h);
        definitions(h);
        h.append("</main>\n<script>\n").append(IMAGE_CHECK).append("</script>\n</body>\n</html>\n");
        return h.toString();
    }

    private void manifest(StringBuilder h) {
        h.append("<section id=\"manifest\">\n<h2>Sweep manifest</h2>\n");
        if (manifest.problem() != null) {
            h.append("<p class=\"muted\">").append(esc(manifest.problem())).append("</p>\n");
        }
        if (!manifest.entries().isEmpty()) {
            h.append("<table class=\"kv\">\n");
            for (Map.Entry<String, String> e : manifest.entries().entrySet()) {
                h.append("<tr><th>").append(esc(e.getKey())).append("</th><td>");
                String v = e.getValue();
                if (v.length() > 100 || v.contains("\n")) {
                    h.append("<details><summary>").append(String.format(Locale.ROOT, "%,d characters", v.length()))
                            .append("</summary><pre>").append(esc(pretty(v))).append("</pre></details>");
                } else {
                    h.append(esc(v));
                }
                h.append("</td></tr>\n");
            }
            h.append("</table>\n");
        }
        h.append("</section>\n");
    }

    private void charts(StringBuilder h) {
        h.append("<section id=\"charts\">\n<h2>Charts</h2>\n");
        if (charts.isEmpty()) {
            h.append("<p class=\"muted\">No charts (see the notes above).</p>\n");
        }
        Map<String, List<ChartFile>> byKind = new LinkedHashMap<>();
        charts.forEach(c -> byKind.computeIfAbsent(c.kind(), k -> new java.util.ArrayList<>()).add(c));
        for (Map.Entry<String, List<ChartFile>> kind : byKind.entrySet()) {
            h.append("<h3>").append(esc(kind.getKey())).append("</h3>\n");
            String intro = KIND_INTRO.get(kind.getKey());
            if (intro != null) {
                h.append("<p>").append(esc(intro)).append("</p>\n");
            }
            for (ChartFile c : kind.getValue()) {
                h.append("<figure>\n<a href=\"").append(esc(c.svg())).append("\"><img src=\"").append(esc(c.png()))
                        .append("\" width=\"").append(c.width()).append("\" height=\"").append(c.height())
                        .append("\" alt=\"").append(esc(kind.getKey() + (c.panel().isEmpty() ? "" : ", "
                                + c.panel()))).append("\"></a>\n<figcaption>").append(esc(c.caption()))
                        .append(" <a href=\"").append(esc(c.svg())).append("\">SVG</a> · <a href=\"")
                        .append(esc(c.png())).append("\">PNG</a></figcaption>\n</figure>\n");
            }
        }
        h.append("</section>\n");
    }

    private void cells(StringBuilder h) {
        h.append("<section id=\"cells\">\n<h2>Cell table</h2>\n<p>One row per cell; every column (with full"
                + " precision) is in <a href=\"cells.csv\">cells.csv</a> and cells.parquet. Probabilities are over"
                + " the classified runs (all but failed ones), with 95% Wilson intervals; quantiles are median [10%,"
                + " 90%] over the runs that neither diverged nor failed, finite values only.</p>\n");
        h.append("<div class=\"scroll\"><table class=\"cells\" id=\"cell-table\">\n<thead><tr>");
        table.axes().forEach(a -> h.append("<th>").append(esc(a)).append("</th>"));
        h.append("<th>runs</th>");
        for (Outcome o : CellTable.OUTCOMES) {
            h.append("<th>").append(esc(o.name().toLowerCase(Locale.ROOT).replace('_', ' '))).append("</th>");
        }
        h.append("<th>P(bad) [95% CI]</th><th>P(global) [95% CI]</th><th>P(recovered) [95% CI]</th>")
                .append("<th>gap / f0</th><th>iterations</th><th>wall ms</th><th>diverged or non-finite</th>")
                .append("</tr></thead>\n<tbody>\n");
        for (Cell c : table.cells()) {
            h.append("<tr>");
            c.key().forEach(v -> h.append("<td class=\"axis\">").append(esc(Labels.value(v))).append("</td>"));
            h.append("<td>").append(c.runs()).append("</td>");
            for (Outcome o : CellTable.OUTCOMES) {
                h.append("<td>").append(c.count(o)).append("</td>");
            }
            if (c.pBad() == null) {
                h.append("<td>—</td>");
            } else {
                java.awt.Color bg = Metric.P_BAD.palette().color(c.pBad());
                h.append(String.format(Locale.ROOT, "<td style=\"background:#%06x;color:#%06x\">",
                        bg.getRGB() & 0xffffff, Palette.textOn(bg).getRGB() & 0xffffff))
                        .append(interval(c.pBad(), c.badInterval())).append("</td>");
            }
            h.append("<td>").append(interval(c.pGlobal(), c.globalInterval())).append("</td>");
            h.append("<td>").append(table.measuresRecovery() ? interval(c.pRecovered(), c.recoveredInterval())
                    : "—").append("</td>");
            h.append("<td>").append(quantiles(c.gap())).append("</td>");
            h.append("<td>").append(quantiles(c.iterations())).append("</td>");
            h.append("<td>").append(quantiles(c.wallMs())).append("</td>");
            h.append("<td>").append(c.excluded()).append("</td>");
            h.append("</tr>\n");
        }
        h.append("</tbody>\n</table></div>\n</section>\n");
    }

    /** The families of each cell's end points, where the sweep kept them. */
    private void families(StringBuilder h) {
        if (families == null) {
            return;
        }
        h.append("<section id=\"families\">\n<h2>Families of minima</h2>\n<p>The end points of the runs that did"
                + " not end GLOBAL, grouped in each cell and outcome into families up to the model's symmetries"
                + " (U ↦ UQ for factored matrices, Y ↦ YQ for Max-Cut, permutations of neurons and of the teacher's"
                + " coordinates for ReLU networks): runs of one family ended at copies of one point. Objective and"
                + " λ_min are medians over the family's runs; the point id is its representative, shown by"
                + " <code>overparam inspect DIR POINT_ID</code>. Every column is in <a href=\"families.csv\">"
                + "families.csv</a>. Families count the distinct minima of one landscape where every replicate has"
                + " the same one (the ReLU population loss); where the instance changes with the replicate (random"
                + " measurements, samples or graphs), end points of different replicates are different points.</p>\n");
        if (families.isEmpty()) {
            h.append("<p class=\"muted\">Every run with a kept end point ended GLOBAL: no other minima.</p>\n"
                    + "</section>\n");
            return;
        }
        h.append("<div class=\"scroll\"><table class=\"cells\" id=\"family-table\">\n<thead><tr>");
        families.axes().forEach(a -> h.append("<th>").append(esc(a)).append("</th>"));
        h.append("<th>outcome</th><th>families</th><th>family</th><th>runs</th><th>objective</th>"
                + "<th>λ_min(∇²f)</th><th>point id</th></tr></thead>\n<tbody>\n");
        List<MinimaFamilies.Found> all = families.families();
        int count = 0;
        for (int i = 0; i < all.size(); i++) {
            MinimaFamilies.Found f = all.get(i);
            if (f.family() == 1) { // the families of a cell and outcome follow each other, numbered from 1
                count = 1;
                while (i + count < all.size() && all.get(i + count).family() > 1) {
                    count++;
                }
            }
            h.append("<tr>");
            f.cell().forEach(v -> h.append("<td class=\"axis\">").append(esc(Labels.value(v))).append("</td>"));
            h.append("<td>").append(esc(f.outcome().name().toLowerCase(Locale.ROOT).replace('_', ' ')))
                    .append("</td><td>").append(f.family() == 1 ? Integer.toString(count) : "")
                    .append("</td><td>").append(f.family()).append("</td><td>").append(f.runs())
                    .append("</td><td>").append(String.format(Locale.ROOT, "%.6g", f.objective()))
                    .append("</td><td>").append(Double.isNaN(f.hessMinEig()) ? "—"
                            : String.format(Locale.ROOT, "%.4g", f.hessMinEig()))
                    .append("</td><td><code>").append(esc(f.pointId())).append("</code></td></tr>\n");
        }
        h.append("</tbody>\n</table></div>\n</section>\n");
    }

    private void definitions(StringBuilder h) {
        h.append("<section id=\"definitions\">\n<h2>Definitions</h2>\n<dl>\n");
        for (CellTable.Stat s : CellTable.stats()) {
            h.append("<dt>").append(esc(s.name())).append("</dt><dd>").append(esc(s.meaning())).append("</dd>\n");
        }
        for (Overlay o : overlays) {
            h.append("<dt>").append(esc(o.label())).append("</dt><dd>").append(esc(o.meaning())).append("</dd>\n");
        }
        h.append("</dl>\n<p class=\"muted\">A run is recovered when its recovery error is below ")
                .append(esc(Labels.value(table.recoveryThreshold()))).append(". Diverged and failed runs and"
                        + " non-finite values never enter a quantile; a cell without finite values shows —. A failed"
                        + " run (one that threw) has no verdict and is left out of every probability.</p>\n"
                        + "</section>\n");
    }

    private static String interval(Double p, WilsonInterval w) {
        if (p == null) {
            return "—";
        }
        return String.format(Locale.ROOT, "%.3f <span class=\"ci\">[%.3f, %.3f]</span>", p, w.lo(), w.hi());
    }

    private static String quantiles(Quantiles q) {
        if (q.median() == null) {
            return "—";
        }
        return esc(Labels.statistic(q.median())) + " <span class=\"ci\">[" + esc(Labels.statistic(q.q10())) + ", "
                + esc(Labels.statistic(q.q90())) + "]</span>";
    }

    /** JSON text indented for reading; anything else as it is. */
    private static String pretty(String v) {
        String s = v.strip();
        if (s.startsWith("{") || s.startsWith("[")) {
            try {
                JsonNode node = new ObjectMapper().readTree(s);
                return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(node);
            } catch (IOException e) {
                return v;
            }
        }
        return v;
    }

    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    static final String CSS = """
            body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", "DejaVu Sans", sans-serif;
                   color: #1a1a1a; background: #fff; }
            main { max-width: 1100px; margin: 0 auto; padding: 24px; }
            h1 { font-size: 28px; margin: 0 0 8px; }
            h2 { font-size: 22px; margin-top: 40px; border-bottom: 1px solid #ddd; padding-bottom: 4px; }
            h3 { font-size: 18px; margin-top: 28px; }
            .lead { font-size: 17px; color: #333; }
            nav { margin: 8px 0 16px; }
            a { color: #1f5fbf; }
            .muted { color: #666; }
            .notes { background: #fff8e1; border: 1px solid #f0d58c; padding: 8px 8px 8px 28px; }
            figure { margin: 16px 0 28px; }
            figure img { max-width: 100%; height: auto; border: 1px solid #e5e5e5; display: block; }
            figcaption { color: #444; font-size: 15px; margin-top: 6px; }
            img.broken { outline: 3px solid #c00; min-height: 40px; }
            table { border-collapse: collapse; font-size: 14px; }
            table.kv th { text-align: left; padding: 3px 14px 3px 0; vertical-align: top; font-weight: 600; }
            table.kv td { padding: 3px 0; font-family: ui-monospace, "DejaVu Sans Mono", monospace; }
            .scroll { overflow-x: auto; max-height: 70vh; overflow-y: auto; border: 1px solid #e5e5e5; }
            table.cells th { position: sticky; top: 0; background: #f4f4f4; padding: 4px 8px;
                             border-bottom: 1px solid #ccc; white-space: nowrap; }
            table.cells td { padding: 3px 8px; border-bottom: 1px solid #eee; text-align: right;
                             white-space: nowrap; font-variant-numeric: tabular-nums; }
            table.cells td.axis { font-weight: 600; }
            .ci { color: inherit; opacity: 0.75; font-size: 12px; }
            pre { font-size: 13px; background: #f7f7f7; padding: 8px; overflow-x: auto; }
            dl { display: grid; grid-template-columns: max-content 1fr; gap: 4px 18px; }
            dt { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-weight: 600; }
            dd { margin: 0; }
            """;

    /**
     * Marks images that fail to load (a red outline and a note) and records "loaded/total" on the body, so a
     * reader sees a missing chart file and a headless browser can check the page.
     */
    static final String IMAGE_CHECK = """
            window.addEventListener('load', function () {
              var images = document.querySelectorAll('img');
              var loaded = 0;
              images.forEach(function (img) {
                if (img.complete && img.naturalWidth > 0) {
                  loaded++;
                } else {
                  img.classList.add('broken');
                  var note = document.createElement('p');
                  note.className = 'broken-note';
                  note.textContent = 'chart file missing: ' + img.getAttribute('src');
                  img.parentNode.insertBefore(note, img.nextSibling);
                }
              });
              document.body.setAttribute('data-images', loaded + '/' + images.length);
            });
            """;
}
