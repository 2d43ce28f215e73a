package org.overparam.aggregate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One cell of a comparison: the cells of sweeps A and B at the same values of the shared axes, either of which may be
 * missing. P(bad) is the cell table's ({@link Cell#pBad()}: bad / classified runs, none where the runs cannot reach
 * the reference); the difference is B − A, with its 95% {@link NewcombeInterval}, where both sides have a P(bad).
 *
 * @param key the values of the shared axes
 * @param a   sweep A's cell, or null when A has no runs here
 * @param b   sweep B's cell, or null when B has no runs here
 */
public record ComparedCell(List<Object> key, Cell a, Cell b) {

    public ComparedCell {
        if (a == null && b == null) {
            throw new IllegalArgumentException("a compared cell has runs on at least one side, at " + key);
        }
        key = Collections.unmodifiableList(new ArrayList<>(key));
    }

    /** P(bad) in A, or null (no runs in A, none classified, or out of reach of the reference). */
    public Double pBadA() {
        return a == null ? null : a.pBad();
    }

    /** P(bad) in B, or null. */
    public Double pBadB() {
        return b == null ? null : b.pBad();
    }

    /** Whether both sides have a P(bad): the cell has a difference. */
    public boolean compared() {
        return pBadA() != null && pBadB() != null;
    }

    /** P(bad) in B − P(bad) in A, or null when either side has none. */
    public Double diff() {
        return compared() ? pBadB() - pBadA() : null;
    }

    /** The 95% Newcombe interval of the difference, or null when there is none. */
    public NewcombeInterval interval() {
        return compared() ? NewcombeInterval.of(a.bad(), a.classified(), b.bad(), b.classified()) : null;
    }

    /** Whether the interval excludes 0; null when there is no difference. */
    public Boolean significant() {
        return compared() ? interval().excludesZero() : null;
    }

    /** Whether either side's runs cannot reach the reference here (then there is no difference to show). */
    public boolean unreachable() {
        return (a != null && !a.reachable()) || (b != null && !b.reachable());
    }
}
