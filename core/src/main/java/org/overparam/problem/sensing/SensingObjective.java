package org.overparam.problem.sensing;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.overparam.linalg.VectorApi;
import org.overparam.problem.BatchedObjective;
import org.overparam.problem.Model;

/**
 * A factored matrix-sensing objective over X = UVᵀ ({@link AsymmetricSensing}) or X = UUᵀ
 * ({@link SymmetricSensing}) with factors of {@link #rank()} columns. Like every {@link Model}: one per
 * run, not thread-safe, and no allocation in any method.
 */
public sealed interface SensingObjective extends Model permits AsymmetricSensing, SymmetricSensing {

    /**
     * These objectives (one per run) as the lanes of one batch, lane j bit-identical to {@code lanes.get(j)} whichever
     * batch it is:
     * <ul>
     *   <li>{@link GramLanes} when all are in the GRAM form on one instance (the runs of one instance at any R and
     *       α): one pass over H per evaluation serves all of them;</li>
     *   <li>{@link RankOneLanes} when all are quadratic networks of one shape without a regularizer and the JVM has
     *       the Vector API: one SIMD instruction per operation for a block of runs;</li>
     *   <li>else lane by lane ({@link BatchedObjective#laneByLane}), e.g. runs on different dense instances.</li>
     * </ul>
     */
    static BatchedObjective lanes(List<? extends SensingObjective> lanes) {
        if (lanes.isEmpty()) {
            throw new IllegalArgumentException("a batch needs at least one lane");
        }
        if (GramLanes.applies(lanes)) {
            return GramLanes.of(lanes);
        }
        if (VectorApi.available()) {
            List<SymmetricSensing> symmetric = new ArrayList<>(lanes.size());
            for (SensingObjective f : lanes) {
                if (f instanceof SymmetricSensing s) {
                    symmetric.add(s);
                }
            }
            if (symmetric.size() == lanes.size() && SymmetricSensing.simdLanes(symmetric)) {
                return RankOneLanes.of(symmetric);
            }
        }
        return BatchedObjective.laneByLane(lanes);
    }

    /** R, the number of columns of each factor. */
    int rank();

    /** The instance this objective was built on. */
    SensingInstance instance();

    /** How {@link #value}, the gradient and Hessian–vector products evaluate the data term. */
    DataForm form();

    /**
     * (1/n)‖𝒜(X) − y‖², the data term without any regularization, always from residuals through 𝒜 (in the GRAM form
     * too, where it is not the data term {@link #value} uses: this one stays accurate as it goes to 0). Costs one
     * pass over a dense 𝐀: the loss column calls it once per run.
     */
    double dataLoss(double[] x);

    /** ‖X − M*‖_F / ‖M*‖_F, or ‖X‖_F when M* = 0. */
    double recoveryError(double[] x);

    /** Writes X (dense d×d column-major) into {@code out}, which must hold d² doubles. */
    void product(double[] x, double[] out);

    /** U₀ = α·G (and V₀ likewise), G with i.i.d. N(0, 1/d) entries, drawn in parameter order. */
    @Override
    default double[] initialPoint(double alpha, RandomGenerator rng) {
        return Model.gaussianStart(dimension(), alpha / Math.sqrt(instance().dim()), rng);
    }

    @Override
    default double loss(double[] x) {
        return dataLoss(x);
    }

    @Override
    default double recoveryError(double[] start, double[] x) {
        return recoveryError(x);
    }
}
