package org.overparam.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.overparam.spec.BadSpecs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad input through the command line: exit 2, nothing on stdout, one clear line per problem, no stack trace. */
class BadInputCliTest {

    static Stream<Arguments> badSpecs() {
        return BadSpecs.cases();
    }

    @ParameterizedTest(name = "plan {0}")
    @MethodSource("badSpecs")
    void planRefusesBadSpecs(String name, Path file, List<String> expected) {
        Cli cli = Cli.run("plan", file.toString());
        assertRefused(cli, expected);
    }

    @ParameterizedTest(name = "run {0}")
    @MethodSource("badSpecs")
    void runRefusesBadSpecsBeforeRunning(String name, Path file, List<String> expected) {
        Cli cli = Cli.run("run", file.toString(), "--point", "R=1,replicate=0");
        assertRefused(cli, expected);
    }

    @Test
    void badOptionsAndPoints() {
        String spec = Cli.repoRoot().resolve("conf/sweeps/explicit-2x2.yaml").toString();
        assertRefused(Cli.run(), List.of("overparam: missing command: choose one of plan, run"));
        assertRefused(Cli.run("plna", spec), List.of("Unmatched arguments", "did you mean plan?"));
        assertRefused(Cli.run("plan"), List.of("Missing required parameter: 'SPEC'", "(see 'overparam plan --help')"));
        assertRefused(Cli.run("run", spec), List.of("Missing required option: '--point"));
        assertRefused(Cli.run("plan", spec, "--frobnicate"), List.of("Unknown option: '--frobnicate'"));
        assertRefused(Cli.run("run", spec, "--point", "R=0,replicate=0"),
                List.of("overparam: point.R: value 0 is invalid: R must be >= 1"));
        assertRefused(Cli.run("run", spec, "--point", "R=1"), List.of("overparam: point: missing replicate"));
        assertRefused(Cli.run("run", spec, "--point", "R=1,replicate=0,alpha=0"),
                List.of("overparam: point.alpha: value 0 is invalid: alpha must be > 0"));
        assertRefused(Cli.run("plan", "no/such/spec.yaml"), List.of("overparam: no/such/spec.yaml: no such spec file"));
        assertRefused(Cli.run("plan", Cli.repoRoot().resolve("conf").toString()), List.of("is a directory"));
    }

    @Test
    void confTakesSparkKeysOnly(@TempDir Path tmp) {
        String spec = Cli.repoRoot().resolve("conf/sweeps/explicit-2x2.yaml").toString();
        Path out = tmp.resolve("out");
        List<List<String>> commands = List.of(List.of("sweep", spec, "--out", out.toString()),
                List.of("aggregate", tmp.toString(), "--out", out.toString()));
        for (List<String> command : commands) {
            for (String bad : List.of("fs.s3a.endpoint=http://127.0.0.1:9000", "spark.sql.shuffle.partitions")) {
                List<String> args = new ArrayList<>(command);
                args.addAll(List.of("--conf", "spark.overparam.fine=1", "--conf", bad));
                Cli cli = Cli.run(args.toArray(String[]::new));
                assertRefused(cli, List.of("--conf", "'" + bad + "'", "spark.hadoop."));
                assertEquals(1, cli.err().lines().count(), cli::toString);
            }
        }
        assertFalse(Files.exists(out), "nothing is written");
        assertNull(System.getProperty("spark.overparam.fine"), "refused before anything is applied");
    }

    @Test
    void refineNeedsASweepDirectoryAndARule(@TempDir Path tmp) {
        assertRefused(Cli.run("refine", tmp.resolve("missing").toString()), List.of("does not exist"));
        assertRefused(Cli.run("refine", tmp.toString()), List.of("holds no sweep"));
        assertRefused(Cli.run("refine", tmp.toString(), "--threshold", "1.5"),
                List.of("--threshold/--confidence: the threshold must be in (0, 1), got 1.5"));
        assertRefused(Cli.run("refine", tmp.toString(), "--confidence", "1"),
                List.of("the confidence must be in [0.5, 1), got 1.0"));
    }

    private static void assertRefused(Cli cli, List<String> expected) {
        assertEquals(Overparam.BAD_INPUT, cli.exit(), cli::toString);
        assertEquals("", cli.out(), cli::toString);
        assertFalse(cli.err().isBlank(), cli::toString);
        for (String line : cli.err().lines().toList()) {
            assertTrue(line.startsWith("overparam: "), () -> "not an error line: " + line);
        }
        assertFalse(cli.err().contains("\tat ") || cli.err().contains("Exception"), cli::toString);
        for (String fragment : expected) {
            assertTrue(cli.err().contains(fragment), () -> "expected '" + fragment + "' in\n" + cli);
        }
    }
}
