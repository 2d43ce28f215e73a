package org.overparam.experiment;

/**
 * Symmetric sensing ({@link Family#SYMMETRIC_SENSING}) and quadratic networks ({@link Family#QUADRATIC_NETWORK},
 * rank-one A_i = x_i x_iᵀ): f(U) = (1/n)Σ(⟨A_i,UUᵀ⟩−y_i)² + λ‖U‖² + ⟨C, UUᵀ⟩ with a PSD truth M* and
 * y_i = ⟨A_i, M*⟩ + noise.
 *
 * @param family      {@link Family#SYMMETRIC_SENSING} or {@link Family#QUADRATIC_NETWORK}
 * @param operator    how the sensing matrices A_i are made
 * @param d           side of the d×d matrices (input dimension of the network), ≥ 1
 * @param r           rank of the truth M* (teacher units), 1 ≤ r ≤ d
 * @param n           number of measurements (samples), ≥ 1 (≤ d² for entry sampling)
 * @param condition   κ = σ_1(M*)/σ_r(M*) ≥ 1; singular values are geometric from 1 down to 1/κ
 * @param noise       standard deviation σ ≥ 0 of the Gaussian noise added to each y_i (needs λ &gt; 0)
 * @param lambda      λ ≥ 0, the weight of ‖U‖²
 * @param regularizer σ_C ∈ [0, 1), the scale of the random symmetric C relative to λ (needs λ &gt; 0 unless 0):
 *                    C = σ_C·λ·S/‖S‖₂ keeps λI + C positive definite, so the convex reference is certified
 * @param explicit    the given A_i and M* for {@link OperatorKind#EXPLICIT} (d×d, n of them), else null
 */
public record SymmetricSensingProblem(Family family, OperatorKind operator, int d, int r, int n, double condition,
                                      double noise, double lambda, double regularizer, ExplicitMeasurements explicit)
        implements SensingProblem {

    public SymmetricSensingProblem {
        Checks.require(family != null, () -> "problem.family is required");
        Checks.require(family.symmetricModel(), () -> "problem.family " + family.specName()
                + " is not a symmetric sensing family (symmetric-sensing, quadratic-network)");
        SensingChecks.check(family, operator, d, r, n, condition, noise, lambda, regularizer, explicit);
    }

    @Override
    public boolean symmetric() {
        return true;
    }
}
