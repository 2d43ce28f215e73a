package org.overparam.problem.relu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.overparam.problem.relu.ReluFixtures.gaussian;
import static org.overparam.problem.relu.ReluFixtures.norm;
import static org.overparam.problem.relu.ReluFixtures.scaled;
import static org.overparam.problem.relu.ReluFixtures.teacherPadded;

import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.overparam.certify.Curvature;
import org.overparam.problem.Model;
import org.overparam.random.Seeds;

/** The closed-form population loss against Monte Carlo, at its global minima and at zero neurons. */
class ReluPopulationLossTest {

    /** Monte-Carlo sample size: a standard error of ~1e-3 relative at these O(1) losses, in ~20 ms per case. */
    private static final int MC_SAMPLES = 200_000;

    /**
     * Closed form vs the Monte-Carlo mean within this many standard errors: a false alarm has probability
     * 6e-5 per case, while a wrong kernel term moves F by far more than 4 standard errors (~4e-3·F).
     */
    private static final double MC_STANDARD_ERRORS = 4.0;

    /** At W = V every term is ½ or 1/(2π) and F = 0 by cancellation of O(r²) terms: rounding only. */
    private static final double ZERO_TOL = 1e-14;

    /**
     * A global minimum is positive semidefinite; the dense eigensolver's rounding (relative ε·‖H‖, ‖H‖ = O(r))
     * can put an eigenvalue of 0 slightly below it.
     */
    private static final double PSD_TOL = 1e-12;

    @ParameterizedTest(name = "d={0} r={1} R={2} zeroNeuron={3} seed={4}")
    @CsvSource({
        "3, 3, 3, false, 101",
        "5, 2, 4, false, 102",
        "4, 3, 2, false, 103",
        "6, 6, 6, false, 104",
        "4, 3, 2, true, 105",
        "5, 2, 3, true, 106"
    })
    void closedFormMatchesMonteCarlo(int d, int r, int rank, boolean zeroNeuron, long seed) {
        Model f = TeacherStudent.population(d, r).model(rank);
        RandomGenerator rng = Seeds.generator(seed);
        double[] w = scaled(1.0 / Math.sqrt(d), gaussian(d * rank, rng));
        if (zeroNeuron) {
            for (int a = 0; a < d; a++) {
                w[a + d * (rank - 1)] = 0;
            }
        }
        double closed = f.value(w);

        // ℓ(x) = ½(Σ_i relu(w_iᵀx) − Σ_{j<r} relu(x_j))², averaged with Welford's update.
        double mean = 0;
        double m2 = 0;
        double[] x = new double[d];
        for (int s = 1; s <= MC_SAMPLES; s++) {
            for (int a = 0; a < d; a++) {
                x[a] = rng.nextGaussian();
            }
            double out = 0;
            for (int i = 0; i < rank; i++) {
                double z = 0;
                for (int a = 0; a < d; a++) {
                    z += w[a + d * i] * x[a];
                }
                out += Math.max(z, 0);
            }
            for (int j = 0; j < r; j++) {
                out -= Math.max(x[j], 0);
            }
            double loss = 0.5 * out * out;
            double delta = loss - mean;
            mean += delta / s;
            m2 += delta * (loss - mean);
        }
        double standardError = Math.sqrt(m2 / (MC_SAMPLES - 1) / MC_SAMPLES);
        assertTrue(Math.abs(closed - mean) <= MC_STANDARD_ERRORS * standardError,
                "closed form " + closed + " vs Monte Carlo " + mean + " ± " + standardError);
    }

    @ParameterizedTest(name = "d={0} r={1}")
    @CsvSource({"3, 3", "5, 2", "6, 6"})
    void teacherIsAGlobalMinimum(int d, int r) {
        Model f = TeacherStudent.population(d, r).model(r);
        double[] v = teacherPadded(d, r, r);
        double[] g = new double[v.length];
        double value = f.valueAndGradient(v, g);
        assertEquals(0.0, value, ZERO_TOL);
        assertEquals(0.0, norm(g), ZERO_TOL);
        Curvature c = Curvature.dense(f, v);
        assertTrue(c.minEigenvalue() >= -PSD_TOL, "Hessian at W = V is PSD, got " + c.minEigenvalue());
    }

    @ParameterizedTest(name = "d={0} r={1} R={2}")
    @CsvSource({"3, 2, 4", "5, 3, 5", "4, 4, 6"})
    void extraNeuronsAtZeroKeepTheLossAtZero(int d, int r, int rank) {
        Model f = TeacherStudent.population(d, r).model(rank);
        double[] w = teacherPadded(d, r, rank);
        double[] g = new double[w.length];
        assertEquals(0.0, f.valueAndGradient(w, g), ZERO_TOL);
        assertEquals(0.0, norm(g), ZERO_TOL, "zero neurons take the relu'(0) = 0 subgradient");

        // A small extra neuron u adds exactly ½E[relu(uᵀx)²] = ‖u‖²/4, the residual being its output alone.
        RandomGenerator rng = Seeds.generator(7);
        double expected = 0;
        for (int a = 0; a < d; a++) {
            double u = 1e-4 * rng.nextGaussian();
            w[a + d * (rank - 1)] = u;
            expected += u * u / 4;
        }
        assertEquals(expected, f.value(w), ZERO_TOL);
    }

    @Test
    void zeroNeuronsGiveFiniteDerivativesWithTheRelu0Convention() {
        int d = 4;
        Model f = TeacherStudent.population(d, 2).model(3);
        RandomGenerator rng = Seeds.generator(8);
        double[] w = gaussian(3 * d, rng);
        for (int a = 0; a < d; a++) {
            w[a + d] = 0; // neuron 1 is dead
        }
        double[] g = new double[w.length];
        double value = f.valueAndGradient(w, g);
        double[] v = gaussian(w.length, rng);
        double[] hv = new double[w.length];
        f.hessianVector(w, v, hv);
        assertTrue(Double.isFinite(value));
        for (int i = 0; i < w.length; i++) {
            assertTrue(Double.isFinite(g[i]) && Double.isFinite(hv[i]), "entry " + i);
        }
        for (int a = 0; a < d; a++) {
            assertEquals(0.0, g[a + d], 0.0, "a dead neuron's gradient is its self-term w/2 = 0");
            assertEquals(0.5 * v[a + d], hv[a + d], 0.0, "a dead neuron's Hessian block is its self-term I/2");
        }
        assertEquals(0.0, Curvature.dense(f, w).residual(), 1e-12, "a finite, well-defined spectrum");
    }
}
