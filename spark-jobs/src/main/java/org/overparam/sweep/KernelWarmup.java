package org.overparam.sweep;

import java.util.List;
import org.overparam.experiment.Experiment;
import org.overparam.experiment.ProblemConfig;
import org.overparam.experiment.RunConfig;
import org.overparam.spec.SpecLoader;
import org.overparam.spec.SweepSpec;

/**
 * Compiles the dense Gram-form kernels (the SIMD SYRK and product of {@code PackedSymmetric}, the small products
 * around them, gradient descent in lock-step) while Spark starts, so that the first tasks run compiled code.
 *
 * <p><b>Why.</b> Vector API code runs one to two orders of magnitude slower in the interpreter and in C1 than
 * compiled by C2, and allocates a box per vector operation. Without a warm-up, the first tasks of a dense sweep run
 * their first Gram matrices that way while the JIT compiles, on the cores the tasks need: measured on the dense
 * benchmark (two cores), a first task with one n = 1000 instance, 0.6 CPU-s of work once compiled, took 1.6 CPU-s
 * and 2.6 s. The warm-up runs a miniature of such a sweep on one thread during Spark's start-up, about 0.4 s of work,
 * and the sweep then took 7.88 s instead of 8.16 s, 14.0 CPU-s instead of 14.5 (means of six alternating runs,
 * faster in five of the six pairs).
 *
 * <p><b>What.</b> The points of {@link #SPEC}: asymmetric Gaussian sensing at d = 14, n = 300 (the Gram form, two
 * blocks of rows in the SYRK, and d² = 196 ≢ 0 mod 8 and mod 24, so the product's tail rows and the SYRK's edge
 * tiles run too), R = 2 and 10 in one lock-step batch, 60 fixed steps. Its results are discarded; it shares no
 * state with the sweep's points, whose rows do not depend on whether it ran (compilation never changes a result).
 *
 * <p><b>When.</b> Only where it can pay: in embedded mode, where this JVM runs the tasks (a cluster's executors are
 * other JVMs), and for specs with a point in the Gram form ({@link org.overparam.experiment.SensingProblem#gramForm}).
 * {@code -Doverparam.kernelWarmup=false} turns it off, for measuring it.
 */
final class KernelWarmup {

    /** The system property that turns the warm-up off ({@code false}). */
    static final String PROPERTY = "overparam.kernelWarmup";

    static final String SPEC = """
            name: kernel-warmup
            seed: 1
            replicates: 1
            problem: {family: matrix-sensing, operator: gaussian, d: 14, r: 2, noise: 0, lambda: 0}
            solver: {method: gd, step: fixed, step_size: 0.05, max_iters: 60, target: 0, grad_tol: 1e-300}
            grid:
              R: [2, 10]
              alpha: 0.001
              n: [300]
            """;

    private KernelWarmup() {
    }

    /** Starts the warm-up on a daemon thread when {@link #useful} says so. */
    static void startIfUseful(SweepSpec spec, String master) {
        if (Boolean.parseBoolean(System.getProperty(PROPERTY, "true")) && useful(spec, master)) {
            Thread thread = new Thread(KernelWarmup::run, "overparam-kernel-warmup");
            thread.setDaemon(true);
            thread.start();
        }
    }

    /** Whether the tasks run in this JVM and a cell of {@code spec} takes the Gram form. */
    static boolean useful(SweepSpec spec, String master) {
        if (!SparkSessions.embedded(master)) {
            return false;
        }
        boolean[] gram = {false};
        spec.forEachCell(config -> gram[0] |= gramForm(config.problem()));
        return gram[0];
    }

    private static boolean gramForm(ProblemConfig problem) {
        return problem.match(p -> p.gramForm(), relu -> false, maxCut -> false, leastSquares -> false);
    }

    /** Runs {@link #SPEC}'s points as one batch; a failure only costs the speed-up. */
    static void run() {
        try {
            List<RunConfig> points = SpecLoader.parse(SPEC).points();
            Experiment.Prepared instance = Experiment.prepare(points.get(0));
            Experiment.runBatch(List.of(instance, instance), points);
        } catch (RuntimeException | VirtualMachineError ignored) {
            // The sweep's own points report their failures (and the JVM's); this one has nothing to report.
        }
    }
}
