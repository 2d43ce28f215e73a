package org.overparam.aggregate;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.overparam.cli.Overparam;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** report.html references every chart, holds no external resource, and opens in headless Chromium. */
class ReportTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final long BROWSER_TIMEOUT_SECONDS = 60;
    private static final Pattern REFERENCE = Pattern.compile("(?:src|href)=\"([^\"#]+)\"");

    private static String html;

    @BeforeAll
    static void read() throws IOException {
        Aggregated a = Aggregated.get();
        assertEquals(Overparam.OK, a.exit(), a::toString);
        html = Files.readString(a.file("report.html"));
    }

    @Test
    void referencesEveryChartFileAndOnlyExistingFiles() throws IOException {
        Set<String> referenced = new TreeSet<>();
        Matcher m = REFERENCE.matcher(html);
        while (m.find()) {
            referenced.add(m.group(1));
        }
        Set<String> charts = new TreeSet<>();
        try (Stream<Path> s = Files.list(Aggregated.get().file("charts"))) {
            s.forEach(p -> charts.add("charts/" + p.getFileName()));
        }
        assertEquals(26, charts.size(), "6 charts per panel and the tangent kernel's at α = 0.1, PNG and SVG");
        assertTrue(referenced.containsAll(charts), "every chart file is in the report");
        for (String r : referenced) {
            assertFalse(r.contains("://"), "no external resource: " + r);
            assertTrue(Files.exists(Aggregated.get().file(r)), "referenced but missing: " + r);
        }
        assertEquals(13, count(html, "<img "), "the 13 PNGs are shown");
    }

    @Test
    void showsTheManifestTheTableAndTheDefinitions() {
        assertTrue(html.contains("<th>spec_hash</th><td>0f3c9a</td>"), "manifest key/values");
        assertTrue(html.contains("<th>counts_by_outcome</th><td>{&quot;GLOBAL&quot;:1,&quot;DIVERGED&quot;:2}</td>"));
        assertTrue(html.contains("&lt;b&gt;escaped&lt;/b&gt; &amp; long"), "manifest text is escaped");
        assertFalse(html.contains("<b>escaped</b>"));
        assertEquals(SyntheticSweep.CELLS, count(html, "<tr><td class=\"axis\">"), "one table row per cell");
        for (CellTable.Stat s : CellTable.stats()) {
            assertTrue(html.contains("<dt>" + s.name() + "</dt>"), s.name() + " is defined");
        }
        assertTrue(html.contains("Du &amp; Lee 2018"), "the overlay drawn is explained");
        assertFalse(html.contains("NaN"), "no NaN anywhere on the page");
    }

    @Test
    void opensInHeadlessChromium(@TempDir Path tmp) throws Exception {
        if (!Files.isExecutable(CHROMIUM)) {
            fail(CHROMIUM + " is missing: install Debian's chromium (apt-get install -y chromium) to test the report");
        }
        Path report = Aggregated.get().file("report.html");
        Path screenshot = tmp.resolve("report.png");
        Browser dom = chromium(tmp, "--dump-dom", report);
        assertEquals(0, dom.exit(), dom::toString);
        assertTrue(dom.out().contains("id=\"cell-table\""), "the cell table is in the DOM");
        assertTrue(dom.out().contains("data-images=\"13/13\""), () -> "every image loaded: " + dom);
        assertFalse(dom.out().contains("<p class=\"broken-note\">"), () -> "a chart is missing: " + dom.out());
        assertFalse(dom.err().contains("Uncaught"), () -> "a script error: " + dom.err());

        Browser shot = chromium(tmp, "--screenshot=" + screenshot, report);
        assertEquals(0, shot.exit(), shot::toString);
        BufferedImage image = ImageIO.read(screenshot.toFile());
        assertEquals(1280, image.getWidth());
        assertTrue(image.getHeight() >= 1000);
    }

    private record Browser(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- stderr\n" + err;
        }
    }

    private static Browser chromium(Path tmp, String action, Path page) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--hide-scrollbars", "--window-size=1280,2400",
                "--user-data-dir=" + tmp.resolve("profile")));
        command.add(action);
        command.add(page.toUri().toString());
        Path out = tmp.resolve("stdout.txt");
        Path err = tmp.resolve("stderr.txt");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(BROWSER_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("chromium did not finish within " + BROWSER_TIMEOUT_SECONDS + " s: " + command);
        }
        return new Browser(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
