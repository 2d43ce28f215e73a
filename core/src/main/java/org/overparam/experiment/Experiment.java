package org.overparam.experiment;

import java.util.random.RandomGenerator;
import org.overparam.certify.ConvexReference;
import org.overparam.certify.Curvature;
import org.overparam.certify.Outcome;
import org.overparam.certify.ConvexReference.Reference;
import org.overparam.certify.ReferenceKind;
import org.overparam.certify.Tolerances;
import org.overparam.certify.Verdict;
import org.overparam.problem.sensing.AsymmetricSensing;
import org.overparam.problem.sensing.SensingInstance;
import org.overparam.problem.sensing.SensingObjective;
import org.overparam.problem.sensing.SymmetricSensing;
import org.overparam.random.Seeds;
import org.overparam.solve.GradientDescent;
import org.overparam.solve.Perturbation;
import org.overparam.solve.StepSize;
import org.overparam.solve.StopReason;
import org.overparam.solve.StoppingRule;

/**
 * Point → row: the pure function every sweep runs. {@link #prepare} builds what all (R, α, solver) points of
 * a replicate share (the instance and its certified reference); {@link #run(Prepared, RunConfig)} solves one
 * point from its own initialization and certifies how it ended.
 */
public final class Experiment {

    /** Iteration budget of the convex reference solve; the gap it reaches is recorded either way. */
    private static final int REFERENCE_MAX_ITERATIONS = 50_000;
    /** Steps perturbed GD waits for a perturbation to show an escape. */
    private static final int ESCAPE_WINDOW = 1_000;
    /** Perturbations allowed per run. */
    private static final int ESCAPE_TRIES = 10;

    private Experiment() {
    }

    /**
     * A replicate's instance with its certified global reference.
     *
     * @param instanceSeed the seed it was built from
     * @param instance     operator, measurements, truth and regularization
     * @param reference    the certified global optimum
     */
    public record Prepared(long instanceSeed, SensingInstance instance, Reference reference) {
    }

    /** Builds the instance of {@code config}'s replicate and certifies its global optimum. */
    public static Prepared prepare(RunConfig config) {
        SensingInstance instance = Instances.of(config);
        return new Prepared(config.instanceSeed(), instance, reference(config, instance));
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
        long start = System.nanoTime();
        SensingInstance instance = prepared.instance();
        Reference reference = prepared.reference();
        SolverConfig s = config.solver();
        SensingObjective objective = config.problem().family().symmetricModel()
                ? SymmetricSensing.of(instance, config.rank()) : AsymmetricSensing.of(instance, config.rank());
        double f0 = instance.f0();
        Tolerances tolerances = Tolerances.relativeTo(f0, s.gapRel(), s.gapAbs(), s.gradTol(), s.hessTol());

        double[] x = initialPoint(config, objective.dimension());
        GradientDescent.Descent descent = GradientDescent.minimize(objective, x, settings(config, reference, f0,
                tolerances));

        boolean diverged = descent.reason() == StopReason.DIVERGED;
        double hessMinEig = diverged ? Double.NaN
                : Curvature.of(objective, x, Seeds.hash(config.initSeed(), "curvature")).minEigenvalue();
        Outcome outcome = Verdict.classify(descent.value(), reference.value(), descent.gradNorm(), hessMinEig,
                diverged, tolerances);
        double loss = diverged ? Double.NaN : objective.dataLoss(x);
        double recovery = diverged ? Double.NaN : objective.recoveryError(x);
        long wallMillis = (System.nanoTime() - start) / 1_000_000;
        return new RunResult(config, f0, descent.value(), loss, reference.value(), reference.kind(),
                reference.rank(), reference.dualityGap(), descent.gradNorm(), hessMinEig, outcome,
                Verdict.lossBad(descent.value(), reference.value(), tolerances), recovery, descent.iterations(),
                descent.reason(), wallMillis, null);
    }

    /** U₀ = α·G (and V₀ likewise), G with i.i.d. N(0, 1/d) entries, drawn from the init seed. */
    static double[] initialPoint(RunConfig config, int dimension) {
        RandomGenerator rng = Seeds.generator(config.initSeed());
        double scale = config.alpha() / Math.sqrt(config.problem().d());
        double[] x = new double[dimension];
        for (int i = 0; i < dimension; i++) {
            x[i] = scale * rng.nextGaussian();
        }
        return x;
    }

    private static GradientDescent.Settings settings(RunConfig config, Reference reference, double f0,
                                                     Tolerances tolerances) {
        SolverConfig s = config.solver();
        double scale = f0 > 0 ? f0 : 1;
        StoppingRule stop = StoppingRule.divergence(s.divergence() * scale)
                .or(StoppingRule.valueBelow(reference.value() + s.target() * scale))
                .or(StoppingRule.gradNormBelow(tolerances.grad()))
                .or(StoppingRule.maxIterations(s.maxIterations()));
        StepSize step = switch (s.step()) {
            case FIXED -> new StepSize.Fixed(s.stepSize());
            case ARMIJO -> new StepSize.Armijo(s.stepSize());
        };
        GradientDescent.Settings settings = GradientDescent.Settings.of(step, stop);
        if (s.method() == Method.PERTURBED_GD) {
            settings = settings.withPerturbation(new Perturbation(s.perturbRadius(), ESCAPE_WINDOW,
                    tolerances.gapAbs(), ESCAPE_TRIES, Seeds.hash(config.initSeed(), "perturbation")));
        }
        return settings;
    }

    private static Reference reference(RunConfig config, SensingInstance instance) {
        ProblemConfig p = config.problem();
        if (p.zeroReference()) {
            return new Reference(0, 0, instance.trueRank(), 0, ReferenceKind.ZERO);
        }
        double gapTol = config.solver().referenceTol() * instance.f0();
        if (!p.family().symmetricModel()) {
            return ConvexReference.nuclearNorm(instance.operator(), instance.y(), p.lambda(), gapTol,
                    REFERENCE_MAX_ITERATIONS);
        }
        int d = p.d();
        double[] penalty = instance.regularizer() == null ? new double[d * d] : instance.regularizer();
        for (int a = 0; a < d; a++) {
            penalty[a + d * a] += p.lambda();
        }
        return ConvexReference.psdTrace(instance.operator(), instance.y(), penalty, gapTol, REFERENCE_MAX_ITERATIONS);
    }
}
