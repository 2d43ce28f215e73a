package org.overparam.problem.sensing;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.overparam.linalg.VectorApi;
import org.overparam.problem.BatchedObjective;
import org.overparam.random.Seeds;

/**
 * Which batch quadratic networks get. Their bits are checked against the scalar model in
 * {@code ModelContractTest}; this test makes sure that check covers the SIMD kernel, not only the fallback.
 */
class RankOneLanesTest {

    private static SymmetricSensing network(long seed, int n, int rank, double[] regularizer) {
        RankOneOperator op = Operators.rankOne(4, n, Seeds.generator(seed));
        double[] truth = Truths.lowRank(4, 1, 1, true, Seeds.generator(seed + 1));
        double[] y = SensingInstance.measure(op, truth, 0, Seeds.generator(seed + 2));
        return SymmetricSensing.of(SensingInstance.of(op, y, truth, 1, regularizer == null ? 0 : 1, regularizer),
                rank);
    }

    @Test
    void quadraticNetworksOfOneShapeGetSimdLanes() {
        assertTrue(VectorApi.available(), "the tests run with --add-modules=jdk.incubator.vector (pom.xml)");
        BatchedObjective batch = SymmetricSensing.lanes(List.of(network(1, 10, 2, null), network(2, 10, 2, null)));
        assertInstanceOf(RankOneLanes.class, batch);
    }

    @Test
    void otherShapesGoLaneByLane() {
        assertTrue(!(SymmetricSensing.lanes(List.of(network(1, 10, 2, null), network(2, 11, 2, null)))
                instanceof RankOneLanes), "two sample counts");
        assertTrue(!(SymmetricSensing.lanes(List.of(network(1, 10, 2, null), network(2, 10, 3, null)))
                instanceof RankOneLanes), "two ranks");
        double[] c = new double[16];
        c[0] = 0.5;
        assertTrue(!(SymmetricSensing.lanes(List.of(network(1, 10, 2, c))) instanceof RankOneLanes),
                "a regularizer");
    }
}
