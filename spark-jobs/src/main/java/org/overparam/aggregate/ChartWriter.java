package org.overparam.aggregate;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGUtils;

import java.awt.Rectangle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Renders a chart twice, headless: a PNG of the given pixel size and an SVG of the same geometry. */
final class ChartWriter {

    private ChartWriter() {
    }

    static void write(JFreeChart chart, int width, int height, Path png, Path svg) {
        ChartStyle.headless();
        try {
            ChartUtils.saveChartAsPNG(png.toFile(), chart, width, height);
            SVGGraphics2D g2 = new SVGGraphics2D(width, height);
            chart.draw(g2, new Rectangle(0, 0, width, height));
            SVGUtils.writeToSVG(svg.toFile(), g2.getSVGElement());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + png + " or " + svg, e);
        }
    }
}
