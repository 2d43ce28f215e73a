package org.overparam.refine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.overparam.aggregate.Boundary.Rule;
import org.overparam.aggregate.Boundary.Verdict;

/** The rounds of {@code refine}, from counts: which cells get replicates, where bisection goes, what the budget cuts. */
class PlanTest {

    private static final Rule RULE = Rule.DEFAULT;
    private static final Plan.Settings SETTINGS = new Plan.Settings(RULE, 20, 2000,
            Resolution.of(new double[] {1, 4, 8}, true));

    /** A cell whose rows are replicates 0 … runs − 1. */
    private static Plan.Cell cell(double r, long runs, long bad) {
        return new Plan.Cell(r, runs, runs, bad, 0, true);
    }

    private static final Plan.Cell UNSAFE_1 = cell(1, 20, 9);
    private static final Plan.Cell SAFE_8 = cell(8, 80, 0);

    @Test
    void verdictsOfTheFixtures() {
        assertEquals(Verdict.UNSAFE, UNSAFE_1.verdict(RULE));
        assertEquals(Verdict.SAFE, SAFE_8.verdict(RULE));
        assertEquals(Verdict.OPEN, cell(4, 20, 0).verdict(RULE));
    }

    @Test
    void anOpenBlockingCellGetsReplicatesAndNothingElseDoes() {
        List<Plan.Cell> row = List.of(cell(1, 20, 2), cell(2, 20, 1), cell(4, 20, 0), SAFE_8);
        Plan.Standing s = Plan.standing(row, SETTINGS);
        assertEquals(new Plan.Standing(3, 2, false, false), s);
        List<Plan.Addition> next = Plan.next(List.of(row), SETTINGS, 10_000);
        assertEquals(1, next.size(), "only R = 4 can move the boundary: " + next);
        Plan.Addition a = next.get(0);
        assertEquals(4, a.value());
        // 0/20: the estimate needs 73 runs to be safe; with the margin 92, within 1.5× … 4× of 20.
        assertEquals(80, a.replicates());
        assertEquals(60, a.cost());
    }

    @Test
    void anUnsafeCellBelowASafeOneIsBisectedDownToNeighbouringIntegers() {
        List<Plan.Cell> row = List.of(UNSAFE_1, cell(4, 80, 0), SAFE_8);
        Plan.Standing s = Plan.standing(row, SETTINGS);
        assertTrue(s.decided());
        assertFalse(s.resolved(), "R* is in (1, 4]: not yet to the resolution");
        assertEquals(List.of(new Plan.Addition(0, 2, 20, 20)), Plan.next(List.of(row), SETTINGS, 10_000));

        List<Plan.Cell> resolved = List.of(UNSAFE_1, cell(2, 80, 0), cell(4, 80, 0), SAFE_8);
        assertEquals(new Plan.Standing(1, 0, true, true), Plan.standing(resolved, SETTINGS));
        assertTrue(Plan.next(List.of(resolved), SETTINGS, 10_000).isEmpty());
    }

    @Test
    void rowsWithoutAnythingToLearnAreDone() {
        List<Plan.Cell> allSafe = List.of(cell(1, 80, 0), SAFE_8);
        assertEquals(new Plan.Standing(0, -1, true, true), Plan.standing(allSafe, SETTINGS));
        List<Plan.Cell> topUnsafe = List.of(UNSAFE_1, cell(8, 20, 10));
        assertEquals(new Plan.Standing(-1, 1, true, true), Plan.standing(topUnsafe, SETTINGS),
                "no boundary inside the range, and more runs cannot find one");
        List<Plan.Cell> capped = List.of(UNSAFE_1, cell(4, 2000, 100), cell(5, 80, 0), SAFE_8);
        assertEquals(Verdict.OPEN, capped.get(1).verdict(RULE), "5.0% of 2000: right at the threshold");
        assertTrue(Plan.next(List.of(allSafe, topUnsafe, capped), SETTINGS, 10_000).isEmpty(),
                "the open cell has the most replicates allowed, and R = 5 is next to it");
        assertFalse(Plan.standing(capped, SETTINGS).resolved());
    }

    @Test
    void aCellThatCannotDecideStillHasItsGapBisected() {
        List<Plan.Cell> capped = List.of(UNSAFE_1, cell(2, 2000, 100), SAFE_8);
        assertEquals(List.of(new Plan.Addition(0, 5, 20, 20)), Plan.next(List.of(capped), SETTINGS, 10_000),
                "R* is in (2, 8] whatever R = 2 turns out to be: R = 5 narrows it");
    }

    @Test
    void unreachableCellsAreLeftOutAndUnclassifiedRunsCountAgainstSafety() {
        Plan.Cell unreachable = new Plan.Cell(1, 20, 20, 10, 0, false);
        List<Plan.Cell> row = List.of(unreachable, cell(2, 80, 0), SAFE_8);
        assertEquals(new Plan.Standing(1, -1, true, true), Plan.standing(row, SETTINGS));
        Plan.Cell unclassified = new Plan.Cell(2, 80, 80, 0, 10, true);
        assertEquals(Verdict.OPEN, unclassified.verdict(RULE), "0 bad but 10 without a verdict among 80");
    }

    @Test
    void theBudgetGoesToTheCheapestRequestsFirstAndCutsTheLast() {
        List<Plan.Cell> cheap = List.of(UNSAFE_1, cell(4, 80, 0), SAFE_8); // a new R = 2: 20 runs
        List<Plan.Cell> dear = List.of(UNSAFE_1, cell(4, 40, 1), SAFE_8); // more replicates at R = 4
        List<Plan.Addition> all = Plan.next(List.of(dear, cheap), SETTINGS, 10_000);
        assertEquals(2, all.size());
        long dearCost = all.get(0).cost();
        assertTrue(dearCost > 20, "growing 1/40 costs more than a new value: " + all);

        List<Plan.Addition> cut = Plan.next(List.of(dear, cheap), SETTINGS, 30);
        assertEquals(List.of(new Plan.Addition(0, 4, 50, 10), new Plan.Addition(1, 2, 20, 20)), cut);
        assertTrue(Plan.next(List.of(dear, cheap), SETTINGS, 0).isEmpty());
    }

    @Test
    void replicatesToDecideIsTheFirstCountAtWhichTheEstimateDecides() {
        // 0 bad: the first n whose upper bound reaches 5% (73 at 95%, as WilsonInterval says).
        assertEquals(73, Plan.replicatesToDecide(cell(4, 20, 0), RULE, 1000));
        for (Plan.Cell c : List.of(cell(1, 10, 1), cell(1, 30, 3), cell(1, 40, 1))) {
            long n = Plan.replicatesToDecide(c, RULE, 100_000);
            assertTrue(decides(c, n) && !decides(c, n - 1), c + " decides first at " + n);
        }
        assertEquals(1001, Plan.replicatesToDecide(cell(1, 100, 5), RULE, 1000), "5% never decides");
    }

    /** Whether a cell with the proportions of {@code c} would be decided at n runs. */
    private static boolean decides(Plan.Cell c, long n) {
        long bad = Math.round((double) c.bad() / c.runs() * n);
        return RULE.interval(bad, n).hi() <= RULE.level() || RULE.interval(bad, n).lo() > RULE.level();
    }

    @Test
    void resolutionBisectsIntegersToNeighboursAndRealsTwoLevelsBelowTheGrid() {
        Resolution integer = Resolution.of(new double[] {1, 4, 8}, true);
        assertEquals(Optional.of(2.0), integer.between(1, 4));
        assertEquals(Optional.of(3.0), integer.between(2, 4));
        assertEquals(Optional.empty(), integer.between(3, 4));

        Resolution alpha = Resolution.of(new double[] {1e-3, 1e-2, 1e-1}, false);
        assertTrue(alpha.log());
        assertEquals(Optional.of(0.00316), alpha.between(1e-3, 1e-2));
        assertEquals(Optional.of(0.00562), alpha.between(0.00316, 1e-2));
        assertEquals(Optional.empty(), alpha.between(0.00562, 1e-2), "two levels below the grid's decade");

        Resolution linear = Resolution.of(new double[] {-1, 0, 1}, false);
        assertFalse(linear.log());
        assertEquals(Optional.of(0.5), linear.between(0, 1));
        assertEquals(Optional.of(0.75), linear.between(0.5, 1));
        assertEquals(Optional.empty(), linear.between(0.75, 1));
    }
}
