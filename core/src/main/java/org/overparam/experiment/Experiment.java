package org.overparam.experiment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.overparam.certify.ConvexReference.Reference;
import org.overparam.certify.Curvature;
import org.overparam.certify.Outcome;
import org.overparam.certify.TangentKernel;
import org.overparam.certify.Tolerances;
import org.overparam.certify.Verdict;
import org.overparam.problem.BatchedObjective;
import org.overparam.problem.Model;
import org.overparam.problem.Residuals;
import org.overparam.random.Seeds;
import org.overparam.solve.GradientDescent;
import org.overparam.solve.Perturbation;
import org.overparam.solve.StepSize;
import org.overparam.solve.StopReason;
import org.overparam.solve.StoppingRule;
import org.overparam.solve.Trace;

/**
 * Point → row: the pure function every sweep runs, the same for every family. {@link #prepare} builds what all
 * (R, α, solver) points of a replicate share (the instance and its certified reference, {@link Landscapes});
 * {@link #run(Prepared, RunConfig)} searches one point from its own initialization and certifies how it ended.
 */
public final class Experiment {

    /** Steps perturbed GD waits for a perturbation to show an escape. */
    private static final int ESCAPE_WINDOW = 1_000;
    /** Perturbations allowed per run. */
    private static final int ESCAPE_TRIES = 10;

    private Experiment() {
    }

    /**
     * A replicate's problem as a run sees it, whatever the family.
     *
     * @param instanceSeed the seed it was built from
     * @param f0           the objective scale f(0) every tolerance is relative to
     * @param models       a fresh model for a search size R (one per run: models are not thread-safe)
     * @param references   the certified global reference for a search size R (the same for every R except where
     *                     the search space itself changes with R, as in least squares)
     * @param batches      the family's models as the lanes of one batched objective: of one R from any replicates,
     *                     or of any R and α from this replicate (which dense sensing in the Gram form evaluates with
     *                     one pass over the shared H)
     */
    public record Prepared(long instanceSeed, double f0, IntFunction<Model> models,
                           IntFunction<Reference> references, Function<List<Model>, BatchedObjective> batches) {

        public Model model(int rank) {
            return models.apply(rank);
        }

        public Reference reference(int rank) {
            return references.apply(rank);
        }
    }

    /** Builds the instance of {@code config}'s replicate and certifies its global optimum. */
    public static Prepared prepare(RunConfig config) {
        return Landscapes.prepare(config);
    }

    /** Runs one point from scratch: builds its instance, solves, certifies. */
    public static RunResult run(RunConfig config) {
        return run(prepare(config), config);
    }

    /** Runs one point on an instance prepared for its replicate. */
    public static RunResult run(Prepared prepared, RunConfig config) {
        long begin = System.nanoTime();
        Run run = new Run(prepared, config);
        GradientDescent.Descent descent;
        do {
            descent = GradientDescent.minimize(run.model, run.restart(), run.settings());
        } while (run.divergedWithRestartsLeft(descent));
        return run.result(descent, System.nanoTime() - begin);
    }

    /**
     * Runs points of one family in lock-step (any R, α, solver settings and replicates), lane j on
     * {@code prepared.get(j)} (the instance of {@code configs.get(j)}'s replicate), through the family's batched
     * objective, which shares work between the lanes that allow it. Each row is bit-identical to
     * {@link #run(Prepared, RunConfig)}'s but for {@code wall_ms}, which is the batch's descent time shared
     * equally among its runs plus each run's own certification.
     */
    public static List<RunResult> runBatch(List<Prepared> prepared, List<RunConfig> configs) {
        if (prepared.size() != configs.size() || configs.isEmpty()) {
            throw new IllegalArgumentException("one prepared instance per point, and at least one point: "
                    + prepared.size() + " instances, " + configs.size() + " points");
        }
        long begin = System.nanoTime();
        int width = configs.size();
        Run[] runs = new Run[width];
        for (int j = 0; j < width; j++) {
            runs[j] = new Run(prepared.get(j), configs.get(j));
        }
        GradientDescent.Descent[] descents = new GradientDescent.Descent[width];
        int[] pending = IntStream.range(0, width).toArray();
        while (pending.length > 0) {
            int[] lanes = pending;
            double[][] x = new double[lanes.length][];
            GradientDescent.Settings[] settings = new GradientDescent.Settings[lanes.length];
            for (int slot = 0; slot < lanes.length; slot++) {
                x[slot] = runs[lanes[slot]].restart();
                settings[slot] = runs[lanes[slot]].settings();
            }
            GradientDescent.Descent[] done = GradientDescent.minimizeLockStep(members -> {
                List<Model> models = new ArrayList<>(members.length);
                for (int m : members) {
                    models.add(runs[lanes[m]].model);
                }
                return prepared.get(0).batches().apply(models);
            }, x, settings);
            for (int slot = 0; slot < lanes.length; slot++) {
                descents[lanes[slot]] = done[slot];
            }
            pending = Arrays.stream(lanes).filter(j -> runs[j].divergedWithRestartsLeft(descents[j])).toArray();
        }
        long shared = (System.nanoTime() - begin) / width;
        List<RunResult> results = new ArrayList<>(width);
        for (int j = 0; j < width; j++) {
            results.add(runs[j].result(descents[j], shared));
        }
        return results;
    }

    /** One point's search from its start, with restarts, and the certificate of how it ended. */
    private static final class Run {
        final RunConfig config;
        final Model model;
        final Reference reference;
        final double f0;
        final Tolerances tolerances;
        final double[] start;
        final double[] x;
        Trace trace;
        int restarts = -1;

        Run(Prepared prepared, RunConfig config) {
            if (prepared.instanceSeed() != config.instanceSeed()) {
                throw new IllegalArgumentException("the prepared instance belongs to another replicate (instance seed "
                        + prepared.instanceSeed() + ", point needs " + config.instanceSeed() + ")");
            }
            SolverConfig s = config.solver();
            this.config = config;
            this.model = prepared.model(config.rank());
            this.reference = prepared.reference(config.rank());
            this.f0 = prepared.f0();
            this.tolerances = Tolerances.relativeTo(f0, s.gapRel(), s.gapAbs(), s.gradTol(), s.hessTol());
            this.start = model.initialPoint(config.alpha(), Seeds.generator(config.initSeed()));
            this.x = new double[start.length];
        }

        /** The search's starting point, reset for the next attempt (the first, or a restart). */
        double[] restart() {
            restarts++;
            System.arraycopy(start, 0, x, 0, x.length);
            trace = new Trace();
            return x;
        }

        /** The settings of the current attempt: the spec's step halved once per restart. */
        GradientDescent.Settings settings() {
            double stepSize = config.solver().stepSize() / (1L << restarts);
            return Experiment.settings(config, model, reference, f0, tolerances, stepSize).withObserver(trace);
        }

        boolean divergedWithRestartsLeft(GradientDescent.Descent descent) {
            return descent.reason() == StopReason.DIVERGED && restarts < config.solver().maxRestarts();
        }

        /** Certifies the end point; {@code searchNanos} is the search's share of the wall time. */
        RunResult result(GradientDescent.Descent descent, long searchNanos) {
            long certifying = System.nanoTime();
            SolverConfig s = config.solver();
            boolean diverged = descent.reason() == StopReason.DIVERGED;
            boolean curvatureWanted = s.curvature() == CurvaturePolicy.ALWAYS ? !diverged
                    : Verdict.curvatureDecides(descent.value(), reference.value(), descent.gradNorm(), diverged,
                            tolerances);
            Curvature curvature = curvatureWanted ? curvature(model, x, config) : null;
            double hessMinEig = curvature == null ? Double.NaN : curvature.minEigenvalue();
            Outcome outcome = Verdict.classify(descent.value(), reference.value(), descent.gradNorm(), hessMinEig,
                    diverged, tolerances);
            double loss = diverged ? Double.NaN : model.loss(x);
            double recovery = diverged ? Double.NaN : model.recoveryError(start, x);
            double certificate = diverged ? Double.NaN : model.certificate(x);
            Diagnostics diagnostics = diagnostics(config, model, reference, start, x, trace, diverged);
            EndPoint endPoint = s.endPoints().keeps(outcome)
                    ? EndPoint.of(model.blocks(), x, curvature == null ? new double[0] : curvature.lowest()) : null;
            return new RunResult(config, f0, descent.value(), loss, reference.value(), reference.kind(),
                    reference.rank(), reference.dualityGap(), descent.gradNorm(), hessMinEig, outcome,
                    Verdict.lossBad(descent.value(), reference.value(), tolerances), recovery, certificate,
                    descent.iterations(), descent.reason(), restarts,
                    (searchNanos + System.nanoTime() - certifying) / 1_000_000, null, diagnostics, endPoint);
        }
    }

    /**
     * The (Riemannian) Hessian's smallest eigenvalues; λ_min = +∞ and no spectrum on a search space of isolated
     * points (Max-Cut with R = 1).
     */
    private static Curvature curvature(Model model, double[] x, RunConfig config) {
        if (model.tangentDimension() == 0) {
            return new Curvature(Double.POSITIVE_INFINITY, 0, Curvature.Method.DENSE, new double[0]);
        }
        return Curvature.of(model, x, Seeds.hash(config.initSeed(), "curvature"));
    }

    private static Diagnostics diagnostics(RunConfig config, Model model, Reference reference, double[] start,
                                           double[] x, Trace trace, boolean diverged) {
        SolverConfig s = config.solver();
        Residuals residuals = model.residuals();
        double kernelStart = Double.NaN;
        double kernelEnd = Double.NaN;
        if (s.tangentKernel() && residuals != null) {
            long seed = Seeds.hash(config.initSeed(), "tangent kernel");
            kernelStart = TangentKernel.of(residuals, start, seed).minEigenvalue();
            kernelEnd = diverged ? Double.NaN : TangentKernel.of(residuals, x, seed).minEigenvalue();
        }
        int[] sampled = trace.sampledIterations(s.trajectory());
        return new Diagnostics(trace.escapeIteration(reference.value()), trace.convergenceRate(reference.value()),
                kernelStart, kernelEnd, sampled, trace.valuesAt(sampled));
    }

    private static GradientDescent.Settings settings(RunConfig config, Model model, Reference reference, double f0,
                                                     Tolerances tolerances, double stepSize) {
        SolverConfig s = config.solver();
        double scale = f0 > 0 ? f0 : 1;
        StoppingRule stop = StoppingRule.standard(divergenceBound(reference.value(), s.divergence() * scale),
                reference.value() + s.target() * scale, tolerances.grad(), s.maxIterations());
        StepSize step = switch (s.step()) {
            case FIXED -> new StepSize.Fixed(stepSize);
            case ARMIJO -> new StepSize.Armijo(stepSize);
        };
        GradientDescent.Settings settings = GradientDescent.Settings.of(step, stop).withRetraction(model::retract);
        if (s.method() == Method.PERTURBED_GD) {
            settings = settings.withPerturbation(new Perturbation(s.perturbRadius(), ESCAPE_WINDOW,
                    tolerances.gapAbs(), ESCAPE_TRIES, Seeds.hash(config.initSeed(), "perturbation")));
        }
        return settings;
    }

    /** divergence·f0 above the reference when the objective can be negative (Max-Cut), else divergence·f0. */
    private static double divergenceBound(double reference, double bound) {
        return reference < 0 ? reference + bound : bound;
    }
}
