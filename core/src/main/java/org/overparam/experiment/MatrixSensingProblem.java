package org.overparam.experiment;

/**
 * Matrix sensing ({@link Family#MATRIX_SENSING}): f(U,V) = (1/n)Σ(⟨A_i,UVᵀ⟩−y_i)² + λ(‖U‖²+‖V‖²) with
 * y_i = ⟨A_i, M*⟩ + noise.
 *
 * @param operator  how the sensing matrices A_i are made
 * @param d         side of the d×d matrices, ≥ 1
 * @param r         rank of the truth M*, 1 ≤ r ≤ d
 * @param n         number of measurements, ≥ 1 (≤ d² for entry sampling)
 * @param condition κ = σ_1(M*)/σ_r(M*) ≥ 1; singular values are geometric from 1 down to 1/κ
 * @param noise     standard deviation σ ≥ 0 of the Gaussian noise added to each y_i (needs λ &gt; 0)
 * @param lambda    λ ≥ 0, the weight of ‖U‖²+‖V‖²
 * @param explicit  the given A_i and M* for {@link OperatorKind#EXPLICIT} (d×d, n of them), else null
 */
public record MatrixSensingProblem(OperatorKind operator, int d, int r, int n, double condition, double noise,
                                   double lambda, ExplicitMeasurements explicit) implements SensingProblem {

    public MatrixSensingProblem {
        SensingChecks.check(Family.MATRIX_SENSING, operator, d, r, n, condition, noise, lambda, 0, explicit);
    }

    @Override
    public Family family() {
        return Family.MATRIX_SENSING;
    }

    @Override
    public boolean symmetric() {
        return false;
    }
}
