package org.overparam.aggregate;

import org.junit.jupiter.api.Test;
import org.overparam.cli.Overparam;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The difference maps of the synthetic comparison: files, size, legend, one label per cell, colours and signs. */
class DifferenceMapTest {

    /** The diverging scale's middle is ColorBrewer's near-white #f7f7f7. */
    private static final int NEAR_WHITE = 0xf0;

    @Test
    void eachPanelHasItsMapInBothFormats() throws Exception {
        Compared c = Compared.get();
        assertEquals(Overparam.OK, c.exit(), c::toString);
        for (String panel : List.of("__alpha=0.001", "__alpha=0.1")) {
            Path png = c.file("charts/" + CompareJob.CHART_STEM + panel + ".png");
            ChartsTest.assertPng(png, DifferenceMap.WIDTH, DifferenceMap.HEIGHT);
            List<String> texts = ChartsTest.texts(ChartsTest.parse(c.file("charts/" + CompareJob.CHART_STEM + panel
                    + ".svg")));
            assertTrue(texts.contains("P(bad) in B − P(bad) in A over R × n at alpha = " + panel.substring(8)),
                    texts::toString);
            assertTrue(texts.contains("P(bad) in B − P(bad) in A"), "the colour scale is labelled");
            assertTrue(texts.contains("A's boundary") || texts.contains("A's, undecided"), texts::toString);
            assertTrue(texts.contains("B's boundary") || texts.contains("B's, undecided"), texts::toString);
            assertTrue(texts.stream().anyMatch(t -> t.contains("A = " + SyntheticSweep.NAME + " (method = gd) · B = "
                    + Compared.B.name() + " (method = perturbed-gd)")), texts::toString);

            List<String> rows = csvRows(panel.substring(8));
            long compared = rows.stream().filter(r -> !r.split(",", -1)[9].isEmpty()).count();
            long significant = rows.stream().filter(r -> r.endsWith(",true")).count();
            assertEquals(compared, texts.stream().filter(t -> t.matches("(0\\.00|[+−]\\d\\.\\d\\d)\\*?")).count(),
                    "one signed difference per cell that has one");
            assertEquals(significant, texts.stream().filter(t -> t.endsWith(DifferenceMap.SIGNIFICANT)).count());
            // B's cells at n = 96, but for R = 1 where α = 0.001 cannot reach the reference: hatched, not labelled.
            boolean unreachable = Double.parseDouble(panel.substring(8)) == SyntheticSweep.UNREACHABLE_ALPHA;
            assertEquals(SyntheticSweep.R.length - (unreachable ? 1 : 0), texts.stream()
                    .filter(DifferenceMap.ONLY_B::equals).count(), "B's cells at n = 96");
        }
    }

    @Test
    void labelsGiveTheSignedDifferenceAndMarkSignificance() {
        assertEquals("−0.12" + DifferenceMap.SIGNIFICANT, DifferenceMap.label(pair(20, 8)), "20/100 → 8/100");
        assertEquals("−0.12", DifferenceMap.label(pair(44, 32)), "44/100 → 32/100: the interval holds 0");
        assertEquals("+0.25" + DifferenceMap.SIGNIFICANT, DifferenceMap.label(pair(0, 25)));
        assertEquals("0.00", DifferenceMap.label(pair(3, 3)));
        Cell cell = Cells.cell(1, 12, 3, 100);
        assertEquals(DifferenceMap.ONLY_A, DifferenceMap.label(new ComparedCell(List.of(1, 12), cell, null)));
        assertEquals(DifferenceMap.ONLY_B, DifferenceMap.label(new ComparedCell(List.of(1, 12), null, cell)));
    }

    @Test
    void blueMeansFewerBadMinimaInBRedMoreWhiteNone() {
        Palette p = Palette.BLUE_WHITE_RED.over(-0.2, 0.2);
        Color fewer = p.color(-0.15);
        Color more = p.color(0.15);
        Color none = p.color(0);
        assertTrue(fewer.getBlue() > fewer.getRed() + 60, fewer::toString);
        assertTrue(more.getRed() > more.getBlue() + 60, more::toString);
        assertTrue(none.getRed() >= NEAR_WHITE && none.getGreen() >= NEAR_WHITE && none.getBlue() >= NEAR_WHITE,
                none::toString);
        assertEquals(p.color(-0.2), p.color(-1), "clamped at the ends of the scale");
        assertEquals(0.1, DifferenceMap.range(0.1));
        assertEquals(0.2, DifferenceMap.range(0.12));
        assertEquals(1.0, DifferenceMap.range(0.9));
    }

    private static ComparedCell pair(long badA, long badB) {
        return new ComparedCell(List.of(1, 12), Cells.cell(1, 12, badA, 100), Cells.cell(1, 12, badB, 100));
    }

    /** compare.csv's rows at this α (the first column). */
    private static List<String> csvRows(String alpha) throws IOException {
        return Files.readAllLines(Compared.get().file(CompareJob.CSV)).stream().skip(1)
                .filter(l -> Double.parseDouble(l.split(",")[0]) == Double.parseDouble(alpha)).toList();
    }
}
