package org.overparam.aggregate;

import org.jfree.chart.renderer.PaintScale;

import java.awt.Color;
import java.awt.Paint;

/**
 * Colour scales interpolated in RGB between published anchor colours: the sequential ColorBrewer YlOrRd and YlGnBu
 * (Harrower &amp; Brewer 2003; light = low, dark = high, readable in grey and by colour-blind readers) on [0, 1] for
 * the maps, matplotlib's viridis for ordered line families, and ColorBrewer's diverging RdBu, white in the middle,
 * for differences on a range symmetric around 0.
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

    /**
     * Dark blue (−1) through white (0) to dark red (1): ColorBrewer's 11-class RdBu, reversed so that red means more
     * (of bad minima, in a difference). Narrow its range with {@link #over}.
     */
    public static final Palette BLUE_WHITE_RED = new Palette("RdBu reversed", -1, 1, new int[] {0x053061, 0x2166ac,
            0x4393c3, 0x92c5de, 0xd1e5f0, 0xf7f7f7, 0xfddbc7, 0xf4a582, 0xd6604d, 0xb2182b, 0x67001f});

    private final String name;
    private final double lower;
    private final double upper;
    private final int[] anchors;

    private Palette(String name, int... anchors) {
        this(name, 0, 1, anchors);
    }

    private Palette(String name, double lower, double upper, int[] anchors) {
        if (!(lower < upper)) {
            throw new IllegalArgumentException("a palette needs lower < upper, got " + lower + " and " + upper);
        }
        this.name = name;
        this.lower = lower;
        this.upper = upper;
        this.anchors = anchors.clone();
    }

    /** The same colours spread over [lower, upper] instead. */
    public Palette over(double lower, double upper) {
        return new Palette(name, lower, upper, anchors);
    }

    @Override
    public double getLowerBound() {
        return lower;
    }

    @Override
    public double getUpperBound() {
        return upper;
    }

    /** The colour at {@code value}, clamped to the palette's range; NaN gives transparent. */
    @Override
    public Paint getPaint(double value) {
        return color(value);
    }

    /** The colour at {@code value}, clamped to the palette's range; NaN gives transparent. */
    public Color color(double value) {
        if (Double.isNaN(value)) {
            return new Color(0, 0, 0, 0);
        }
        double t = (Math.min(upper, Math.max(lower, value)) - lower) / (upper - lower) * (anchors.length - 1);
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
