package org.overparam.experiment;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The kinds of landscape a sweep can measure, with what each one uses of a problem's fields (README, “Families”).
 * Spec names are the lower-case, dash-separated constant names.
 */
public enum Family {
    /** f(U,V) = (1/n)Σ(⟨A_i,UVᵀ⟩−y_i)² + λ(‖U‖²+‖V‖²). */
    MATRIX_SENSING(OperatorKind.GAUSSIAN, EnumSet.of(OperatorKind.GAUSSIAN, OperatorKind.SYMMETRIC_GAUSSIAN,
            OperatorKind.RANK_ONE, OperatorKind.ENTRY_SAMPLING, OperatorKind.EXPLICIT)),
    /** f(U) = (1/n)Σ(⟨A_i,UUᵀ⟩−y_i)² + λ‖U‖², PSD truth. */
    SYMMETRIC_SENSING(OperatorKind.SYMMETRIC_GAUSSIAN, EnumSet.of(OperatorKind.GAUSSIAN,
            OperatorKind.SYMMETRIC_GAUSSIAN, OperatorKind.RANK_ONE, OperatorKind.ENTRY_SAMPLING, OperatorKind.EXPLICIT)),
    /** Σ_j (w_jᵀx)² networks: symmetric sensing with rank-one A_i = x_i x_iᵀ and the regularizer ⟨C, WᵀW⟩. */
    QUADRATIC_NETWORK(OperatorKind.RANK_ONE, EnumSet.of(OperatorKind.RANK_ONE)),
    /**
     * x ↦ Σ_{i≤R} relu(w_iᵀx) learning the teacher Σ_{j≤r} relu(e_jᵀx) from x ~ N(0, I_d): the population loss in
     * closed form (n = 0) or the loss on n samples (Safran &amp; Shamir 2018).
     */
    RELU_TEACHER_STUDENT(OperatorKind.GAUSSIAN, EnumSet.of(OperatorKind.GAUSSIAN)),
    /** min ⟨C, YYᵀ⟩ over Y ∈ R^{n×R} with unit rows (Burer–Monteiro for the Max-Cut SDP), n graph nodes. */
    MAXCUT_BM(OperatorKind.RANDOM_GRAPH, EnumSet.of(OperatorKind.RANDOM_GRAPH, OperatorKind.EXPLICIT)),
    /** (1/n)‖Aθ − y‖² over θ ∈ R^R, n Gaussian samples of which the first d features make the targets. */
    LEAST_SQUARES(OperatorKind.GAUSSIAN, EnumSet.of(OperatorKind.GAUSSIAN));

    private final OperatorKind defaultOperator;
    private final Set<OperatorKind> operators;

    Family(OperatorKind defaultOperator, Set<OperatorKind> operators) {
        this.defaultOperator = defaultOperator;
        this.operators = operators;
    }

    /** The name used in specs and rows, e.g. {@code matrix-sensing}. */
    public String specName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Whether the model is a factored matrix X = UVᵀ or UUᵀ measured by a sensing operator. */
    public boolean sensing() {
        return this == MATRIX_SENSING || this == SYMMETRIC_SENSING || this == QUADRATIC_NETWORK;
    }

    /** Whether the model is U Uᵀ (one factor) rather than U Vᵀ. */
    public boolean symmetricModel() {
        return this == SYMMETRIC_SENSING || this == QUADRATIC_NETWORK;
    }

    /** The operator a spec gets when it names none. */
    public OperatorKind defaultOperator() {
        return defaultOperator;
    }

    /** Whether the family can draw its data with {@code operator}. */
    public boolean supports(OperatorKind operator) {
        return operators.contains(operator);
    }

    /**
     * Whether a problem field means something for this family: d, r, condition, noise, lambda and regularizer
     * depend on it; every other field (family, operator) applies to all.
     */
    public boolean uses(String field) {
        return switch (field) {
            case "d" -> this != MAXCUT_BM;
            case "r" -> sensing() || this == RELU_TEACHER_STUDENT;
            case "noise" -> sensing() || this == LEAST_SQUARES;
            case "condition", "lambda" -> sensing();
            case "regularizer" -> symmetricModel();
            default -> true;
        };
    }

    /** The fewest measurements (samples, nodes) an instance can have: 0 is the ReLU population loss. */
    public int minimumN() {
        return switch (this) {
            case RELU_TEACHER_STUDENT -> 0;
            case MAXCUT_BM -> 2;
            default -> 1;
        };
    }
}
