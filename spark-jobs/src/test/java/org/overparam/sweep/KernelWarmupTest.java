package org.overparam.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.overparam.certify.Outcome;
import org.overparam.experiment.Experiment;
import org.overparam.experiment.RunConfig;
import org.overparam.experiment.RunResult;
import org.overparam.experiment.SensingProblem;
import org.overparam.spec.SpecLoader;
import org.overparam.spec.SweepSpec;

/** When the kernel warm-up runs, and that what it runs is the work it is meant to compile. */
class KernelWarmupTest {

    private static final Path SWEEPS = Path.of("..", "conf", "sweeps");

    @Test
    void runsForDenseSweepsInEmbeddedModeOnly() {
        SweepSpec dense = SpecLoader.load(SWEEPS.resolve("bench-dense.yaml"));
        assertTrue(KernelWarmup.useful(dense, "local[2]"));
        assertTrue(KernelWarmup.useful(dense, "local[*]"));
        assertFalse(KernelWarmup.useful(dense, "spark://127.0.0.1:7077"), "a cluster's executors are other JVMs");
        assertFalse(KernelWarmup.useful(SpecLoader.load(SWEEPS.resolve("quickstart.yaml")), "local[2]"),
                "rank-one operators have no Gram form");
    }

    @Test
    void runsWhenAnyCellTakesTheGramForm() {
        String spec = """
                name: mixed
                seed: 3
                replicates: 2
                problem: {family: matrix-sensing, operator: gaussian, d: 10, r: 1}
                solver: {method: gd, step: armijo, max_iters: 10}
                grid:
                  R: [1, 2]
                  alpha: 0.1
                  n: %s
                """;
        assertFalse(KernelWarmup.useful(SpecLoader.parse(spec.formatted("[20, 39]")), "local[2]"),
                "n < 2d²/5 = 40: the measured form");
        assertTrue(KernelWarmup.useful(SpecLoader.parse(spec.formatted("[20, 40]")), "local[2]"));
    }

    @Test
    void itsPointsAreOneLockStepBatchInTheGramForm() {
        List<RunConfig> points = SpecLoader.parse(KernelWarmup.SPEC).points();
        assertEquals(2, points.size());
        for (RunConfig point : points) {
            assertTrue(((SensingProblem) point.problem()).gramForm());
            assertEquals(points.get(0).instanceSeed(), point.instanceSeed(), "one instance, one Gram matrix");
            int m = point.problem().d() * point.problem().d();
            assertNotEquals(0, m % 8, "the product's tail rows run");
            assertTrue(point.problem().n() > 256, "the SYRK accumulates over a second block of rows");
        }
        Experiment.Prepared instance = Experiment.prepare(points.get(0));
        List<RunResult> results = Experiment.runBatch(List.of(instance, instance), points);
        for (RunResult result : results) {
            assertNotEquals(Outcome.FAILED, result.outcome(), result.toString());
            assertEquals(points.get(0).solver().maxIterations(), result.iterations());
        }
    }
}
