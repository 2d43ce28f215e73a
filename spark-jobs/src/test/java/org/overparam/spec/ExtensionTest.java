package org.overparam.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.overparam.testing.TinySweep;

/** Which specs may share a directory: extensions of the grid yes, changes of what existing points mean no. */
class ExtensionTest {

    private static final String SPEC = TinySweep.SPEC;

    private static Optional<String> conflict(String proposed) {
        return Extension.conflict(SpecLoader.parse(SPEC).normalized(), SpecLoader.parse(proposed).normalized());
    }

    @Test
    void theSameSpecAndMoreGridValuesOrReplicatesExtendIt() {
        assertEquals(Optional.empty(), conflict(SPEC));
        assertEquals(Optional.empty(), conflict(SPEC.replace("replicates: 2", "replicates: 5")));
        assertEquals(Optional.empty(), conflict(SPEC.replace("R: [1, 2]", "R: [1, 2, 4]")));
        assertEquals(Optional.empty(), conflict(SPEC.replace("R: [1, 2]", "R: [2]")), "a slice of the grid");
        assertEquals(Optional.empty(), conflict(SPEC.replace("replicates: 2", "replicates: 1")));
    }

    @Test
    void aFixedFieldThatBecomesAnAxisMustKeepItsValueAmongTheAxisValues() {
        String withD = SPEC.replace("problem: {family: quadratic-network, d: 4, r: 1}",
                "problem: {family: quadratic-network, r: 1}").replace("grid:\n", "grid:\n  d: [4, 6]\n");
        assertEquals(Optional.empty(), conflict(withD));
        String withoutFour = withD.replace("d: [4, 6]", "d: [5, 6]");
        assertEquals(Optional.of("problem.d = 4; this spec's axis d = [5,6] leaves it out"), conflict(withoutFour));
    }

    @Test
    void aChangedFixedFieldOrSeedIsNamedWithBothValues() {
        assertEquals(Optional.of("solver.max_iters = 400; this spec has 300"),
                conflict(SPEC.replace("max_iters: 400", "max_iters: 300")));
        assertEquals(Optional.of("problem.d = 4; this spec has 5"), conflict(SPEC.replace("d: 4", "d: 5")));
        assertEquals(Optional.of("seed = 5; this spec has 6"), conflict(SPEC.replace("seed: 5", "seed: 6")));
        assertEquals(Optional.of("name = tiny; this spec has other"), conflict(SPEC.replace("tiny", "other")));
    }
}
