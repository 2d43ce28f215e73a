package org.overparam.sweep;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.LongStream;

/**
 * Which run-order positions of a spec the committed waves hold, from their log entries alone: a rerun of the same
 * spec (the common resume, after a crash or Ctrl-C) plans its pending points without reading a row or building a
 * point id, whatever the sweep's size. Known only when every committed wave recorded its positions under that
 * spec; otherwise (an extended grid, rows from an older version) the rows are read.
 */
final class Coverage {

    /** Merged, sorted [from, to) pairs. */
    private final long[] ranges;
    private final Map<String, Long> outcomes;

    private Coverage(long[] ranges, Map<String, Long> outcomes) {
        this.ranges = ranges;
        this.outcomes = outcomes;
    }

    /** The coverage of {@code waves} under {@code specHash}, when every wave recorded one. */
    static Optional<Coverage> of(List<CommitLog.Wave> waves, String specHash) {
        List<long[]> pairs = new ArrayList<>();
        Map<String, Long> outcomes = new TreeMap<>();
        for (CommitLog.Wave w : waves) {
            if (!specHash.equals(w.specHash()) || w.positions() == null || w.outcomes() == null) {
                return Optional.empty();
            }
            for (int k = 0; k + 1 < w.positions().length; k += 2) {
                pairs.add(new long[] {w.positions()[k], w.positions()[k + 1]});
            }
            w.outcomes().forEach((o, n) -> outcomes.merge(o, n, Long::sum));
        }
        pairs.sort((a, b) -> Long.compare(a[0], b[0]));
        long[] merged = new long[2 * pairs.size()];
        int m = 0;
        for (long[] p : pairs) {
            if (m > 0 && p[0] <= merged[m - 1]) {
                merged[m - 1] = Math.max(merged[m - 1], p[1]);
            } else {
                merged[m++] = p[0];
                merged[m++] = p[1];
            }
        }
        return Optional.of(new Coverage(Arrays.copyOf(merged, m), outcomes));
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
        LongStream.Builder gaps = LongStream.builder();
        long next = 0;
        for (int k = 0; k < ranges.length; k += 2) {
            gaps.add(next).add(Math.min(ranges[k], count));
            next = Math.max(next, ranges[k + 1]);
        }
        gaps.add(next).add(count);
        long[] g = gaps.build().toArray();
        return LongStream.range(0, g.length / 2).flatMap(k -> LongStream.range(g[(int) (2 * k)],
                Math.max(g[(int) (2 * k)], g[(int) (2 * k + 1)])));
    }

    /** Rows per outcome of the covered points. */
    Map<String, Long> outcomes() {
        return outcomes;
    }
}
