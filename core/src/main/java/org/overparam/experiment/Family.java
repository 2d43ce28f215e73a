package org.overparam.experiment;

import static org.overparam.experiment.ProblemField.CONDITION;
import static org.overparam.experiment.ProblemField.D;
import static org.overparam.experiment.ProblemField.LAMBDA;
import static org.overparam.experiment.ProblemField.NOISE;
import static org.overparam.experiment.ProblemField.R;
import static org.overparam.experiment.ProblemField.REGULARIZER;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The kinds of landscape a sweep can measure (README, “Families”), each with the operators it can draw its data
 * with, the {@link ProblemField}s it uses (its record in the sealed {@link ProblemConfig} has exactly those) and
 * the fewest measurements it accepts. A constant here is a family's registration. Spec names are the lower-case,
 * dash-separated constant names.
 */
public enum Family {
    /** f(U,V) = (1/n)Σ(⟨A_i,UVᵀ⟩−y_i)² + λ(‖U‖²+‖V‖²); {@link MatrixSensingProblem}. */
    MATRIX_SENSING(OperatorKind.GAUSSIAN, EnumSet.of(OperatorKind.GAUSSIAN, OperatorKind.SYMMETRIC_GAUSSIAN,
            OperatorKind.RANK_ONE, OperatorKind.ENTRY_SAMPLING, OperatorKind.EXPLICIT),
            EnumSet.of(D, R, CONDITION, NOISE, LAMBDA), 1),
    /** f(U) = (1/n)Σ(⟨A_i,UUᵀ⟩−y_i)² + λ‖U‖² (+ ⟨C, UUᵀ⟩), PSD truth; {@link SymmetricSensingProblem}. */
    SYMMETRIC_SENSING(OperatorKind.SYMMETRIC_GAUSSIAN, EnumSet.of(OperatorKind.GAUSSIAN,
            OperatorKind.SYMMETRIC_GAUSSIAN, OperatorKind.RANK_ONE, OperatorKind.ENTRY_SAMPLING, OperatorKind.EXPLICIT),
            EnumSet.of(D, R, CONDITION, NOISE, LAMBDA, REGULARIZER), 1),
    /**
     * Σ_j (w_jᵀx)² networks: symmetric sensing with rank-one A_i = x_i x_iᵀ and the regularizer ⟨C, WᵀW⟩;
     * {@link SymmetricSensingProblem}.
     */
    QUADRATIC_NETWORK(OperatorKind.RANK_ONE, EnumSet.of(OperatorKind.RANK_ONE),
            EnumSet.of(D, R, CONDITION, NOISE, LAMBDA, REGULARIZER), 1),
    /**
     * x ↦ Σ_{i≤R} relu(w_iᵀx) learning the teacher Σ_{j≤r} relu(e_jᵀx) from x ~ N(0, I_d): the population loss in
     * closed form (n = 0) or the loss on n samples (Safran &amp; Shamir 2018); {@link ReluProblem}.
     */
    RELU_TEACHER_STUDENT(OperatorKind.GAUSSIAN, EnumSet.of(OperatorKind.GAUSSIAN), EnumSet.of(D, R), 0),
    /**
     * min ⟨C, YYᵀ⟩ over Y ∈ R^{n×R} with unit rows (Burer–Monteiro for the Max-Cut SDP), n graph nodes;
     * {@link MaxCutProblem}.
     */
    MAXCUT_BM(OperatorKind.RANDOM_GRAPH, EnumSet.of(OperatorKind.RANDOM_GRAPH, OperatorKind.EXPLICIT),
            EnumSet.noneOf(ProblemField.class), 2),
    /**
     * (1/n)‖Aθ − y‖² over θ ∈ R^R, n Gaussian samples of which the first d features make the targets;
     * {@link LeastSquaresProblem}.
     */
    LEAST_SQUARES(OperatorKind.GAUSSIAN, EnumSet.of(OperatorKind.GAUSSIAN), EnumSet.of(D, NOISE), 1);

    private final OperatorKind defaultOperator;
    private final Set<OperatorKind> operators;
    private final Set<ProblemField> fields;
    private final int minimumN;

    Family(OperatorKind defaultOperator, Set<OperatorKind> operators, Set<ProblemField> fields, int minimumN) {
        this.defaultOperator = defaultOperator;
        this.operators = Collections.unmodifiableSet(operators);
        this.fields = Collections.unmodifiableSet(fields);
        this.minimumN = minimumN;
    }

    /** The name used in specs and rows, e.g. {@code matrix-sensing}. */
    public String specName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
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

    /** Refuses a missing operator or one the family cannot draw its data with. */
    void requireOperator(OperatorKind operator) {
        Checks.require(operator != null, () -> "problem.operator is required");
        Checks.require(supports(operator), () -> "problem.operator " + operator.specName() + " does not apply to "
                + specName() + " (its default is " + defaultOperator.specName() + ")");
    }

    /** The fields this family's problems have (family, operator and n, which every family has, aside). */
    public Set<ProblemField> fields() {
        return fields;
    }

    /** Whether {@code field} means something for this family. */
    public boolean uses(ProblemField field) {
        return fields.contains(field);
    }

    /** The fewest measurements (samples, nodes) an instance can have: 0 is the ReLU population loss. */
    public int minimumN() {
        return minimumN;
    }
}
