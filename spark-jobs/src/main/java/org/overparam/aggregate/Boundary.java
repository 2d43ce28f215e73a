package org.overparam.aggregate;

/**
 * The boundary estimate of a P(bad) map: for each y value (n), the smallest x value (R) whose 95% Wilson upper
 * bound of P(bad local minimum) is at most {@link #LEVEL}. A conservative estimate: the bound, not the point
 * estimate, must clear the level, so a cell certifies only with enough runs ({@link #runsNeeded()}).
 */
public final class Boundary {

    /** The tolerated probability of a bad local minimum. */
    public static final double LEVEL = 0.05;

    private Boundary() {
    }

    /** Per row j, the smallest column i whose cell certifies P(bad) ≤ LEVEL, or −1 when none does. */
    public static int[] firstSafe(Panel panel) {
        int[] first = new int[panel.yScale().size()];
        for (int j = 0; j < first.length; j++) {
            first[j] = -1;
            for (int i = 0; i < panel.xScale().size(); i++) {
                Cell c = panel.at(i, j);
                if (c != null && c.badInterval() != null && c.badInterval().hi() <= LEVEL) {
                    first[j] = i;
                    break;
                }
            }
        }
        return first;
    }

    /** Runs a cell without any bad run needs before its upper bound reaches LEVEL (73 at 5%). */
    public static long runsNeeded() {
        return WilsonInterval.runsToCertify(LEVEL);
    }
}
