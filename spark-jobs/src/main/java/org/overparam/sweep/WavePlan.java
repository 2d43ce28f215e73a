package org.overparam.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongToDoubleFunction;

/**
 * How the pending points of a sweep are cut into waves (each one committed append) and each wave into Spark
 * tasks. Points stay in spec order, whose replicate-major layout keeps the points of an instance contiguous:
 * cutting contiguous ranges lets a task build each instance once, and early waves complete whole replicates.
 * Tasks of a wave carry equal estimated cost, so that two cores finish a wave together.
 *
 * @param waves the waves in order; each is a list of tasks, each task the point indices it runs
 */
record WavePlan(List<List<long[]>> waves) {

    /** Tasks per core in each wave: enough to balance uneven costs, few enough to keep tasks long. */
    static final int TASKS_PER_CORE = 4;

    /** Points in the smallest default wave per core: below this, Spark's per-job overhead dominates. */
    static final int MIN_WAVE_POINTS_PER_CORE = 100;

    /** Default number of waves for a large sweep: a crash loses at most a tenth of it. */
    static final int DEFAULT_WAVES = 10;

    /**
     * Cuts {@code pending} (point indices in spec order) into waves of {@code wavePoints} points (0: the default,
     * max(100·cores, a tenth of the points)) and each wave into up to {@code TASKS_PER_CORE}·cores tasks of equal
     * estimated {@code cost}.
     */
    static WavePlan of(long[] pending, int cores, int wavePoints, LongToDoubleFunction cost) {
        if (cores < 1) {
            throw new IllegalArgumentException("cores must be >= 1, got " + cores);
        }
        int size = wavePoints > 0 ? wavePoints
                : (int) Math.max((long) MIN_WAVE_POINTS_PER_CORE * cores,
                        (pending.length + DEFAULT_WAVES - 1) / DEFAULT_WAVES);
        List<List<long[]>> waves = new ArrayList<>();
        for (int from = 0; from < pending.length; from += size) {
            int to = Math.min(pending.length, from + size);
            waves.add(tasks(pending, from, to, cores * TASKS_PER_CORE, cost));
        }
        return new WavePlan(List.copyOf(waves));
    }

    /** Contiguous cuts of pending[from, to) at equal shares of the cumulative cost. */
    private static List<long[]> tasks(long[] pending, int from, int to, int maxTasks, LongToDoubleFunction cost) {
        double[] cumulative = new double[to - from + 1];
        for (int i = from; i < to; i++) {
            cumulative[i - from + 1] = cumulative[i - from] + Math.max(cost.applyAsDouble(pending[i]), 1);
        }
        int taskCount = Math.min(maxTasks, to - from);
        double share = cumulative[to - from] / taskCount;
        List<long[]> tasks = new ArrayList<>(taskCount);
        int start = 0;
        for (int t = 1; t <= taskCount && start < to - from; t++) {
            int end = start + 1;
            if (t == taskCount) {
                end = to - from;
            } else {
                while (end < to - from && cumulative[end] < t * share) {
                    end++;
                }
            }
            long[] task = new long[end - start];
            System.arraycopy(pending, from + start, task, 0, task.length);
            tasks.add(task);
            start = end;
        }
        return tasks;
    }

    int points() {
        return waves.stream().flatMap(List::stream).mapToInt(t -> t.length).sum();
    }
}
