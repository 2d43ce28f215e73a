package org.overparam.problem.sensing;

import dev.ludovic.netlib.blas.BLAS;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;
import org.overparam.linalg.Dense;
import org.overparam.linalg.MachineBenchmark;
import org.overparam.linalg.PackedSymmetric;
import org.overparam.problem.BatchedObjective;
import org.overparam.random.Seeds;

/**
 * Micro-timings of dense sensing's kernels (a tool run by hand, not a test; each mode takes seconds). Single
 * thread, best call after a warm-up; the JVM runs the SIMD kernels with {@code --add-modules=jdk.incubator.vector}
 * and the scalar ones without it (the same bits either way), so run a mode both ways to compare them. Judge the
 * figures against {@link org.overparam.linalg.MachineBenchmark} (the core's triad and read bandwidth). From the
 * repository root, after {@code ./mvnw -pl core test-compile} and {@code ./mvnw -o -q -pl core
 * dependency:build-classpath -Dmdep.outputFile=target/cp.txt}:
 *
 * <pre>
 *   java --add-modules=jdk.incubator.vector -cp core/target/classes:core/target/test-classes:$(cat core/target/cp.txt) \
 *       org.overparam.problem.sensing.GramBenchmark MODE [arguments]
 * </pre>
 *
 * <ul>
 *   <li>{@code gemv d n}: 𝐀x and 𝐀ᵀw with the loaded netlib BLAS (the MEASURED form's two passes), in GB/s of 𝐀
 *       (n·d² doubles).</li>
 *   <li>{@code build d n}: H = 𝐀ᵀ𝐀 with {@link PackedSymmetric#gram} (n·d²(d²+1)/2 multiply–adds, counted as 2
 *       flops each), in GFLOP/s; with {@code netlib} as a third argument, also the loaded BLAS's {@code dsyrk}.</li>
 *   <li>{@code product d [k …]}: y = Hx and its k-vector form (default k = 1 2 4 8 16), in GB/s of H read
 *       (d²(d²+1)/2 doubles per pass) and per vector.</li>
 *   <li>{@code eval d n R}: one {@code valueAndGradient} of the asymmetric model in both forms (GRAM where the
 *       rule picks it), and one Hessian–vector product.</li>
 *   <li>{@code threshold d R n …}: where the Gram form starts to pay. One {@code valueAndGradient} and one
 *       Hessian–vector product of the asymmetric model at rank R: MEASURED at each n, GRAM once at n = d² (its cost
 *       does not depend on n), the build of H at each n, and the break-even n of each by linear interpolation.</li>
 *   <li>{@code lanes d n R …}: one lock-step {@code valueAndGradient} of the symmetric model's runs at the given R on
 *       one Gram-form instance, through {@link GramLanes} (one pass over H for all) and lane by lane.</li>
 * </ul>
 */
public final class GramBenchmark {


    private GramBenchmark() {
    }

    public static void main(String[] args) {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: GramBenchmark gemv|build|product|eval|lanes d [arguments]");
        }
        int d = Integer.parseInt(args[1]);
        print("%s; kernels: %s", System.getProperty("java.vm.version"), PackedSymmetric.kernels());
        switch (args[0]) {
            case "gemv" -> gemv(d, Integer.parseInt(args[2]));
            case "build" -> build(d, Integer.parseInt(args[2]), args.length > 3 && args[3].equals("netlib"));
            case "product" -> product(d, ints(args, 2, new int[] {1, 2, 4, 8, 16}));
            case "eval" -> eval(d, Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            case "lanes" -> lanes(d, Integer.parseInt(args[2]), ints(args, 3, new int[] {1, 2, 3, 4}));
            case "threshold" -> threshold(d, Integer.parseInt(args[2]),
                    ints(args, 3, new int[] {d * d / 4, d * d / 2}));
            default -> throw new IllegalArgumentException("unknown mode " + args[0]);
        }
    }

    private static void gemv(int d, int n) {
        RandomGenerator rng = Seeds.generator(2024);
        int m = d * d;
        warmGemv(rng);
        double[] a = Operators.gaussian(d, n, rng).matrixShared();
        double[] x = gaussian(m, rng);
        double[] w = gaussian(n, rng);
        double[] out = new double[n];
        double[] back = new double[m];
        double bytes = (double) n * m * Double.BYTES;
        double forward = best(() -> Dense.gemv(false, n, m, 1.0, a, x, 0.0, out));
        double transposed = best(() -> Dense.gemv(true, n, m, 1.0, a, w, 0.0, back));
        print("gemv d=%d n=%d (A %.0f MB, %s): A x %.3f ms = %.1f GB/s; A^T w %.3f ms = %.1f GB/s", d, n, bytes / 1e6,
                BLAS.getInstance().getClass().getSimpleName(), forward * 1e3, bytes / forward / 1e9,
                transposed * 1e3, bytes / transposed / 1e9);
    }

    private static void build(int d, int n, boolean netlib) {
        RandomGenerator rng = Seeds.generator(2024);
        int m = d * d;
        // Warm-up on a small problem, so that the kernels run compiled (interpreted SIMD code is very slow).
        double[] small = gaussian(300 * 100, rng);
        double[] smallPacked = new double[(int) PackedSymmetric.length(100)];
        long warmEnd = System.nanoTime() + 500_000_000L;
        while (System.nanoTime() < warmEnd) {
            PackedSymmetric.gram(300, 100, small, smallPacked);
        }
        double[] a = Operators.gaussian(d, n, rng).matrixShared();
        double[] packed = new double[(int) PackedSymmetric.length(m)];
        double flops = (double) n * m * (m + 1);
        double t = bestOf(3, () -> PackedSymmetric.gram(n, m, a, packed));
        print("build H d=%d n=%d: %.3f s = %.1f GFLOP/s", d, n, t, flops / t / 1e9);
        if (netlib) {
            BLAS blas = BLAS.getInstance();
            double[] full = new double[m * m];
            double tb = bestOf(2, () -> blas.dsyrk("L", "T", m, n, 1.0, a, n, 0.0, full, m));
            print("  %s dsyrk: %.3f s = %.1f GFLOP/s", blas.getClass().getSimpleName(), tb, flops / tb / 1e9);
        }
    }

    private static void product(int d, int[] ks) {
        RandomGenerator rng = Seeds.generator(2024);
        int m = d * d;
        warmProduct(rng);
        double[] packed = gaussian((int) PackedSymmetric.length(m), rng);
        double bytes = packed.length * (double) Double.BYTES;
        double single = 0;
        for (int k : ks) {
            double[] x = gaussian(m * k, rng);
            double[] y = new double[m * k];
            double t = best(() -> PackedSymmetric.multiply(m, k, packed, x, y));
            if (k == 1) {
                single = t;
            }
            String scaling = single > 0 && k > 1
                    ? String.format(Locale.ROOT, ", %.2fx the single product", single * k / t) : "";
            print("product d=%d (H %.0f MB) k=%d: %.3f ms per call, %.3f ms per vector, %.1f GB/s of H, %.1f GB/s per "
                    + "vector%s", d, bytes / 1e6, k, t * 1e3, t * 1e3 / k, bytes / t / 1e9, bytes * k / t / 1e9, scaling);
        }
    }

    private static void eval(int d, int n, int rank) {
        RandomGenerator rng = Seeds.generator(2024);
        warmProduct(rng);
        warmGemv(rng);
        DenseOperator op = Operators.gaussian(d, n, rng);
        double[] truth = Truths.lowRank(d, 2, 2.0, false, rng);
        SensingInstance instance = SensingInstance.of(op, SensingInstance.measure(op, truth, 0, rng), truth, 2, 0,
                null);
        for (DataForm form : DataForm.values()) {
            if (form == DataForm.GRAM && DataForm.preferred(op) != DataForm.GRAM) {
                print("eval d=%d n=%d R=%d GRAM: not picked by the rule", d, n, rank);
                continue;
            }
            long begin = System.nanoTime();
            AsymmetricSensing f = AsymmetricSensing.of(instance, rank, form);
            double setup = (System.nanoTime() - begin) / 1e9;
            double[] x = f.initialPoint(1, rng);
            double[] g = new double[x.length];
            double[] v = gaussian(x.length, rng);
            double[] hv = new double[x.length];
            double t = best(() -> f.valueAndGradient(x, g));
            double th = best(() -> f.hessianVector(x, v, hv));
            print("eval d=%d n=%d R=%d %s: valueAndGradient %.3f ms, hessianVector %.3f ms (setup %.2f s)", d, n, rank,
                    form, t * 1e3, th * 1e3, setup);
        }
    }

    private static void threshold(int d, int rank, int[] counts) {
        RandomGenerator rng = Seeds.generator(2024);
        warmProduct(rng);
        warmGemv(rng);
        double[] gram = evaluationTimes(d, d * d, rank, DataForm.GRAM, rng);
        print("threshold d=%d R=%d: GRAM valueAndGradient %.3f ms, hessianVector %.3f ms", d, rank, gram[0] * 1e3,
                gram[1] * 1e3);
        double[] previous = null;
        int previousN = 0;
        for (int n : counts) {
            double[] measured = evaluationTimes(d, n, rank, DataForm.MEASURED, rng);
            double[] a = Operators.gaussian(d, n, rng).matrixShared();
            double[] packed = new double[(int) PackedSymmetric.length(d * d)];
            double build = bestOf(1, () -> PackedSymmetric.gram(n, d * d, a, packed));
            print("  n=%d (n/d^2 = %.2f): MEASURED valueAndGradient %.3f ms (%.2fx GRAM), hessianVector %.3f ms (%.2fx)"
                    + "; build of H %.1f ms = %.0f GRAM evaluations", n, (double) n / (d * d), measured[0] * 1e3,
                    measured[0] / gram[0], measured[1] * 1e3, measured[1] / gram[1], build * 1e3, build / gram[0]);
            for (int q = 0; q < 2 && previous != null; q++) {
                if ((previous[q] - gram[q]) * (measured[q] - gram[q]) <= 0) {
                    double cross = previousN + (n - previousN) * (gram[q] - previous[q]) / (measured[q] - previous[q]);
                    print("  break-even of %s: n = %.0f = %.2f d^2", q == 0 ? "valueAndGradient" : "hessianVector",
                            cross, cross / (d * d));
                }
            }
            previous = measured;
            previousN = n;
        }
    }

    /** Best valueAndGradient and hessianVector times of the asymmetric model on a fresh instance, in seconds. */
    private static double[] evaluationTimes(int d, int n, int rank, DataForm form, RandomGenerator rng) {
        DenseOperator op = Operators.gaussian(d, n, rng);
        double[] truth = Truths.lowRank(d, 2, 2.0, false, rng);
        SensingInstance instance = SensingInstance.of(op, SensingInstance.measure(op, truth, 0, rng), truth, 2, 0,
                null);
        AsymmetricSensing f = AsymmetricSensing.of(instance, rank, form);
        double[] x = f.initialPoint(1, rng);
        double[] g = new double[x.length];
        double[] v = gaussian(x.length, rng);
        double[] hv = new double[x.length];
        return new double[] {best(() -> f.valueAndGradient(x, g)), best(() -> f.hessianVector(x, v, hv))};
    }

    private static void lanes(int d, int n, int[] ranks) {
        RandomGenerator rng = Seeds.generator(2024);
        warmProduct(rng);
        warmGemv(rng);
        DenseOperator op = Operators.symmetricGaussian(d, n, rng);
        double[] truth = Truths.lowRank(d, 2, 2.0, true, rng);
        SensingInstance instance = SensingInstance.of(op, SensingInstance.measure(op, truth, 0, rng), truth, 2, 0,
                null);
        List<SymmetricSensing> models = new ArrayList<>();
        for (int rank : ranks) {
            models.add(SymmetricSensing.of(instance, rank, DataForm.GRAM));
        }
        int width = models.size();
        double[][] x = new double[width][];
        double[][] g = new double[width][];
        for (int j = 0; j < width; j++) {
            x[j] = models.get(j).initialPoint(1, rng);
            g[j] = new double[x[j].length];
        }
        double[] values = new double[width];
        BatchedObjective together = SensingObjective.lanes(models);
        BatchedObjective alone = BatchedObjective.laneByLane(models);
        double t = best(() -> together.valueAndGradient(x, g, values));
        double s = best(() -> alone.valueAndGradient(x, g, values));
        print("lanes d=%d n=%d, %d runs on one instance (%s): %.3f ms together, %.3f ms lane by lane (%.2fx)", d, n,
                width, together.getClass().getSimpleName(), t * 1e3, s * 1e3, s / t);
    }

    /** Compiles netlib's GEMV on a small matrix first. */
    private static void warmGemv(RandomGenerator rng) {
        double[] a = gaussian(200 * 100, rng);
        double[] x = gaussian(200, rng);
        double[] y = new double[200];
        long end = System.nanoTime() + 300_000_000L;
        while (System.nanoTime() < end) {
            Dense.gemv(false, 200, 100, 1.0, a, x, 0.0, y);
            Dense.gemv(true, 200, 100, 1.0, a, y, 0.0, x);
        }
    }

    /** Compiles the product's kernels on a small matrix first. */
    private static void warmProduct(RandomGenerator rng) {
        int m = 100;
        double[] packed = gaussian((int) PackedSymmetric.length(m), rng);
        double[] x = gaussian(2 * m, rng);
        double[] y = new double[2 * m];
        long end = System.nanoTime() + 300_000_000L;
        while (System.nanoTime() < end) {
            PackedSymmetric.multiply(m, 2, packed, x, y);
        }
    }

    private static int[] ints(String[] args, int from, int[] otherwise) {
        if (args.length <= from) {
            return otherwise;
        }
        int[] values = new int[args.length - from];
        for (int i = from; i < args.length; i++) {
            values[i - from] = Integer.parseInt(args[i]);
        }
        return values;
    }

    private static double[] gaussian(int length, RandomGenerator rng) {
        double[] v = new double[length];
        for (int i = 0; i < length; i++) {
            v[i] = rng.nextGaussian();
        }
        return v;
    }

    /** Fastest of {@code reps} timed runs after one untimed run, in seconds. */
    private static double bestOf(int reps, Runnable task) {
        task.run();
        double best = Double.POSITIVE_INFINITY;
        for (int r = 0; r < reps; r++) {
            long begin = System.nanoTime();
            task.run();
            best = Math.min(best, (System.nanoTime() - begin) / 1e9);
        }
        return best;
    }

    /** Fastest call after a warm-up ({@link MachineBenchmark#best}). */
    private static double best(Runnable task) {
        return MachineBenchmark.best(task);
    }

    private static void print(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
    }
}
