package org.overparam.aggregate;

import org.overparam.certify.Outcome;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The runs of one combination of axis values, summarized. Probabilities are over all runs of the cell; the
 * quantiles are over its finite, non-diverged runs only (see {@link CellTable}).
 *
 * @param key         the axis values, in the order of {@link CellTable#axes()} (a value may be null)
 * @param runs        rows in the cell (≥ 1)
 * @param byOutcome   rows per outcome; every outcome present, zero when absent
 * @param bad         rows with {@code bad_local_min} true
 * @param recovered   rows whose recovery error is finite and below the threshold
 * @param excluded    rows left out of the objective-gap quantiles: diverged, or a non-finite objective gap
 * @param gap         quantiles of the relative objective gap (objective − reference) / f0
 * @param iterations  quantiles of the iterations of the non-diverged rows
 * @param wallMs      quantiles of the wall time (ms) of the non-diverged rows
 */
public record Cell(List<Object> key, long runs, Map<Outcome, Long> byOutcome, long bad, long recovered,
                   long excluded, Quantiles gap, Quantiles iterations, Quantiles wallMs) {

    public Cell {
        if (runs < 1) {
            throw new IllegalArgumentException("a cell has at least one run, got " + runs);
        }
        key = Collections.unmodifiableList(new ArrayList<>(key));
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

    /** P(bad local minimum), the fraction of rows with {@code bad_local_min}. */
    public double pBad() {
        return (double) bad / runs;
    }

    public WilsonInterval badInterval() {
        return WilsonInterval.of(bad, runs);
    }

    /** P(global), the fraction of rows with outcome GLOBAL. */
    public double pGlobal() {
        return (double) count(Outcome.GLOBAL) / runs;
    }

    public WilsonInterval globalInterval() {
        return WilsonInterval.of(count(Outcome.GLOBAL), runs);
    }

    /** P(recovered): rows with a recovery error below the threshold, over all rows of the cell. */
    public double pRecovered() {
        return (double) recovered / runs;
    }

    public WilsonInterval recoveredInterval() {
        return WilsonInterval.of(recovered, runs);
    }
}
