package org.overparam.experiment;

import java.util.function.IntFunction;
import org.overparam.certify.ConvexReference.Reference;
import org.overparam.certify.Curvature;
import org.overparam.certify.Outcome;
import org.overparam.certify.TangentKernel;
import org.overparam.certify.Tolerances;
import org.overparam.certify.Verdict;
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
     */
    public record Prepared(long instanceSeed, double f0, IntFunction<Model> models,
                           IntFunction<Reference> references) {

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
        if (prepared.instanceSeed() != config.instanceSeed()) {
            throw new IllegalArgumentException("the prepared instance belongs to another replicate (instance seed "
                    + prepared.instanceSeed() + ", point needs " + config.instanceSeed() + ")");
        }
        long begin = System.nanoTime();
        SolverConfig s = config.solver();
        Model model = prepared.model(config.rank());
        Reference reference = prepared.reference(config.rank());
        double f0 = prepared.f0();
        Tolerances tolerances = Tolerances.relativeTo(f0, s.gapRel(), s.gapAbs(), s.gradTol(), s.hessTol());

        double[] start = model.initialPoint(config.alpha(), Seeds.generator(config.initSeed()));
        double[] x = new double[start.length];
        Trace trace;
        GradientDescent.Descent descent;
        int restarts = 0;
        while (true) {
            System.arraycopy(start, 0, x, 0, x.length);
            trace = new Trace();
            double stepSize = s.stepSize() / (1L << restarts);
            descent = GradientDescent.minimize(model, x, settings(config, model, reference, f0, tolerances, stepSize)
                    .withObserver(trace));
            if (descent.reason() != StopReason.DIVERGED || restarts == s.maxRestarts()) {
                break;
            }
            restarts++;
        }

        boolean diverged = descent.reason() == StopReason.DIVERGED;
        boolean curvatureWanted = s.curvature() == CurvaturePolicy.ALWAYS ? !diverged
                : Verdict.curvatureDecides(descent.value(), reference.value(), descent.gradNorm(), diverged, tolerances);
        double hessMinEig = curvatureWanted ? hessianMinEigenvalue(model, x, config) : Double.NaN;
        Outcome outcome = Verdict.classify(descent.value(), reference.value(), descent.gradNorm(), hessMinEig,
                diverged, tolerances);
        double loss = diverged ? Double.NaN : model.loss(x);
        double recovery = diverged ? Double.NaN : model.recoveryError(start, x);
        double certificate = diverged ? Double.NaN : model.certificate(x);
        Diagnostics diagnostics = diagnostics(config, model, reference, start, x, trace, diverged);
        long wallMillis = (System.nanoTime() - begin) / 1_000_000;
        return new RunResult(config, f0, descent.value(), loss, reference.value(), reference.kind(),
                reference.rank(), reference.dualityGap(), descent.gradNorm(), hessMinEig, outcome,
                Verdict.lossBad(descent.value(), reference.value(), tolerances), recovery, certificate,
                descent.iterations(), descent.reason(), restarts, wallMillis, null, diagnostics);
    }

    /** λ_min of the (Riemannian) Hessian; +∞ on a search space of isolated points (Max-Cut with R = 1). */
    private static double hessianMinEigenvalue(Model model, double[] x, RunConfig config) {
        if (model.tangentDimension() == 0) {
            return Double.POSITIVE_INFINITY;
        }
        return Curvature.of(model, x, Seeds.hash(config.initSeed(), "curvature")).minEigenvalue();
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
        StoppingRule stop = StoppingRule.divergence(divergenceBound(reference.value(), s.divergence() * scale))
                .or(StoppingRule.valueBelow(reference.value() + s.target() * scale))
                .or(StoppingRule.gradNormBelow(tolerances.grad()))
                .or(StoppingRule.maxIterations(s.maxIterations()));
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
