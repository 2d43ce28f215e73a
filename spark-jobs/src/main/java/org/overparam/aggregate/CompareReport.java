package org.overparam.aggregate;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.overparam.aggregate.Report.esc;

/**
 * {@code compare.html}: one self-contained page in the style of {@link Report} with the two sweeps, the compared
 * setting, the difference maps, the compared cells and the definitions.
 *
 * @param a         sweep A
 * @param b         sweep B
 * @param alignment the compared setting, shared and restricted axes
 * @param table     the compared cells
 * @param charts    the difference maps
 * @param notes     remarks for the reader
 */
record CompareReport(CompareJob.Side a, CompareJob.Side b, Alignment alignment, CompareTable table,
                     List<ChartFile> charts, List<String> notes) {

    CompareReport {
        charts = List.copyOf(charts);
        notes = List.copyOf(notes);
    }

    /** Writes the page to {@code file} (UTF-8). */
    void write(Path file) {
        try {
            Files.writeString(file, html(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    String html() {
        String title = "Comparison — " + a.name() + " vs " + b.name();
        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(esc(title)).append("</title>\n")
                .append("<style>\n").append(Report.CSS).append(CSS).append("</style>\n</head>\n")
                .append("<body data-images=\"pending\">\n<main>\n");
        h.append("<h1>").append(esc(title)).append("</h1>\n");
        h.append("<p class=\"lead\">").append(esc(lead())).append("</p>\n");
        h.append("<nav><a href=\"#sweeps\">Sweeps</a> · <a href=\"#charts\">Charts</a> · ")
                .append("<a href=\"#cells\">Compared cells</a> · <a href=\"#definitions\">Definitions</a> · ")
                .append("<a href=\"").append(CompareJob.CSV).append("\">").append(CompareJob.CSV).append("</a></nav>\n");
        if (!notes.isEmpty()) {
            h.append("<ul class=\"notes\">\n");
            notes.forEach(n -> h.append("<li>").append(esc(n)).append("</li>\n"));
            h.append("</ul>\n");
        }
        sweeps(h);
        charts(h);
        cells(h);
        definitions(h);
        h.append("</main>\n<script>\n").append(Report.IMAGE_CHECK).append("</script>\n</body>\n</html>\n");
        return h.toString();
    }

    private String lead() {
        long better = table.significant(-1);
        long worse = table.significant(1);
        return String.format(Locale.ROOT, "%,d cells in both sweeps over %s, %,d with a difference in P(bad local"
                        + " minimum); in %,d of them B ends in significantly fewer bad minima than A, in %,d in"
                        + " significantly more (95%% Newcombe intervals).", table.matched(),
                table.axes().isEmpty() ? "no axis" : String.join(" × ", table.axes()), table.compared(), better, worse);
    }

    private void sweeps(StringBuilder h) {
        h.append("<section id=\"sweeps\">\n<h2>Sweeps</h2>\n<table class=\"kv\">\n");
        row(h, "A", a.name() + " — " + a.dir());
        row(h, "B", b.name() + " — " + b.dir());
        row(h, "compared setting", alignment.describeSetting());
        row(h, "cells matched on", alignment.shared().isEmpty() ? "(no shared axis: one cell)"
                : String.join(", ", alignment.shared()));
        alignment.pinA().forEach((p, v) -> row(h, "A restricted to", Labels.assignment(p, v)));
        alignment.pinB().forEach((p, v) -> row(h, "B restricted to", Labels.assignment(p, v)));
        row(h, "runs compared", String.format(Locale.ROOT, "%,d in A, %,d in B", a.runs(), b.runs()));
        h.append("</table>\n</section>\n");
    }

    private static void row(StringBuilder h, String key, String value) {
        h.append("<tr><th>").append(esc(key)).append("</th><td>").append(esc(value)).append("</td></tr>\n");
    }

    private void charts(StringBuilder h) {
        h.append("<section id=\"charts\">\n<h2>").append(esc(CompareJob.KIND)).append("</h2>\n");
        if (charts.isEmpty()) {
            h.append("<p class=\"muted\">No charts (see the notes above).</p>\n");
        } else {
            h.append("<p>").append(esc("Each cell is P(bad) in B minus P(bad) in A, blue where B ends in fewer bad"
                    + " local minima, red where in more, white where they agree; the text is the difference, "
                    + DifferenceMap.SIGNIFICANT + " where its 95% Newcombe interval excludes 0. \"" + DifferenceMap.ONLY_A
                    + "\" and \"" + DifferenceMap.ONLY_B + "\" mark cells one sweep lacks; hatched cells cannot reach"
                    + " the reference in at least one sweep; grey cells have no runs. The staircases are the two"
                    + " sweeps' boundaries, computed from each sweep's own cells as in its aggregate report: A's"
                    + " wide and black, B's narrow and green; solid where decided, dashed where an open cell leaves"
                    + " them undecided.")).append("</p>\n");
        }
        for (ChartFile c : charts) {
            h.append("<figure>\n<a href=\"").append(esc(c.svg())).append("\"><img src=\"").append(esc(c.png()))
                    .append("\" width=\"").append(c.width()).append("\" height=\"").append(c.height())
                    .append("\" alt=\"").append(esc(c.kind() + (c.panel().isEmpty() ? "" : ", " + c.panel())))
                    .append("\"></a>\n<figcaption>").append(esc(c.caption())).append(" <a href=\"")
                    .append(esc(c.svg())).append("\">SVG</a> · <a href=\"").append(esc(c.png()))
                    .append("\">PNG</a></figcaption>\n</figure>\n");
        }
        h.append("</section>\n");
    }

    private void cells(StringBuilder h) {
        h.append("<section id=\"cells\">\n<h2>Compared cells</h2>\n<p>One row per cell of either sweep; every column,"
                + " with full precision, is in <a href=\"").append(CompareJob.CSV).append("\">")
                .append(CompareJob.CSV).append("</a>. Significant differences are in bold.</p>\n");
        h.append("<div class=\"scroll\"><table class=\"cells\" id=\"compare-table\">\n<thead><tr>");
        table.axes().forEach(x -> h.append("<th>").append(esc(x)).append("</th>"));
        h.append("<th>runs A</th><th>bad A</th><th>P(bad) A</th><th>runs B</th><th>bad B</th><th>P(bad) B</th>")
                .append("<th>B − A [95% CI]</th></tr></thead>\n<tbody>\n");
        Palette palette = Palette.BLUE_WHITE_RED.over(-DifferenceMap.range(table.largestDifference()),
                DifferenceMap.range(table.largestDifference()));
        for (ComparedCell c : table.cells()) {
            h.append("<tr>");
            c.key().forEach(v -> h.append("<td class=\"axis\">").append(esc(Labels.value(v))).append("</td>"));
            side(h, c.a());
            side(h, c.b());
            if (c.compared()) {
                Color bg = palette.color(c.diff());
                NewcombeInterval d = c.interval();
                h.append(String.format(Locale.ROOT, "<td class=\"%s\" style=\"background:#%06x;color:#%06x\">"
                                + "%s <span class=\"ci\">[%s, %s]</span></td>",
                        c.significant() ? "significant" : "", bg.getRGB() & 0xffffff,
                        Palette.textOn(bg).getRGB() & 0xffffff, Labels.signed(c.diff(), 3), Labels.signed(d.lo(), 3),
                        Labels.signed(d.hi(), 3)));
            } else {
                h.append("<td>—</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</tbody>\n</table></div>\n</section>\n");
    }

    private static void side(StringBuilder h, Cell c) {
        if (c == null) {
            h.append("<td>—</td><td>—</td><td>—</td>");
            return;
        }
        h.append("<td>").append(c.runs()).append("</td><td>").append(c.bad()).append("</td><td>")
                .append(Labels.probability(c.pBad())).append("</td>");
    }

    private void definitions(StringBuilder h) {
        h.append("<section id=\"definitions\">\n<h2>Definitions</h2>\n<dl>\n");
        for (String axis : table.axes()) {
            h.append("<dt>").append(esc(axis)).append("</dt><dd>").append(esc("a shared axis: "
                    + Labels.axisTitle(axis))).append("</dd>\n");
        }
        for (CompareTable.Column c : CompareTable.columns()) {
            h.append("<dt>").append(esc(c.name())).append("</dt><dd>").append(esc(c.meaning())).append("</dd>\n");
        }
        h.append("</dl>\n<p>").append(esc("Cells are matched on the values of the axes that vary in both sweeps. An"
                + " axis that varies in one sweep but has one value in the other takes part at that value only (the"
                + " notes say which). A cell that one sweep has and the other lacks is listed with the other side"
                + " empty. P(bad) is bad runs over classified runs (all but failed ones), as in cells.csv, and has no"
                + " value where the runs cannot reach the reference (R below the true rank). The 95% Newcombe interval"
                + " (hybrid score, Newcombe 1998, method 10) of p_bad_b − p_bad_a combines the two Wilson intervals:"
                + " lo = diff − √((p_b − l_b)² + (u_a − p_a)²), hi = diff + √((u_b − p_b)² + (p_a − l_a)²), clipped"
                + " to [−1, 1]. A difference is significant when the interval excludes 0; with many cells, expect"
                + " up to about one in twenty to be flagged by chance where the sweeps do not differ at all."))
                .append("</p>\n</section>\n");
    }

    /** What the compare page adds to the report's style. */
    private static final String CSS = """
            table.cells td.significant { font-weight: 700; }
            """;
}
