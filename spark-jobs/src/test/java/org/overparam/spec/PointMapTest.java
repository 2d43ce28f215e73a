package org.overparam.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A point of a recorded spec found in the spec that extends it: checked against point ids, point by point. */
class PointMapTest {

    private static SweepSpec spec(int replicates, String problem, String grid) {
        return SpecLoader.parse("name: m\nseed: 5\nreplicates: " + replicates + "\nproblem: " + problem
                + "\nsolver: {method: gd, step: armijo, max_iters: 50}\ngrid:\n" + grid);
    }

    private static final String NETWORK = "{family: quadratic-network, d: 6, r: 1}";

    /** Every point of {@code from}: mapped exactly to the point of {@code to} with its id, or absent from to. */
    private static void assertMapsByPointId(SweepSpec from, SweepSpec to) {
        PointMap map = PointMap.between(from, to).orElseThrow();
        Map<String, Long> toIndex = new HashMap<>();
        for (long i = 0; i < to.count(); i++) {
            toIndex.put(to.point(i).pointId(), i);
        }
        for (long i = 0; i < from.count(); i++) {
            long expected = toIndex.getOrDefault(from.point(i).pointId(), -1L);
            assertEquals(expected, map.index(i), "point " + from.pointLabel(i));
            long position = from.runOrder(i);
            assertEquals(expected < 0 ? -1 : to.runOrder(expected), map.position(position));
        }
    }

    @Test
    void axesThatGainOrLoseValuesAndMoreOrFewerReplicates() {
        SweepSpec before = spec(3, NETWORK, "  R: [1, 2]\n  alpha: 0.1\n  n: [12, 16]\n");
        assertMapsByPointId(before, spec(5, NETWORK, "  R: [1, 2, 3]\n  alpha: 0.1\n  n: [8, 12, 16, 24]\n"));
        assertMapsByPointId(before, spec(2, NETWORK, "  R: [2, 4]\n  alpha: 0.1\n  n: [16]\n"));
        assertMapsByPointId(before, before);
        // A resume maps from the spec its log recorded, in normalized form: that text reads back as the same grid.
        assertMapsByPointId(SpecLoader.parse(before.normalized()), spec(5, NETWORK,
                "  R: [1, 2, 3]\n  alpha: 0.1\n  n: [8, 12, 16, 24]\n"));
    }

    @Test
    void aFixedFieldThatBecomesAnAxisAndBack() {
        SweepSpec fixed = spec(2, NETWORK, "  R: [1, 2]\n  alpha: 0.1\n  n: [12, 16]\n");
        SweepSpec axis = spec(2, "{family: quadratic-network, r: 1}", "  R: [1, 2]\n  alpha: 0.1\n  n: [12, 16]\n"
                + "  d: [4, 6, 8]\n");
        assertMapsByPointId(fixed, axis);
        assertMapsByPointId(axis, fixed);
        assertMapsByPointId(spec(2, NETWORK, "  R: [1, 2]\n  alpha: [0.1, 0.2]\n  n: 12\n"), fixed);
    }

    @Test
    void specsFixedAtDifferentValuesShareNoPoint() {
        SweepSpec before = spec(2, NETWORK, "  R: [1, 2]\n  alpha: 0.1\n  n: [12, 16]\n");
        SweepSpec otherD = spec(2, "{family: quadratic-network, d: 7, r: 1}", "  R: [1, 2]\n  alpha: 0.1\n  n: [12, 16]\n");
        assertMapsByPointId(before, otherD);
        for (long i = 0; i < before.count(); i++) {
            assertEquals(-1, PointMap.between(before, otherD).orElseThrow().index(i));
        }
        // Two refinements of one experiment, at n = 12 and at n = 16 (R = 2 at more replicates, and R = 3).
        SweepSpec at12 = spec(6, NETWORK, "  R: [2]\n  alpha: 0.1\n  n: 12\n");
        SweepSpec at16 = spec(4, NETWORK, "  R: [2, 3]\n  alpha: 0.1\n  n: 16\n");
        assertMapsByPointId(at12, at16);
        assertMapsByPointId(at16, at12);
        assertMapsByPointId(at16, before);
        assertMapsByPointId(before, at12);
    }
}
