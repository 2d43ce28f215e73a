package org.overparam.problem.sensing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.overparam.problem.BatchedObjective;
import org.overparam.random.Seeds;

/**
 * Which batch the runs of a Gram-form instance get, and that its lanes are their scalar objectives' bits when the
 * lanes mix both models, several R, a regularizer and idle lanes (the sweep-level check of the same is the
 * {@code RunsOfOneInstance} classes of {@code ModelContractTest}).
 */
class GramLanesTest {

    private static final int D = 6;

    private static SensingInstance instance(long seed, int n, boolean symmetricOperator, double[] regularizer) {
        RandomGenerator rng = Seeds.generator(seed);
        DenseOperator op = symmetricOperator ? Operators.symmetricGaussian(D, n, rng) : Operators.gaussian(D, n, rng);
        double[] truth = Truths.lowRank(D, 2, 1, true, rng);
        double[] y = SensingInstance.measure(op, truth, 0.01, rng);
        return SensingInstance.of(op, y, truth, 2, regularizer == null ? 0 : 0.1, regularizer);
    }

    @Test
    void runsOfOneGramInstanceShareOnePassOthersGoLaneByLane() {
        SensingInstance one = instance(1, 30, false, null);
        SensingInstance other = instance(2, 30, false, null);
        BatchedObjective shared = SensingObjective.lanes(List.of(AsymmetricSensing.of(one, 2, DataForm.GRAM),
                AsymmetricSensing.of(one, 5, DataForm.GRAM), SymmetricSensing.of(one, 1, DataForm.GRAM)));
        assertInstanceOf(GramLanes.class, shared);
        assertFalse(SensingObjective.lanes(List.of(AsymmetricSensing.of(one, 2, DataForm.GRAM),
                AsymmetricSensing.of(other, 2, DataForm.GRAM))) instanceof GramLanes, "two instances");
        assertFalse(SensingObjective.lanes(List.of(AsymmetricSensing.of(one, 2, DataForm.GRAM),
                AsymmetricSensing.of(one, 3, DataForm.MEASURED))) instanceof GramLanes, "a measured lane");
        assertInstanceOf(GramLanes.class, SymmetricSensing.lanes(List.of(SymmetricSensing.of(one, 2, DataForm.GRAM))),
                "the symmetric models' entry point too");
    }

    @Test
    void everyLaneIsItsScalarObjectiveBitForBit() {
        double[] c = SensingFixtures.gaussian(D * D, Seeds.generator(5));
        SensingFixtures.symmetrize(D, c);
        for (int i = 0; i < c.length; i++) {
            c[i] *= 0.02;
        }
        SensingInstance instance = instance(3, 25, true, c);
        int[] ranks = {1, 4, 2, 6, 3, 1, 5};
        List<SensingObjective> batchModels = new ArrayList<>();
        List<SensingObjective> scalarModels = new ArrayList<>();
        for (int j = 0; j < ranks.length; j++) {
            batchModels.add(model(instance, j, ranks[j]));
            scalarModels.add(model(instance, j, ranks[j]));
        }
        BatchedObjective batch = SensingObjective.lanes(batchModels);
        assertInstanceOf(GramLanes.class, batch);
        RandomGenerator rng = Seeds.generator(6);
        int width = ranks.length;
        for (int round = 0; round < 3; round++) {
            double[][] x = new double[width][];
            double[][] g = new double[width][];
            double[] values = new double[width];
            for (int j = 0; j < width; j++) {
                // Round 1 idles every other lane; the idle lanes' values and gradients must be left alone.
                boolean idle = round == 1 && j % 2 == 0;
                x[j] = idle ? null : batchModels.get(j).initialPoint(1 + round, rng);
                g[j] = idle ? null : new double[batchModels.get(j).dimension()];
                values[j] = Double.NaN;
            }
            batch.valueAndGradient(x, g, values);
            for (int j = 0; j < width; j++) {
                String lane = "round " + round + ", lane " + j + ": " + scalarModels.get(j);
                if (x[j] == null) {
                    assertTrue(Double.isNaN(values[j]), lane);
                    continue;
                }
                double[] expected = new double[x[j].length];
                double value = scalarModels.get(j).valueAndGradient(x[j], expected);
                assertEquals(Double.doubleToRawLongBits(value), Double.doubleToRawLongBits(values[j]), lane);
                assertArrayEquals(expected, g[j], lane);
                assertEquals(scalarModels.get(j).valueErrorFloor(), batch.valueErrorFloor(j), 0.0, lane);
            }
        }
    }

    /** Lanes alternate between the models, so one batch holds both. */
    private static SensingObjective model(SensingInstance instance, int j, int rank) {
        return j % 3 == 1 ? AsymmetricSensing.of(instance, rank, DataForm.GRAM)
                : SymmetricSensing.of(instance, rank, DataForm.GRAM);
    }
}
