package org.overparam.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongToDoubleFunction;
import java.util.function.LongUnaryOperator;

/**
 * How the pending points of a sweep are cut into waves (each one committed append) and each wave into Spark
 * tasks. Points come in run order ({@link org.overparam.spec.SweepSpec#runOrder}): the cells of an instance for
 * consecutive replicates, so that a contiguous task holds the same cells for many replicates (the lanes of its
 * lock-step batches) and builds each instance once. Tasks of a wave carry equal estimated cost, so that the cores
 * finish a wave together.
 *
 * @param waves the waves in order; each is a list of tasks, each task the point indices it runs
 */
record WavePlan(List<List<long[]>> waves) {

    /** Tasks per core in each wave: enough to balance uneven costs, few enough to keep tasks long. */
    static final int TASKS_PER_CORE = 8;

    /**
     * Estimated flops ({@link org.overparam.spec.CostModel#runFlops}, an upper bound) per core in a default wave:
     * about two minutes of work at the cost model's 1 Gflop/s per core. A crash loses at most that, a wave's job
     * and commit (about a second) stay a small part of it, and a sweep of less work is one wave.
     */
    static final double WAVE_FLOPS_PER_CORE = 1.2e11;

    /**
     * End-point bytes a default wave may collect on the driver (each kept end point travels with its task's
     * result, and a job's results must stay well under {@code spark.driver.maxResultSize}, 1 GB by default).
     */
    static final double WAVE_END_POINT_BYTES = 64 << 20;

    /**
     * Cuts {@code pending} (point indices in run order) into waves of {@code wavePoints} points (0: the default,
     * {@value #WAVE_FLOPS_PER_CORE} estimated flops per core, and at most {@value #WAVE_END_POINT_BYTES} bytes of
     * end points if every point kept its {@code endPointBytes}) and each wave into up to
     * {@code TASKS_PER_CORE}·cores tasks of equal estimated {@code cost}. Default waves and all tasks end where
     * {@code instance} changes, so that each instance is built by one task and its runs share one batch.
     */
    static WavePlan of(long[] pending, int cores, int wavePoints, LongToDoubleFunction cost,
                       LongToDoubleFunction endPointBytes, LongUnaryOperator instance) {
        if (cores < 1) {
            throw new IllegalArgumentException("cores must be >= 1, got " + cores);
        }
        double waveFlops = WAVE_FLOPS_PER_CORE * cores;
        List<List<long[]>> waves = new ArrayList<>();
        for (int from = 0; from < pending.length; ) {
            int to = from;
            if (wavePoints > 0) {
                to = Math.min(pending.length, from + wavePoints);
            } else {
                double flops = 0;
                double bytes = 0;
                while (to < pending.length && flops < waveFlops && bytes < WAVE_END_POINT_BYTES) {
                    bytes += endPointBytes.applyAsDouble(pending[to]);
                    flops += cost.applyAsDouble(pending[to++]);
                }
                to = instanceEnd(pending, to, pending.length, instance);
            }
            waves.add(tasks(pending, from, to, cores * TASKS_PER_CORE, cost, instance));
            from = to;
        }
        return new WavePlan(List.copyOf(waves));
    }

    /** The first position at or after {@code end} (up to {@code limit}) where a new instance starts. */
    private static int instanceEnd(long[] pending, int end, int limit, LongUnaryOperator instance) {
        while (end > 0 && end < limit
                && instance.applyAsLong(pending[end]) == instance.applyAsLong(pending[end - 1])) {
            end++;
        }
        return end;
    }

    /** Contiguous cuts of pending[from, to) at equal shares of the cumulative cost, at instance boundaries. */
    private static List<long[]> tasks(long[] pending, int from, int to, int maxTasks, LongToDoubleFunction cost,
                                      LongUnaryOperator instance) {
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
                end = instanceEnd(pending, from + end, to, instance) - from;
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
