package org.overparam.experiment;

/**
 * Everything that defines a problem instance apart from its replicate: with the master seed and the replicate
 * index it determines the instance (operator, truth, noise) exactly.
 *
 * @param family        landscape family
 * @param operator      how the measurement matrices are made
 * @param d             matrix side (input dimension for networks, teacher features for least squares; 0 for Max-Cut)
 * @param r             rank of the truth M* (teacher units); 1 ≤ r ≤ d; 0 for families without one
 * @param n             number of measurements (samples; graph nodes for Max-Cut; 0 = ReLU population loss)
 * @param condition     κ = σ_1(M*)/σ_r(M*) ≥ 1; singular values are geometric from 1 down to 1/κ
 * @param noise         standard deviation σ of the Gaussian noise added to each y_i
 * @param lambda        λ ≥ 0, the weight of ‖U‖²+‖V‖² (‖U‖² for symmetric models)
 * @param regularizer   σ_C ∈ [0, 1): scale of the random symmetric C in ⟨C, UUᵀ⟩, relative to λ
 *                      (C = σ_C·λ·S/‖S‖₂ keeps λI + C positive definite so the convex reference is certified)
 * @param explicit      the given data for {@link OperatorKind#EXPLICIT} (sensing matrices and truth, or a Max-Cut
 *                      cost), else null
 */
public record ProblemConfig(Family family, OperatorKind operator, int d, int r, int n, double condition,
                            double noise, double lambda, double regularizer, Explicit explicit) {

    public ProblemConfig {
        Checks.require(family != null, () -> "problem.family is required");
        Checks.require(operator != null, () -> "problem.operator is required");
        Checks.require(family.supports(operator), () -> "problem.operator " + operator.specName()
                + " does not apply to " + family.specName() + " (its default is " + family.defaultOperator().specName()
                + ")");
        unusedOrAtLeast(family, "d", d, 1);
        unusedOrAtLeast(family, "r", r, 1);
        Checks.atLeast("n", n, family.minimumN());
        Checks.atLeast("problem.condition", condition, 1.0);
        Checks.nonNegative("problem.noise", noise);
        Checks.nonNegative("problem.lambda", lambda);
        Checks.nonNegative("problem.regularizer", regularizer);
        unusedOrDefault(family, "condition", condition, 1);
        unusedOrDefault(family, "noise", noise, 0);
        unusedOrDefault(family, "lambda", lambda, 0);
        unusedOrDefault(family, "regularizer", regularizer, 0);
        if (family.uses("r")) {
            Checks.require(r <= d, () -> "problem.r must be <= problem.d (" + d + "), got " + r);
        }
        Checks.require(regularizer < 1, () -> "problem.regularizer must be < 1 (it is relative to lambda), got " + regularizer);
        Checks.require(regularizer == 0 || lambda > 0, () ->
                "problem.regularizer must be 0 when problem.lambda is 0, got " + regularizer);
        Checks.require(noise == 0 || lambda > 0 || !family.sensing(), () ->
                "problem.lambda must be > 0 when problem.noise > 0 (the convex reference is certified by a duality gap"
                        + " only with lambda > 0), got lambda = " + lambda);
        if (operator == OperatorKind.ENTRY_SAMPLING) {
            Checks.require(n <= d * d, () -> "n must be <= d*d = " + (d * d) + " for entry-sampling, got " + n);
        }
        Checks.require(!(explicit instanceof ExplicitCost) || family == Family.MAXCUT_BM, () ->
                "problem.cost is a Max-Cut cost: it needs family maxcut-bm, got " + family.specName());
        if (operator == OperatorKind.EXPLICIT && family == Family.MAXCUT_BM) {
            Checks.require(explicit instanceof ExplicitCost, () -> "problem.cost is required for the explicit operator"
                    + " of maxcut-bm");
            Checks.require(explicit.count() == n, () -> "n must equal the side of problem.cost (" + explicit.count()
                    + "), got " + n);
        } else if (operator == OperatorKind.EXPLICIT) {
            Checks.require(explicit instanceof ExplicitMeasurements, () ->
                    "problem.matrices and problem.truth are required for the explicit operator");
            ExplicitMeasurements m = (ExplicitMeasurements) explicit;
            Checks.require(m.dim() == d, () -> "problem.d must equal the side of problem.truth (" + m.dim()
                    + "), got " + d);
            Checks.require(m.count() == n, () -> "n must equal the number of problem.matrices (" + m.count()
                    + "), got " + n);
        } else {
            Checks.require(explicit == null, () -> "problem." + (explicit instanceof ExplicitCost ? "cost" : "matrices")
                    + " is only allowed with operator explicit");
        }
    }

    /** A field the family uses must be ≥ min; one it does not use must be 0 (how rows show "not applicable"). */
    private static void unusedOrAtLeast(Family family, String field, int value, int min) {
        if (family.uses(field)) {
            Checks.atLeast("problem." + field, value, min);
        } else {
            Checks.require(value == 0, () -> "problem." + field + " is not used by " + family.specName() + ", got " + value);
        }
    }

    private static void unusedOrDefault(Family family, String field, double value, double unused) {
        Checks.require(family.uses(field) || value == unused, () -> "problem." + field + " is not used by "
                + family.specName() + " (leave it at " + Canonical.decimal(unused) + "), got " + value);
    }

    /** Whether a sensing instance's certified reference is exactly 0: noiseless, unregularized, realizable. */
    public boolean zeroReference() {
        return noise == 0 && lambda == 0 && regularizer == 0;
    }

    /** Canonical encoding of every field, for seeds and point ids. */
    public String canonical() {
        return family.specName() + "|" + operator.specName() + "|d=" + d + "|r=" + r + "|n=" + n
                + "|kappa=" + Canonical.of(condition) + "|noise=" + Canonical.of(noise) + "|lambda="
                + Canonical.of(lambda) + "|C=" + Canonical.of(regularizer)
                + (explicit == null ? "" : "|" + explicit.canonical());
    }
}
