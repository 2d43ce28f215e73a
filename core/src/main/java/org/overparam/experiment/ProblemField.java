package org.overparam.experiment;

import java.util.Locale;

/**
 * The problem fields that only some families use (README, “Sweep spec”). A family declares the ones it uses
 * ({@link Family#fields()}) and its record ({@link ProblemConfig}) has exactly those as components; family,
 * operator and n belong to every family and are not listed. Rows show a field a family does not use as its
 * {@link #notApplicable()} value.
 */
public enum ProblemField {
    /** Matrix side; input dimension of a network; features the least-squares targets use. An integer ≥ 1. */
    D(0),
    /** Rank of the truth M* (teacher units), ≤ d. An integer ≥ 1. */
    R(0),
    /** κ = σ₁(M*)/σ_r(M*) ≥ 1. */
    CONDITION(1),
    /** Standard deviation of the Gaussian noise on each measurement, ≥ 0. */
    NOISE(0),
    /** λ ≥ 0, the weight of the factors' squared Frobenius norms. */
    LAMBDA(0),
    /** σ_C ∈ [0, 1): the scale of the random term ⟨C, UUᵀ⟩ of symmetric models, relative to λ. */
    REGULARIZER(0);

    private final double notApplicable;

    ProblemField(double notApplicable) {
        this.notApplicable = notApplicable;
    }

    /** The key under {@code problem} in a spec, e.g. {@code d}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The value rows (and seeds) show for a family that does not use the field: 0, or 1 for the condition number. */
    public double notApplicable() {
        return notApplicable;
    }

    /** Whether the field holds an integer (d and r). */
    public boolean integer() {
        return this == D || this == R;
    }

    /** The rule a value of a family that uses the field must meet; the message names {@code problem.<key>}. */
    void check(double value) {
        String key = "problem." + key();
        switch (this) {
            case D, R -> Checks.atLeast(key, (int) value, 1);
            case CONDITION -> Checks.atLeast(key, value, 1.0);
            case NOISE, LAMBDA, REGULARIZER -> Checks.nonNegative(key, value);
        }
    }
}
