package org.overparam.experiment;

import org.overparam.problem.sensing.DataForm;

/**
 * A factored matrix X = UVᵀ or UUᵀ fitted to n measurements y_i = ⟨A_i, M*⟩ (+ noise) of a rank-r truth M*:
 * matrix sensing ({@link MatrixSensingProblem}), or symmetric sensing and quadratic networks
 * ({@link SymmetricSensingProblem}, which add the random regularizer).
 */
public sealed interface SensingProblem extends ProblemConfig permits MatrixSensingProblem, SymmetricSensingProblem {

    /** Side of the d×d matrices. */
    @Override
    int d();

    /** Rank of the truth M*, 1 ≤ r ≤ d. */
    @Override
    int r();

    /** κ = σ_1(M*)/σ_r(M*) ≥ 1: singular values are geometric from 1 down to 1/κ. */
    @Override
    double condition();

    /** Standard deviation σ of the Gaussian noise added to each y_i. */
    @Override
    double noise();

    /** λ ≥ 0, the weight of ‖U‖²+‖V‖² (‖U‖² for symmetric models). */
    @Override
    double lambda();

    /** The matrices A_i and truth M* for {@link OperatorKind#EXPLICIT}, else null. */
    @Override
    ExplicitMeasurements explicit();

    /** Whether the model is U Uᵀ with a PSD truth rather than U Vᵀ. */
    boolean symmetric();

    /**
     * Whether its models take the Gram form, as {@link DataForm#preferred} decides for the instances' operators: the
     * operators drawn as dense n×d² matrices (Gaussian, symmetric Gaussian, explicit) with n ≥ 2d²/5.
     */
    default boolean gramForm() {
        boolean dense = operator() == OperatorKind.GAUSSIAN || operator() == OperatorKind.SYMMETRIC_GAUSSIAN
                || operator() == OperatorKind.EXPLICIT;
        return DataForm.preferred(dense, n(), d()) == DataForm.GRAM;
    }

    /** Whether the certified reference is exactly 0: noiseless, unregularized, realizable. */
    default boolean zeroReference() {
        return noise() == 0 && lambda() == 0 && regularizer() == 0;
    }
}
