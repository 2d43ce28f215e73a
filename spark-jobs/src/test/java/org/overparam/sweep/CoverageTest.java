package org.overparam.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.overparam.spec.PointMap;
import org.overparam.spec.SpecLoader;
import org.overparam.spec.SweepSpec;

/** What the committed waves of a spec hold, from their entries: ranges, their union, and what is left. */
class CoverageTest {

    private static final SweepSpec SPEC = spec("R: [1, 2, 3]\n  alpha: 0.1\n  n: [12, 16]", 50);

    private static SweepSpec spec(String grid, int replicates) {
        return SpecLoader.parse("name: c\nseed: 3\nreplicates: " + replicates
                + "\nproblem: {family: quadratic-network, d: 6, r: 1}\ngrid:\n  " + grid + "\n");
    }

    private static Optional<Coverage> coverage(List<CommitLog.Wave> waves) {
        return Coverage.of(waves, SPEC, hash -> Optional.empty());
    }

    private static CommitLog.Wave wave(String hash, long[] positions, Map<String, Long> outcomes) {
        return new CommitLog.Wave("w", List.of(), positions.length, hash, Coverage.ranges(positions), outcomes, List.of());
    }

    @Test
    void rangesCompressAscendingPositions() {
        assertArrayEquals(new long[] {}, Coverage.ranges(new long[] {}));
        assertArrayEquals(new long[] {3, 6, 8, 9, 10, 12}, Coverage.ranges(new long[] {3, 4, 5, 8, 10, 11}));
    }

    @Test
    void theUncoveredPositionsAreExactlyThoseNoWaveHolds() {
        SplittableRandom random = new SplittableRandom(7);
        for (int trial = 0; trial < 200; trial++) {
            long count = SPEC.count();
            TreeSet<Long> covered = new TreeSet<>();
            List<CommitLog.Wave> waves = new java.util.ArrayList<>();
            for (int w = random.nextInt(5); w > 0; w--) {
                long[] positions = LongStream.range(0, count).filter(p -> random.nextInt(3) == 0).toArray();
                for (long p : positions) {
                    covered.add(p);
                }
                waves.add(wave(SPEC.hash(), positions, Map.of("GLOBAL", (long) positions.length)));
            }
            Coverage coverage = coverage(waves).orElseThrow();
            long[] expected = LongStream.range(0, count).filter(p -> !covered.contains(p)).toArray();
            assertArrayEquals(expected, coverage.uncovered(count).toArray());
            assertEquals(waves.stream().mapToLong(CommitLog.Wave::rows).sum(),
                    coverage.outcomes().getOrDefault("GLOBAL", 0L));
        }
    }

    @Test
    void unknownWhenAWaveRecordedNoPositionsOrAnotherSpec() {
        CommitLog.Wave mine = wave(SPEC.hash(), new long[] {0, 1}, Map.of("GLOBAL", 2L));
        assertTrue(coverage(List.of(mine)).isPresent());
        assertTrue(coverage(List.of(mine, wave("other", new long[] {2}, Map.of()))).isEmpty());
        assertTrue(coverage(List.of(mine, CommitLog.Wave.adopted(List.of("f.parquet")))).isEmpty());
    }

    /** Waves of a spec that this one extends are carried over point by point: what is left is what has no row. */
    @Test
    void theWavesOfAnExtendedSpecCarryOverToItsPoints() {
        SweepSpec before = spec("R: [1, 2]\n  alpha: 0.1\n  n: [12, 16, 24]", 30);
        SplittableRandom random = new SplittableRandom(11);
        long[] positions = LongStream.range(0, before.count()).filter(p -> random.nextInt(4) != 0).toArray();
        Set<String> done = new HashSet<>();
        for (long p : positions) {
            done.add(before.point(before.indexAt(p)).pointId());
        }
        CommitLog.Wave earlier = wave(before.hash(), positions, Map.of("GLOBAL", (long) positions.length));
        CommitLog.Wave mine = wave(SPEC.hash(), new long[] {SPEC.count() - 1}, Map.of("GLOBAL", 1L));
        Coverage coverage = Coverage.of(List.of(earlier, mine), SPEC,
                hash -> hash.equals(before.hash()) ? PointMap.between(before, SPEC) : Optional.empty()).orElseThrow();
        long[] expected = LongStream.range(0, SPEC.count() - 1)
                .filter(p -> !done.contains(SPEC.point(SPEC.indexAt(p)).pointId())).toArray();
        assertArrayEquals(expected, coverage.uncovered(SPEC.count()).toArray());
        assertEquals(positions.length + 1L, coverage.outcomes().get("GLOBAL"));
    }
}
