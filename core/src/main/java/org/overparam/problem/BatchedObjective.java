package org.overparam.problem;

import java.util.List;

/**
 * L objectives of one dimension N evaluated together, one per lane: the runs of a lock-step batch
 * ({@link org.overparam.solve.GradientDescent#minimizeLockStep}). Vectors of all lanes are stored lane-minor
 * (structure of arrays): entry i of lane j at {@code i*L + j}, so that a kernel can advance every lane with the
 * same instruction (one lane per SIMD slot).
 *
 * <p><b>Contract.</b> Lane j performs exactly the scalar arithmetic of its own {@link Objective}, in the same order:
 * its value, gradient and Hessian–vector product are bit-identical to the scalar ones, whatever the other lanes
 * hold and however many there are. That is what lets a run's row be the same whether it ran alone or in any batch.
 *
 * <p>Like every objective: not thread-safe, one per batch, and no allocation per call.
 */
public interface BatchedObjective {

    /** N, the length of each lane's parameter, gradient and direction vector. */
    int dimension();

    /** L, the number of lanes. */
    int lanes();

    /**
     * values[j] = f_j(x_j) and lane j of {@code gradient} = ∇f_j(x_j), for every lane; x and gradient hold N·L
     * doubles, lane-minor.
     */
    void valueAndGradient(double[] x, double[] gradient, double[] values);

    /** Lane j of {@code out} = ∇²f_j(x_j)·v_j for every lane; {@code out} must not alias x or v. */
    void hessianVector(double[] x, double[] v, double[] out);

    /** The batch that evaluates each lane with its own scalar objective: any family, no SIMD. */
    static BatchedObjective laneByLane(List<? extends Objective> lanes) {
        return new LaneByLane(lanes);
    }

    /** Writes lane {@code lane} of a lane-minor array of {@code width} lanes from the vector {@code v}. */
    static void scatter(double[] v, double[] lanes, int lane, int width) {
        for (int i = 0, k = lane; i < v.length; i++, k += width) {
            lanes[k] = v[i];
        }
    }

    /** Reads lane {@code lane} of a lane-minor array of {@code width} lanes into the vector {@code v}. */
    static void gather(double[] lanes, int lane, int width, double[] v) {
        for (int i = 0, k = lane; i < v.length; i++, k += width) {
            v[i] = lanes[k];
        }
    }
}
