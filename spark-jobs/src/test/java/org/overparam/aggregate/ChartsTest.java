package org.overparam.aggregate;

import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.overparam.cli.Overparam;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Charts render headless to PNG and SVG of the expected size, with content. */
class ChartsTest {

    /** A blank image has a handful of colours; a map with a colour scale, text and lines has hundreds. */
    private static final int MIN_COLOURS = 40;
    /** At least this fraction of the pixels is not white: most of a map, the lines and bands of the curves. */
    private static final double MIN_INK_MAP = 0.5;
    private static final double MIN_INK_CURVES = 0.05;

    @Test
    void everyPanelHasItsMapsAndCurvesInBothFormats() throws IOException {
        Aggregated a = Aggregated.get();
        assertEquals(Overparam.OK, a.exit(), a::toString);
        assertTrue(java.awt.GraphicsEnvironment.isHeadless(), "charts are drawn without a display");
        Set<String> expected = new TreeSet<>();
        for (String panel : List.of("__alpha=0.001", "__alpha=0.1")) {
            // The dynamics charts: the tangent kernel only where a panel has its values (α = 0.1); no recovery
            // against α, which has two values.
            List<String> kinds = new java.util.ArrayList<>(List.of("p_bad_map", "p_recovered_map", "p_bad_curves",
                    "iterations_curves", "escape_iterations_curves", "convergence_rate_curves"));
            if (panel.equals("__alpha=0.1")) {
                kinds.add("kernel_min_eig_curves");
            }
            for (String chart : kinds) {
                expected.add(chart + panel + ".png");
                expected.add(chart + panel + ".svg");
            }
        }
        assertEquals(expected, names(a.file("charts")));
    }

    @Test
    void pngsHaveTheirSizeAndContent() throws IOException {
        for (Path png : files(Aggregated.get().file("charts"), ".png")) {
            boolean curves = png.getFileName().toString().contains("curves");
            assertPng(png, curves ? Curves.WIDTH : Heatmap.WIDTH, curves ? Curves.HEIGHT : Heatmap.HEIGHT);
        }
    }

    @Test
    void svgsParseWithShapesAndText() throws Exception {
        for (Path svg : files(Aggregated.get().file("charts"), ".svg")) {
            boolean curves = svg.getFileName().toString().contains("curves");
            Document doc = parse(svg);
            assertEquals("svg", doc.getDocumentElement().getLocalName());
            assertEquals(curves ? Curves.WIDTH : Heatmap.WIDTH,
                    Double.parseDouble(doc.getDocumentElement().getAttribute("width")), 0.0, svg.toString());
            assertEquals(curves ? Curves.HEIGHT : Heatmap.HEIGHT,
                    Double.parseDouble(doc.getDocumentElement().getAttribute("height")), 0.0, svg.toString());
            int shapes = count(doc, "rect") + count(doc, "path");
            assertTrue(shapes >= SyntheticSweep.CELLS_PER_PANEL, svg + ": " + shapes + " shapes");
            List<String> texts = texts(doc);
            assertTrue(texts.contains("R (rank / width searched)"), svg + ": x axis title");
            String name = svg.getFileName().toString();
            String yTitle = !curves ? "n (measurements / samples)" : name.startsWith("p_bad") ? "P(bad local minimum)"
                    : java.util.Arrays.stream(DynamicsCurves.Quantity.values())
                            .filter(q -> name.startsWith(q.file + "_curves")).findFirst().orElseThrow().title
                            + " (median, 10–90%)";
            assertTrue(texts.contains(yTitle), svg + ": y axis title '" + yTitle + "', as text");
            if (!curves) {
                // Every cell with a verdict is annotated k/N (N = replicates, one less at R = 2 where a replicate
                // failed); the cell in which every run failed has none.
                boolean hasAllFailed = svg.getFileName().toString().contains("alpha=0.001");
                // There, too, R = 1 cannot reach the reference: its cells are hatched on the P(bad) map, unlabelled.
                int unreachable = hasAllFailed && svg.getFileName().toString().startsWith("p_bad")
                        ? SyntheticSweep.N.length : 0;
                String n = "(" + SyntheticSweep.REPLICATES + "|" + (SyntheticSweep.REPLICATES - 1) + ")";
                assertEquals(SyntheticSweep.CELLS_PER_PANEL - (hasAllFailed ? 1 : 0) - unreachable, texts.stream()
                                .filter(t -> t.matches("\\d+/" + n + "( \\+\\d+\\?)?")).count(),
                        svg + ": every cell annotated k/N");
            }
        }
    }

    @Test
    void badMapsCarryTheBoundaryAndTheTheoryInTheirLegend() throws Exception {
        Document doc = parse(Aggregated.get().file("charts/p_bad_map__alpha=0.1.svg"));
        List<String> texts = texts(doc);
        assertTrue(texts.contains("boundary: smallest R from which P(bad) ≤ 5% (95% upper bound)")
                || texts.contains("boundary, undecided (an open cell below it)"), texts::toString);
        assertTrue(texts.contains("R = r"), texts::toString);
        assertTrue(texts.contains("R = √(2n)"), texts::toString);
        assertTrue(texts.contains("P(bad local minimum)"), "the colour scale is labelled");
        Document recovered = parse(Aggregated.get().file("charts/p_recovered_map__alpha=0.1.svg"));
        assertFalse(texts(recovered).contains("boundary: smallest R from which P(bad) ≤ 5% (95% upper bound)"));
        Document divergedPanel = parse(Aggregated.get().file("charts/p_bad_map__alpha=0.001.svg"));
        assertTrue(texts(divergedPanel).stream().anyMatch(t -> t.matches("0/" + SyntheticSweep.REPLICATES
                        + " \\" + Heatmap.UNCLASSIFIED_MARK + "\\d+\\?")),
                "the all-diverged cell is flagged with its runs without a verdict, not shown as a clean 0/N");
    }

    @Test
    void largeGridsDropTheCellTextButKeepTheirSize(@TempDir Path dir) throws Exception {
        int[] ranks = java.util.stream.IntStream.rangeClosed(1, 15).toArray();
        int[] ns = java.util.stream.IntStream.rangeClosed(1, 12).map(i -> 10 * i).toArray();
        CellTable t = Cells.grid(ranks, ns, 100, (r, n) -> (long) Math.max(0, 100 - 20 * r - n / 3));
        assertTrue(ranks.length * ns.length > Heatmap.ANNOTATE_MAX_CELLS);
        Panel p = Panel.split(t, Map.of("family", "symmetric-sensing", "true_rank", 3), "R", "n").get(0);
        JFreeChart chart = Heatmap.chart(p, Metric.P_BAD, "test", true);
        Path png = dir.resolve("big.png");
        Path svg = dir.resolve("big.svg");
        ChartWriter.write(chart, Heatmap.WIDTH, Heatmap.HEIGHT, png, svg);
        assertPng(png, Heatmap.WIDTH, Heatmap.HEIGHT);
        List<String> texts = texts(parse(svg));
        assertEquals(0, texts.stream().filter(s -> s.matches("\\d+/\\d+")).count(), "no k/N on 180 cells");
        assertTrue(texts.contains("R = r"));
    }

    static void assertPng(Path png, int width, int height) throws IOException {
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(width, image.getWidth(), png.toString());
        assertEquals(height, image.getHeight(), png.toString());
        Set<Integer> colours = new HashSet<>();
        long ink = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int rgb = image.getRGB(x, y) & 0xffffff;
                colours.add(rgb);
                if (rgb != 0xffffff) {
                    ink++;
                }
            }
        }
        assertTrue(colours.size() > MIN_COLOURS, png + ": " + colours.size() + " colours");
        double minInk = width == Curves.WIDTH && height == Curves.HEIGHT ? MIN_INK_CURVES : MIN_INK_MAP;
        assertTrue(ink > minInk * width * height, png + ": " + ink + " non-white pixels");
    }

    static Document parse(Path svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        // JFreeSVG writes a DOCTYPE; parse offline without fetching the DTD.
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return f.newDocumentBuilder().parse(svg.toFile());
    }

    private static int count(Document doc, String element) {
        return doc.getElementsByTagNameNS("*", element).getLength();
    }

    static List<String> texts(Document doc) {
        NodeList nodes = doc.getElementsByTagNameNS("*", "text");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add(nodes.item(i).getTextContent().strip());
        }
        return out;
    }

    private static Set<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return new TreeSet<>(s.map(p -> p.getFileName().toString()).toList());
        }
    }

    private static List<Path> files(Path dir, String suffix) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> out = s.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
            assertFalse(out.isEmpty(), "no " + suffix + " in " + dir);
            return out;
        }
    }
}
