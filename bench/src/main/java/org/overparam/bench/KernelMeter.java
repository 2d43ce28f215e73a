package org.overparam.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Times a {@link Kernel} on this thread: warm-up batches until the JIT is quiet, then timed batches of calls, the
 * fastest kept (as STREAM keeps its best repetition).
 */
final class KernelMeter {

    /**
     * @param batchSeconds     minimum wall time of one batch, so that timer resolution does not matter
     * @param batches          timed batches; the fastest is reported
     * @param warmupSeconds    minimum warm-up. Warm-up goes on until a batch spent at most {@link #JIT_QUIET} of
     *                         its time compiling, or {@code maxWarmupSeconds} passed: with a short warm-up C2
     *                         compiles the BLAS kernels during the timed batches, and on a loaded two-core machine
     *                         its threads take half the main thread's wall clock
     * @param maxWarmupSeconds upper bound of the warm-up
     */
    record Settings(double batchSeconds, int batches, double warmupSeconds, double maxWarmupSeconds) {

        static final Settings DEFAULT = new Settings(0.5, 5, 1.0, 30.0);

        Settings {
            if (!(batchSeconds > 0)) {
                throw new IllegalArgumentException("batch seconds must be > 0, got " + batchSeconds);
            }
            if (batches < 1) {
                throw new IllegalArgumentException("batches must be >= 1, got " + batches);
            }
            if (!(warmupSeconds >= 0) || !(maxWarmupSeconds >= warmupSeconds)) {
                throw new IllegalArgumentException("need 0 <= warm-up <= max warm-up seconds, got " + warmupSeconds
                        + " and " + maxWarmupSeconds);
            }
        }
    }

    /** Fraction of a warm-up batch's wall time the JIT may still spend compiling when warm-up ends. */
    static final double JIT_QUIET = 0.02;

    /** One batch: calls, wall seconds, CPU seconds of this thread. */
    record Batch(long calls, double seconds, double cpuSeconds) {
    }

    /** The fastest timed batch and the warm-up that preceded it. */
    record Timing(Batch best, double warmupSeconds, double checksum) {
    }

    private KernelMeter() {
    }

    static Timing time(Kernel kernel, Settings settings) {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        boolean monitored = jit != null && jit.isCompilationTimeMonitoringSupported();
        long start = System.nanoTime();
        double elapsed;
        while (true) {
            long compiledBefore = monitored ? jit.getTotalCompilationTime() : 0;
            Batch b = batch(kernel, settings.batchSeconds());
            double compiling = monitored ? (jit.getTotalCompilationTime() - compiledBefore) * 1e-3 : 0;
            elapsed = (System.nanoTime() - start) * 1e-9;
            boolean quiet = compiling <= JIT_QUIET * b.seconds();
            if ((quiet && elapsed >= settings.warmupSeconds()) || elapsed >= settings.maxWarmupSeconds()) {
                break;
            }
        }
        Batch best = null;
        for (int i = 0; i < settings.batches(); i++) {
            Batch b = batch(kernel, settings.batchSeconds());
            if (best == null || b.seconds() / b.calls() < best.seconds() / best.calls()) {
                best = b;
            }
        }
        return new Timing(best, elapsed, kernel.checksum());
    }

    private static Batch batch(Kernel kernel, double minSeconds) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        long calls = 0;
        double t;
        do {
            kernel.call();
            calls++;
            t = (System.nanoTime() - t0) * 1e-9;
        } while (t < minSeconds);
        return new Batch(calls, t, (threads.getCurrentThreadCpuTime() - cpu0) * 1e-9);
    }
}
