package org.overparam.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The per-family problem records: what each refuses (the messages specs show), that a record holds exactly its
 * family's fields, and that seeds and point ids read the same text they did when all families shared one record.
 */
class ProblemConfigTest {

    private static final double[][] COST = {{0, 1, 2}, {1, 0, 3}, {2, 3, 0}};
    private static final double[][] IDENTITY = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
    /** Two 3×3 sensing matrices with their truth. */
    private static final ExplicitMeasurements MEASUREMENTS = new ExplicitMeasurements(List.of(COST, IDENTITY), COST);
    private static final String NOISE_NEEDS_LAMBDA = "problem.lambda must be > 0 when problem.noise > 0 (the convex"
            + " reference is certified by a duality gap only with lambda > 0), got lambda = 0.0";

    static Stream<Arguments> refusals() {
        return Stream.of(
                refused("problem.operator is required",
                        () -> new MatrixSensingProblem(null, 3, 1, 9, 1, 0, 0, null)),
                refused("problem.operator random-graph does not apply to matrix-sensing (its default is gaussian)",
                        () -> new MatrixSensingProblem(OperatorKind.RANDOM_GRAPH, 3, 1, 9, 1, 0, 0, null)),
                refused("problem.d must be >= 1, got 0",
                        () -> new MatrixSensingProblem(OperatorKind.GAUSSIAN, 0, 1, 9, 1, 0, 0, null)),
                refused("problem.r must be >= 1, got 0",
                        () -> new MatrixSensingProblem(OperatorKind.GAUSSIAN, 3, 0, 9, 1, 0, 0, null)),
                refused("n must be >= 1, got 0",
                        () -> new MatrixSensingProblem(OperatorKind.GAUSSIAN, 3, 1, 0, 1, 0, 0, null)),
                refused("problem.condition must be a finite number >= 1.0, got 0.5",
                        () -> new MatrixSensingProblem(OperatorKind.GAUSSIAN, 3, 1, 9, 0.5, 0, 0, null)),
                refused("problem.condition must be a finite number >= 1.0, got NaN",
                        () -> new MatrixSensingProblem(OperatorKind.GAUSSIAN, 3, 1, 9, Double.NaN, 0, 0, null)),
                refused("problem.noise must be a finite number >= 0, got -1.0",
                        () -> new MatrixSensingProblem(OperatorKind.GAUSSIAN, 3, 1, 9, 1, -1, 0, null)),
                refused("problem.lambda must be a finite number >= 0, got Infinity",
                        () -> new MatrixSensingProblem(OperatorKind.GAUSSIAN, 3, 1, 9, 1, 0, Double.POSITIVE_INFINITY,
                                null)),
                refused("problem.r must be <= problem.d (3), got 4",
                        () -> new MatrixSensingProblem(OperatorKind.GAUSSIAN, 3, 4, 9, 1, 0, 0, null)),
                refused(NOISE_NEEDS_LAMBDA,
                        () -> new MatrixSensingProblem(OperatorKind.GAUSSIAN, 3, 1, 9, 1, 0.1, 0, null)),
                refused("n must be <= d*d = 9 for entry-sampling, got 10",
                        () -> new MatrixSensingProblem(OperatorKind.ENTRY_SAMPLING, 3, 1, 10, 1, 0, 0, null)),
                refused("problem.matrices and problem.truth are required for the explicit operator",
                        () -> new MatrixSensingProblem(OperatorKind.EXPLICIT, 3, 1, 2, 1, 0, 0, null)),
                refused("problem.d must equal the side of problem.truth (3), got 4",
                        () -> new MatrixSensingProblem(OperatorKind.EXPLICIT, 4, 1, 2, 1, 0, 0, MEASUREMENTS)),
                refused("n must equal the number of problem.matrices (2), got 3",
                        () -> new MatrixSensingProblem(OperatorKind.EXPLICIT, 3, 1, 3, 1, 0, 0, MEASUREMENTS)),
                refused("problem.matrices is only allowed with operator explicit",
                        () -> new MatrixSensingProblem(OperatorKind.GAUSSIAN, 3, 1, 2, 1, 0, 0, MEASUREMENTS)),

                refused("problem.family is required",
                        () -> symmetric(null, OperatorKind.RANK_ONE, 0.5, 0)),
                refused("problem.family matrix-sensing is not a symmetric sensing family (symmetric-sensing,"
                        + " quadratic-network)", () -> symmetric(Family.MATRIX_SENSING, OperatorKind.GAUSSIAN, 0.5, 0)),
                refused("problem.operator gaussian does not apply to quadratic-network (its default is rank-one)",
                        () -> symmetric(Family.QUADRATIC_NETWORK, OperatorKind.GAUSSIAN, 0.5, 0)),
                refused("problem.regularizer must be a finite number >= 0, got -0.5",
                        () -> symmetric(Family.SYMMETRIC_SENSING, OperatorKind.GAUSSIAN, 0.5, -0.5)),
                refused("problem.regularizer must be < 1 (it is relative to lambda), got 1.0",
                        () -> symmetric(Family.SYMMETRIC_SENSING, OperatorKind.GAUSSIAN, 0.5, 1)),
                refused("problem.regularizer must be 0 when problem.lambda is 0, got 0.5",
                        () -> symmetric(Family.QUADRATIC_NETWORK, OperatorKind.RANK_ONE, 0, 0.5)),

                refused("problem.d must be >= 1, got 0", () -> new ReluProblem(0, 1, 0)),
                refused("problem.r must be >= 1, got 0", () -> new ReluProblem(2, 0, 0)),
                refused("n must be >= 0, got -1", () -> new ReluProblem(2, 1, -1)),
                refused("problem.r must be <= problem.d (2), got 3", () -> new ReluProblem(2, 3, 0)),

                refused("problem.operator is required", () -> new MaxCutProblem(null, 3, null)),
                refused("problem.operator gaussian does not apply to maxcut-bm (its default is random-graph)",
                        () -> new MaxCutProblem(OperatorKind.GAUSSIAN, 3, null)),
                refused("n must be >= 2, got 1", () -> new MaxCutProblem(OperatorKind.RANDOM_GRAPH, 1, null)),
                refused("problem.cost is required for the explicit operator of maxcut-bm",
                        () -> new MaxCutProblem(OperatorKind.EXPLICIT, 3, null)),
                refused("n must equal the side of problem.cost (3), got 4",
                        () -> new MaxCutProblem(OperatorKind.EXPLICIT, 4, new ExplicitCost(COST))),
                refused("problem.cost is only allowed with operator explicit",
                        () -> new MaxCutProblem(OperatorKind.RANDOM_GRAPH, 3, new ExplicitCost(COST))),

                refused("problem.d must be >= 1, got 0", () -> new LeastSquaresProblem(0, 5, 0)),
                refused("n must be >= 1, got 0", () -> new LeastSquaresProblem(2, 0, 0)),
                refused("problem.noise must be a finite number >= 0, got NaN", () -> new LeastSquaresProblem(2, 5,
                        Double.NaN)));
    }

    /** What {@link ProblemConfig#of} refuses beyond the records: values of fields the family does not have. */
    static Stream<Arguments> flatRefusals() {
        return Stream.of(
                refused("problem.family is required",
                        () -> ProblemConfig.of(null, OperatorKind.GAUSSIAN, 3, 1, 9, 1, 0, 0, 0, null)),
                refused("problem.d is not used by maxcut-bm, got 10",
                        () -> ProblemConfig.of(Family.MAXCUT_BM, OperatorKind.RANDOM_GRAPH, 10, 0, 20, 1, 0, 0, 0,
                                null)),
                refused("problem.r is not used by least-squares, got 2",
                        () -> ProblemConfig.of(Family.LEAST_SQUARES, OperatorKind.GAUSSIAN, 5, 2, 8, 1, 0, 0, 0, null)),
                refused("problem.lambda is not used by relu-teacher-student (leave it at 0), got 0.1",
                        () -> ProblemConfig.of(Family.RELU_TEACHER_STUDENT, OperatorKind.GAUSSIAN, 3, 3, 0, 1, 0, 0.1,
                                0, null)),
                refused("problem.condition is not used by maxcut-bm (leave it at 1), got 2.0",
                        () -> ProblemConfig.of(Family.MAXCUT_BM, OperatorKind.RANDOM_GRAPH, 0, 0, 20, 2, 0, 0, 0,
                                null)),
                refused("problem.regularizer is not used by matrix-sensing (leave it at 0), got 0.5",
                        () -> ProblemConfig.of(Family.MATRIX_SENSING, OperatorKind.GAUSSIAN, 3, 1, 9, 1, 0, 0.5, 0.5,
                                null)),
                refused("problem.noise must be a finite number >= 0, got -1.0",
                        () -> ProblemConfig.of(Family.MAXCUT_BM, OperatorKind.RANDOM_GRAPH, 0, 0, 20, 1, -1, 0, 0,
                                null)),
                // Checked in a fixed order: n before the fields maxcut-bm does not use.
                refused("n must be >= 2, got 1",
                        () -> ProblemConfig.of(Family.MAXCUT_BM, OperatorKind.RANDOM_GRAPH, 0, 0, 1, 1, 0.1, 0, 0,
                                null)),
                refused("problem.cost is a Max-Cut cost: it needs family maxcut-bm, got matrix-sensing",
                        () -> ProblemConfig.of(Family.MATRIX_SENSING, OperatorKind.GAUSSIAN, 3, 1, 9, 1, 0, 0, 0,
                                new ExplicitCost(COST))),
                // A sensing family's own rules come before the refusal of a Max-Cut cost.
                refused("problem.r must be <= problem.d (3), got 4",
                        () -> ProblemConfig.of(Family.SYMMETRIC_SENSING, OperatorKind.GAUSSIAN, 3, 4, 9, 1, 0, 0, 0,
                                new ExplicitCost(COST))),
                refused("problem.cost is a Max-Cut cost: it needs family maxcut-bm, got least-squares",
                        () -> ProblemConfig.of(Family.LEAST_SQUARES, OperatorKind.GAUSSIAN, 3, 0, 9, 1, 0, 0, 0,
                                new ExplicitCost(COST))),
                refused("problem.matrices is only allowed with operator explicit",
                        () -> ProblemConfig.of(Family.RELU_TEACHER_STUDENT, OperatorKind.GAUSSIAN, 3, 3, 2, 1, 0, 0, 0,
                                MEASUREMENTS)),
                refused("problem.cost is required for the explicit operator of maxcut-bm",
                        () -> ProblemConfig.of(Family.MAXCUT_BM, OperatorKind.EXPLICIT, 0, 0, 2, 1, 0, 0, 0,
                                MEASUREMENTS)),
                refused("problem.matrices is only allowed with operator explicit",
                        () -> ProblemConfig.of(Family.MAXCUT_BM, OperatorKind.RANDOM_GRAPH, 0, 0, 2, 1, 0, 0, 0,
                                MEASUREMENTS)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"refusals", "flatRefusals"})
    void refusesWithTheMessageSpecsShow(String message, Executable build) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, build).getMessage());
    }

    private static Arguments refused(String message, Executable build) {
        return Arguments.of(message, build);
    }

    private static SymmetricSensingProblem symmetric(Family family, OperatorKind operator, double lambda,
                                                     double regularizer) {
        return new SymmetricSensingProblem(family, operator, 3, 1, 9, 1, 0, lambda, regularizer, null);
    }

    /** A valid problem of the family with every field it uses set to {@link #value}, the rest not applicable. */
    private static ProblemConfig example(Family family) {
        return ProblemConfig.of(family, family.defaultOperator(), (int) example(family, ProblemField.D),
                (int) example(family, ProblemField.R), 9, example(family, ProblemField.CONDITION),
                example(family, ProblemField.NOISE), example(family, ProblemField.LAMBDA),
                example(family, ProblemField.REGULARIZER), null);
    }

    private static double example(Family family, ProblemField field) {
        return family.uses(field) ? value(field) : field.notApplicable();
    }

    /** A valid value of each field, none of them its not-applicable value. */
    private static double value(ProblemField field) {
        return switch (field) {
            case D -> 3;
            case R -> 2;
            case CONDITION -> 2;
            case NOISE -> 0.1;
            case LAMBDA -> 0.5;
            case REGULARIZER -> 0.25;
        };
    }

    private static double read(ProblemConfig p, ProblemField field) {
        return switch (field) {
            case D -> p.d();
            case R -> p.r();
            case CONDITION -> p.condition();
            case NOISE -> p.noise();
            case LAMBDA -> p.lambda();
            case REGULARIZER -> p.regularizer();
        };
    }

    /**
     * A family's record has a component for each field the family uses and for none it does not (there is no way
     * to give Max-Cut a d); the rest of its components are the ones no field describes.
     */
    @ParameterizedTest
    @EnumSource(Family.class)
    void aRecordHoldsExactlyItsFamilysFields(Family family) {
        ProblemConfig p = example(family);
        assertSame(family, p.family());
        Set<String> components = Arrays.stream(p.getClass().getRecordComponents()).map(RecordComponent::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> fields = family.fields().stream().map(ProblemField::key)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> notFields = new TreeSet<>(components);
        notFields.removeAll(fields);
        assertTrue(components.containsAll(fields), () -> components + " lacks some of " + fields);
        assertTrue(Set.of("family", "operator", "n", "explicit", "cost").containsAll(notFields),
                () -> p.getClass().getSimpleName() + " has a field its family does not use: " + notFields);
        for (ProblemField field : ProblemField.values()) {
            assertEquals(example(family, field), read(p, field), field.key());
        }
        assertTrue(family.supports(p.operator()), p::toString);
    }

    @Test
    void maxCutHasNodesAndACostOnly() {
        assertEquals(List.of("operator", "n", "cost"), Arrays.stream(MaxCutProblem.class.getRecordComponents())
                .map(RecordComponent::getName).toList());
        assertEquals(List.of("d", "n", "noise"), Arrays.stream(LeastSquaresProblem.class.getRecordComponents())
                .map(RecordComponent::getName).toList());
        assertEquals(List.of("d", "r", "n"), Arrays.stream(ReluProblem.class.getRecordComponents())
                .map(RecordComponent::getName).toList());
        assertTrue(Arrays.stream(MatrixSensingProblem.class.getRecordComponents())
                .noneMatch(c -> c.getName().equals("regularizer")), "matrix sensing has no regularizer");
    }

    /** {@link ProblemConfig#match} calls the function of the problem's kind, and only that one. */
    @ParameterizedTest
    @EnumSource(Family.class)
    void matchCallsTheFunctionOfTheKind(Family family) {
        ProblemConfig p = example(family);
        String kind = p.match(s -> "sensing", r -> "relu", m -> "maxcut", l -> "least-squares");
        String expected = switch (family) {
            case MATRIX_SENSING, SYMMETRIC_SENSING, QUADRATIC_NETWORK -> "sensing";
            case RELU_TEACHER_STUDENT -> "relu";
            case MAXCUT_BM -> "maxcut";
            case LEAST_SQUARES -> "least-squares";
        };
        assertEquals(expected, kind);
    }

    /** The same values as a flat list and as the family's record give equal problems. */
    @Test
    void theFlatFormBuildsTheFamilysRecord() {
        assertEquals(new MatrixSensingProblem(OperatorKind.GAUSSIAN, 3, 2, 9, 2, 0.1, 0.5, null),
                example(Family.MATRIX_SENSING));
        assertEquals(new SymmetricSensingProblem(Family.QUADRATIC_NETWORK, OperatorKind.RANK_ONE, 3, 2, 9, 2, 0.1,
                0.5, 0.25, null), example(Family.QUADRATIC_NETWORK));
        assertEquals(new ReluProblem(3, 2, 9), example(Family.RELU_TEACHER_STUDENT));
        assertEquals(new MaxCutProblem(OperatorKind.RANDOM_GRAPH, 9, null), example(Family.MAXCUT_BM));
        assertEquals(new LeastSquaresProblem(3, 9, 0.1), example(Family.LEAST_SQUARES));
    }

    /**
     * Canonical text and point ids as the single record of every family wrote them (seeds and point ids hash the
     * text: a change would make every recorded sweep look new).
     */
    static Stream<Arguments> pinned() {
        return Stream.of(
                Arguments.of(new MatrixSensingProblem(OperatorKind.GAUSSIAN, 3, 2, 26, 2, 0.1, 0.5, null),
                        "matrix-sensing|gaussian|d=3|r=2|n=26|kappa=0x1.0p1|noise=0x1.999999999999ap-4|lambda=0x1.0p-1"
                                + "|C=0x0.0p0", "6c446aef863b7c71"),
                Arguments.of(new SymmetricSensingProblem(Family.SYMMETRIC_SENSING, OperatorKind.EXPLICIT, 3, 2, 2, 1,
                                0, 0.5, 0.5, MEASUREMENTS),
                        "symmetric-sensing|explicit|d=3|r=2|n=2|kappa=0x1.0p0|noise=0x0.0p0|lambda=0x1.0p-1|C=0x1.0p-1"
                                + "|explicit[[[0x0.0p0,0x1.0p0,0x1.0p1,][0x1.0p0,0x0.0p0,0x1.8p1,]"
                                + "[0x1.0p1,0x1.8p1,0x0.0p0,]][[0x1.0p0,0x0.0p0,0x0.0p0,][0x0.0p0,0x1.0p0,0x0.0p0,]"
                                + "[0x0.0p0,0x0.0p0,0x1.0p0,]]|[[0x0.0p0,0x1.0p0,0x1.0p1,][0x1.0p0,0x0.0p0,0x1.8p1,]"
                                + "[0x1.0p1,0x1.8p1,0x0.0p0,]]]", "fc961d9ab377e1e6"),
                Arguments.of(new SymmetricSensingProblem(Family.QUADRATIC_NETWORK, OperatorKind.RANK_ONE, 3, 1, 26, 2,
                                0, 0, 0, null),
                        "quadratic-network|rank-one|d=3|r=1|n=26|kappa=0x1.0p1|noise=0x0.0p0|lambda=0x0.0p0|C=0x0.0p0",
                        "586b6f53cf125df0"),
                Arguments.of(new ReluProblem(3, 2, 0),
                        "relu-teacher-student|gaussian|d=3|r=2|n=0|kappa=0x1.0p0|noise=0x0.0p0|lambda=0x0.0p0"
                                + "|C=0x0.0p0", "82560281fb875879"),
                Arguments.of(new MaxCutProblem(OperatorKind.RANDOM_GRAPH, 26, null),
                        "maxcut-bm|random-graph|d=0|r=0|n=26|kappa=0x1.0p0|noise=0x0.0p0|lambda=0x0.0p0|C=0x0.0p0",
                        "acfb1acc7a1cbb67"),
                Arguments.of(new MaxCutProblem(OperatorKind.EXPLICIT, 3, new ExplicitCost(COST)),
                        "maxcut-bm|explicit|d=0|r=0|n=3|kappa=0x1.0p0|noise=0x0.0p0|lambda=0x0.0p0|C=0x0.0p0"
                                + "|cost[[0x0.0p0,0x1.0p0,0x1.0p1,][0x1.0p0,0x0.0p0,0x1.8p1,]"
                                + "[0x1.0p1,0x1.8p1,0x0.0p0,]]",
                        "ca87d68b64d9f9b8"),
                Arguments.of(new LeastSquaresProblem(3, 26, 0.1),
                        "least-squares|gaussian|d=3|r=0|n=26|kappa=0x1.0p0|noise=0x1.999999999999ap-4|lambda=0x0.0p0"
                                + "|C=0x0.0p0", "99192a5b8060e06e"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("pinned")
    void canonicalTextAndPointIdsAreThoseOfTheSharedRecord(ProblemConfig problem, String canonical, String pointId) {
        assertEquals(canonical, problem.canonical());
        assertEquals(pointId, new RunConfig(7, 1, problem, SolverConfig.defaults(problem.family()), 3, 0.1).pointId());
    }
}
