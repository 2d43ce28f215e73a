package org.overparam.problem.sensing;

import org.overparam.problem.Objective;

/**
 * A factored matrix-sensing objective over X = UVᵀ ({@link AsymmetricSensing}) or X = UUᵀ
 * ({@link SymmetricSensing}) with factors of {@link #rank()} columns. Like every {@link Objective}: one per
 * run, not thread-safe, and no allocation in any method.
 */
public sealed interface SensingObjective extends Objective permits AsymmetricSensing, SymmetricSensing {

    /** R, the number of columns of each factor. */
    int rank();

    /** The instance this objective was built on. */
    SensingInstance instance();

    /** (1/n)‖𝒜(X) − y‖², the data term without any regularization. */
    double dataLoss(double[] x);

    /** ‖X − M*‖_F / ‖M*‖_F, or ‖X‖_F when M* = 0. */
    double recoveryError(double[] x);

    /** Writes X (dense d×d column-major) into {@code out}, which must hold d² doubles. */
    void product(double[] x, double[] out);
}
