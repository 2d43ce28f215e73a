package org.overparam.cli;

import java.util.Locale;
import org.apache.spark.network.util.JavaUtils;
import org.overparam.spec.CostModel;
import org.overparam.spec.SweepSpec;
import org.overparam.sweep.SparkSessions;

/**
 * Whether the largest point of a spec fits the heap that will run it ({@link CostModel#pointBytes}), checked
 * before anything starts: a point that cannot fit would end, after minutes, in an OutOfMemoryError.
 */
final class Memory {

    /** Heap Spark keeps for itself in every executor (its "reserved memory"). */
    static final long SPARK_RESERVED = 300L << 20;

    private Memory() {
    }

    /**
     * Heap a sweep's task may use: in local mode the executor is this JVM, so its maximum heap; on a cluster
     * {@code spark.executor.memory} (Spark's default 1g); less Spark's reserved 300 MB either way.
     */
    static long executorHeap(String master) {
        long heap = SparkSessions.embedded(master) ? Runtime.getRuntime().maxMemory()
                : JavaUtils.byteStringAsBytes(System.getProperty("spark.executor.memory", "1g"));
        return Math.max(0, heap - SPARK_RESERVED);
    }

    /** Where that heap comes from and how to raise it, for messages. */
    static String executorHeapSource(String master) {
        return SparkSessions.embedded(master) ? "this JVM's heap less Spark's 300 MB; raise it with JVM_OPTS=-Xmx…"
                : "spark.executor.memory less Spark's 300 MB";
    }

    /** Refuses {@code spec} (bad input) when its largest point needs more than {@code usable} bytes. */
    static void check(SweepSpec spec, long usable, String source) {
        CostModel.Largest largest = CostModel.largestPoint(spec);
        if (largest.bytes() > usable) {
            throw new BadInputException("a point of this spec needs about " + human(largest.bytes()) + " of heap ("
                    + largest.label() + "), more than the " + human(usable) + " it would run in (" + source
                    + "); lower its sizes or raise the memory");
        }
    }

    static String human(long bytes) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, unit == 0 ? "%.0f %s" : "%.3g %s", value, units[unit]);
    }
}
