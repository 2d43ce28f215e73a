package org.overparam.experiment;

/** The rules of a sensing problem, shared by its two records, in the order {@link ProblemConfig#of} gives. */
final class SensingChecks {

    private SensingChecks() {
    }

    /** @param regularizer 0 for matrix sensing, which has none */
    static void check(Family family, OperatorKind operator, int d, int r, int n, double condition, double noise,
                      double lambda, double regularizer, ExplicitMeasurements explicit) {
        fields(family, operator, d, r, n, condition, noise, lambda, regularizer);
        data(operator, d, n, explicit);
    }

    /** Everything but the given data. */
    static void fields(Family family, OperatorKind operator, int d, int r, int n, double condition, double noise,
                       double lambda, double regularizer) {
        family.requireOperator(operator);
        ProblemField.D.check(d);
        ProblemField.R.check(r);
        Checks.atLeast("n", n, family.minimumN());
        ProblemField.CONDITION.check(condition);
        ProblemField.NOISE.check(noise);
        ProblemField.LAMBDA.check(lambda);
        ProblemField.REGULARIZER.check(regularizer);
        Checks.require(r <= d, () -> "problem.r must be <= problem.d (" + d + "), got " + r);
        Checks.require(regularizer < 1, () -> "problem.regularizer must be < 1 (it is relative to lambda), got "
                + regularizer);
        Checks.require(regularizer == 0 || lambda > 0, () ->
                "problem.regularizer must be 0 when problem.lambda is 0, got " + regularizer);
        Checks.require(noise == 0 || lambda > 0, () ->
                "problem.lambda must be > 0 when problem.noise > 0 (the convex reference is certified by a duality gap"
                        + " only with lambda > 0), got lambda = " + lambda);
        if (operator == OperatorKind.ENTRY_SAMPLING) {
            Checks.require(n <= d * d, () -> "n must be <= d*d = " + (d * d) + " for entry-sampling, got " + n);
        }
    }

    /** The given matrices: required by the explicit operator, of its d and n; refused by any other. */
    private static void data(OperatorKind operator, int d, int n, ExplicitMeasurements explicit) {
        if (operator == OperatorKind.EXPLICIT) {
            Checks.require(explicit != null, () ->
                    "problem.matrices and problem.truth are required for the explicit operator");
            Checks.require(explicit.dim() == d, () -> "problem.d must equal the side of problem.truth ("
                    + explicit.dim() + "), got " + d);
            Checks.require(explicit.count() == n, () -> "n must equal the number of problem.matrices ("
                    + explicit.count() + "), got " + n);
        } else {
            Checks.require(explicit == null, () -> "problem.matrices is only allowed with operator explicit");
        }
    }
}
