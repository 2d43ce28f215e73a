package org.overparam.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.overparam.certify.ConvexReference;
import org.overparam.certify.DualCertificate;
import org.overparam.certify.ConvexReference.Reference;
import org.overparam.certify.ReferenceKind;
import org.overparam.experiment.Experiment.Prepared;
import org.overparam.linalg.Svd;
import org.overparam.problem.BatchedObjective;
import org.overparam.problem.Model;
import org.overparam.problem.leastsquares.LeastSquaresInstance;
import org.overparam.problem.leastsquares.LinearLeastSquares;
import org.overparam.problem.maxcut.BurerMonteiro;
import org.overparam.problem.maxcut.MaxCutInstance;
import org.overparam.problem.relu.TeacherStudent;
import org.overparam.problem.sensing.AsymmetricSensing;
import org.overparam.problem.sensing.DataForm;
import org.overparam.problem.sensing.SensingInstance;
import org.overparam.problem.sensing.SensingObjective;
import org.overparam.problem.sensing.SymmetricSensing;
import org.overparam.random.Seeds;
import org.overparam.solve.GradientDescent;
import org.overparam.solve.StepSize;
import org.overparam.solve.StoppingRule;

/**
 * Each family's instance and certified global reference for a replicate: the one place that dispatches on the kind
 * of problem ({@link ProblemConfig#match}).
 */
final class Landscapes {

    /** Iteration budget of a reference solve; the gap it reaches is recorded either way. */
    private static final int REFERENCE_MAX_ITERATIONS = 50_000;
    /** Max-Cut graphs are G(n, ½). */
    private static final double EDGE_PROBABILITY = 0.5;
    /** Starts of the Max-Cut reference solve. */
    private static final int REFERENCE_STARTS = 3;
    /** Riemannian gradient tolerance of the Max-Cut reference, relative to Σ|C_ij|. */
    private static final double REFERENCE_GRAD_TOL = 1e-10;
    /** Singular values below this fraction of the largest do not count towards a reference's rank. */
    private static final double REFERENCE_RANK_TOL = 1e-3;

    private Landscapes() {
    }

    static Prepared prepare(RunConfig config) {
        return config.problem().match(p -> sensing(config, p), p -> relu(config, p), p -> maxCut(config, p),
                p -> leastSquares(config, p));
    }

    /** Realizable for R ≥ r: the global value is 0 (at W = V), and R &lt; r cannot reach it. */
    private static Prepared relu(RunConfig config, ReluProblem p) {
        TeacherStudent instance = p.n() == 0 ? TeacherStudent.population(p.d(), p.r())
                : TeacherStudent.sampled(p.d(), p.r(), p.n(), Seeds.generator(config.instanceSeed()));
        Reference zero = new Reference(0, 0, p.r(), 0, ReferenceKind.ZERO);
        return new Prepared(config.instanceSeed(), instance.f0(), instance::model, rank -> zero,
                BatchedObjective::laneByLane);
    }

    private static Prepared maxCut(RunConfig config, MaxCutProblem p) {
        MaxCutInstance instance = p.cost() != null ? MaxCutInstance.of(p.n(), p.cost().columnMajor())
                : MaxCutInstance.randomGraph(p.n(), EDGE_PROBABILITY, Seeds.generator(config.instanceSeed()));
        Reference reference = maxCutReference(config, instance);
        return new Prepared(config.instanceSeed(), instance.scale(), instance::model, rank -> reference,
                BatchedObjective::laneByLane);
    }

    /**
     * The SDP optimum, certified: Riemannian GD at the smallest rank p with p(p+1)/2 &gt; n (where, for almost every
     * cost, every second-order critical point is optimal: Boumal, Voroninski &amp; Bandeira 2016) plus one, from
     * {@value #REFERENCE_STARTS} starts; the best dual lower bound f − n·max(0, −λ_min(S)) is the reference, its
     * slack n·max(0, −λ_min(S)) the recorded gap, and the numerical rank of Y its rank.
     */
    private static Reference maxCutReference(RunConfig config, MaxCutInstance instance) {
        int n = instance.n();
        int rank = Math.min(n, Math.max(2, (int) Math.ceil((Math.sqrt(8.0 * n + 1) - 1) / 2) + 1));
        double scale = instance.scale();
        StoppingRule stop = StoppingRule.gradNormBelow(REFERENCE_GRAD_TOL * scale)
                .or(StoppingRule.maxIterations(REFERENCE_MAX_ITERATIONS));
        Reference best = null;
        for (int start = 0; start < REFERENCE_STARTS; start++) {
            BurerMonteiro model = instance.model(rank);
            double[] y = model.initialPoint(1, Seeds.generator(Seeds.hash(config.instanceSeed(), "reference " + start)));
            GradientDescent.Descent descent = GradientDescent.minimize(model, y,
                    GradientDescent.Settings.of(new StepSize.Armijo(config.solver().stepSize()), stop)
                            .withRetraction(model::retract));
            DualCertificate certificate = DualCertificate.of(n, instance.cost(), y, rank);
            if (best == null || certificate.lowerBound() > best.value()) {
                best = new Reference(certificate.lowerBound(), certificate.gap(), numericalRank(n, rank, y),
                        descent.iterations(), ReferenceKind.DUAL_CERTIFICATE);
            }
        }
        return best;
    }

    /** The exact minimum over R parameters, in closed form; the rank of the first R features is its ρ. */
    private static Prepared leastSquares(RunConfig config, LeastSquaresProblem p) {
        LeastSquaresInstance instance = LeastSquaresInstance.of(p.n(), p.d(), p.noise(), config.instanceSeed());
        Map<Integer, Reference> references = new ConcurrentHashMap<>();
        return new Prepared(config.instanceSeed(), instance.f0(), instance::model,
                rank -> references.computeIfAbsent(rank, r -> {
                    LinearLeastSquares model = instance.model(r);
                    return new Reference(model.minimum(), 0, model.rank(), 0, ReferenceKind.LEAST_SQUARES);
                }), BatchedObjective::laneByLane);
    }

    private static int numericalRank(int rows, int columns, double[] matrix) {
        double[] s = Svd.of(rows, columns, matrix).singularValues();
        int rank = 0;
        for (double v : s) {
            if (v > REFERENCE_RANK_TOL * s[0]) {
                rank++;
            }
        }
        return Math.max(rank, 1);
    }

    /**
     * Models in the data form {@link DataForm#preferred} picks for the operator: the Gram form for a dense one with
     * many measurements, whose H is built on the instance by the first model and shared by every R and run after it.
     * Batches go through {@link SensingObjective#lanes}: the runs of one Gram-form instance share one pass over H per
     * evaluation, quadratic networks of one shape run as SIMD lanes, anything else lane by lane.
     */
    private static Prepared sensing(RunConfig config, SensingProblem p) {
        SensingInstance instance = Instances.of(p, config.instanceSeed());
        Reference reference = sensingReference(config, p, instance);
        boolean symmetric = p.symmetric();
        DataForm form = DataForm.preferred(instance.operator());
        return new Prepared(config.instanceSeed(), instance.f0(),
                rank -> symmetric ? SymmetricSensing.of(instance, rank, form)
                        : AsymmetricSensing.of(instance, rank, form),
                rank -> reference, Landscapes::sensingLanes);
    }

    /**
     * Lanes share work per instance in the Gram form (one pass over its H for all of its runs) and per shape
     * otherwise (one SIMD kernel for the quadratic networks of one R across replicates): one sub-batch each.
     */
    private static BatchedObjective sensingLanes(List<Model> models) {
        List<SensingObjective> lanes = new ArrayList<>(models.size());
        for (Model m : models) {
            lanes.add((SensingObjective) m);
        }
        return BatchedObjective.partitioned(lanes, f -> f.form() == DataForm.GRAM ? f.instance() : f.rank(),
                SensingObjective::lanes);
    }

    private static Reference sensingReference(RunConfig config, SensingProblem p, SensingInstance instance) {
        if (p.zeroReference()) {
            return new Reference(0, 0, instance.trueRank(), 0, ReferenceKind.ZERO);
        }
        double gapTol = config.solver().referenceTol() * instance.f0();
        if (!p.symmetric()) {
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
