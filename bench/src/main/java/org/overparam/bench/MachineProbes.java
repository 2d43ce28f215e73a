package org.overparam.bench;

import dev.ludovic.netlib.blas.BLAS;
import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.overparam.random.Seeds;

/**
 * The machine limits achieved bandwidth is judged against, measured on one thread as the kernels run: a
 * STREAM-like triad a = b + s·c and a read-only stream (the BLAS's own ddot) over arrays far larger than the
 * caches, and, for scale, the GFLOP/s of the BLAS dgemv in use on an in-cache matrix (its compute ceiling).
 */
final class MachineProbes {

    /** Bytes per double. */
    static final int DOUBLE_BYTES = Double.BYTES;
    /** Side of the in-cache dgemv probe: 256² doubles = 512 KB, inside a 1 MB L2. */
    static final int IN_CACHE_SIDE = 256;

    /**
     * How hard to probe.
     *
     * @param streamLength doubles per triad array; the read probe streams one array twice as long. The default
     *                     (2²⁴: 3 × 128 MB) is far beyond any last-level cache
     * @param streamReps   timed repetitions of each stream probe, best kept (as STREAM does), after two untimed
     * @param batchSeconds minimum wall time of one timed batch of dgemv calls, so timer resolution does not matter
     */
    record Settings(int streamLength, int streamReps, double batchSeconds) {

        static final Settings DEFAULT = new Settings(1 << 24, 10, 0.3);

        Settings {
            if (streamLength < 1 || streamLength > Integer.MAX_VALUE / 2) {
                throw new IllegalArgumentException("stream length must be in [1, 2^30), got " + streamLength);
            }
            if (streamReps < 1) {
                throw new IllegalArgumentException("stream repetitions must be >= 1, got " + streamReps);
            }
            if (!(batchSeconds > 0)) {
                throw new IllegalArgumentException("batch seconds must be > 0, got " + batchSeconds);
            }
        }
    }

    private MachineProbes() {
    }

    /** Every probe, in one record. */
    static Reports.Machine measure(Settings settings) {
        BLAS blas = BLAS.getInstance();
        double triad = triadGBs(settings);
        double read = readGBs(blas, settings);
        double inCacheN = dgemvGflops(blas, "N", IN_CACHE_SIDE, IN_CACHE_SIDE, settings.batchSeconds());
        double inCacheT = dgemvGflops(blas, "T", IN_CACHE_SIDE, IN_CACHE_SIDE, settings.batchSeconds());
        return new Reports.Machine(blas.getClass().getName(),
                ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent(),
                Runtime.version().toString(), System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors(),
                3.0 * DOUBLE_BYTES * settings.streamLength() / (1 << 20), triad, read, IN_CACHE_SIDE, inCacheN,
                inCacheT);
    }

    /** STREAM triad a = b + s·c, best of the timed repetitions, counting 3 × 8 bytes per element (as STREAM does). */
    static double triadGBs(Settings settings) {
        int length = settings.streamLength();
        double[] a = new double[length];
        double[] b = new double[length];
        double[] c = new double[length];
        Arrays.fill(b, 1.0);
        Arrays.fill(c, 2.0);
        double best = Double.POSITIVE_INFINITY;
        for (int rep = 0; rep < settings.streamReps() + 2; rep++) {
            long t0 = System.nanoTime();
            triad(a, b, c, 0.5);
            double t = (System.nanoTime() - t0) * 1e-9;
            if (rep >= 2) {
                best = Math.min(best, t);
            }
        }
        if (a[length / 2] != 2.0) {
            throw new IllegalStateException("triad produced " + a[length / 2]);
        }
        return 3.0 * DOUBLE_BYTES * length / best / 1e9;
    }

    private static void triad(double[] a, double[] b, double[] c, double s) {
        for (int i = 0; i < a.length; i++) {
            a[i] = b[i] + s * c[i];
        }
    }

    /**
     * A read-only stream, what a GEMV does to its matrix: the BLAS's own vectorized ddot(a, a) over one array twice
     * the length of a triad array, best of the timed repetitions. (A scalar Java sum is latency-bound below this.)
     */
    static double readGBs(BLAS blas, Settings settings) {
        double[] a = new double[2 * settings.streamLength()];
        Arrays.fill(a, 1.0);
        double best = Double.POSITIVE_INFINITY;
        double sum = 0;
        for (int rep = 0; rep < settings.streamReps() + 2; rep++) {
            long t0 = System.nanoTime();
            sum = blas.ddot(a.length, a, 0, 1, a, 0, 1);
            double t = (System.nanoTime() - t0) * 1e-9;
            if (rep >= 2) {
                best = Math.min(best, t);
            }
        }
        if (sum != a.length) {
            throw new IllegalStateException("read probe produced " + sum);
        }
        return (double) DOUBLE_BYTES * a.length / best / 1e9;
    }

    /** GFLOP/s (2·m·k per call) of dgemv on an m×k column-major matrix, best of 3 batches after a warm-up batch. */
    static double dgemvGflops(BLAS blas, String trans, int m, int k, double batchSeconds) {
        RandomGenerator rng = Seeds.generator(m * 31L + k);
        double[] a = new double[m * k];
        for (int i = 0; i < a.length; i++) {
            a[i] = rng.nextGaussian();
        }
        double[] x = new double[trans.equals("N") ? k : m];
        double[] y = new double[trans.equals("N") ? m : k];
        for (int i = 0; i < x.length; i++) {
            x[i] = rng.nextGaussian();
        }
        double best = 0;
        for (int batch = 0; batch < 4; batch++) {
            long calls = 0;
            long t0 = System.nanoTime();
            double t;
            do {
                blas.dgemv(trans, m, k, 1.0, a, 0, m, x, 0, 1, 0.0, y, 0, 1);
                calls++;
                t = (System.nanoTime() - t0) * 1e-9;
            } while (t < batchSeconds);
            if (batch > 0) {
                best = Math.max(best, 2.0 * m * k * calls / t / 1e9);
            }
        }
        return best;
    }
}
