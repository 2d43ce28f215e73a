package org.overparam.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WavePlanTest {

    /** Points sharing an instance (the cells of one instance group): consecutive in run order. */
    private static final int POINTS_PER_INSTANCE = 5;

    /** Estimated flops of the cheapest point: quick-start-sized runs (n·d·R·max_iters ≈ 2e6). */
    private static final double COST_SCALE = 2e6;

    @ParameterizedTest(name = "{0} points, {1} cores, waves of {2}")
    @CsvSource({"1, 1, 0", "7, 2, 3", "1000, 2, 0", "3000, 2, 0", "5000, 8, 250", "100000, 4, 0", "300000, 2, 0", "2000000, 2, 0"})
    void everyPointOnceInOrderInBalancedTasks(int points, int cores, int wavePoints) {
        long[] pending = LongStream.range(0, points).map(i -> 3 * i + 1).toArray();
        // Costs vary tenfold, as R and n do within a wave.
        WavePlan plan = WavePlan.of(pending, cores, wavePoints, i -> COST_SCALE * (1 + i % 10), i -> 0,
                WavePlanTest::instance);

        long[] flattened = plan.waves().stream().flatMap(List::stream).flatMapToLong(LongStream::of).toArray();
        assertArrayEquals(pending, flattened);
        assertEquals(points, plan.points());

        for (int w = 0; w < plan.waves().size(); w++) {
            List<long[]> wave = plan.waves().get(w);
            int size = wave.stream().mapToInt(t -> t.length).sum();
            double flops = wave.stream().flatMapToLong(LongStream::of).mapToDouble(i -> COST_SCALE * (1 + i % 10))
                    .sum();
            if (wavePoints > 0) {
                assertTrue(size <= wavePoints, "wave of " + size);
            } else if (w < plan.waves().size() - 1) {
                // A wave is cut once it holds its share of estimated work (minutes, whatever the point count).
                assertTrue(flops >= WavePlan.WAVE_FLOPS_PER_CORE * cores, "wave of " + size);
                // … and it ends where an instance does.
                long[] lastTask = wave.get(wave.size() - 1);
                assertTrue(instance(lastTask[lastTask.length - 1]) != instance(plan.waves().get(w + 1).get(0)[0]),
                        "a wave splits an instance");
            }
            assertTrue(wave.size() <= WavePlan.TASKS_PER_CORE * cores);
            double[] costs = wave.stream().mapToDouble(t -> LongStream.of(t).map(i -> 1 + i % 10).sum()).toArray();
            double max = java.util.Arrays.stream(costs).max().orElseThrow();
            double mean = java.util.Arrays.stream(costs).average().orElseThrow();
            // Contiguous cuts at equal cumulative shares: a task overshoots its share by at most one instance.
            assertTrue(max <= mean + 10 * POINTS_PER_INSTANCE, "tasks unbalanced: max " + max + ", mean " + mean);
            // No instance is split between two tasks (it would be built twice and its runs not batched together).
            for (int t = 1; t < wave.size(); t++) {
                long[] before = wave.get(t - 1);
                assertTrue(instance(before[before.length - 1]) != instance(wave.get(t)[0]), "instance split");
            }
        }
        if (wavePoints == 0 && points * COST_SCALE * 5.5 < WavePlan.WAVE_FLOPS_PER_CORE * cores) {
            assertEquals(1, plan.waves().size(), "a sweep of less work than one wave runs in one wave");
        }
    }

    private static long instance(long point) {
        return point / (3 * POINTS_PER_INSTANCE); // the pending indices are 3i + 1
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

    /** Kept end points travel to the driver with their tasks' results: a default wave holds at most 64 MB of them. */
    @org.junit.jupiter.api.Test
    void wavesAreCutBeforeTheirEndPointsOutgrowTheDriversShare() {
        long[] pending = LongStream.range(0, 100_000).map(i -> 3 * i + 1).toArray();
        double bytes = 1024; // a cheap point keeping 1 KB (d = 50, R = 2 matrix sensing)
        WavePlan plan = WavePlan.of(pending, 2, 0, i -> COST_SCALE, i -> bytes, WavePlanTest::instance);
        assertEquals(pending.length, plan.points());
        assertTrue(plan.waves().size() >= 2, plan.waves().size() + " waves");
        for (List<long[]> wave : plan.waves()) {
            int size = wave.stream().mapToInt(t -> t.length).sum();
            assertTrue(size * bytes <= WavePlan.WAVE_END_POINT_BYTES + POINTS_PER_INSTANCE * bytes, size + " points");
        }
        assertEquals(1, WavePlan.of(pending, 2, 0, i -> COST_SCALE, i -> 0, WavePlanTest::instance).waves().size(),
                "without end points the same points are one wave");
    }
}
