package org.overparam.bench;

import dev.ludovic.netlib.blas.BLAS;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;
import org.overparam.problem.sensing.AsymmetricSensing;
import org.overparam.problem.sensing.DenseOperator;
import org.overparam.problem.sensing.Operators;
import org.overparam.problem.sensing.SensingInstance;
import org.overparam.problem.sensing.Truths;
import org.overparam.random.Seeds;
import org.overparam.solve.GradientDescent;
import org.overparam.solve.StepSize;
import org.overparam.solve.StoppingRule;

/**
 * The NumPy peer's workload ({@code ../shared/bench/numpy_sweep.py}, form 'plain') through Overparam's own code
 * path: for each n and replicate one Gaussian instance (d×d truth of rank r, seed 1000·n + replicate); for each
 * R and α, U₀ and V₀ = α·N(0, 1/d) and a fixed number of fixed-step gradient-descent iterations, no early stop
 * (each iteration is one {@link AsymmetricSensing#valueAndGradient}); the final data loss of every point.
 *
 * <p>Prints two JSON lines on stdout. The first matches the peer's line ({@code "peer":"overparam"}: points,
 * run_iters, seconds, run_iters_per_s, median_final_loss, with the same timing scope: instance generation
 * included) plus the split into setup and solve time and the achieved bandwidth of the dominant stream, the
 * model's 2·n·d²·8 bytes of 𝐀 per iteration (design §7). The second ({@code "kind":"limits"}) holds the
 * machine limits that bandwidth is judged against: a STREAM-like triad and a read-only ddot over arrays far larger
 * than the caches, and the GFLOP/s of the netlib BLAS dgemv in use (named) on the workload's largest 𝐀 and on an
 * in-cache matrix.
 *
 * <pre>
 *   java [--add-modules=jdk.incubator.vector] -cp … org.overparam.bench.SensingBenchmark \
 *       --d 50 --r 2 --n 1000,5000 --R 2,10 --replicates 2 --iters 300 [--repeat 3] [--skip-limits]
 * </pre>
 *
 * Before the timed sweep the JIT is warmed by untimed sweeps of the same d, R and α on a small n, until it has
 * stopped compiling; with {@code --repeat k} the timed sweep runs k times and the fastest is reported.
 * Single-threaded by construction (set OPENBLAS_NUM_THREADS=1 for a native BLAS). Exit codes: 0, or 2 for bad
 * options.
 */
public final class SensingBenchmark {

    /** Bytes per double. */
    private static final int DOUBLE_BYTES = Double.BYTES;
    /** Doubles per array in the bandwidth probes: 3 × 128 MB, far beyond any last-level cache. */
    private static final int STREAM_LENGTH = 1 << 24;
    /** Timed repetitions of each bandwidth probe; the best is kept, as STREAM does. */
    private static final int STREAM_REPS = 10;
    /** Minimum wall time of one timed batch of dgemv calls, so that timer resolution does not matter. */
    private static final double DGEMV_BATCH_SECONDS = 0.3;
    /** Side of the in-cache dgemv probe: 256² doubles = 512 KB, inside a 1 MB L2. */
    private static final int IN_CACHE_SIDE = 256;
    /** The warm-up sweeps' n cap (small, so that evaluations are cheap: only call counts matter) and iterations. */
    private static final int WARMUP_N = 100;
    private static final int WARMUP_ITERS = 200;
    /**
     * Warm-up sweeps repeat until {@code WARMUP_EVALUATIONS} gradients (two or three BLAS level-2 calls each, past C2's
     * invocation thresholds several times over) and {@code WARMUP_MIN_SECONDS} are done and the last sweep spent at
     * most {@code WARMUP_QUIET} of its time in JIT compilation, or {@code WARMUP_MAX_SECONDS} have passed. With a
     * short warm-up, C2 compiled the BLAS kernels during the timed sweep, and on a loaded two-core machine its
     * threads took half the main thread's wall clock.
     */
    private static final int WARMUP_EVALUATIONS = 20_000;
    private static final double WARMUP_MIN_SECONDS = 1.0;
    private static final double WARMUP_MAX_SECONDS = 30.0;
    private static final double WARMUP_QUIET = 0.02;

    private SensingBenchmark() {
    }

    /** The peer's options, plus {@code repeat} (best of k timed sweeps) and {@code limits} (probe the machine). */
    record Options(int d, int r, int[] ns, int[] ranks, double[] alphas, int replicates, int iters, double step,
                   double lambda, int repeat, boolean limits) {

        static Options parse(String[] args) {
            int d = 50;
            int r = 2;
            int[] ns = {1000};
            int[] ranks = {2, 10};
            double[] alphas = {0.001};
            int replicates = 2;
            int iters = 300;
            double step = 0.05;
            double lambda = 0.0;
            int repeat = 1;
            boolean limits = true;
            for (int i = 0; i < args.length; i++) {
                String flag = args[i];
                String value = null;
                int eq = flag.indexOf('=');
                if (flag.startsWith("--") && eq > 0) {
                    value = flag.substring(eq + 1);
                    flag = flag.substring(0, eq);
                }
                if (flag.equals("--skip-limits")) {
                    limits = false;
                    continue;
                }
                if (value == null) {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException(flag + " needs a value");
                    }
                    value = args[++i];
                }
                switch (flag) {
                    case "--d" -> d = positiveInt(flag, value);
                    case "--r" -> r = positiveInt(flag, value);
                    case "--n" -> ns = positiveInts(flag, value);
                    case "--R" -> ranks = positiveInts(flag, value);
                    case "--alpha" -> alphas = finiteDoubles(flag, value);
                    case "--replicates" -> replicates = positiveInt(flag, value);
                    case "--iters" -> iters = positiveInt(flag, value);
                    case "--step" -> step = positiveDouble(flag, value);
                    case "--lam" -> lambda = nonNegativeDouble(flag, value);
                    case "--repeat" -> repeat = positiveInt(flag, value);
                    default -> throw new IllegalArgumentException("unknown option " + flag + " (known: --d --r --n"
                            + " --R --alpha --replicates --iters --step --lam --repeat --skip-limits)");
                }
            }
            if (r > d) {
                throw new IllegalArgumentException("--r must be <= --d = " + d + ", got " + r);
            }
            for (int n : ns) {
                if ((long) n * d * d > Integer.MAX_VALUE) {
                    throw new IllegalArgumentException("--n times d*d must fit in an array, got n=" + n
                            + ", d=" + d);
                }
            }
            return new Options(d, r, ns, ranks, alphas, replicates, iters, step, lambda, repeat, limits);
        }

        private static int positiveInt(String flag, String value) {
            int v;
            try {
                v = Integer.parseInt(value.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(flag + " must be an integer, got '" + value + "'");
            }
            if (v < 1) {
                throw new IllegalArgumentException(flag + " must be >= 1, got " + v);
            }
            return v;
        }

        private static int[] positiveInts(String flag, String value) {
            return Arrays.stream(value.split(",")).mapToInt(s -> positiveInt(flag, s)).toArray();
        }

        private static double finiteDouble(String flag, String value) {
            double v;
            try {
                v = Double.parseDouble(value.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(flag + " must be a number, got '" + value + "'");
            }
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException(flag + " must be finite, got " + value);
            }
            return v;
        }

        private static double[] finiteDoubles(String flag, String value) {
            return Arrays.stream(value.split(",")).mapToDouble(s -> finiteDouble(flag, s)).toArray();
        }

        private static double positiveDouble(String flag, String value) {
            double v = finiteDouble(flag, value);
            if (!(v > 0)) {
                throw new IllegalArgumentException(flag + " must be > 0, got " + value);
            }
            return v;
        }

        private static double nonNegativeDouble(String flag, String value) {
            double v = finiteDouble(flag, value);
            if (!(v >= 0)) {
                throw new IllegalArgumentException(flag + " must be >= 0, got " + value);
            }
            return v;
        }
    }

    /**
     * One timed sweep.
     *
     * @param seconds      wall time of the whole sweep, instance generation included (the peer's scope)
     * @param cpuSeconds   CPU time of this (the only working) thread over the same span: on a loaded machine
     *                     it is the steadier measure of the work, wall time the one the peer reports
     * @param processCpuSeconds CPU time of the whole JVM over the same span: well above cpuSeconds means JIT or GC
     *                     threads were busy during the timed sweep
     * @param setupSeconds instance generation (truth, 𝐀, y)
     * @param solveSeconds initialisation, gradient descent and the final loss
     * @param solveCpuSeconds the same span's CPU time of this thread
     * @param modelBytes   Σ over points of iters · 2·n·d²·8: the bytes of 𝐀 the §7 model streams
     */
    record Sweep(int points, long runIters, long evaluations, double seconds, double cpuSeconds,
                 double processCpuSeconds, double setupSeconds, double solveSeconds, double solveCpuSeconds,
                 double modelBytes,
                 double medianLoss) {

        double rate() {
            return runIters / seconds;
        }

        double achievedGBs() {
            return modelBytes / solveSeconds / 1e9;
        }

        /** {@link #achievedGBs} per CPU second: what the thread streams while it runs, steadier under load. */
        double achievedCpuGBs() {
            return modelBytes / solveCpuSeconds / 1e9;
        }
    }

    public static void main(String[] args) {
        Options o;
        try {
            o = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage());
            System.exit(2);
            return;
        }
        double warmup = warmUp(o);
        Sweep best = null;
        for (int k = 0; k < o.repeat(); k++) {
            Sweep s = sweep(o, o.ns(), o.replicates(), o.iters());
            if (best == null || s.seconds() < best.seconds()) {
                best = s;
            }
        }
        System.out.println(resultJson(o, best, warmup));
        if (o.limits()) {
            System.out.println(limitsJson(o, best));
        }
    }

    /** Untimed sweeps on a small n until the JIT is quiet (see {@link #WARMUP_QUIET}); returns the seconds spent. */
    static double warmUp(Options o) {
        int n = Math.min(WARMUP_N, Arrays.stream(o.ns()).min().orElseThrow());
        int iters = Math.min(o.iters(), WARMUP_ITERS);
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        boolean monitored = jit != null && jit.isCompilationTimeMonitoringSupported();
        long start = System.nanoTime();
        long evaluations = 0;
        while (true) {
            long compiledBefore = monitored ? jit.getTotalCompilationTime() : 0;
            long t0 = System.nanoTime();
            evaluations += sweep(o, new int[] {n}, 1, iters).evaluations();
            double took = (System.nanoTime() - t0) * 1e-9;
            double compiling = monitored ? (jit.getTotalCompilationTime() - compiledBefore) * 1e-3 : 0;
            double elapsed = (System.nanoTime() - start) * 1e-9;
            boolean done = evaluations >= WARMUP_EVALUATIONS && elapsed >= WARMUP_MIN_SECONDS
                    && compiling <= WARMUP_QUIET * took;
            if (done || elapsed >= WARMUP_MAX_SECONDS) {
                return elapsed;
            }
        }
    }

    static Sweep sweep(Options o, int[] ns, int replicates, int iters) {
        GradientDescent.Settings settings = GradientDescent.Settings.of(new StepSize.Fixed(o.step()),
                StoppingRule.maxIterations(iters));
        List<Double> losses = new ArrayList<>();
        long evaluations = 0;
        double setup = 0;
        double solve = 0;
        double solveCpu = 0;
        double bytes = 0;
        int points = 0;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long processStart = processCpuNanos();
        long start = System.nanoTime();
        for (int n : ns) {
            for (int rep = 0; rep < replicates; rep++) {
                long t0 = System.nanoTime();
                SensingInstance instance = instance(o.d(), o.r(), n, o.lambda(), 1000L * n + rep);
                setup += (System.nanoTime() - t0) * 1e-9;
                for (int rank : o.ranks()) {
                    for (double alpha : o.alphas()) {
                        long t1 = System.nanoTime();
                        long c1 = threads.getCurrentThreadCpuTime();
                        AsymmetricSensing f = AsymmetricSensing.of(instance, rank);
                        double[] x = initial(o.d(), rank, alpha, Seeds.generator(points));
                        GradientDescent.Descent descent = GradientDescent.minimize(f, x, settings);
                        losses.add(f.dataLoss(x));
                        solve += (System.nanoTime() - t1) * 1e-9;
                        solveCpu += (threads.getCurrentThreadCpuTime() - c1) * 1e-9;
                        evaluations += descent.evaluations();
                        bytes += (double) iters * 2 * n * o.d() * o.d() * DOUBLE_BYTES;
                        points++;
                    }
                }
            }
        }
        double seconds = (System.nanoTime() - start) * 1e-9;
        double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) * 1e-9;
        double processCpu = (processCpuNanos() - processStart) * 1e-9;
        return new Sweep(points, (long) points * iters, evaluations, seconds, cpu, processCpu, setup, solve,
                solveCpu, bytes,
                median(losses));
    }

    /** CPU time of the whole JVM, or -1 where the platform's bean does not report it. */
    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
    }

    /** The instance the experiment layer builds for a dense Gaussian point: truth, then 𝐀, then y (no noise). */
    static SensingInstance instance(int d, int r, int n, double lambda, long seed) {
        RandomGenerator rng = Seeds.generator(seed);
        double[] truth = Truths.lowRank(d, r, 1.0, false, rng);
        DenseOperator op = Operators.gaussian(d, n, rng);
        double[] y = SensingInstance.measure(op, truth, 0.0, rng);
        return SensingInstance.of(op, y, truth, r, lambda, null);
    }

    /** x = [vec U₀; vec V₀] with i.i.d. α·N(0, 1/d) entries. */
    static double[] initial(int d, int rank, double alpha, RandomGenerator rng) {
        double[] x = new double[2 * d * rank];
        double scale = alpha / Math.sqrt(d);
        for (int i = 0; i < x.length; i++) {
            x[i] = scale * rng.nextGaussian();
        }
        return x;
    }

    private static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int m = v.length / 2;
        return v.length % 2 == 1 ? v[m] : 0.5 * (v[m - 1] + v[m]);
    }

    private static String resultJson(Options o, Sweep s, double warmup) {
        return "{" + field("peer", "overparam") + ", " + field("form", "plain") + ", "
                + field("threads", String.valueOf(System.getenv().getOrDefault("OPENBLAS_NUM_THREADS", "unset")))
                + ", \"d\": " + o.d() + ", \"r\": " + o.r() + ", \"n\": " + Arrays.toString(o.ns())
                + ", \"R\": " + Arrays.toString(o.ranks()) + ", \"alpha\": " + Arrays.toString(o.alphas())
                + ", \"replicates\": " + o.replicates() + ", \"iters\": " + o.iters()
                + ", \"points\": " + s.points() + ", \"run_iters\": " + s.runIters()
                + ", \"evaluations\": " + s.evaluations()
                + ", \"seconds\": " + fmt(s.seconds(), 3) + ", \"run_iters_per_s\": " + fmt(s.rate(), 1)
                + ", \"median_final_loss\": " + s.medianLoss()
                + ", \"cpu_seconds\": " + fmt(s.cpuSeconds(), 3)
                + ", \"cpu_iters_per_s\": " + fmt(s.runIters() / s.cpuSeconds(), 1)
                + ", \"process_cpu_seconds\": " + fmt(s.processCpuSeconds(), 3)
                + ", \"setup_seconds\": " + fmt(s.setupSeconds(), 3)
                + ", \"solve_seconds\": " + fmt(s.solveSeconds(), 3)
                + ", \"solve_iters_per_s\": " + fmt(s.runIters() / s.solveSeconds(), 1)
                + ", \"solve_cpu_seconds\": " + fmt(s.solveCpuSeconds(), 3)
                + ", \"achieved_gbs\": " + fmt(s.achievedGBs(), 2)
                + ", \"achieved_cpu_gbs\": " + fmt(s.achievedCpuGBs(), 2)
                + ", \"warmup_seconds\": " + fmt(warmup, 2) + ", \"repeat\": " + o.repeat() + "}";
    }

    private static String limitsJson(Options o, Sweep s) {
        BLAS blas = BLAS.getInstance();
        double triad = triadGBs();
        double read = readGBs(blas);
        int m = Arrays.stream(o.ns()).max().orElseThrow();
        int k = o.d() * o.d();
        double bigN = dgemvGflops(blas, "N", m, k);
        double bigT = dgemvGflops(blas, "T", m, k);
        double smallN = dgemvGflops(blas, "N", IN_CACHE_SIDE, IN_CACHE_SIDE);
        double smallT = dgemvGflops(blas, "T", IN_CACHE_SIDE, IN_CACHE_SIDE);
        // dgemv does 2 flops per matrix entry and reads each entry (8 bytes) once: GB/s = 4 · GFLOP/s.
        double perFlop = (double) DOUBLE_BYTES / 2;
        return "{" + field("kind", "limits") + ", " + field("blas", blas.getClass().getName()) + ", "
                + "\"vector_module\": " + ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent() + ", "
                + field("java", Runtime.version().toString()) + ", "
                + field("cpu", System.getProperty("os.arch")) + ", \"processors\": "
                + Runtime.getRuntime().availableProcessors()
                + ", \"triad_gbs\": " + fmt(triad, 2) + ", \"read_gbs\": " + fmt(read, 2)
                + ", \"dgemv_shape\": [" + m + ", " + k + "]"
                + ", \"dgemv_n_gflops\": " + fmt(bigN, 2) + ", \"dgemv_t_gflops\": " + fmt(bigT, 2)
                + ", \"dgemv_n_gbs\": " + fmt(bigN * perFlop, 2) + ", \"dgemv_t_gbs\": " + fmt(bigT * perFlop, 2)
                + ", \"dgemv_in_cache_side\": " + IN_CACHE_SIDE
                + ", \"dgemv_in_cache_n_gflops\": " + fmt(smallN, 2)
                + ", \"dgemv_in_cache_t_gflops\": " + fmt(smallT, 2)
                + ", \"achieved_gbs\": " + fmt(s.achievedGBs(), 2)
                + ", \"achieved_cpu_gbs\": " + fmt(s.achievedCpuGBs(), 2)
                + ", \"achieved_over_triad\": " + fmt(s.achievedGBs() / triad, 3)
                + ", \"achieved_cpu_over_triad\": " + fmt(s.achievedCpuGBs() / triad, 3) + "}";
    }

    /** STREAM triad a = b + s·c, best of {@value #STREAM_REPS}, counting 3 × 8 bytes per element (as STREAM does). */
    static double triadGBs() {
        double[] a = new double[STREAM_LENGTH];
        double[] b = new double[STREAM_LENGTH];
        double[] c = new double[STREAM_LENGTH];
        Arrays.fill(b, 1.0);
        Arrays.fill(c, 2.0);
        double best = Double.POSITIVE_INFINITY;
        for (int rep = 0; rep < STREAM_REPS + 2; rep++) {
            long t0 = System.nanoTime();
            triad(a, b, c, 0.5);
            double t = (System.nanoTime() - t0) * 1e-9;
            if (rep >= 2) {
                best = Math.min(best, t);
            }
        }
        if (a[STREAM_LENGTH / 2] != 2.0) {
            throw new IllegalStateException("triad produced " + a[STREAM_LENGTH / 2]);
        }
        return 3.0 * DOUBLE_BYTES * STREAM_LENGTH / best / 1e9;
    }

    private static void triad(double[] a, double[] b, double[] c, double s) {
        for (int i = 0; i < a.length; i++) {
            a[i] = b[i] + s * c[i];
        }
    }

    /**
     * A read-only stream, what dgemv does to 𝐀: the BLAS's own vectorized ddot(a, a) over one array twice the size
     * of a triad array, best of {@value #STREAM_REPS}. (A scalar Java sum is latency-bound below this on Zen.)
     */
    static double readGBs(BLAS blas) {
        double[] a = new double[2 * STREAM_LENGTH];
        Arrays.fill(a, 1.0);
        double best = Double.POSITIVE_INFINITY;
        double sum = 0;
        for (int rep = 0; rep < STREAM_REPS + 2; rep++) {
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
    static double dgemvGflops(BLAS blas, String trans, int m, int k) {
        RandomGenerator rng = Seeds.generator(m * 31L + k);
        double[] a = new double[m * k];
        for (int i = 0; i < a.length; i++) {
            a[i] = rng.nextGaussian();
        }
        int xLength = trans.equals("N") ? k : m;
        int yLength = trans.equals("N") ? m : k;
        double[] x = new double[xLength];
        double[] y = new double[yLength];
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
            } while (t < DGEMV_BATCH_SECONDS);
            if (batch > 0) {
                best = Math.max(best, 2.0 * m * k * calls / t / 1e9);
            }
        }
        return best;
    }

    private static String field(String key, String value) {
        return "\"" + key + "\": \"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String fmt(double v, int digits) {
        return String.format(Locale.ROOT, "%." + digits + "f", v);
    }
}
