package org.overparam.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WavePlanTest {

    @ParameterizedTest(name = "{0} points, {1} cores, waves of {2}")
    @CsvSource({"1, 1, 0", "7, 2, 3", "1000, 2, 0", "3000, 2, 0", "5000, 8, 250", "100000, 4, 0"})
    void everyPointOnceInOrderInBalancedTasks(int points, int cores, int wavePoints) {
        long[] pending = LongStream.range(0, points).map(i -> 3 * i + 1).toArray();
        // Costs vary tenfold, as R and n do within a wave.
        WavePlan plan = WavePlan.of(pending, cores, wavePoints, i -> 1 + i % 10);

        long[] flattened = plan.waves().stream().flatMap(List::stream).flatMapToLong(LongStream::of).toArray();
        assertArrayEquals(pending, flattened);
        assertEquals(points, plan.points());

        int expectedWave = wavePoints > 0 ? wavePoints
                : Math.max(WavePlan.MIN_WAVE_POINTS_PER_CORE * cores, (points + 9) / 10);
        for (List<long[]> wave : plan.waves()) {
            int size = wave.stream().mapToInt(t -> t.length).sum();
            assertTrue(size <= expectedWave, "wave of " + size);
            assertTrue(wave.size() <= WavePlan.TASKS_PER_CORE * cores);
            double[] costs = wave.stream().mapToDouble(t -> LongStream.of(t).map(i -> 1 + i % 10).sum()).toArray();
            double max = java.util.Arrays.stream(costs).max().orElseThrow();
            double mean = java.util.Arrays.stream(costs).average().orElseThrow();
            // Contiguous cuts at equal cumulative shares: a task overshoots its share by at most one point.
            assertTrue(max <= mean + 10, "tasks unbalanced: max " + max + ", mean " + mean);
        }
    }

    @ParameterizedTest(name = "{0} of {1} after {2}s")
    @CsvSource({"0, 100, 0, '0/100 points (0%)  0.0 points/s  ETA ?'",
            "50, 100, 10, '50/100 points (50%)  5.0 points/s  ETA 0:10'",
            "3000, 3000, 30, '3,000/3,000 points (100%)  100.0 points/s  ETA 0:00'",
            "1, 100000, 2, '1/100,000 points (0%)  0.5 points/s  ETA 55:33:18'"})
    void progressLineShowsCountsRateAndEta(long done, long total, double seconds, String expected) {
        assertEquals(expected, Progress.line(done, total, seconds, false));
        assertTrue(Progress.line(done, total, seconds, true).startsWith("["));
    }
}
