package org.overparam.problem.relu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.overparam.problem.Model;
import org.overparam.random.Seeds;

/** Construction, validation, f0 and the shared initialization of the ReLU teacher–student instances. */
class TeacherStudentTest {

    /** f0 from a sum of r² kernel terms of size O(1): rounding only. */
    private static final double F0_RTOL = 1e-14;

    private static void assertRejected(String expectedMessage, Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertEquals(expectedMessage, e.getMessage());
    }

    @Test
    void invalidShapesAreRejectedWithTheRuleAndValue() {
        assertRejected("r must be >= 1, got 0", () -> TeacherStudent.population(3, 0));
        assertRejected("d must be >= r = 3, got 2", () -> TeacherStudent.population(2, 3));
        assertRejected("d must be >= r = 2, got 1", () -> TeacherStudent.sampled(1, 2, 10, Seeds.generator(1)));
        assertRejected("n must be >= 1, got 0", () -> TeacherStudent.sampled(3, 2, 0, Seeds.generator(1)));
        assertThrows(NullPointerException.class, () -> TeacherStudent.sampled(3, 2, 5, null));
        assertRejected("rank must be >= 1, got 0", () -> TeacherStudent.population(3, 2).model(0));
        assertRejected("rank must be >= 1, got -1",
                () -> TeacherStudent.sampled(3, 2, 5, Seeds.generator(1)).model(-1));
    }

    @Test
    void modelsCheckTheirInstanceKindAndArgumentLengths() {
        TeacherStudent population = TeacherStudent.population(3, 2);
        TeacherStudent sampled = TeacherStudent.sampled(3, 2, 5, Seeds.generator(1));
        assertRejected("instance must be a population instance, got n=5", () -> ReluPopulationLoss.of(sampled, 2));
        assertRejected("instance must be a sampled instance (n >= 1), got the population",
                () -> ReluSampleLoss.of(population, 2));
        assertRejected("x must have length d*R = 6, got 5", () -> population.model(2).value(new double[5]));
        assertRejected("x must have length d*R = 6, got 7", () -> sampled.model(2).value(new double[7]));
        Model m = population.model(2);
        assertRejected("alpha must be a finite number >= 0, got NaN",
                () -> m.initialPoint(Double.NaN, Seeds.generator(1)));
        assertRejected("alpha must be a finite number >= 0, got -1.0", () -> m.initialPoint(-1, Seeds.generator(1)));
    }

    @ParameterizedTest(name = "d={0} r={1}")
    @CsvSource({"1, 1", "4, 2", "6, 6", "9, 3"})
    void populationF0IsTheClosedFormAndTheLossAtZero(int d, int r) {
        TeacherStudent ts = TeacherStudent.population(d, r);
        // ½Σ_{j,j′} g(e_j, e_j′): r diagonal terms of ½ and r(r−1) orthogonal pairs of 1/(2π).
        double expected = r / 4.0 + r * (r - 1) / (4 * Math.PI);
        assertEquals(expected, ts.f0(), F0_RTOL * expected);
        assertEquals(ts.f0(), ts.model(3).value(new double[3 * d]), F0_RTOL * expected);
        assertEquals(0, ts.n());
        assertTrue(ts.isPopulation());
        assertNull(ts.samples());
        assertNull(ts.teacherOutputs());
        assertNull(ts.model(2).residuals(), "a population loss has no residuals");
        assertInstanceOf(ReluPopulationLoss.class, ts.model(2));
        assertEquals(d * 5, ts.model(5).dimension());
    }

    @Test
    void samplesAreDrawnSampleMajorAndTeacherOutputsMatch() {
        int d = 4;
        int r = 3;
        int n = 7;
        TeacherStudent ts = TeacherStudent.sampled(d, r, n, Seeds.generator(42));
        RandomGenerator replay = Seeds.generator(42);
        double[] x = ts.samples();
        double[] y = ts.teacherOutputs();
        double sum = 0;
        for (int s = 0; s < n; s++) {
            double t = 0;
            for (int a = 0; a < d; a++) {
                assertEquals(replay.nextGaussian(), x[a + d * s], 0.0, "sample " + s + " coordinate " + a);
                if (a < r) {
                    t += Math.max(x[a + d * s], 0);
                }
            }
            assertEquals(t, y[s], 0.0);
            sum += t * t;
        }
        assertEquals(sum / (2 * n), ts.f0(), F0_RTOL * ts.f0());
        assertEquals(ts.f0(), ts.model(2).value(new double[2 * d]), F0_RTOL * ts.f0());
        assertEquals(n, ts.n());
        Model m = ts.model(2);
        assertInstanceOf(ReluSampleLoss.class, m);
        assertNotNull(m.residuals());
        assertEquals(n, m.residuals().count());

        x[0] = 1e9;
        y[0] = 1e9;
        assertEquals(replayFirst(42), ts.samples()[0], 0.0, "samples() returns a copy");
        assertTrue(ts.teacherOutputs()[0] < 1e9, "teacherOutputs() returns a copy");
    }

    private static double replayFirst(long seed) {
        return Seeds.generator(seed).nextGaussian();
    }

    @Test
    void teacherWeightsAreTheFirstColumnsOfTheIdentity() {
        double[] v = TeacherStudent.population(4, 2).teacherWeights();
        assertArrayEquals(new double[] {1, 0, 0, 0, 0, 1, 0, 0}, v, 0.0);
    }

    @Test
    void bothModelsShareOneSeededInitialization() {
        int d = 5;
        int rank = 3;
        double alpha = 0.3;
        double[] pop = TeacherStudent.population(d, 2).model(rank).initialPoint(alpha, Seeds.generator(9));
        double[] smp = TeacherStudent.sampled(d, 2, 11, Seeds.generator(1)).model(rank)
                .initialPoint(alpha, Seeds.generator(9));
        assertArrayEquals(pop, smp, 0.0);
        RandomGenerator replay = Seeds.generator(9);
        for (int i = 0; i < d * rank; i++) {
            assertEquals(alpha / Math.sqrt(d) * replay.nextGaussian(), pop[i], 0.0, "entry " + i);
        }
        assertArrayEquals(new double[d * rank],
                TeacherStudent.population(d, 2).model(rank).initialPoint(0.0, Seeds.generator(9)), 0.0);
    }
}
