package org.overparam.aggregate;

import org.jfree.chart.renderer.PaintScale;

import java.awt.Color;
import java.awt.Paint;

/**
 * Sequential colour scales on [0, 1], interpolated in RGB between published anchor colours: ColorBrewer's
 * YlOrRd and YlGnBu (Harrower &amp; Brewer 2003; light = low, dark = high, readable in grey and by colour-blind
 * readers) for the maps, matplotlib's viridis for ordered line families.
 */
public final class Palette implements PaintScale {

    /** Light yellow (0) to dark red (1): for P(bad local minimum). */
    public static final Palette YL_OR_RD = new Palette("YlOrRd", 0xffffcc, 0xffeda0, 0xfed976, 0xfeb24c,
            0xfd8d3c, 0xfc4e2a, 0xe31a1c, 0xbd0026, 0x800026);

    /** Light yellow (0) to dark blue (1): for P(recovered). */
    public static final Palette YL_GN_BU = new Palette("YlGnBu", 0xffffd9, 0xedf8b1, 0xc7e9b4, 0x7fcdbb,
            0x41b6c4, 0x1d91c0, 0x225ea8, 0x253494, 0x081d58);

    /** Dark purple (0) through teal to yellow (1): for one line per value of an ordered axis. */
    public static final Palette VIRIDIS = new Palette("viridis", 0x440154, 0x482878, 0x3e4989, 0x31688e,
            0x26828e, 0x1f9e89, 0x35b779, 0x6ece58, 0xb5de2b, 0xfde725);

    private final String name;
    private final int[] anchors;

    private Palette(String name, int... anchors) {
        this.name = name;
        this.anchors = anchors.clone();
    }

    @Override
    public double getLowerBound() {
        return 0;
    }

    @Override
    public double getUpperBound() {
        return 1;
    }

    /** The colour at {@code value}, clamped to [0, 1]; NaN gives transparent. */
    @Override
    public Paint getPaint(double value) {
        return color(value);
    }

    /** The colour at {@code value}, clamped to [0, 1]; NaN gives transparent. */
    public Color color(double value) {
        if (Double.isNaN(value)) {
            return new Color(0, 0, 0, 0);
        }
        double t = Math.min(1, Math.max(0, value)) * (anchors.length - 1);
        int i = Math.min((int) Math.floor(t), anchors.length - 2);
        double f = t - i;
        Color a = new Color(anchors[i]);
        Color b = new Color(anchors[i + 1]);
        return new Color(mix(a.getRed(), b.getRed(), f), mix(a.getGreen(), b.getGreen(), f),
                mix(a.getBlue(), b.getBlue(), f));
    }

    /** Black or white, whichever reads better on {@code background} (WCAG relative luminance). */
    public static Color textOn(Color background) {
        return luminance(background) > 0.36 ? Color.BLACK : Color.WHITE;
    }

    static double luminance(Color c) {
        return 0.2126 * linear(c.getRed()) + 0.7152 * linear(c.getGreen()) + 0.0722 * linear(c.getBlue());
    }

    @Override
    public String toString() {
        return name;
    }

    private static double linear(int channel) {
        double s = channel / 255.0;
        return s <= 0.04045 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
    }

    private static int mix(int a, int b, double f) {
        return (int) Math.round(a + (b - a) * f);
    }
}
