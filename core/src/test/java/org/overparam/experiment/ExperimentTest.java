package org.overparam.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.overparam.certify.Outcome;
import org.overparam.certify.ReferenceKind;
import org.overparam.problem.sensing.DataForm;
import org.overparam.problem.sensing.SensingObjective;

class ExperimentTest {

    private static final long MASTER_SEED = 7;
    private static final String PINNED_POINT_ID = "db5ecfca8cd94c41";
    private static final long PINNED_INSTANCE_SEED = -4585763563314080413L;
    private static final long PINNED_INIT_SEED = -1887390063686435400L;

    /** A sensing point with d = 6, r = 2, κ = 2; {@code regularizer} is for the symmetric families only. */
    static RunConfig config(Family family, OperatorKind operator, int n, double lambda, double regularizer,
                            int rank, int replicate) {
        SensingProblem problem = family == Family.MATRIX_SENSING
                ? new MatrixSensingProblem(operator, 6, 2, n, 2.0, 0, lambda, null)
                : new SymmetricSensingProblem(family, operator, 6, 2, n, 2.0, 0, lambda, regularizer, null);
        assertEquals(regularizer, problem.regularizer(), "matrix sensing has no regularizer");
        return new RunConfig(MASTER_SEED, replicate, problem, SolverConfig.DEFAULTS, rank, 1e-2);
    }

    static Stream<Arguments> everyModelAndOperator() {
        return Stream.of(
                Arguments.of(Family.MATRIX_SENSING, OperatorKind.GAUSSIAN, 120),
                Arguments.of(Family.MATRIX_SENSING, OperatorKind.SYMMETRIC_GAUSSIAN, 120),
                Arguments.of(Family.MATRIX_SENSING, OperatorKind.RANK_ONE, 120),
                Arguments.of(Family.MATRIX_SENSING, OperatorKind.ENTRY_SAMPLING, 30),
                Arguments.of(Family.SYMMETRIC_SENSING, OperatorKind.GAUSSIAN, 80),
                Arguments.of(Family.SYMMETRIC_SENSING, OperatorKind.SYMMETRIC_GAUSSIAN, 80),
                Arguments.of(Family.SYMMETRIC_SENSING, OperatorKind.ENTRY_SAMPLING, 30),
                Arguments.of(Family.QUADRATIC_NETWORK, OperatorKind.RANK_ONE, 80));
    }

    @ParameterizedTest(name = "{0} {1} n={2}")
    @MethodSource("everyModelAndOperator")
    void sameConfigGivesBitIdenticalRows(Family family, OperatorKind operator, int n) {
        RunConfig config = config(family, operator, n, 0, 0, 3, 0);
        RunResult a = Experiment.run(config);
        RunResult b = Experiment.run(Experiment.prepare(config), config);
        assertEquals(withoutWallTime(a), withoutWallTime(b));
        assertTrue(Double.isFinite(a.recoveryError()));
        RunConfig always = withCurvature(config, CurvaturePolicy.ALWAYS);
        RunResult c = Experiment.run(always);
        RunResult d = Experiment.run(Experiment.prepare(always), always);
        assertEquals(withoutWallTime(c), withoutWallTime(d));
        assertTrue(Double.isFinite(c.hessMinEig()), c::toString);
    }

    /**
     * The Hessian eigenvalue is computed where it decides the outcome and null elsewhere; with
     * {@code curvature: always} it is computed everywhere, and nothing else in the row changes.
     */
    @ParameterizedTest(name = "{0} {1} n={2}")
    @MethodSource("everyModelAndOperator")
    void curvatureIsComputedWhereItDecides(Family family, OperatorKind operator, int n) {
        for (int rank : new int[] {1, 3}) {
            RunConfig config = config(family, operator, n, 0, 0, rank, 0);
            RunResult decisive = Experiment.run(config);
            RunResult always = Experiment.run(withCurvature(config, CurvaturePolicy.ALWAYS));
            boolean decides = decisive.outcome() == Outcome.BAD_LOCAL_MIN || decisive.outcome() == Outcome.SADDLE;
            assertEquals(decides, !Double.isNaN(decisive.hessMinEig()), decisive::toString);
            assertTrue(Double.isFinite(always.hessMinEig()), always::toString);
            if (decides) {
                assertEquals(always.hessMinEig(), decisive.hessMinEig());
            }
            assertEquals(decisive.outcome(), always.outcome());
            assertEquals(decisive.objective(), always.objective());
            assertEquals(decisive.iterations(), always.iterations());
        }
    }

    private static RunConfig withCurvature(RunConfig c, CurvaturePolicy policy) {
        SolverConfig s = c.solver();
        SolverConfig changed = s.withCurvature(policy);
        return new RunConfig(c.masterSeed(), c.replicate(), c.problem(), changed, c.rank(), c.alpha());
    }

    @ParameterizedTest(name = "{0} {1} n={2}")
    @MethodSource("everyModelAndOperator")
    void overParameterizedNoiselessRunsAreCertifiedGlobal(Family family, OperatorKind operator, int n) {
        RunConfig config = config(family, operator, n, 0, 0, 6, 1);
        RunResult row = Experiment.run(config);
        assertEquals(ReferenceKind.ZERO, row.referenceKind());
        assertEquals(Outcome.GLOBAL, row.outcome(), row::toString);
        assertTrue(row.objective() <= 1e-6 * row.f0());
    }

    /**
     * With λ &gt; 0 the factored optimum equals the convex one once R ≥ ρ (README, “How a run ends”): gradient
     * descent on U Vᵀ (resp. U Uᵀ) must come down to the nuclear-norm (resp. PSD trace) reference, never below it.
     */
    @ParameterizedTest(name = "{0} {1} n={2}")
    @MethodSource("everyModelAndOperator")
    void regularizedRunsMeetTheConvexReference(Family family, OperatorKind operator, int n) {
        double regularizer = family.symmetricModel() ? 0.5 : 0;
        RunConfig config = config(family, operator, n, 1e-2, regularizer, 6, 2);
        RunResult row = Experiment.run(config);
        assertNotEquals(ReferenceKind.ZERO, row.referenceKind());
        assertTrue(row.referenceGap() <= config.solver().referenceTol() * row.f0(), row::toString);
        assertTrue(row.referenceReachable(), row::toString);
        assertEquals(Outcome.GLOBAL, row.outcome(), row::toString);
        // Never below the certified lower bound f_ref − gap (up to rounding).
        assertTrue(row.objective() >= row.reference() - row.referenceGap() - 1e-12 * row.f0(), row::toString);
    }

    /** The sensing models take the data form the rule picks: Gram for a dense operator with n ≥ 2d²/5 only. */
    @Test
    void sensingModelsUseTheGramFormExactlyWhereTheRulePicksIt() {
        assertEquals(DataForm.GRAM, form(Family.MATRIX_SENSING, OperatorKind.GAUSSIAN, 120));
        assertEquals(DataForm.GRAM, form(Family.SYMMETRIC_SENSING, OperatorKind.SYMMETRIC_GAUSSIAN, 15));
        assertEquals(DataForm.MEASURED, form(Family.SYMMETRIC_SENSING, OperatorKind.SYMMETRIC_GAUSSIAN, 14));
        assertEquals(DataForm.MEASURED, form(Family.MATRIX_SENSING, OperatorKind.RANK_ONE, 120));
        assertEquals(DataForm.MEASURED, form(Family.SYMMETRIC_SENSING, OperatorKind.ENTRY_SAMPLING, 30));
    }

    private static DataForm form(Family family, OperatorKind operator, int n) {
        RunConfig config = config(family, operator, n, 0, 0, 3, 0);
        return ((SensingObjective) Experiment.prepare(config).model(3)).form();
    }

    @Test
    void replicatesShareNothingButTheirParametersAndPointsOfAReplicateShareTheInstance() {
        RunConfig a = config(Family.MATRIX_SENSING, OperatorKind.GAUSSIAN, 60, 0, 0, 2, 0);
        RunConfig b = new RunConfig(a.masterSeed(), 0, a.problem(), a.solver(), 4, 1e-3);
        RunConfig c = new RunConfig(a.masterSeed(), 1, a.problem(), a.solver(), 2, a.alpha());
        assertEquals(a.instanceSeed(), b.instanceSeed());
        assertNotEquals(a.initSeed(), b.initSeed());
        assertNotEquals(a.instanceSeed(), c.instanceSeed());
        assertNotEquals(a.pointId(), b.pointId());
        Experiment.Prepared prepared = Experiment.prepare(a);
        assertEquals(withoutWallTime(Experiment.run(b)), withoutWallTime(Experiment.run(prepared, b)));
        assertThrows(IllegalArgumentException.class, () -> Experiment.run(prepared, c));
    }

    /**
     * Point ids and seeds are the keys of resumed sweeps: a change of encoding would silently recompute (or,
     * worse, mix) results. These literals pin them; change them only with a migration note in README.
     */
    @Test
    void pointIdsAndSeedsAreStable() {
        RunConfig c = config(Family.QUADRATIC_NETWORK, OperatorKind.RANK_ONE, 12, 0, 0, 2, 3);
        assertEquals(PINNED_POINT_ID, c.pointId());
        assertEquals(PINNED_INSTANCE_SEED, c.instanceSeed());
        assertEquals(PINNED_INIT_SEED, c.initSeed());
    }

    private static RunResult withoutWallTime(RunResult r) {
        return new RunResult(r.config(), r.f0(), r.objective(), r.loss(), r.reference(), r.referenceKind(),
                r.referenceRank(), r.referenceGap(), r.gradNorm(), r.hessMinEig(), r.outcome(), r.lossBad(),
                r.recoveryError(), r.certificate(), r.iterations(), r.stopReason(), r.restarts(), 0, r.error(),
                r.diagnostics(), r.endPoint());
    }
}
