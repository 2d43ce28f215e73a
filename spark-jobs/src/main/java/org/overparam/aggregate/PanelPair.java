package org.overparam.aggregate;

import java.util.Arrays;

/**
 * One panel of a comparison: sweep A's cells and sweep B's at the same values of the other shared axes, on the same
 * scales (see {@link CompareTable#panels}).
 *
 * @param a sweep A's panel (its cells only)
 * @param b sweep B's panel, with the same fixed values and scales
 */
public record PanelPair(Panel a, Panel b) {

    public PanelPair {
        if (!a.fixed().equals(b.fixed()) || a.xScale() != b.xScale() || a.yScale() != b.yScale()) {
            throw new IllegalArgumentException("a panel pair shares its fixed values and scales, got " + a.fixed()
                    + " and " + b.fixed());
        }
    }

    /**
     * The compared cell at category indices (i, j), keyed by its (x, y) values, or null when neither sweep has runs
     * there.
     */
    public ComparedCell at(int i, int j) {
        Cell ca = a.at(i, j);
        Cell cb = b.at(i, j);
        if (ca == null && cb == null) {
            return null;
        }
        Panel p = ca != null ? a : b;
        return new ComparedCell(Arrays.asList(p.xScale().values().get(i), p.yScale().values().get(j)), ca, cb);
    }

    /** {@code alpha = 0.1}, or empty for a single panel. */
    public String title() {
        return a.title();
    }

    /** A file-name suffix, as {@link Panel#slug()}. */
    public String slug() {
        return a.slug();
    }
}
