package org.overparam.spec;

import org.overparam.experiment.CurvaturePolicy;
import org.overparam.experiment.EndPoints;
import org.overparam.experiment.Family;
import org.overparam.experiment.Method;
import org.overparam.experiment.OperatorKind;
import org.overparam.experiment.ProblemField;
import org.overparam.experiment.SolverConfig;
import org.overparam.experiment.StepRule;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Every scalar parameter of a point: the keys of {@code problem} and {@code solver}, and the three axes R, α and
 * n. Each may be fixed (in its section, or as one value in {@code grid}), an axis of {@code grid}, or
 * {@code derived}. Inside the expansion every value is a double; a choice holds the ordinal of its constant.
 */
public enum Param {
    /** R, the number of columns searched. */
    RANK("R", Section.AXIS, Kind.INTEGER),
    /** α, the initialization scale. */
    ALPHA("alpha", Section.AXIS, Kind.REAL),
    /** Number of measurements (samples): a problem field, but set in {@code grid} or {@code derived}. */
    N("n", Section.AXIS, Kind.INTEGER),
    FAMILY("family", Section.PROBLEM, Kind.CHOICE, names(Family.values())),
    OPERATOR("operator", Section.PROBLEM, Kind.CHOICE, names(OperatorKind.values())),
    D(ProblemField.D, Kind.INTEGER),
    R_TRUTH(ProblemField.R, Kind.INTEGER),
    CONDITION(ProblemField.CONDITION, Kind.REAL),
    NOISE(ProblemField.NOISE, Kind.REAL),
    LAMBDA(ProblemField.LAMBDA, Kind.REAL),
    REGULARIZER(ProblemField.REGULARIZER, Kind.REAL),
    METHOD("method", Section.SOLVER, Kind.CHOICE, names(Method.values())),
    STEP("step", Section.SOLVER, Kind.CHOICE, names(StepRule.values())),
    STEP_SIZE("step_size", Section.SOLVER, Kind.REAL),
    MAX_ITERS("max_iters", Section.SOLVER, Kind.INTEGER),
    GRAD_TOL("grad_tol", Section.SOLVER, Kind.REAL),
    HESS_TOL("hess_tol", Section.SOLVER, Kind.REAL),
    TARGET("target", Section.SOLVER, Kind.REAL),
    GAP_REL("gap_rel", Section.SOLVER, Kind.REAL),
    GAP_ABS("gap_abs", Section.SOLVER, Kind.REAL),
    REFERENCE_TOL("reference_tol", Section.SOLVER, Kind.REAL),
    PERTURB_RADIUS("perturb_radius", Section.SOLVER, Kind.REAL),
    DIVERGENCE("divergence", Section.SOLVER, Kind.REAL),
    MAX_RESTARTS("max_restarts", Section.SOLVER, Kind.INTEGER),
    TANGENT_KERNEL("tangent_kernel", Section.SOLVER, Kind.CHOICE, List.of("false", "true")),
    TRAJECTORY("trajectory", Section.SOLVER, Kind.INTEGER),
    CURVATURE("curvature", Section.SOLVER, Kind.CHOICE, names(CurvaturePolicy.values())),
    /** Which runs keep their end point: added after specs were hashed, so printed only when not the default. */
    ENDPOINTS("endpoints", Section.SOLVER, Kind.CHOICE, names(EndPoints.values()));

    /** Where a fixed value of the parameter is written. */
    public enum Section {
        PROBLEM, SOLVER,
        /** R, alpha and n: only in {@code grid} (a list, a range or one value) or {@code derived}. */
        AXIS;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public enum Kind { INTEGER, REAL, CHOICE }

    private final String key;
    private final Section section;
    private final Kind kind;
    private final List<String> choices;
    private final ProblemField field;

    Param(String key, Section section, Kind kind) {
        this(key, section, kind, List.of(), null);
    }

    Param(String key, Section section, Kind kind, List<String> choices) {
        this(key, section, kind, choices, null);
    }

    /** A problem key that only some families use. */
    Param(ProblemField field, Kind kind) {
        this(field.key(), Section.PROBLEM, kind, List.of(), field);
    }

    private Param(String key, Section section, Kind kind, List<String> choices, ProblemField field) {
        this.key = key;
        this.section = section;
        this.kind = kind;
        this.choices = choices;
        this.field = field;
    }

    /** The spec key, e.g. {@code step_size}. */
    public String key() {
        return key;
    }

    public Section section() {
        return section;
    }

    public Kind kind() {
        return kind;
    }

    /** The spec names a choice accepts, in declaration order (empty for numbers). */
    public List<String> choices() {
        return choices;
    }

    /**
     * The problem field this key sets, for the keys that only some families use ({@link Family#uses}); empty for
     * family, operator and n, which every family has, and for solver keys and the R and alpha axes.
     */
    public Optional<ProblemField> field() {
        return Optional.ofNullable(field);
    }

    /** Whether the value is part of the instance (problem and n), so it changes the operator and data. */
    public boolean instanceLevel() {
        return section == Section.PROBLEM || this == N;
    }

    /**
     * Whether the normalized spec (whose hash names a sweep) leaves the parameter out at {@code value}: a parameter
     * added after sweeps were recorded is written only when it differs from its default, so their hashes stay.
     */
    public boolean omittedFromNormalized(double value) {
        return this == ENDPOINTS && value == SolverConfig.DEFAULTS.endPoints().ordinal();
    }

    /** Where a fixed value sits, e.g. {@code problem.d}; R, alpha and n live in the grid. */
    public String fixedKey() {
        return section == Section.AXIS ? "grid." + key : section.key() + "." + key;
    }

    public static Optional<Param> byKey(String key) {
        return Arrays.stream(values()).filter(p -> p.key.equals(key)).findFirst();
    }

    public static List<String> keys(Section section) {
        return Arrays.stream(values()).filter(p -> p.section == section).map(Param::key).toList();
    }

    /** The value used when a spec does not set the parameter, for any family; see {@link #defaultValue(Family)}. */
    public OptionalDouble defaultValue() {
        return defaultValue(null);
    }

    /**
     * The value used when a spec of {@code family} (null: not known yet) does not set the parameter; empty when it
     * is required or depends on other values (the operator, d and r follow the family: {@code Expansion}).
     */
    public OptionalDouble defaultValue(Family family) {
        SolverConfig s = family == null ? SolverConfig.DEFAULTS : SolverConfig.defaults(family);
        return switch (this) {
            case CONDITION -> OptionalDouble.of(1);
            case NOISE, LAMBDA, REGULARIZER -> OptionalDouble.of(0);
            case METHOD -> OptionalDouble.of(s.method().ordinal());
            case STEP -> OptionalDouble.of(s.step().ordinal());
            case STEP_SIZE -> OptionalDouble.of(s.stepSize());
            case MAX_ITERS -> OptionalDouble.of(s.maxIterations());
            case GRAD_TOL -> OptionalDouble.of(s.gradTol());
            case HESS_TOL -> OptionalDouble.of(s.hessTol());
            case TARGET -> OptionalDouble.of(s.target());
            case GAP_REL -> OptionalDouble.of(s.gapRel());
            case GAP_ABS -> OptionalDouble.of(s.gapAbs());
            case REFERENCE_TOL -> OptionalDouble.of(s.referenceTol());
            case PERTURB_RADIUS -> OptionalDouble.of(s.perturbRadius());
            case DIVERGENCE -> OptionalDouble.of(s.divergence());
            case MAX_RESTARTS -> OptionalDouble.of(s.maxRestarts());
            case TANGENT_KERNEL -> OptionalDouble.of(s.tangentKernel() ? 1 : 0);
            case TRAJECTORY -> OptionalDouble.of(s.trajectory());
            case CURVATURE -> OptionalDouble.of(s.curvature().ordinal());
            case ENDPOINTS -> OptionalDouble.of(s.endPoints().ordinal());
            default -> OptionalDouble.empty();
        };
    }

    /**
     * The single-value rule, checked on every value before points are built, or null when {@code value} passes.
     * Rules that tie several parameters together (r ≤ d, …) are the core records' and are checked per point.
     */
    public String check(double value) {
        return switch (this) {
            case D, R_TRUTH, RANK, MAX_ITERS -> value >= 1 ? null : key + " must be >= 1";
            case N, MAX_RESTARTS, TRAJECTORY -> value >= 0 ? null : key + " must be >= 0";
            case ALPHA, STEP_SIZE, GRAD_TOL, GAP_ABS, REFERENCE_TOL, PERTURB_RADIUS ->
                    value > 0 ? null : key + " must be > 0";
            case CONDITION -> value >= 1 ? null : key + " must be >= 1";
            case NOISE, LAMBDA, REGULARIZER, HESS_TOL, TARGET, GAP_REL -> value >= 0 ? null : key + " must be >= 0";
            case DIVERGENCE -> value > 1 ? null : key + " must be > 1";
            case FAMILY, OPERATOR, METHOD, STEP, TANGENT_KERNEL, CURVATURE, ENDPOINTS -> null;
        };
    }

    /** The value as a spec would write it: an integer without a fraction, a choice by its spec name. */
    public String format(double value) {
        return switch (kind) {
            case INTEGER -> Long.toString((long) value);
            case REAL -> Numbers.format(value);
            case CHOICE -> choices.get((int) value);
        };
    }

    private static List<String> names(Family[] values) {
        return Arrays.stream(values).map(Family::specName).toList();
    }

    private static List<String> names(OperatorKind[] values) {
        return Arrays.stream(values).map(OperatorKind::specName).toList();
    }

    private static List<String> names(Method[] values) {
        return Arrays.stream(values).map(Method::specName).toList();
    }

    private static List<String> names(StepRule[] values) {
        return Arrays.stream(values).map(StepRule::specName).toList();
    }

    private static List<String> names(CurvaturePolicy[] values) {
        return Arrays.stream(values).map(CurvaturePolicy::specName).toList();
    }

    private static List<String> names(EndPoints[] values) {
        return Arrays.stream(values).map(EndPoints::specName).toList();
    }
}
