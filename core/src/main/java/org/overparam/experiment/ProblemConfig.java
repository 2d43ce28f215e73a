package org.overparam.experiment;

import java.util.function.Function;

/**
 * Everything that defines a problem instance apart from its replicate: with the master seed and the replicate
 * index it determines the instance (operator, truth, noise) exactly. One record per kind of problem, holding only
 * the fields its family uses ({@link Family#fields()}) and validating them in its compact constructor:
 * {@link SensingProblem} (matrix sensing, symmetric sensing, quadratic networks), {@link ReluProblem},
 * {@link MaxCutProblem}, {@link LeastSquaresProblem}.
 *
 * <p>Every problem answers the accessors of every field, as rows do: a field its family does not use reads as
 * its {@link ProblemField#notApplicable()} value (d = 0 for Max-Cut). Code about one family goes through
 * {@link #match}.
 */
public sealed interface ProblemConfig permits SensingProblem, ReluProblem, MaxCutProblem, LeastSquaresProblem {

    /** The landscape family. */
    Family family();

    /** How the data are drawn. */
    OperatorKind operator();

    /** Number of measurements: samples (0 = ReLU population loss), or graph nodes for Max-Cut. */
    int n();

    /** Matrix side, input dimension or features of the targets; 0 where the family has none. */
    default int d() {
        return 0;
    }

    /** Rank of the truth M* (teacher units); 0 where the family has none. */
    default int r() {
        return 0;
    }

    /** κ = σ_1(M*)/σ_r(M*); 1 where the family has no M*. */
    default double condition() {
        return 1;
    }

    /** Standard deviation of the Gaussian noise on each measurement; 0 where the family has none. */
    default double noise() {
        return 0;
    }

    /** λ, the weight of the factors' squared norms; 0 where the family has none. */
    default double lambda() {
        return 0;
    }

    /** σ_C, the scale of the random term ⟨C, UUᵀ⟩ relative to λ; 0 where the family has none. */
    default double regularizer() {
        return 0;
    }

    /** The data given in the spec (sensing matrices and truth, or a Max-Cut cost), or null when drawn. */
    default Explicit explicit() {
        return null;
    }

    /**
     * The result of the function for this problem's kind: the one switch over the sealed type. (Pattern matching
     * for {@code switch} is a preview in Java 17; a new kind of problem adds a parameter here, and the compiler
     * names every call site that must handle it.)
     */
    default <T> T match(Function<? super SensingProblem, ? extends T> sensing,
                        Function<? super ReluProblem, ? extends T> relu,
                        Function<? super MaxCutProblem, ? extends T> maxCut,
                        Function<? super LeastSquaresProblem, ? extends T> leastSquares) {
        if (this instanceof SensingProblem p) {
            return sensing.apply(p);
        } else if (this instanceof ReluProblem p) {
            return relu.apply(p);
        } else if (this instanceof MaxCutProblem p) {
            return maxCut.apply(p);
        } else if (this instanceof LeastSquaresProblem p) {
            return leastSquares.apply(p);
        }
        throw new AssertionError("a problem outside the sealed hierarchy: " + getClass());
    }

    /** Canonical encoding of every field, for seeds and point ids (fields a family does not use as rows show them). */
    default String canonical() {
        Explicit explicit = explicit();
        return family().specName() + "|" + operator().specName() + "|d=" + d() + "|r=" + r() + "|n=" + n()
                + "|kappa=" + Canonical.of(condition()) + "|noise=" + Canonical.of(noise()) + "|lambda="
                + Canonical.of(lambda()) + "|C=" + Canonical.of(regularizer())
                + (explicit == null ? "" : "|" + explicit.canonical());
    }

    /**
     * The problem of {@code family} from values given field by field, as a spec holds them: a field the family
     * does not use must hold its {@link ProblemField#notApplicable()} value (an integer field 0), and is not kept.
     * Checks run in one order for every family (family, operator, d, r, n, the ranges of the reals, the fields the
     * family does not use, the family's rules between fields, the given data last), so that of several mistakes
     * in a spec the same one is reported.
     *
     * @param explicit the given data, or null: sensing matrices ({@link ExplicitMeasurements}) for the sensing
     *                 families, a cost ({@link ExplicitCost}) for Max-Cut
     * @throws IllegalArgumentException naming the key, the value and the rule
     */
    static ProblemConfig of(Family family, OperatorKind operator, int d, int r, int n, double condition, double noise,
                            double lambda, double regularizer, Explicit explicit) {
        Checks.require(family != null, () -> "problem.family is required");
        family.requireOperator(operator);
        integerField(family, ProblemField.D, d);
        integerField(family, ProblemField.R, r);
        Checks.atLeast("n", n, family.minimumN());
        ProblemField.CONDITION.check(condition);
        ProblemField.NOISE.check(noise);
        ProblemField.LAMBDA.check(lambda);
        ProblemField.REGULARIZER.check(regularizer);
        realField(family, ProblemField.CONDITION, condition);
        realField(family, ProblemField.NOISE, noise);
        realField(family, ProblemField.LAMBDA, lambda);
        realField(family, ProblemField.REGULARIZER, regularizer);
        return switch (family) {
            case MATRIX_SENSING, SYMMETRIC_SENSING, QUADRATIC_NETWORK -> {
                if (explicit instanceof ExplicitCost) {
                    // Given data are checked after the family's own rules, a Max-Cut cost as well.
                    SensingChecks.fields(family, operator, d, r, n, condition, noise, lambda, regularizer);
                    requireNoCost(family, explicit);
                }
                ExplicitMeasurements measurements = (ExplicitMeasurements) explicit;
                yield family == Family.MATRIX_SENSING
                        ? new MatrixSensingProblem(operator, d, r, n, condition, noise, lambda, measurements)
                        : new SymmetricSensingProblem(family, operator, d, r, n, condition, noise, lambda, regularizer,
                        measurements);
            }
            case RELU_TEACHER_STUDENT -> withoutData(new ReluProblem(d, r, n), explicit);
            case MAXCUT_BM -> new MaxCutProblem(operator, n, cost(operator, explicit));
            case LEAST_SQUARES -> withoutData(new LeastSquaresProblem(d, n, noise), explicit);
        };
    }

    /** A field the family uses must meet its rule; one it does not use must be 0 (how rows show "not applicable"). */
    private static void integerField(Family family, ProblemField field, int value) {
        if (family.uses(field)) {
            field.check(value);
        } else {
            Checks.require(value == 0, () -> "problem." + field.key() + " is not used by " + family.specName()
                    + ", got " + value);
        }
    }

    private static void realField(Family family, ProblemField field, double value) {
        Checks.require(family.uses(field) || value == field.notApplicable(), () -> "problem." + field.key()
                + " is not used by " + family.specName() + " (leave it at " + Canonical.decimal(field.notApplicable())
                + "), got " + value);
    }

    private static ExplicitCost cost(OperatorKind operator, Explicit explicit) {
        if (explicit instanceof ExplicitMeasurements) {
            throw new IllegalArgumentException(operator == OperatorKind.EXPLICIT
                    ? "problem.cost is required for the explicit operator of maxcut-bm"
                    : "problem.matrices is only allowed with operator explicit");
        }
        return (ExplicitCost) explicit;
    }

    /** A family whose data are always drawn refuses given data, once its own fields have passed. */
    private static ProblemConfig withoutData(ProblemConfig problem, Explicit explicit) {
        requireNoCost(problem.family(), explicit);
        Checks.require(explicit == null, () -> "problem.matrices is only allowed with operator explicit");
        return problem;
    }

    private static void requireNoCost(Family family, Explicit explicit) {
        Checks.require(!(explicit instanceof ExplicitCost), () ->
                "problem.cost is a Max-Cut cost: it needs family maxcut-bm, got " + family.specName());
    }
}
