package org.overparam.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code bench}'s options and the JSON lines scripts/bench reads: identities and names, never timings. */
class BenchCommandLineTest {

    /** Options small enough that a kernels run takes a fraction of a second. */
    private static final String[] TINY = {"--d", "4", "--r", "1", "--R", "2", "--stream-mib", "3",
            "--stream-reps", "1", "--batch-seconds", "0.002", "--batches", "1", "--warmup-seconds", "0"};

    /** Relative slack for identities between doubles printed by Jackson (shortest round-trip form). */
    private static final double REL_TOL = 1e-12;

    record Cli(int exit, String out, String err) {

        static Cli run(String... args) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int exit = Bench.execute(args, new PrintWriter(out), new PrintWriter(err));
            return new Cli(exit, out.toString(), err.toString());
        }

        List<JsonNode> json() {
            ObjectMapper mapper = Reports.mapper();
            return out.lines().map(line -> {
                try {
                    return mapper.readTree(line);
                } catch (java.io.IOException e) {
                    throw new UncheckedIOException("not a JSON line: " + line, e);
                }
            }).toList();
        }

        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    /** {@code bench kernels} with {@link #TINY} options and {@code extra}. */
    private static Cli kernels(String... extra) {
        return Cli.run(Stream.of(new String[] {"kernels"}, TINY, extra).flatMap(Stream::of).toArray(String[]::new));
    }

    static Stream<Arguments> badOptions() {
        return Stream.of(
                Arguments.of(List.of(), "bench: missing command: choose one of machine, kernels, rows"),
                Arguments.of(List.of("kernls"), "did you mean kernels?"),
                Arguments.of(List.of("kernels", "--d", "0"), "bench: --d must be >= 1, got 0"),
                Arguments.of(List.of("kernels", "--d", "2", "--r", "3"), "bench: --r must be <= --d = 2, got 3"),
                Arguments.of(List.of("kernels", "--n", "10,0"), "bench: --n must be >= 1, got 0"),
                Arguments.of(List.of("kernels", "--n", "ten"), "'ten' is not an int"),
                Arguments.of(List.of("kernels", "--d", "5000", "--n", "1000"), "--n times d*d must fit in an array"),
                Arguments.of(List.of("kernels", "--R", "0"), "bench: --R must be >= 1, got 0"),
                Arguments.of(List.of("kernels", "--kernel", "dense-apply,gram"),
                        "--kernel must be one of dense-apply, dense-adjoint, dense-gradient, dense-gram, got 'gram'"),
                Arguments.of(List.of("kernels", "--kernel", "dense-gram", "--n", "999"),
                        "--kernel dense-gram needs n >= 2d^2/5, got n=999, d=50"),
                Arguments.of(List.of("kernels", "--batches", "0"), "bench: --batches must be >= 1, got 0"),
                Arguments.of(List.of("kernels", "--warmup-seconds", "NaN"), "--warmup-seconds must be in [0, 30]"),
                Arguments.of(List.of("kernels", "--batch-seconds", "0"), "--batch-seconds must be a finite number > 0"),
                Arguments.of(List.of("machine", "--stream-mib", "0"), "--stream-mib must be in [1, 12288], got 0"),
                Arguments.of(List.of("machine", "--stream-reps", "0"), "--stream-reps must be >= 1, got 0"),
                Arguments.of(List.of("machine", "--frobnicate"), "Unknown option: '--frobnicate'"),
                Arguments.of(List.of("rows"), "Missing required parameter: 'DIR'"),
                Arguments.of(List.of("rows", "no/such/sweep"), "DIR must be a sweep directory holding rows/"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badOptions")
    void badOptionsExitTwoWithOneLine(List<String> args, String expected) {
        Cli cli = Cli.run(args.toArray(String[]::new));
        assertEquals(Bench.BAD_OPTIONS, cli.exit(), cli::toString);
        assertEquals("", cli.out(), cli::toString);
        assertEquals(1, cli.err().lines().count(), cli::toString);
        assertTrue(cli.err().startsWith("bench: "), cli::toString);
        assertTrue(cli.err().contains(expected), cli::toString);
        assertTrue(cli.err().contains("--help"), cli::toString);
    }

    @Test
    void helpListsTheCommandsAndTheKernels() {
        Cli top = Cli.run("--help");
        assertEquals(Bench.OK, top.exit(), top::toString);
        for (String command : List.of("machine", "kernels", "rows")) {
            assertTrue(top.out().contains(command), top::toString);
        }
        Cli kernels = Cli.run("kernels", "--help");
        assertEquals(Bench.OK, kernels.exit(), kernels::toString);
        assertTrue(kernels.out().contains("dense-apply,dense-adjoint,dense-gradient"), kernels::toString);
    }

    @Test
    void kernelsPrintsTheMachineThenOneLinePerKernelAndN() {
        Cli cli = kernels("--n", "16,32");
        assertEquals(Bench.OK, cli.exit(), cli::toString);
        assertEquals("", cli.err(), cli::toString);
        List<JsonNode> lines = cli.json();
        assertEquals(1 + 2 * 4, lines.size(), cli::toString);

        JsonNode machine = lines.get(0);
        assertEquals("machine", machine.get("kind").asText());
        for (String key : List.of("blas", "vector_module", "java", "arch", "processors", "stream_mib", "triad_gbs",
                "read_gbs", "dgemv_in_cache_side", "dgemv_n_in_cache_gflops", "dgemv_t_in_cache_gflops")) {
            assertTrue(machine.has(key), () -> "machine line lacks " + key + ": " + machine);
        }
        double triad = machine.get("triad_gbs").asDouble();
        double read = machine.get("read_gbs").asDouble();
        assertTrue(triad > 0 && read > 0, machine::toString);

        List<String> names = List.of("dense-apply", "dense-adjoint", "dense-gradient", "dense-gram");
        for (int i = 0; i < 8; i++) {
            JsonNode k = lines.get(1 + i);
            int n = i < 4 ? 16 : 32;
            assertEquals("kernel", k.get("kind").asText(), k::toString);
            String name = names.get(i % 4);
            assertEquals(name, k.get("name").asText(), k::toString);
            assertEquals(4, k.get("d").asInt(), k::toString);
            assertEquals(1, k.get("r").asInt(), "r is the truth's rank, R the factors' columns: " + k);
            assertEquals(2, k.get("R").asInt(), k::toString);
            assertEquals(n, k.get("n").asInt(), k::toString);
            // 𝐀 is n×d² doubles; the gradient streams it twice (a forward and an adjoint pass), the Gram form
            // the packed H = 𝐀ᵀ𝐀 once, d²(d²+1)/2 doubles.
            double bytes = name.equals("dense-gram") ? 8.0 * 16 * 17 / 2
                    : (name.equals("dense-gradient") ? 2 : 1) * 8.0 * n * 4 * 4;
            assertEquals(bytes, k.get("bytes_per_call").asDouble(), k::toString);
            assertTrue(k.get("calls").asLong() >= 1, k::toString);
            double gbs = k.get("gbs").asDouble();
            assertEquals(bytes * k.get("calls").asLong() / k.get("seconds").asDouble() / 1e9, gbs, REL_TOL * gbs,
                    k::toString);
            assertEquals(triad, k.get("triad_gbs").asDouble(), k::toString);
            assertEquals(gbs / triad, k.get("fraction_of_triad").asDouble(), REL_TOL * gbs / triad, k::toString);
            assertEquals(gbs / read, k.get("fraction_of_read").asDouble(), REL_TOL * gbs / read, k::toString);
            assertTrue(Double.isFinite(k.get("checksum").asDouble()), k::toString);
        }
    }

    @Test
    void kernelSelectsAndMachineAlone() {
        Cli one = kernels("--kernel", "DENSE-ADJOINT", "--n", "8");
        assertEquals(Bench.OK, one.exit(), one::toString);
        List<JsonNode> lines = one.json();
        assertEquals(2, lines.size(), one::toString);
        assertEquals("dense-adjoint", lines.get(1).get("name").asText(), one::toString);
        assertEquals(8, lines.get(1).get("n").asInt(), one::toString);

        Cli machine = Cli.run("machine", "--stream-mib", "3", "--stream-reps", "1", "--batch-seconds", "0.002");
        assertEquals(Bench.OK, machine.exit(), machine::toString);
        assertEquals(1, machine.json().size(), machine::toString);
        assertFalse(machine.json().get(0).has("name"), machine::toString);
    }
}
