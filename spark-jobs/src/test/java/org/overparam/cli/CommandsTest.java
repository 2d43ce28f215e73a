package org.overparam.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.overparam.certify.Outcome;
import org.overparam.certify.ReferenceKind;
import org.overparam.experiment.Diagnostics;
import org.overparam.experiment.RunConfig;
import org.overparam.experiment.RunResult;
import org.overparam.io.Columns;
import org.overparam.solve.StopReason;
import org.overparam.spec.SpecLoader;
import org.overparam.spec.SweepSpec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** plan and run on the example specs, and the row's JSON. */
class CommandsTest {

    /** The columns of a row, in order, as README “Columns” lists them. */
    private static final List<String> COLUMNS = List.of("sweep", "point_id", "master_seed", "family", "operator", "replicate",
            "instance_seed", "init_seed", "R", "true_rank", "d", "n", "alpha", "lambda", "noise", "condition", "regularizer",
            "method", "step", "step_size", "max_iters", "f0", "objective", "loss", "reference", "reference_kind",
            "reference_rank", "reference_gap", "reference_reachable", "grad_norm", "hess_min_eig", "outcome",
            "bad_local_min", "loss_bad", "recovery_error", "certificate_min_eig", "iterations", "stop_reason",
            "restarts", "wall_ms", "grad_tol", "hess_tol", "gap_rel", "gap_abs", "target", "reference_tol",
            "perturb_radius", "divergence", "max_restarts", "tangent_kernel", "curvature", "escape_iterations",
            "convergence_rate",
            "kernel_min_eig_init", "kernel_min_eig", "trajectory_iteration", "trajectory_objective", "error",
            "code_version");

    static Stream<Path> exampleSpecs() {
        try (Stream<Path> files = Files.list(Cli.repoRoot().resolve("conf/sweeps"))) {
            List<Path> specs = files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
            assertTrue(specs.size() >= 5, "the five example specs");
            return specs.stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "plan {0}")
    @MethodSource("exampleSpecs")
    void planSucceedsOnEveryExample(Path spec) {
        Cli cli = Cli.run("plan", spec.toString());
        SweepSpec parsed = SpecLoader.load(spec);
        assertEquals(Overparam.OK, cli.exit(), cli::toString);
        assertEquals("", cli.err(), cli::toString);
        assertTrue(cli.out().contains("sweep      " + parsed.name()), cli::toString);
        assertTrue(cli.out().contains(String.format("points     %,d", parsed.count())), cli::toString);
        assertTrue(cli.out().contains(String.format(java.util.Locale.ROOT, "instances  %,d", parsed.instanceCount())), cli::toString);
        assertTrue(cli.out().contains("cost       ≈ "), cli::toString);
        assertTrue(cli.out().contains(parsed.pointLabel(0)), cli::toString);
        assertTrue(cli.out().contains(parsed.hash()), cli::toString);
    }

    @Test
    void runPrintsOneJsonRowWithEveryColumn() throws IOException {
        Path spec = Cli.repoRoot().resolve("conf/sweeps/explicit-2x2.yaml");
        Cli cli = Cli.run("run", spec.toString(), "--point", "R=1,replicate=0");
        assertEquals(Overparam.OK, cli.exit(), cli::toString);
        assertEquals(1, cli.out().lines().count(), cli::toString);
        JsonNode row = new ObjectMapper().readTree(cli.out());
        List<String> names = new ArrayList<>();
        row.fieldNames().forEachRemaining(names::add);
        assertEquals(COLUMNS, names);
        assertEquals("explicit-2x2", row.get("sweep").asText());
        assertEquals("symmetric-sensing", row.get("family").asText());
        assertEquals("explicit", row.get("operator").asText());
        assertEquals(1, row.get("R").asInt());
        assertEquals(3, row.get("n").asInt());
        assertEquals(2, row.get("d").asInt());
        assertEquals(0, row.get("replicate").asInt());
        assertEquals(SpecLoader.load(spec).point("R=1,replicate=0").pointId(), row.get("point_id").asText());
    }

    @Test
    void nonFiniteNumbersAreJsonNull() throws IOException {
        RunConfig config = SpecLoader.load(Cli.repoRoot().resolve("conf/sweeps/explicit-2x2.yaml")).point(0);
        RunResult diverged = new RunResult(config, 1.0, Double.POSITIVE_INFINITY, Double.NaN, 0.0, ReferenceKind.ZERO,
                1, 0.0, Double.NaN, Double.NaN, Outcome.DIVERGED, true, Double.NEGATIVE_INFINITY, Double.NaN, 7,
                StopReason.DIVERGED, 0, 3, null, Diagnostics.NONE, null);
        String json = RunCommand.json("s", diverged);
        JsonNode row = new ObjectMapper().readTree(json);
        for (String name : List.of("objective", "loss", "grad_norm", "hess_min_eig", "recovery_error")) {
            assertTrue(row.get(name).isNull(), name + " in " + json);
        }
        assertEquals(1.0, row.get("f0").asDouble());
        assertEquals("DIVERGED", row.get("outcome").asText());
        assertEquals("diverged", row.get("stop_reason").asText());
        assertEquals("zero", row.get("reference_kind").asText());
        assertTrue(row.get("reference_reachable").asBoolean());
        assertTrue(!row.get("bad_local_min").asBoolean());
        assertEquals(COLUMNS, Columns.names());
        assertEquals(COLUMNS.size(), Columns.values("s", "dev", diverged).length);
    }

    @Test
    void helpAndVersion() {
        Cli help = Cli.run("--help");
        assertEquals(Overparam.OK, help.exit(), help::toString);
        assertTrue(help.out().contains("plan") && help.out().contains("run"), help::toString);
        Cli planHelp = Cli.run("plan", "--help");
        assertEquals(Overparam.OK, planHelp.exit(), planHelp::toString);
        assertTrue(planHelp.out().contains("SPEC"), planHelp::toString);
        Cli version = Cli.run("--version");
        assertEquals(Overparam.OK, version.exit(), version::toString);
        assertTrue(version.out().startsWith("overparam "), version::toString);
    }
}
