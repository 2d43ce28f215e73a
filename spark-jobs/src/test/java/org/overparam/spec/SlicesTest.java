package org.overparam.spec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A spec cut into rows along an axis: each row's points are the experiment's, and the experiment accepts them. */
class SlicesTest {

    private static final SweepSpec EXPERIMENT = SpecLoader.parse("""
            name: slices
            seed: 3
            replicates: 2
            problem: {family: quadratic-network, d: 4, r: 1}
            solver: {max_iters: 50}
            grid:
              R: [1, 4]
              alpha: [0.1, 0.3]
              n: [8, 16, 24]
            """);

    @Test
    void oneRowPerCombinationOfTheOtherAxes() {
        List<Slices.Row> rows = Slices.along(EXPERIMENT, "R");
        assertEquals(6, rows.size());
        assertEquals("alpha=0.1, n=8", rows.get(0).label());
        assertEquals("alpha=0.3, n=24", rows.get(5).label());
        assertArrayEquals(new double[] {1, 4}, rows.get(0).values());
        assertTrue(rows.get(0).integer());
        assertArrayEquals(new double[] {0.1, 0.3}, Slices.values(EXPERIMENT, "alpha"));
    }

    @Test
    void aRowsPointsAreTheExperimentsWithTheirIdsAndExtendIt() {
        Map<String, String> experimentIds = new HashMap<>();
        for (long i = 0; i < EXPERIMENT.count(); i++) {
            experimentIds.put(EXPERIMENT.point(i).pointId(), EXPERIMENT.pointLabel(i));
        }
        Slices.Row row = Slices.along(EXPERIMENT, "R").get(4); // alpha = 0.3, n = 16
        SweepSpec refinement = row.with(new double[] {2, 4}, 5);
        assertEquals(10, refinement.count());
        int shared = 0;
        for (long i = 0; i < refinement.count(); i++) {
            var p = refinement.point(i);
            assertEquals(16, p.problem().n());
            assertEquals(0.3, p.alpha());
            String label = experimentIds.get(p.pointId());
            if (p.rank() == 4 && p.replicate() < 2) {
                assertEquals("R=4,alpha=0.3,n=16,replicate=" + p.replicate(), label, "the experiment's own point");
                shared++;
            } else {
                assertEquals(null, label, "a new point: R = 2, or replicates beyond the experiment's");
            }
        }
        assertEquals(2, shared);
        assertEquals(java.util.Optional.empty(), Extension.conflict(EXPERIMENT.normalized(), refinement.normalized()),
                "the experiment's directory accepts the refinement");
    }

    @Test
    void rowsThatAskAlikeRunAsOneSpecWhenTheyFormAProduct() {
        List<Slices.Row> rows = Slices.along(EXPERIMENT, "R");
        double[] values = {2, 3};
        // Rows in order: (alpha, n) = (0.1, 8), (0.1, 16), (0.1, 24), (0.3, 8), (0.3, 16), (0.3, 24).
        Map<List<Slices.Row>, Integer> specs = Map.of(rows, 1, List.of(rows.get(0), rows.get(1)), 1,
                List.of(rows.get(1), rows.get(4)), 1, List.of(rows.get(0), rows.get(4)), 2);
        for (Map.Entry<List<Slices.Row>, Integer> e : specs.entrySet()) {
            List<Slices.Row> group = e.getKey();
            List<SweepSpec> together = Slices.together(group, values, 3);
            assertEquals(e.getValue(), together.size(), group.toString());
            assertEquals(ids(group.stream().map(r -> r.with(values, 3)).toList()), ids(together));
        }
    }

    private static java.util.Set<String> ids(List<SweepSpec> specs) {
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (SweepSpec spec : specs) {
            for (long i = 0; i < spec.count(); i++) {
                assertTrue(ids.add(spec.point(i).pointId()), "no point twice");
            }
        }
        return ids;
    }

    @Test
    void onlyANumericGridAxisOfItsOwnIsRefined() {
        assertThrows(IllegalArgumentException.class, () -> Slices.along(EXPERIMENT, "d"));
        SweepSpec zipped = SpecLoader.parse("""
                name: z
                seed: 3
                replicates: 2
                problem: {family: quadratic-network, d: 4, r: 1}
                solver: {max_iters: 50}
                grid:
                  R: [1, 2]
                  alpha: 0.1
                  n: [8, 16]
                zip: [[R, n]]
                """);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Slices.along(zipped, "R"));
        assertTrue(e.getMessage().contains("zip"), e.getMessage());
    }
}
