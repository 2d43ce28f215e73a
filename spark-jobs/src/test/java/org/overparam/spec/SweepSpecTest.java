package org.overparam.spec;

import org.junit.jupiter.api.Test;
import org.overparam.experiment.Family;
import org.overparam.experiment.Method;
import org.overparam.experiment.ExplicitCost;
import org.overparam.experiment.ExplicitMeasurements;
import org.overparam.experiment.OperatorKind;
import org.overparam.experiment.RunConfig;
import org.overparam.experiment.SolverConfig;
import org.overparam.experiment.StepRule;
import org.overparam.experiment.SymmetricSensingProblem;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Grid expansion: counts, ranges, derived and zipped axes, defaults, order, points, normalized form. */
class SweepSpecTest {

    /** The example spec of README, “Sweep spec”, with grad_tol and target set as well. */
    private static final String DESIGN = """
            name: sensing-phase
            seed: 20261122
            replicates: 50
            problem: {family: matrix-sensing, d: 20, r: 2, operator: gaussian, noise: 0.0, lambda: 0.0}
            solver:  {method: gd, step: armijo, max_iters: 20000, grad_tol: 1e-8, target: 1e-10}
            grid:
              R: [1, 2, 3, 4, 6, 8, 12, 20]
              alpha: [1e-3, 1e-1]
              n: {from: 40, to: 400, steps: 8, scale: log}
            """;

    private static SweepSpec spec(String yaml) {
        return SpecLoader.parse(yaml);
    }

    private static String small(String problem, String grid) {
        return "name: t\nseed: 5\nproblem: " + problem + "\ngrid:\n" + grid;
    }

    private static List<String> labels(SweepSpec s, String axis) {
        return s.grid().axis(axis).orElseThrow().labels();
    }

    @Test
    void countsOfTheDesignSketch() {
        SweepSpec s = spec(DESIGN);
        assertEquals(8 * 2 * 8 * 50, s.count());
        assertEquals(8 * 2 * 8, s.cellCount());
        assertEquals(8 * 50, s.instanceCount(), "one instance per (n, replicate): the paired design");
        assertEquals(s.count(), s.points().size());
        assertEquals("sensing-phase", s.name());
        assertEquals(20261122L, s.seed());
    }

    @Test
    void logRangeOfIntegersRoundsToNearest() {
        // 40·10^(i/7): 40, 55.6, 77.2, 107.3, 149.1, 207.2, 287.9, 400
        assertEquals(List.of("40", "56", "77", "107", "149", "207", "288", "400"), labels(spec(DESIGN), "n"));
    }

    @Test
    void linearRangeOfRealsIsCleanAndKeepsItsEnds() {
        SweepSpec s = spec(small("{family: matrix-sensing, d: 4, r: 1}",
                "  R: 1\n  n: 10\n  alpha: {from: 0.1, to: 0.5, steps: 5}\n"
                        + "  lambda: {from: 1e-4, to: 1e-1, steps: 4, scale: log}\n"));
        Axis alpha = s.grid().axis("alpha").orElseThrow();
        assertArrayEquals(new double[] {0.1, 0.2, 0.3, 0.4, 0.5},
                IntStream.range(0, alpha.size()).mapToDouble(alpha::value).toArray());
        assertEquals(List.of("1e-4", "0.001", "0.01", "0.1"), labels(s, "lambda"));
        assertEquals(new Range(0.1, 0.5, 5, Range.Scale.LINEAR), alpha.range().orElseThrow());
    }

    @Test
    void integerLinearRangeAndOneValueAxes() {
        SweepSpec s = spec(small("{family: matrix-sensing, d: 4, r: 1}",
                "  R: {from: 1, to: 4, steps: 4}\n  alpha: 0.5\n  n: {from: 10, to: 20, steps: 3}\n"));
        assertEquals(List.of("1", "2", "3", "4"), labels(s, "R"));
        assertEquals(List.of("10", "15", "20"), labels(s, "n"));
        assertEquals(12, s.count());
        assertTrue(s.points().stream().allMatch(p -> p.alpha() == 0.5));
    }

    @Test
    void derivedAxisMultipliesScalesAndRounds() {
        SweepSpec s = spec(small("{family: matrix-sensing, d: 5, r: 2}",
                "  R: 1\n  alpha: 0.1\n  c: [1.5, 2, 4]\nderived:\n  n: {product: [c, d, r], scale: 1.1, round: up}\n"));
        // n = ceil(1.1·c·10) = 17 (16.5), 22, 44
        assertEquals(List.of(17, 22, 44), s.points().stream().map(p -> p.problem().n()).toList());
        assertEquals("n = round_up(1.1 · c · d · r)", s.grid().derived().get(0).toString());
        assertTrue(s.grid().axis("c").orElseThrow().param().isEmpty(), "c is a helper axis");
    }

    @Test
    void derivedFromDerivedIsEvaluatedInDependencyOrder() {
        SweepSpec s = spec(small("{family: matrix-sensing, d: 6, r: 1}",
                "  R: [1, 2]\n  k: [2, 3]\nderived:\n  n: {product: [m, d]}\n  m: {product: [k, R]}\n"
                        + "  alpha: {product: [R], scale: 0.01}\n"));
        assertEquals(List.of("m", "n", "alpha"), s.grid().derived().stream().map(Derived::name).toList());
        for (RunConfig p : s.points()) {
            assertEquals(p.rank() * 0.01, p.alpha(), 1e-15);
        }
        // R and k both feed n, so both are instance axes; R comes first (R, alpha, n, problem keys, …, helpers).
        // n = k·R·6
        assertEquals(List.of(12, 18, 24, 36), s.points().stream().map(p -> p.problem().n()).toList());
    }

    @Test
    void zippedAxesAdvanceTogether() {
        SweepSpec s = spec(small("{family: matrix-sensing, d: 8, r: 1}",
                "  R: [1, 2, 4]\n  alpha: [0.1, 0.05, 0.025]\n  n: [20, 40]\nzip: [[alpha, R]]\n"));
        assertEquals(6, s.count());
        Set<String> pairs = s.points().stream().map(p -> p.rank() + "/" + p.alpha()).collect(Collectors.toSet());
        assertEquals(Set.of("1/0.1", "2/0.05", "4/0.025"), pairs);
        assertEquals(List.of(List.of("R", "alpha")), s.grid().zip());
    }

    @Test
    void defaultsComeFromTheCoreAndTheFamily() {
        SweepSpec s = spec(small("{family: quadratic-network, d: 6, r: 1}", "  R: 2\n  alpha: 0.1\n  n: 30\n"));
        RunConfig p = s.point(0);
        assertEquals(SolverConfig.DEFAULTS, p.solver());
        assertEquals(new SymmetricSensingProblem(Family.QUADRATIC_NETWORK, OperatorKind.RANK_ONE, 6, 1, 30, 1, 0, 0, 0,
                null), p.problem());
        assertEquals(1, s.replicates());
        assertEquals(OperatorKind.SYMMETRIC_GAUSSIAN, spec(small("{family: symmetric-sensing, d: 6, r: 1}",
                "  R: 2\n  alpha: 0.1\n  n: 30\n")).point(0).problem().operator());
        assertEquals(OperatorKind.GAUSSIAN, spec(small("{family: matrix-sensing, d: 6, r: 1}",
                "  R: 2\n  alpha: 0.1\n  n: 30\n")).point(0).problem().operator());
    }

    @Test
    void familyAndSolverKeysCanBeAxes() {
        SweepSpec s = spec(small("{d: 6, r: 1}", "  R: 2\n  alpha: 0.1\n  n: 30\n"
                + "  family: [matrix-sensing, symmetric-sensing]\n  method: [gd, perturbed-gd]\n"
                + "  step: fixed\n  step_size: [0.01, 0.1]\n"));
        assertEquals(8, s.count());
        assertEquals(2, s.instanceCount());
        Set<String> combos = new HashSet<>();
        for (RunConfig p : s.points()) {
            assertEquals(p.problem().family() == Family.MATRIX_SENSING ? OperatorKind.GAUSSIAN
                    : OperatorKind.SYMMETRIC_GAUSSIAN, p.problem().operator(), "operator follows each family");
            assertEquals(StepRule.FIXED, p.solver().step());
            combos.add(p.problem().family() + "/" + p.solver().method() + "/" + p.solver().stepSize());
        }
        assertEquals(8, combos.size());
        assertTrue(combos.contains(Family.SYMMETRIC_SENSING + "/" + Method.PERTURBED_GD + "/0.01"));
    }

    @Test
    void orderIsReplicateOuterThenInstanceAxesThenRunAxes() {
        SweepSpec s = spec(DESIGN);
        List<RunConfig> points = s.points();
        for (int i = 0; i < points.size(); i++) {
            assertEquals(i / s.cellCount(), points.get(i).replicate());
        }
        // Points sharing an instance are contiguous: the instance changes exactly instanceCount − 1 times.
        int changes = 0;
        for (int i = 1; i < points.size(); i++) {
            if (points.get(i).instanceSeed() != points.get(i - 1).instanceSeed()) {
                changes++;
            }
        }
        assertEquals(s.instanceCount() - 1, changes);
        assertEquals(List.of("n", "R", "alpha"), s.grid().axes().stream().map(Axis::name).toList());
        RunConfig first = points.get(0);
        RunConfig second = points.get(1);
        assertEquals(List.of(1, 0.001, 40), List.of(first.rank(), first.alpha(), first.problem().n()));
        assertEquals(List.of(1, 0.1, 40), List.of(second.rank(), second.alpha(), second.problem().n()));
    }

    @Test
    void expansionIsDeterministicAndIndependentOfKeyOrder() {
        String reordered = """
                grid:
                  n: {scale: log, steps: 8, to: 400, from: 40}
                  alpha: [1e-3, 1e-1]
                  R: [1, 2, 3, 4, 6, 8, 12, 20]
                solver:  {target: 1e-10, grad_tol: 1e-8, max_iters: 20000, step: armijo, method: gd}
                problem: {lambda: 0.0, noise: 0.0, operator: gaussian, r: 2, d: 20, family: matrix-sensing}
                replicates: 50
                seed: 20261122
                name: sensing-phase
                """;
        SweepSpec a = spec(DESIGN);
        SweepSpec b = spec(reordered);
        assertEquals(a.points(), spec(DESIGN).points());
        assertEquals(a.points(), b.points());
        assertEquals(a.normalized(), b.normalized());
        assertEquals(a.hash(), b.hash());
        assertTrue(a.hash().matches("[0-9a-f]{64}"));
    }

    @Test
    void hashIsOfTheNormalizedSpecNotItsSpelling() {
        String base = small("{family: matrix-sensing, d: 6, r: 1}", "  R: [1]\n  alpha: 0.1\n  n: [12, 24, 48]\n");
        String spelled = small("{family: matrix-sensing, d: 6, r: 1, condition: 1, noise: 0.0}",
                "  R: 1\n  alpha: 1e-1\n  n: {from: 12, to: 48, steps: 3, scale: log}\n");
        assertEquals(spec(base).hash(), spec(spelled).hash(), "defaults, ranges and one-value lists normalize");
        String other = small("{family: matrix-sensing, d: 6, r: 1}", "  R: [1]\n  alpha: 0.2\n  n: [12, 24, 48]\n");
        assertNotEquals(spec(base).hash(), spec(other).hash());
        String normalized = spec(base).normalized();
        assertTrue(normalized.startsWith("{\"derived\":{},\"grid\":{\"R\":[1],\"alpha\":[0.1],\"n\":[12,24,48]},"
                + "\"name\":\"t\",\"problem\":{\"condition\":1.0,\"d\":6,\"family\":\"matrix-sensing\""), normalized);
        assertTrue(normalized.contains("\"solver\":{\"curvature\":\"decisive\",\"divergence\":"), normalized);
    }

    @Test
    void pointIdsAreDistinctAndPointsAreRandomAccess() {
        SweepSpec s = spec(DESIGN);
        Set<String> ids = s.points().stream().map(RunConfig::pointId).collect(Collectors.toSet());
        assertEquals(s.count(), ids.size());
        assertEquals(s.point(4321), s.points().get(4321));
        assertThrows(IndexOutOfBoundsException.class, () -> s.point(s.count()));
        List<RunConfig> cells = new ArrayList<>();
        s.forEachCell(cells::add);
        assertEquals(s.points().subList(0, (int) s.cellCount()), cells);
    }

    @Test
    void pointLabelsRoundTrip() {
        SweepSpec s = spec(DESIGN);
        assertEquals("R=1,alpha=0.001,n=40,replicate=0", s.pointLabel(0));
        assertEquals(List.of("R", "alpha", "n", "replicate"), s.pointNames());
        for (long i : LongStream.range(0, s.count()).filter(i -> i % 97 == 0).toArray()) {
            assertEquals(s.point(i), s.point(s.pointLabel(i)));
        }
    }

    @Test
    void pointAcceptsOffGridValuesAndOptionalOneValueAxes() {
        SweepSpec s = spec(DESIGN);
        RunConfig p = s.point("R=5, alpha=1e-2, n=96, replicate=3");
        assertEquals(List.of(5, 0.01, 96, 3), List.of(p.rank(), p.alpha(), p.problem().n(), p.replicate()));
        SweepSpec derived = spec(small("{family: matrix-sensing, d: 5, r: 2}",
                "  R: [1, 2]\n  alpha: 0.1\n  c: [2, 3]\nderived:\n  n: {product: [c, d, r]}\n"));
        RunConfig q = derived.point("c=2.5,R=2,replicate=0,alpha=0.3");
        assertEquals(25, q.problem().n());
        assertEquals(0.3, q.alpha());
    }

    @Test
    void pointRefusesWhatIsNotAnAxisOrNotValid() {
        SweepSpec s = spec(small("{family: matrix-sensing, d: 5, r: 2}",
                "  R: [1, 2]\n  alpha: 0.1\n  c: [2, 3]\nderived:\n  n: {product: [c, d, r]}\n"));
        assertMessage(() -> s.point("R=1,c=2"), "point: missing replicate");
        assertMessage(() -> s.point("R=1,c=2,replicat=0"), "point.replicat: unknown axis; did you mean 'replicate'?");
        assertMessage(() -> s.point("R=1,c=2,replicate=0,n=20"), "point.n: n is derived (n = round_nearest(c · d · r))");
        assertMessage(() -> s.point("R=1,c=2,replicate=0,d=6"), "point.d: d is not an axis of this sweep");
        assertMessage(() -> s.point("R=0,c=2,replicate=0"), "point.R: value 0 is invalid: R must be >= 1");
        assertMessage(() -> s.point("R=1.5,c=2,replicate=0"), "point.R: value 1.5 is invalid: expected an integer");
        assertMessage(() -> s.point("R=1,c=x,replicate=0"), "point.c: value 'x' is invalid: expected a number");
        assertMessage(() -> s.point("R=1,c=2,replicate=-1"), "point.replicate: value -1 is invalid");
        assertMessage(() -> s.point("R=1,c=0.01,replicate=0"), "derived.n: value 0 is invalid: n must be >= 1");
        assertMessage(() -> s.point("R=1,R=2,c=2,replicate=0"), "point.R: R is given twice");
        assertMessage(() -> s.point(""), "point: expected name=value pairs");
        assertMessage(() -> s.point("R"), "point: value 'R' is invalid: expected name=value");
    }

    private static void assertMessage(org.junit.jupiter.api.function.Executable call, String fragment) {
        SpecError e = assertThrows(SpecError.class, call);
        assertTrue(e.getMessage().contains(fragment), () -> "expected '" + fragment + "' in: " + e.getMessage());
    }

    @Test
    void explicitInstanceTakesNAndOperatorFromItsMatrices() {
        SweepSpec s = spec("""
                name: two
                seed: 1
                problem:
                  family: symmetric-sensing
                  d: 2
                  r: 1
                  matrices: [[[1, 0], [0, 1]], [[1, 0], [0, -1]], [[0, 1], [1, 0]]]
                  truth: [[1, 0], [0, 0]]
                grid: {R: [1, 2], alpha: 1}
                """);
        RunConfig p = s.point(0);
        assertEquals(OperatorKind.EXPLICIT, p.problem().operator());
        assertEquals(3, p.problem().n());
        assertEquals(2, ((ExplicitMeasurements) p.problem().explicit()).dim());
        assertTrue(s.normalized().contains("\"matrices\":[[[1.0,0.0],[0.0,1.0]]"), s.normalized());
    }

    @Test
    void aMaxCutCostMakesTheOperatorExplicitAndNItsSide() {
        SweepSpec s = SpecLoader.parse("""
                name: c
                seed: 1
                problem:
                  family: maxcut-bm
                  cost: [[0, 1, 1], [1, 0, 1], [1, 1, 0]]
                grid: {R: [1, 2], alpha: 1}
                """);
        RunConfig p = s.point(0);
        assertEquals(OperatorKind.EXPLICIT, p.problem().operator());
        assertEquals(3, p.problem().n());
        assertEquals(0, p.problem().d());
        assertEquals(new ExplicitCost(new double[][] {{0, 1, 1}, {1, 0, 1}, {1, 1, 0}}), p.problem().explicit());
        assertTrue(s.normalized().contains("\"cost\":[[0.0,1.0,1.0]"), s.normalized());
    }

    @Test
    void examplesSpreadOverTheSweep() {
        SweepSpec s = spec(DESIGN);
        long[] examples = s.examples(5);
        assertEquals(5, examples.length);
        assertEquals(0, examples[0]);
        assertEquals(s.count() - 1, examples[4]);
        assertEquals(5, Arrays.stream(examples).distinct().count());
        assertEquals(5, Arrays.stream(examples).mapToObj(i -> s.point(i).rank()).distinct().count());
        assertArrayEquals(new long[] {0}, spec(small("{family: matrix-sensing, d: 6, r: 1}",
                "  R: 1\n  alpha: 0.1\n  n: 12\n")).examples(5));
    }

    @Test
    void fixedValuesAreListedWithDefaults() {
        SweepSpec s = spec(DESIGN);
        assertEquals("20", s.fixed().get("problem.d"));
        assertEquals("gaussian", s.fixed().get("problem.operator"));
        assertEquals("1e-10", s.fixed().get("solver.target"));
        assertEquals("armijo", s.fixed().get("solver.step"));
        assertTrue(!s.fixed().containsKey("grid.R"));
    }

    @Test
    void yamlAllowsExponentsWithoutDotAndIntegralFloatsForIntegers() {
        SweepSpec s = spec(small("{family: matrix-sensing, d: 6, r: 1}",
                "  R: 1\n  alpha: 1e-3\n  n: 1.2e1\n  max_iters: 1e3\n"));
        assertEquals(12, s.point(0).problem().n());
        assertEquals(1000, s.point(0).solver().maxIterations());
        assertEquals(0.001, s.point(0).alpha());
    }

    @Test
    void runOrderIsAPermutationAndIndexAtItsInverse() {
        for (String yaml : List.of(org.overparam.testing.TinySweep.SPEC, """
                name: groups
                seed: 1
                replicates: 3
                problem: {family: quadratic-network, d: 4, r: 1}
                grid:
                  R: [1, 2, 3]
                  alpha: [0.1, 0.2]
                  n: [6, 8, 10]
                """)) {
            SweepSpec spec = SpecLoader.parse(yaml);
            long[] seen = new long[Math.toIntExact(spec.count())];
            java.util.Arrays.fill(seen, -1);
            for (long i = 0; i < spec.count(); i++) {
                long order = spec.runOrder(i);
                assertEquals(-1, seen[(int) order], "two points at run-order position " + order);
                seen[(int) order] = i;
                assertEquals(i, spec.indexAt(order));
            }
            // consecutive positions of one instance group share an instance
            for (long k = 1; k < spec.count(); k++) {
                long a = spec.indexAt(k - 1);
                long b = spec.indexAt(k);
                if (spec.instanceOf(a) == spec.instanceOf(b)) {
                    assertEquals(spec.point(a).replicate(), spec.point(b).replicate());
                }
            }
        }
    }
}
