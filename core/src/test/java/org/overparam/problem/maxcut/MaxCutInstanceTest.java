package org.overparam.problem.maxcut;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.overparam.random.Seeds;

class MaxCutInstanceTest {

    @ParameterizedTest(name = "n={0}, q={1}, seed={2}")
    @CsvSource({"2, 1.0, 1", "9, 0.5, 2", "20, 0.3, 3", "13, 0.0, 4"})
    void randomGraphIsMinusLaplacianOverFourInTheDocumentedOrder(int n, double q, long seed) {
        MaxCutInstance instance = MaxCutInstance.randomGraph(n, q, Seeds.generator(seed));
        boolean[][] adj = MaxCutFixtures.graph(n, q, Seeds.generator(seed));
        double[] c = instance.cost();
        double abs = 0;
        for (int i = 0; i < n; i++) {
            int degree = 0;
            for (int j = 0; j < n; j++) {
                if (i != j) {
                    assertEquals(adj[i][j] ? 0.25 : 0.0, c[i + n * j], 0.0, "C(" + i + ", " + j + ")");
                    degree += adj[i][j] ? 1 : 0;
                }
                abs += Math.abs(c[i + n * j]);
            }
            assertEquals(-degree / 4.0, c[i + n * i], 0.0, "C(" + i + ", " + i + ") = −deg/4");
        }
        assertEquals(abs, instance.scale(), 0.0);
        assertEquals(n, instance.n());
    }

    @Test
    void randomGraphDrawsTheSameNumberOfDoublesWhateverQ() {
        var a = Seeds.generator(7);
        var b = Seeds.generator(7);
        MaxCutInstance.randomGraph(10, 0.0, a);
        MaxCutInstance.randomGraph(10, 1.0, b);
        assertEquals(a.nextLong(), b.nextLong());
    }

    @Test
    void completeGraphAndEmptyGraph() {
        int n = 6;
        double[] full = MaxCutInstance.randomGraph(n, 1.0, Seeds.generator(1)).cost();
        for (int i = 0; i < n; i++) {
            assertEquals(-(n - 1) / 4.0, full[i + n * i], 0.0);
        }
        assertArrayEquals(new double[n * n], MaxCutInstance.randomGraph(n, 0.0, Seeds.generator(1)).cost(), 0.0);
    }

    @Test
    void ofSymmetrizesRoundingAndCopies() {
        double[] c = {1, 2 + 1e-15, 2, 5};
        MaxCutInstance instance = MaxCutInstance.of(2, c);
        double[] stored = instance.cost();
        assertEquals(stored[1], stored[2], 0.0, "stored exactly symmetric");
        assertEquals(2 + 5e-16, stored[1], 1e-15);
        c[0] = 100;
        assertEquals(1, instance.cost()[0], 0.0, "input copied");
        assertNotSame(instance.cost(), instance.cost());
        assertEquals(1 + 5 + 2 * stored[1], instance.scale(), 1e-15);
        assertEquals(5 + stored[1], instance.maxRowSum(), 1e-15);
    }

    @Test
    void ofValidatesAndNamesTheRuleAndTheEntry() {
        String asym = assertThrows(IllegalArgumentException.class,
                () -> MaxCutInstance.of(3, new double[] {1, 0, 0, 0, 1, 0, 0.5, 0, 1})).getMessage();
        assertTrue(asym.contains("symmetric") && asym.contains("C(2, 0) = 0.0") && asym.contains("C(0, 2) = 0.5"),
                asym);
        String nan = assertThrows(IllegalArgumentException.class,
                () -> MaxCutInstance.of(2, new double[] {1, Double.NaN, 0, 1})).getMessage();
        assertTrue(nan.contains("finite") && nan.contains("NaN at (1, 0)"), nan);
        String small = assertThrows(IllegalArgumentException.class,
                () -> MaxCutInstance.of(1, new double[] {1})).getMessage();
        assertTrue(small.contains("n must be ≥ 2, got 1"), small);
        String length = assertThrows(IllegalArgumentException.class,
                () -> MaxCutInstance.of(2, new double[3])).getMessage();
        assertTrue(length.contains("length n² = 4") && length.contains("got 3"), length);
        String q = assertThrows(IllegalArgumentException.class,
                () -> MaxCutInstance.randomGraph(4, Double.NaN, Seeds.generator(1))).getMessage();
        assertTrue(q.contains("edgeProbability must be in [0, 1], got NaN"), q);
        assertThrows(IllegalArgumentException.class, () -> MaxCutInstance.randomGraph(4, 1.5, Seeds.generator(1)));
        String p = assertThrows(IllegalArgumentException.class,
                () -> MaxCutInstance.randomGraph(4, 0.5, Seeds.generator(1)).model(0)).getMessage();
        assertTrue(p.contains("p must be ≥ 1, got 0"), p);
    }

    @Test
    void scaleBoundsTheObjectiveOnTheFeasibleSet() {
        var rng = Seeds.generator(5);
        MaxCutInstance instance = MaxCutFixtures.gaussianCost(8, rng);
        BurerMonteiro model = instance.model(3);
        for (int t = 0; t < 20; t++) {
            double f = model.value(MaxCutFixtures.unitRows(8, 3, rng));
            assertTrue(Math.abs(f) <= instance.scale(), "|f| = " + Math.abs(f) + " > scale " + instance.scale());
        }
    }
}
