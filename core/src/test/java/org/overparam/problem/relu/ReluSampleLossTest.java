package org.overparam.problem.relu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.overparam.problem.relu.ReluFixtures.dot;
import static org.overparam.problem.relu.ReluFixtures.gaussian;
import static org.overparam.problem.relu.ReluFixtures.norm;
import static org.overparam.problem.relu.ReluFixtures.plus;
import static org.overparam.problem.relu.ReluFixtures.relativeError;
import static org.overparam.problem.relu.ReluFixtures.scaled;
import static org.overparam.problem.relu.ReluFixtures.teacherPadded;

import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.overparam.problem.Residuals;
import org.overparam.random.Seeds;

/** The sampled loss against direct sums, and its residuals' Jacobian. */
class ReluSampleLossTest {

    /** BLAS sums vs plain loops over the same O(1) terms, in a different order: rounding only. */
    private static final double SUM_RTOL = 1e-12;

    /**
     * J v vs central differences of the outputs, which are piecewise linear in W: exact up to rounding
     * ε·|F|/h ~ 1e-11 unless a step of 1e-6 crosses a kink w_iᵀx_s = 0 (none does at these points).
     */
    private static final double OUTPUT_FD_RTOL = 1e-8;

    private static final double H = 1e-6;

    private static final int SAMPLES = 80;

    private static ReluSampleLoss model(int d, int r, int rank, long seed) {
        return ReluSampleLoss.of(TeacherStudent.sampled(d, r, SAMPLES, Seeds.generator(seed)), rank);
    }

    @ParameterizedTest(name = "d={0} r={1} R={2} seed={3}")
    @CsvSource({"3, 3, 3, 51", "5, 2, 4, 52", "4, 3, 2, 53", "6, 3, 5, 54"})
    void lossIsHalfTheMeanSquaredResidualOfThePredictions(int d, int r, int rank, long seed) {
        ReluSampleLoss f = model(d, r, rank, seed);
        TeacherStudent ts = f.instance();
        double[] x = scaled(1.0 / Math.sqrt(d), gaussian(d * rank, Seeds.generator(seed + 100)));
        double[] samples = ts.samples();
        double[] y = ts.teacherOutputs();

        double[] predictions = new double[SAMPLES];
        f.predictions(x, predictions);
        double direct = 0;
        double viaPredictions = 0;
        for (int s = 0; s < SAMPLES; s++) {
            double out = 0;
            for (int i = 0; i < rank; i++) {
                double z = 0;
                for (int a = 0; a < d; a++) {
                    z += x[a + d * i] * samples[a + d * s];
                }
                out += Math.max(z, 0);
            }
            assertEquals(out, predictions[s], SUM_RTOL * (1 + Math.abs(out)), "prediction " + s);
            double teacher = 0;
            for (int j = 0; j < r; j++) {
                teacher += Math.max(samples[j + d * s], 0);
            }
            direct += (out - teacher) * (out - teacher);
            viaPredictions += (predictions[s] - y[s]) * (predictions[s] - y[s]);
        }
        direct /= 2 * SAMPLES;
        viaPredictions /= 2 * SAMPLES;
        assertEquals(direct, f.value(x), SUM_RTOL * direct);
        assertEquals(viaPredictions, f.loss(x), SUM_RTOL * direct);
    }

    @ParameterizedTest(name = "d={0} r={1} R={2} seed={3}")
    @CsvSource({"3, 3, 3, 61", "5, 2, 4, 62", "4, 3, 2, 63", "6, 3, 5, 64"})
    void jacobianIsConsistentWithItsTransposeTheOutputsAndTheDerivatives(int d, int r, int rank, long seed) {
        ReluSampleLoss f = model(d, r, rank, seed);
        Residuals res = f.residuals();
        assertEquals(SAMPLES, res.count());
        RandomGenerator rng = Seeds.generator(seed + 200);
        int n = f.dimension();
        double[] x = scaled(1.0 / Math.sqrt(d), gaussian(n, rng));
        double[] v = gaussian(n, rng);
        double[] u = gaussian(SAMPLES, rng);

        double[] jv = new double[SAMPLES];
        double[] jtu = new double[n];
        res.jacobianTimes(x, v, jv);
        res.jacobianTransposeTimes(x, u, jtu);
        assertEquals(dot(jv, u), dot(v, jtu), SUM_RTOL * norm(jv) * norm(u), "<Jv, u> = <v, Jᵀu>");

        double[] plusOut = new double[SAMPLES];
        double[] minusOut = new double[SAMPLES];
        f.predictions(plus(x, H, v), plusOut);
        f.predictions(plus(x, -H, v), minusOut);
        double[] fd = new double[SAMPLES];
        for (int s = 0; s < SAMPLES; s++) {
            fd[s] = (plusOut[s] - minusOut[s]) / (2 * H);
        }
        double err = relativeError(jv, fd, 0);
        assertTrue(err <= OUTPUT_FD_RTOL, "J v vs differences of the outputs, relative error " + err);

        // ∇F = (1/n) Jᵀ(F − y) and H v = (1/n) Jᵀ(J v), the Gauss–Newton product.
        double[] predictions = new double[SAMPLES];
        f.predictions(x, predictions);
        double[] y = f.instance().teacherOutputs();
        for (int s = 0; s < SAMPLES; s++) {
            predictions[s] -= y[s];
        }
        double[] expected = new double[n];
        res.jacobianTransposeTimes(x, predictions, expected);
        double[] g = new double[n];
        f.valueAndGradient(x, g);
        assertTrue(relativeError(g, scaled(1.0 / SAMPLES, expected), 0) <= SUM_RTOL, "gradient = Jᵀρ/n");
        res.jacobianTransposeTimes(x, jv, expected);
        double[] hv = new double[n];
        f.hessianVector(x, v, hv);
        assertTrue(relativeError(hv, scaled(1.0 / SAMPLES, expected), 0) <= SUM_RTOL, "Hv = Jᵀ(Jv)/n");
    }

    @ParameterizedTest(name = "d={0} r={1} R={2}")
    @CsvSource({"3, 3, 3", "5, 2, 2", "4, 2, 4", "5, 3, 6"})
    void teacherAndZeroPaddedTeacherHaveZeroLossAndGradient(int d, int r, int rank) {
        ReluSampleLoss f = model(d, r, rank, 71);
        double[] w = teacherPadded(d, r, rank);
        double[] g = new double[w.length];
        assertEquals(0.0, f.valueAndGradient(w, g), 0.0, "the outputs equal the teacher's exactly");
        assertEquals(0.0, norm(g), 0.0);
    }

    @Test
    void aDeadNeuronHasZeroGradient() {
        int d = 4;
        ReluSampleLoss f = model(d, 2, 3, 81);
        double[] w = gaussian(3 * d, Seeds.generator(82));
        for (int a = 0; a < d; a++) {
            w[a + 2 * d] = 0;
        }
        double[] g = new double[w.length];
        f.valueAndGradient(w, g);
        for (int a = 0; a < d; a++) {
            assertEquals(0.0, g[a + 2 * d], 0.0, "relu'(0) = 0");
        }
        assertTrue(norm(g) > 0);
    }
}
