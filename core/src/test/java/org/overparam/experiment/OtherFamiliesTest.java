package org.overparam.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.overparam.certify.Curvature;
import org.overparam.certify.Outcome;
import org.overparam.certify.ReferenceKind;
import org.overparam.certify.Tolerances;
import org.overparam.certify.Verdict;
import org.overparam.problem.Model;
import org.overparam.solve.GradientDescent;
import org.overparam.solve.StepSize;
import org.overparam.solve.StoppingRule;

/** The ReLU, Max-Cut and least-squares families through the same point → row function as sensing. */
class OtherFamiliesTest {

    private static final long MASTER_SEED = 11;

    static RunConfig relu(int r, int rank, int replicate, SolverConfig solver) {
        ProblemConfig problem = new ReluProblem(r, r, 0);
        return new RunConfig(MASTER_SEED, replicate, problem, solver, rank, 1);
    }

    static RunConfig maxCut(int n, int rank, int replicate) {
        ProblemConfig problem = new MaxCutProblem(OperatorKind.RANDOM_GRAPH, n, null);
        return new RunConfig(MASTER_SEED, replicate, problem, SolverConfig.defaults(Family.MAXCUT_BM), rank, 1);
    }

    static RunConfig leastSquares(int n, int rank, int replicate, SolverConfig solver) {
        ProblemConfig problem = new LeastSquaresProblem(10, n, 0.1);
        return new RunConfig(MASTER_SEED, replicate, problem, solver, rank, 1);
    }

    /** Least squares run to convergence, keeping a trajectory and the tangent kernel. */
    private static SolverConfig tightDiagnosed() {
        SolverConfig s = SolverConfig.defaults(Family.LEAST_SQUARES);
        return s.withMaxIterations(50_000).withGradTol(1e-13).withTarget(1e-15)
                .withTangentKernel(true).withTrajectory(16);
    }

    /**
     * Safran &amp; Shamir's spurious minimum for r = R = 6 (see README, “Families”): polished, it has
     * F ≈ 0.0250806 and λ_min(∇²F) ≈ 0.0047, and the family's default tolerances call it a bad local minimum.
     */
    @Test
    void theSafranShamirPointIsABadLocalMinimum() {
        RunConfig config = relu(6, 6, 0, SolverConfig.defaults(Family.RELU_TEACHER_STUDENT));
        Experiment.Prepared prepared = Experiment.prepare(config);
        Model model = prepared.model(6);
        double a = -0.6015119236;
        double b = 0.2245158076;
        double c = 0.3080109915;
        double d = 0.9867038189;
        double e = -0.0504134032;
        double[] w = new double[36];
        for (int col = 0; col < 6; col++) {
            for (int row = 0; row < 6; row++) {
                double v;
                if (col == 0) {
                    v = row == 0 ? a : b;
                } else {
                    v = row == 0 ? c : row == col ? d : e;
                }
                w[row + 6 * col] = v;
            }
        }
        GradientDescent.Descent polished = GradientDescent.minimize(model, w, GradientDescent.Settings.of(
                new StepSize.Fixed(0.1), StoppingRule.gradNormBelow(1e-11).or(StoppingRule.maxIterations(100_000))));
        assertEquals(0.0250806, polished.value(), 1e-7);
        double h = Curvature.dense(model, w).minEigenvalue();
        assertEquals(0.0047, h, 1e-4);

        SolverConfig s = config.solver();
        Tolerances tolerances = Tolerances.relativeTo(prepared.f0(), s.gapRel(), s.gapAbs(), s.gradTol(), s.hessTol());
        Outcome outcome = Verdict.classify(polished.value(), prepared.reference(6).value(), polished.gradNorm(), h,
                false, tolerances);
        assertEquals(Outcome.BAD_LOCAL_MIN, outcome);
        assertEquals(ReferenceKind.ZERO, prepared.reference(6).kind());
    }

    @Test
    void overParameterizedReluStudentsReachTheTeacherAndRerunBitIdentically() {
        SolverConfig solver = SolverConfig.defaults(Family.RELU_TEACHER_STUDENT);
        for (int replicate = 0; replicate < 8; replicate++) {
            RunConfig config = relu(2, 3, replicate, solver);
            RunResult row = Experiment.run(config);
            assertEquals(Outcome.GLOBAL, row.outcome(), row::toString);
            assertEquals(2, row.referenceRank());
            assertEquals(row.objective(), Experiment.run(config).objective());
        }
    }

    @Test
    void aBlowUpHalvesTheStepAndRestarts() {
        SolverConfig s = SolverConfig.defaults(Family.RELU_TEACHER_STUDENT);
        SolverConfig tooLong = s.withStepSize(64).withMaxRestarts(10);
        RunResult row = Experiment.run(relu(2, 3, 0, tooLong));
        assertTrue(row.restarts() >= 6, row::toString); // 64/2⁶ = 1 is the first step below the stability limit 2/L
        assertEquals(Outcome.GLOBAL, row.outcome(), row::toString);
    }

    /**
     * G(20, ½): the instance's reference is certified by its dual certificate; above p(p+1)/2 = n every run is
     * global; at R = 1 runs stop at the cut they started from, and every bad point fails its own certificate.
     */
    @Test
    void maxCutRunsAreJudgedAgainstTheCertifiedSdpValue() {
        int bad = 0;
        for (int replicate = 0; replicate < 6; replicate++) {
            RunResult high = Experiment.run(maxCut(20, 8, replicate));
            assertEquals(ReferenceKind.DUAL_CERTIFICATE, high.referenceKind());
            assertTrue(high.referenceGap() <= 1e-6 * high.f0(), high::toString);
            assertEquals(Outcome.GLOBAL, high.outcome(), high::toString);
            assertTrue(high.certificate() >= -1e-4, high::toString);

            RunResult one = Experiment.run(maxCut(20, 1, replicate));
            assertEquals(0, one.iterations());
            // A point set has no curvature to compute: +∞ wherever the eigenvalue decides (null where GLOBAL).
            assertEquals(one.outcome() == Outcome.GLOBAL ? Double.NaN : Double.POSITIVE_INFINITY, one.hessMinEig());
            if (one.outcome() == Outcome.BAD_LOCAL_MIN) {
                bad++;
                assertTrue(one.certificate() < -1e-6, one::toString);
            } else {
                assertEquals(Outcome.GLOBAL, one.outcome(), one::toString);
            }
        }
        assertTrue(bad >= 5, "a random cut of G(20, ½) is almost never the SDP optimum; bad = " + bad);
    }

    /** Convex: every run is global and ends on the minimizer closest to its start (R ≥ n), or the unique one. */
    @Test
    void leastSquaresRunsAreGlobalAndLandOnTheProjectionOfTheirStart() {
        for (int rank : new int[] {5, 60}) {
            for (int replicate = 0; replicate < 10; replicate++) {
                RunResult row = Experiment.run(leastSquares(20, rank, replicate, tightDiagnosed()));
                assertEquals(Outcome.GLOBAL, row.outcome(), row::toString);
                assertEquals(ReferenceKind.LEAST_SQUARES, row.referenceKind());
                assertEquals(Math.min(20, rank), row.referenceRank());
                assertTrue(row.recoveryError() <= 1e-6, row::toString);
            }
        }
    }

    /** The diagnostics columns: trajectory ends, escape time, linear rate and the (constant) kernel K = A Aᵀ. */
    @Test
    void diagnosticsDescribeTheSearch() {
        RunResult wide = Experiment.run(leastSquares(20, 60, 0, tightDiagnosed()));
        Diagnostics diagnostics = wide.diagnostics();
        int[] iterations = diagnostics.trajectoryIterations();
        double[] values = diagnostics.trajectoryValues();
        assertTrue(iterations.length >= 2 && iterations.length <= 16);
        assertEquals(0, iterations[0]);
        assertEquals(wide.iterations(), iterations[iterations.length - 1]);
        assertEquals(wide.objective(), values[values.length - 1]);
        for (int k = 1; k < iterations.length; k++) {
            assertTrue(iterations[k] > iterations[k - 1]);
        }
        assertTrue(diagnostics.escapeIterations() >= 1 && diagnostics.escapeIterations() <= wide.iterations());
        assertTrue(diagnostics.convergenceRate() < 1, diagnostics::toString);
        assertTrue(diagnostics.kernelMinEigStart() > 0, diagnostics::toString);
        assertEquals(diagnostics.kernelMinEigStart(), diagnostics.kernelMinEigEnd(),
                1e-9 * diagnostics.kernelMinEigStart());

        RunResult tall = Experiment.run(leastSquares(20, 5, 0, tightDiagnosed()));
        assertEquals(0, tall.diagnostics().kernelMinEigStart(), 1e-9); // m = 20 outputs, N = 5 parameters

        RunResult plain = Experiment.run(leastSquares(20, 60, 0, SolverConfig.DEFAULTS));
        assertArrayEquals(new int[0], plain.diagnostics().trajectoryIterations());
        assertTrue(Double.isNaN(plain.diagnostics().kernelMinEigStart()));
        assertNotEquals(plain.config().pointId(), wide.config().pointId());
        assertEquals(plain.config().initSeed(), wide.config().initSeed());
    }
}
