package org.overparam.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** What the committed waves of a spec hold, from their entries: ranges, their union, and what is left. */
class CoverageTest {

    private static CommitLog.Wave wave(String hash, long[] positions, Map<String, Long> outcomes) {
        return new CommitLog.Wave("w", List.of(), positions.length, hash, Coverage.ranges(positions), outcomes);
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
            long count = 1 + random.nextInt(300);
            TreeSet<Long> covered = new TreeSet<>();
            List<CommitLog.Wave> waves = new java.util.ArrayList<>();
            for (int w = random.nextInt(5); w > 0; w--) {
                long[] positions = LongStream.range(0, count).filter(p -> random.nextInt(3) == 0).toArray();
                for (long p : positions) {
                    covered.add(p);
                }
                waves.add(wave("h", positions, Map.of("GLOBAL", (long) positions.length)));
            }
            Coverage coverage = Coverage.of(waves, "h").orElseThrow();
            long[] expected = LongStream.range(0, count).filter(p -> !covered.contains(p)).toArray();
            assertArrayEquals(expected, coverage.uncovered(count).toArray());
            assertEquals(waves.stream().mapToLong(CommitLog.Wave::rows).sum(),
                    coverage.outcomes().getOrDefault("GLOBAL", 0L));
        }
    }

    @Test
    void unknownWhenAWaveRecordedNoPositionsOrAnotherSpec() {
        CommitLog.Wave mine = wave("h", new long[] {0, 1}, Map.of("GLOBAL", 2L));
        assertTrue(Coverage.of(List.of(mine), "h").isPresent());
        assertTrue(Coverage.of(List.of(mine, wave("other", new long[] {2}, Map.of())), "h").isEmpty());
        assertTrue(Coverage.of(List.of(mine, CommitLog.Wave.adopted(List.of("f.parquet"))), "h").isEmpty());
    }
}
