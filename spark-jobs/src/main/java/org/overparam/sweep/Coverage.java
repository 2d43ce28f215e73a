package org.overparam.sweep;

import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.LongStream;
import org.overparam.spec.PointMap;
import org.overparam.spec.SweepSpec;

/**
 * Which run-order positions of a spec the committed waves hold, from their log entries alone: a rerun plans its
 * pending points without reading a row or building a point id, whatever the sweep's size. Each wave entry records
 * its positions under the spec it ran; a wave of this spec counts as recorded, a wave of a spec that this one
 * extends is carried over through a {@link PointMap} (its points that the extended grid keeps). Unknown when a
 * wave recorded no positions (rows from an older version) or its spec cannot be mapped; then the rows are read.
 * One bit per point: 1.25 MB at the 10⁷-point limit.
 */
final class Coverage {

    private final BitSet covered;
    private final Map<String, Long> outcomes;

    private Coverage(BitSet covered, Map<String, Long> outcomes) {
        this.covered = covered;
        this.outcomes = outcomes;
    }

    /**
     * The coverage of {@code waves} in {@code spec}'s run order, when every wave recorded its positions and each
     * other spec it ran under maps onto this one ({@code mapFrom}: by spec hash).
     */
    static Optional<Coverage> of(List<CommitLog.Wave> waves, SweepSpec spec,
                                 Function<String, Optional<PointMap>> mapFrom) {
        BitSet covered = new BitSet();
        Map<String, Long> outcomes = new TreeMap<>();
        Map<String, Optional<PointMap>> maps = new HashMap<>();
        for (CommitLog.Wave w : waves) {
            if (w.specHash() == null || w.positions() == null || w.outcomes() == null) {
                return Optional.empty();
            }
            long[] ranges = w.positions();
            if (w.specHash().equals(spec.hash())) {
                for (int k = 0; k + 1 < ranges.length; k += 2) {
                    covered.set(Math.toIntExact(ranges[k]), Math.toIntExact(ranges[k + 1]));
                }
            } else {
                Optional<PointMap> map = maps.computeIfAbsent(w.specHash(), mapFrom);
                if (map.isEmpty()) {
                    return Optional.empty();
                }
                for (int k = 0; k + 1 < ranges.length; k += 2) {
                    for (long p = ranges[k]; p < ranges[k + 1]; p++) {
                        long q = map.get().position(p);
                        if (q >= 0) {
                            covered.set(Math.toIntExact(q));
                        }
                    }
                }
            }
            w.outcomes().forEach((o, n) -> outcomes.merge(o, n, Long::sum));
        }
        return Optional.of(new Coverage(covered, outcomes));
    }

    /** [from, to) pairs of the ascending {@code positions}. */
    static long[] ranges(long[] positions) {
        long[] out = new long[2 * positions.length];
        int m = 0;
        for (long p : positions) {
            if (m > 0 && out[m - 1] == p) {
                out[m - 1] = p + 1;
            } else {
                out[m++] = p;
                out[m++] = p + 1;
            }
        }
        return Arrays.copyOf(out, m);
    }

    /** The positions in [0, {@code count}) that no wave holds, ascending. */
    LongStream uncovered(long count) {
        int n = Math.toIntExact(count);
        return LongStream.iterate(covered.nextClearBit(0), p -> p < n, p -> covered.nextClearBit((int) p + 1));
    }

    /** Rows per outcome of the committed waves (every row in the directory, whether this spec keeps its point). */
    Map<String, Long> outcomes() {
        return outcomes;
    }
}
