package org.overparam.problem;

import java.util.List;
import java.util.function.Function;

/**
 * Objectives evaluated together, one per lane: the runs of a lock-step batch
 * ({@link org.overparam.solve.GradientDescent#minimizeLockStep}). Each lane has its own point and gradient arrays
 * (lanes may differ in dimension: runs of one instance at several R); a batch evaluates all of them in one call,
 * which lets it share work between lanes: one SIMD instruction for several runs of one shape, or one pass over an
 * instance's data for all of its runs.
 *
 * <p><b>Contract.</b> Lane j performs exactly the scalar arithmetic of its own {@link Objective}, in the same order:
 * its value, gradient and Hessian–vector product are bit-identical to the scalar ones, whatever the other lanes
 * hold and however many there are. That is what lets a run's row be the same whether it ran alone or in any batch.
 *
 * <p>Like every objective: not thread-safe, one per batch, and no allocation per call.
 */
public interface BatchedObjective {

    /** L, the number of lanes. */
    int lanes();

    /**
     * values[j] = f_j(x[j]) and gradient[j] = ∇f_j(x[j]) for every lane j whose x[j] is not null; a lane with a
     * null point idles (its value is left alone).
     */
    void valueAndGradient(double[][] x, double[][] gradient, double[] values);

    /** out[j] = ∇²f_j(x[j])·v[j] for every lane j; out[j] must not alias x[j] or v[j]. */
    void hessianVector(double[][] x, double[][] v, double[][] out);

    /** Lane j's {@link Objective#valueErrorFloor()}. */
    double valueErrorFloor(int lane);


    /**
     * Lanes of mixed kinds (several R, several instances) as one batch: lanes with equal {@code key} go to one
     * sub-batch made by {@code build} (which can share their work), the sub-batches run one after another.
     */
    static <M extends Objective> BatchedObjective partitioned(List<M> lanes, Function<? super M, ?> key,
                                                              Function<List<M>, BatchedObjective> build) {
        return new Partitioned(lanes, key, build);
    }

    /** The batch that evaluates each lane with its own scalar objective: any family, no shared work. */
    static BatchedObjective laneByLane(List<? extends Objective> lanes) {
        return new LaneByLane(lanes);
    }
}
