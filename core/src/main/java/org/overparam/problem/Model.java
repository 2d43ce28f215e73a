package org.overparam.problem;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * One family's objective at one search size R, with what a run needs to start from it and report on it.
 * Like every {@link Objective}: one per run, not thread-safe, no allocation in the hot methods.
 *
 * <p><b>Manifolds.</b> A model whose search space is a manifold (Burer–Monteiro on the oblique manifold)
 * returns the Riemannian gradient from {@link #valueAndGradient}, puts points back on the manifold in
 * {@link #retract}, and makes {@link #hessianVector} the Riemannian Hessian on tangent vectors and a positive
 * shift larger than every tangent eigenvalue on normal vectors, so that the smallest eigenvalue of the operator
 * on R^N is the smallest tangent eigenvalue whenever {@link #tangentDimension()} &gt; 0.
 */
public interface Model extends Objective {

    /** x₀ for initialization scale α, drawn from {@code rng} (the point's init-seed generator). */
    double[] initialPoint(double alpha, RandomGenerator rng);

    /** The common start: {@code dimension} i.i.d. N(0, scale²) entries, drawn in parameter order x[0], x[1], …. */
    static double[] gaussianStart(int dimension, double scale, RandomGenerator rng) {
        double[] x = new double[dimension];
        for (int i = 0; i < dimension; i++) {
            x[i] = scale * rng.nextGaussian();
        }
        return x;
    }

    /**
     * How x is made of the family's matrices (U and V, W, Y, …): blocks that tile x in order. The end points of
     * a sweep are stored as these matrices.
     */
    default List<Block> blocks() {
        return List.of(new Block("x", dimension(), 1, 0));
    }

    /** Maps a trial point back onto the search space in place (identity for Euclidean models). */
    default void retract(double[] x) {
    }

    /** Dimension of the space whose Hessian eigenvalues count: N for Euclidean models, 0 when it is a point set. */
    default int tangentDimension() {
        return dimension();
    }

    /** The data-fit part of f at x, without regularization (the {@code loss} column). */
    double loss(double[] x);

    /**
     * How far the search ended from what the family is meant to recover, relative to that target's size
     * (‖X − M*‖_F/‖M*‖_F for sensing; for least squares the distance to the solution closest to {@code start}),
     * or NaN when the family has no such target.
     *
     * @param start the initial point the run started from
     * @param x     the final iterate
     */
    default double recoveryError(double[] start, double[] x) {
        return Double.NaN;
    }

    /**
     * The model's outputs whose Jacobian defines the tangent kernel K = J Jᵀ, or null when the loss is not a
     * finite sum of squared residuals (population losses, Max-Cut).
     */
    default Residuals residuals() {
        return null;
    }

    /**
     * The family's own global-optimality certificate at x, as a number that is ≥ 0 when x is certified (the
     * smallest eigenvalue of the Max-Cut dual certificate), or NaN when the family has none.
     */
    default double certificate(double[] x) {
        return Double.NaN;
    }
}
