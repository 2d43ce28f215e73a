package org.overparam.aggregate;

import org.overparam.certify.Outcome;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The runs of one combination of axis values, summarized. Probabilities are over the classified runs of the cell
 * (all but FAILED ones: a run that threw got no verdict, so it counts neither for nor against a probability); the
 * quantiles are over its finite runs that neither diverged nor failed (see {@link CellTable}).
 *
 * @param key         the axis values, in the order of {@link CellTable#axes()} (a value may be null)
 * @param runs        rows in the cell (≥ 1)
 * @param byOutcome   rows per outcome; every outcome present, zero when absent
 * @param bad         rows with {@code bad_local_min} true
 * @param recovered   rows whose recovery error is finite and below the threshold
 * @param excluded    rows left out of the objective-gap quantiles: diverged, failed, or a non-finite objective gap
 * @param gap         quantiles of the relative objective gap (objective − reference) / f0
 * @param iterations  quantiles of the iterations of the rows that neither diverged nor failed
 * @param wallMs      quantiles of the wall time (ms) of the rows that neither diverged nor failed
 * @param unreachable rows whose search rank cannot reach the reference ({@code reference_reachable} false: R &lt; r,
 *                    or a network narrower than its teacher); a cell of such rows has no P(bad)
 * @param dynamics    quantiles of the escape time, convergence rate, tangent-kernel λ_min and recovery error
 */
public record Cell(List<Object> key, long runs, Map<Outcome, Long> byOutcome, long bad, long recovered,
                   long excluded, Quantiles gap, Quantiles iterations, Quantiles wallMs, long unreachable,
                   Dynamics dynamics) {

    /** Outcomes that are no verdict on the landscape: the run did not end at a stationary point it could judge. */
    public static final List<Outcome> UNCLASSIFIED = List.of(Outcome.NOT_CONVERGED, Outcome.DIVERGED,
            Outcome.FAILED);

    public Cell {
        if (runs < 1) {
            throw new IllegalArgumentException("a cell has at least one run, got " + runs);
        }
        key = Collections.unmodifiableList(new ArrayList<>(key));
        dynamics = dynamics == null ? Dynamics.NONE : dynamics;
        Map<Outcome, Long> counts = new EnumMap<>(Outcome.class);
        for (Outcome o : Outcome.values()) {
            counts.put(o, byOutcome.getOrDefault(o, 0L));
        }
        byOutcome = Collections.unmodifiableMap(counts);
    }

    /** Rows with outcome {@code o}. */
    public long count(Outcome o) {
        return byOutcome.get(o);
    }

    /** Rows with a verdict: all but the FAILED ones. The denominator of every probability. */
    public long classified() {
        return runs - count(Outcome.FAILED);
    }

    /**
     * Whether the cell's runs can reach the certified reference at all (the same for every run of a cell, since it
     * depends on R and the family's rank): a cell where none can is no evidence about bad minima.
     */
    public boolean reachable() {
        return unreachable < runs;
    }

    /** Rows without a verdict on the landscape: not converged, diverged or failed ({@link #UNCLASSIFIED}). */
    public long unclassified() {
        return UNCLASSIFIED.stream().mapToLong(this::count).sum();
    }

    /** P(bad local minimum) = bad / classified; null when no run was classified or the cell is unreachable. */
    public Double pBad() {
        return reachable() ? fraction(bad) : null;
    }

    /** Its 95% Wilson interval; null when no run was classified or the cell is unreachable. */
    public WilsonInterval badInterval() {
        return reachable() ? interval(bad) : null;
    }

    /** P(global) = n_global / classified; null when no run was classified. */
    public Double pGlobal() {
        return fraction(count(Outcome.GLOBAL));
    }

    public WilsonInterval globalInterval() {
        return interval(count(Outcome.GLOBAL));
    }

    /** P(recovered) = recovered / classified; null when no run was classified. */
    public Double pRecovered() {
        return fraction(recovered);
    }

    public WilsonInterval recoveredInterval() {
        return interval(recovered);
    }

    private Double fraction(long k) {
        return classified() == 0 ? null : (double) k / classified();
    }

    private WilsonInterval interval(long k) {
        return classified() == 0 ? null : WilsonInterval.of(k, classified());
    }
}
