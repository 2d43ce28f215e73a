package org.overparam.problem.sensing;

import dev.ludovic.netlib.blas.BLAS;
import java.util.Locale;
import java.util.random.RandomGenerator;
import org.overparam.linalg.PackedSymmetric;
import org.overparam.random.Seeds;

/**
 * Micro-timings of the Gram form (a tool run by hand, not a test; a few seconds at d = 50):
 * <ol>
 *   <li>building H = 𝐀ᵀ𝐀 (n·d²(d²+1)/2 multiply–adds, counted as 2 flops each) with {@link PackedSymmetric#gram}
 *       and with the loaded netlib BLAS's {@code dsyrk} into full storage, in GFLOP/s;</li>
 *   <li>the packed symmetric product y = Hx and its k-vector form, in GB/s of H read (d²(d²+1)/2 doubles per
 *       pass), next to a read-only sum over the same array (the bandwidth ceiling of the level H lives in);</li>
 *   <li>one {@code valueAndGradient} of the asymmetric model in both forms at n = nEval (GRAM needs 2n &gt; d²).</li>
 * </ol>
 * Best of several repetitions after a warm-up, single thread. From the repository root, after
 * {@code ./mvnw -pl core test-compile} and {@code ./mvnw -o -q -pl core dependency:build-classpath
 * -Dmdep.outputFile=target/cp.txt}:
 *
 * <pre>
 *   java --add-modules=jdk.incubator.vector -cp core/target/classes:core/target/test-classes:$(cat core/target/cp.txt) \
 *       org.overparam.problem.sensing.GramBenchmark [d] [n] [nEval]      (defaults 50 1000 2500)
 * </pre>
 */
public final class GramBenchmark {

    /** Repetitions of the build; the fastest counts. */
    private static final int BUILD_REPS = 2;
    /** Wall time spent on each product timing; the fastest call counts. */
    private static final double PRODUCT_SECONDS = 0.5;

    private GramBenchmark() {
    }

    public static void main(String[] args) {
        int d = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int nEval = args.length > 2 ? Integer.parseInt(args[2]) : d * d;
        int m = d * d;
        RandomGenerator rng = Seeds.generator(2024);
        DenseOperator op = Operators.gaussian(d, n, rng);
        double[] a = op.matrixShared();
        long length = PackedSymmetric.length(m);
        double flops = (double) n * m * (m + 1);

        double[] packed = new double[(int) length];
        double java = best(BUILD_REPS, () -> PackedSymmetric.gram(n, m, a, packed));
        BLAS blas = BLAS.getInstance();
        double[] full = new double[m * m];
        double netlib = best(BUILD_REPS, () -> blas.dsyrk("L", "T", m, n, 1.0, a, n, 0.0, full, m));
        double difference = 0;
        double magnitude = 0;
        for (int j = 0; j < m; j++) {
            for (int i = j; i < m; i++) {
                difference = Math.max(difference, Math.abs(full[i + m * j] - packed[PackedSymmetric.index(m, i, j)]));
                magnitude = Math.max(magnitude, Math.abs(full[i + m * j]));
            }
        }
        print("build H, d=%d n=%d: java %.3f s = %.2f GFLOP/s; %s dsyrk %.3f s = %.2f GFLOP/s; max |diff| %.1e of %.1e",
                d, n, java, flops / java / 1e9, blas.getClass().getSimpleName(), netlib, flops / netlib / 1e9,
                difference, magnitude);

        double bytes = length * (double) Double.BYTES;
        double[] sink = new double[1];
        double read = best(PRODUCT_SECONDS, () -> {
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            int i = 0;
            for (; i + 3 < packed.length; i += 4) {
                s0 += packed[i];
                s1 += packed[i + 1];
                s2 += packed[i + 2];
                s3 += packed[i + 3];
            }
            sink[0] += s0 + s1 + s2 + s3;
        });
        print("read-only sum over packed H (%.0f MB): %.1f GB/s", bytes / 1e6, bytes / read / 1e9);
        for (int k : new int[] {1, 2, 4, 8}) {
            double[] x = new double[m * k];
            for (int i = 0; i < x.length; i++) {
                x[i] = rng.nextGaussian();
            }
            double[] y = new double[m * k];
            double t = best(PRODUCT_SECONDS, () -> PackedSymmetric.multiply(m, k, packed, x, y));
            print("product k=%d: %.3f ms per call, %.3f ms per vector, %.1f GB/s of H", k, t * 1e3, t * 1e3 / k,
                    bytes / t / 1e9);
        }

        DenseOperator evalOp = nEval == n ? op : Operators.gaussian(d, nEval, rng);
        double[] truth = Truths.lowRank(d, 2, 2.0, false, rng);
        SensingInstance instance = SensingInstance.of(evalOp, SensingInstance.measure(evalOp, truth, 0, rng), truth,
                2, 0, null);
        int rank = 4;
        for (DataForm form : DataForm.values()) {
            if (form == DataForm.GRAM && DataForm.preferred(evalOp) != DataForm.GRAM) {
                print("valueAndGradient, d=%d n=%d R=%d GRAM: not picked by the rule (2n <= d^2)", d, nEval, rank);
                continue;
            }
            long begin = System.nanoTime();
            AsymmetricSensing f = AsymmetricSensing.of(instance, rank, form);
            double setup = (System.nanoTime() - begin) / 1e9;
            double[] x = f.initialPoint(1, rng);
            double[] g = new double[x.length];
            double t = best(PRODUCT_SECONDS, () -> f.valueAndGradient(x, g));
            print("valueAndGradient, d=%d n=%d R=%d %s: %.3f ms (setup %.2f s)", d, nEval, rank, form, t * 1e3, setup);
        }
        if (sink[0] == 42) {
            print("");
        }
    }

    /** Fastest of {@code reps} timed runs after one untimed run, in seconds. */
    private static double best(int reps, Runnable task) {
        task.run();
        double best = Double.POSITIVE_INFINITY;
        for (int r = 0; r < reps; r++) {
            long begin = System.nanoTime();
            task.run();
            best = Math.min(best, (System.nanoTime() - begin) / 1e9);
        }
        return best;
    }

    /** Fastest run within about {@code seconds} of repetitions after a warm-up of the same length, in seconds. */
    private static double best(double seconds, Runnable task) {
        long warmEnd = System.nanoTime() + (long) (seconds * 1e9);
        while (System.nanoTime() < warmEnd) {
            task.run();
        }
        double best = Double.POSITIVE_INFINITY;
        long end = System.nanoTime() + (long) (seconds * 1e9);
        do {
            long begin = System.nanoTime();
            task.run();
            best = Math.min(best, (System.nanoTime() - begin) / 1e9);
        } while (System.nanoTime() < end);
        return best;
    }

    private static void print(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
    }
}
