package org.overparam.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.overparam.certify.Curvature;
import org.overparam.certify.Outcome;
import org.overparam.certify.ReferenceKind;
import org.overparam.certify.Tolerances;
import org.overparam.certify.Verdict;
import org.overparam.problem.sensing.SymmetricSensing;

/**
 * The explicit 2×2 symmetric instance of the lecture notes: M* = e₁e₁ᵀ, A₁ = √((1+δ)/2)·I,
 * A₂ = √((1−δ)/2)·diag(1,−1), A₃ = √((1+δ)/2)·[[0,1],[1,0]]. Its landscape at R = 1 has a spurious
 * second-order point x = (0, √δ) for δ large enough; at R = 2 it has none.
 */
class TwoByTwoLandscapeTest {

    private static final int SEEDS = 200;

    static ExplicitMeasurements instance(double delta) {
        double a = Math.sqrt((1 + delta) / 2);
        double b = Math.sqrt((1 - delta) / 2);
        return new ExplicitMeasurements(List.of(
                new double[][] {{a, 0}, {0, a}},
                new double[][] {{b, 0}, {0, -b}},
                new double[][] {{0, a}, {a, 0}}),
                new double[][] {{1, 0}, {0, 0}});
    }

    static RunConfig point(double delta, int rank, double alpha, int replicate) {
        ProblemConfig problem = new SymmetricSensingProblem(Family.SYMMETRIC_SENSING, OperatorKind.EXPLICIT, 2, 1, 3,
                1, 0, 0, 0, instance(delta));
        return new RunConfig(20261122L, replicate, problem, SolverConfig.DEFAULTS, rank, alpha);
    }

    @ParameterizedTest(name = "delta {0} -> {1}")
    @CsvSource({"0.6, BAD_LOCAL_MIN", "0.45, SADDLE"})
    void theSpuriousPointIsClassifiedFromItsEvidence(double delta, Outcome expected) {
        RunConfig config = point(delta, 1, 1, 0);
        Experiment.Prepared prepared = Experiment.prepare(config);
        assertEquals(ReferenceKind.ZERO, prepared.reference(1).kind());
        SymmetricSensing f = (SymmetricSensing) prepared.model(1);
        double[] x = {0, Math.sqrt(delta)};
        double[] g = new double[2];
        double value = f.valueAndGradient(x, g);
        double f0 = prepared.f0();
        assertEquals(1.0 / 3, f0, 1e-15);
        if (delta == 0.6) {
            assertEquals(0.64 / 3, value, 1e-12);
        }
        Curvature curvature = Curvature.of(f, x, 1);
        SolverConfig s = SolverConfig.DEFAULTS;
        Tolerances tol = Tolerances.relativeTo(f0, s.gapRel(), s.gapAbs(), s.gradTol(), s.hessTol());
        assertEquals(expected, Verdict.classify(value, 0, Math.hypot(g[0], g[1]), curvature.minEigenvalue(), false,
                tol));
    }

    @Test
    void gradientDescentFromRandomInitOftenEndsAtTheSpuriousMinimumAtRankOne() {
        Map<Outcome, Integer> counts = outcomes(0.65, 1);
        int bad = counts.getOrDefault(Outcome.BAD_LOCAL_MIN, 0);
        Wilson interval = Wilson.of(bad, SEEDS, Wilson.Z_999);
        assertTrue(interval.lower() > 0.05, () -> "bad minima should be clearly positive: " + counts);
        assertTrue(interval.overlaps(0.15, 0.45), () -> "expected roughly 15-45% bad minima: " + counts);
        assertEquals(SEEDS, bad + counts.getOrDefault(Outcome.GLOBAL, 0), () -> "every run certified: " + counts);
    }

    @Test
    void overParameterizationRemovesTheSpuriousMinimum() {
        Map<Outcome, Integer> counts = outcomes(0.65, 2);
        assertEquals(Map.of(Outcome.GLOBAL, SEEDS), counts);
    }

    private static Map<Outcome, Integer> outcomes(double delta, int rank) {
        Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
        for (int seed = 0; seed < SEEDS; seed++) {
            RunResult row = Experiment.run(point(delta, rank, 1, seed));
            counts.merge(row.outcome(), 1, Integer::sum);
        }
        return counts;
    }
}
