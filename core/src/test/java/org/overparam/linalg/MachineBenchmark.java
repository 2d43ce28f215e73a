package org.overparam.linalg;

import java.util.Locale;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * What one core of this machine can stream (a tool run by hand, not a test; a few seconds): a STREAM triad
 * a = b + s·c (24 bytes per element, STREAM's count) and a read-only sum, each over arrays of the given sizes, so
 * that the dense kernels can be judged against the machine rather than against each other. The read runs SIMD
 * (four accumulators of the widest vectors, the most a core can pull in), SIMD over 8 streams side by side (the
 * access pattern of the packed symmetric product, which reads 8 columns at once) and scalar (four accumulators);
 * the triad runs as the JIT's auto-vectorized loop. Best call within about a second after a warm-up, single thread.
 * From the repository root, after {@code ./mvnw -pl core test-compile}:
 *
 * <pre>
 *   java --add-modules=jdk.incubator.vector -cp core/target/classes:core/target/test-classes \
 *       org.overparam.linalg.MachineBenchmark [MB per array …]      (default 25 67 400)
 * </pre>
 *
 * 25 MB is H = 𝐀ᵀ𝐀 at d = 50 (it fits this machine's 32 MB L3), 67 MB is H at d = 64, 400 MB is well past any
 * cache.
 */
public final class MachineBenchmark {

    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_MAX;
    private static final double SECONDS = 1.0;
    /** Length of each of the 8 side-by-side streams of {@link #eightStreams}. */
    private static final int STREAM = 2496;

    private MachineBenchmark() {
    }

    public static void main(String[] args) {
        long[] sizes = args.length == 0 ? new long[] {25, 67, 400} : new long[args.length];
        for (int i = 0; i < args.length; i++) {
            sizes[i] = Long.parseLong(args[i]);
        }
        double[] sink = new double[1];
        for (long mb : sizes) {
            int n = (int) (mb * 1_000_000 / Double.BYTES);
            double[] a = new double[n];
            double[] b = new double[n];
            double[] c = new double[n];
            for (int i = 0; i < n; i++) {
                a[i] = i;
                b[i] = 1;
                c[i] = 2;
            }
            double triad = best(() -> triad(a, b, c));
            double vectorRead = best(() -> sink[0] += vectorSum(a));
            double eightStreams = best(() -> sink[0] += eightStreams(a));
            double scalarRead = best(() -> sink[0] += scalarSum(a));
            double bytes = (double) Double.BYTES * n;
            System.out.println(String.format(Locale.ROOT, "%d MB per array: triad %.1f GB/s; read %.1f GB/s (SIMD, %d "
                    + "lanes), %.1f GB/s (SIMD, 8 streams), %.1f GB/s (scalar)", mb, 3 * bytes / triad / 1e9,
                    bytes / vectorRead / 1e9, SPECIES.length(), bytes / eightStreams / 1e9, bytes / scalarRead / 1e9));
        }
        if (sink[0] == 42) {
            System.out.println();
        }
    }

    private static void triad(double[] a, double[] b, double[] c) {
        for (int i = 0; i < a.length; i++) {
            a[i] = b[i] + 3.0 * c[i];
        }
    }

    private static double vectorSum(double[] a) {
        int w = SPECIES.length();
        DoubleVector s0 = DoubleVector.zero(SPECIES);
        DoubleVector s1 = s0;
        DoubleVector s2 = s0;
        DoubleVector s3 = s0;
        int i = 0;
        for (; i + 4 * w <= a.length; i += 4 * w) {
            s0 = s0.add(DoubleVector.fromArray(SPECIES, a, i));
            s1 = s1.add(DoubleVector.fromArray(SPECIES, a, i + w));
            s2 = s2.add(DoubleVector.fromArray(SPECIES, a, i + 2 * w));
            s3 = s3.add(DoubleVector.fromArray(SPECIES, a, i + 3 * w));
        }
        return s0.add(s1).add(s2.add(s3)).reduceLanes(VectorOperators.ADD);
    }

    /**
     * The read as the packed product sees it: blocks of 8 consecutive stretches of {@value #STREAM} doubles (a pair
     * of 4-column panels of H at d = 50), read side by side.
     */
    private static double eightStreams(double[] a) {
        double total = 0;
        for (int b = 0; b + 8 * STREAM <= a.length; b += 8 * STREAM) {
            total += eightStreams(a, b);
        }
        return total;
    }

    private static double eightStreams(double[] a, int b) {
        DoubleVector s0 = DoubleVector.zero(SPECIES);
        DoubleVector s1 = s0;
        DoubleVector s2 = s0;
        DoubleVector s3 = s0;
        DoubleVector s4 = s0;
        DoubleVector s5 = s0;
        DoubleVector s6 = s0;
        DoubleVector s7 = s0;
        int w = SPECIES.length();
        for (int i = 0; i + w <= STREAM; i += w) {
            s0 = s0.add(DoubleVector.fromArray(SPECIES, a, b + i));
            s1 = s1.add(DoubleVector.fromArray(SPECIES, a, b + STREAM + i));
            s2 = s2.add(DoubleVector.fromArray(SPECIES, a, b + 2 * STREAM + i));
            s3 = s3.add(DoubleVector.fromArray(SPECIES, a, b + 3 * STREAM + i));
            s4 = s4.add(DoubleVector.fromArray(SPECIES, a, b + 4 * STREAM + i));
            s5 = s5.add(DoubleVector.fromArray(SPECIES, a, b + 5 * STREAM + i));
            s6 = s6.add(DoubleVector.fromArray(SPECIES, a, b + 6 * STREAM + i));
            s7 = s7.add(DoubleVector.fromArray(SPECIES, a, b + 7 * STREAM + i));
        }
        return s0.add(s1).add(s2.add(s3)).add(s4.add(s5).add(s6.add(s7))).reduceLanes(VectorOperators.ADD);
    }

    private static double scalarSum(double[] a) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        for (int i = 0; i + 3 < a.length; i += 4) {
            s0 += a[i];
            s1 += a[i + 1];
            s2 += a[i + 2];
            s3 += a[i + 3];
        }
        return s0 + s1 + s2 + s3;
    }

    /** Fastest call within about {@value #SECONDS} s after a warm-up of half that, in seconds. */
    public static double best(Runnable task) {
        long warmEnd = System.nanoTime() + (long) (SECONDS * 0.5e9);
        while (System.nanoTime() < warmEnd) {
            task.run();
        }
        double best = Double.POSITIVE_INFINITY;
        long end = System.nanoTime() + (long) (SECONDS * 1e9);
        do {
            long begin = System.nanoTime();
            task.run();
            best = Math.min(best, (System.nanoTime() - begin) / 1e9);
        } while (System.nanoTime() < end);
        return best;
    }
}
