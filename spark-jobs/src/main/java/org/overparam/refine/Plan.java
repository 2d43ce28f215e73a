package org.overparam.refine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.overparam.aggregate.Boundary;
import org.overparam.aggregate.Boundary.Rule;
import org.overparam.aggregate.Boundary.Verdict;

/**
 * One round of {@code refine}: from the runs each row has, which cells need more replicates and which new axis
 * values go between two grid values. Pure arithmetic on counts, so the rounds are tested without Spark.
 *
 * <p>Along each row the boundary is the smallest axis value from which every reachable cell is safe
 * ({@link Boundary}). Only the cells that can move it get runs:
 * <ul>
 *   <li>the <em>blocking</em> cell (the largest value whose cell is not safe) when it is open: its interval straddles
 *       the threshold, so it gets replicates until it is safe (the boundary moves down past it) or unsafe (the
 *       boundary is found between it and the next value); cells below it cannot move the boundary while it is not
 *       safe, and cells above it are safe already;</li>
 *   <li>when the blocking cell is unsafe, or open with the most replicates allowed (its P(bad) too close to the
 *       threshold to ever decide), and the next value above it is more than one step of the resolution away, the
 *       value halfway between them (the bisection), with the experiment's replicates: the boundary is narrowed
 *       down to the blocking value even where that value stays undecided.</li>
 * </ul>
 * A row is done when its blocking cell is unsafe next to a safe value at the resolution, when every cell is safe,
 * when its top cell is unsafe (no boundary inside the range), or when its blocking cell has the most replicates
 * allowed and the next value above it is at the resolution. The replicate counts grow by the count the current estimate needs to decide the cell
 * ({@link #replicatesToDecide}), between 1.5× and 4× per round.
 */
public final class Plan {

    /** The least and most a cell's replicates grow by in one round. */
    static final double MIN_GROWTH = 1.5;
    static final double MAX_GROWTH = 4;
    /** Margin over the count the current estimate needs, so that a cell decides in one round as a rule. */
    static final double MARGIN = 1.25;

    /**
     * The runs of one cell of a row.
     *
     * @param value        the axis value
     * @param runs         its rows (0: the cell has none yet)
     * @param extent       the replicates asked of it so far: its rows are among replicates 0 … extent − 1
     * @param bad          rows at a bad local minimum
     * @param unclassified rows without a verdict on the landscape (not converged, diverged, failed)
     * @param reachable    whether its runs can reach the reference at all
     */
    public record Cell(double value, long runs, long extent, long bad, long unclassified, boolean reachable) {

        /** How the cell stands under {@code rule}; null when it has no runs. */
        public Verdict verdict(Rule rule) {
            return runs == 0 ? null : rule.verdict(runs, bad, unclassified, reachable);
        }
    }

    /**
     * What a round asks for: replicates 0 … {@code replicates} − 1 of the cell at {@code value} in row {@code row}.
     *
     * @param cost the runs this adds (the replicates the cell lacks)
     */
    public record Addition(int row, double value, int replicates, long cost) {
    }

    /**
     * Where a row stands.
     *
     * @param boundary the index of the boundary cell in the row's cells (−1: none in the range)
     * @param blocking the index of the blocking cell (−1: none)
     * @param decided  whether the data decide the boundary cell (its blocking cell is unsafe, or there is none)
     * @param resolved whether, in addition, the boundary is known to the resolution (the blocking value is the next
     *                 value below the boundary at the resolution), or the row has no boundary inside the range
     */
    public record Standing(int boundary, int blocking, boolean decided, boolean resolved) {
    }

    /**
     * The settings of a refinement.
     *
     * @param rule          what "bad minima are rare" means
     * @param replicates    the replicates a new axis value starts with (the experiment's)
     * @param maxReplicates the most replicates a cell gets
     * @param resolution    the axis
     */
    public record Settings(Rule rule, int replicates, int maxReplicates, Resolution resolution) {
    }

    private Plan() {
    }

    /** Where a row of cells (in increasing value) stands under {@code settings}. */
    public static Standing standing(List<Cell> row, Settings settings) {
        Verdict[] verdicts = row.stream().map(c -> c.verdict(settings.rule())).toArray(Verdict[]::new);
        Boundary.Row b = Boundary.row(verdicts);
        boolean resolved;
        if (b.first() < 0) {
            resolved = b.below() == verdicts.length - 1 && verdicts[b.below()] == Verdict.UNSAFE;
        } else {
            resolved = b.decided() && (b.below() < 0
                    || settings.resolution().between(row.get(b.below()).value(), row.get(b.first()).value()).isEmpty());
        }
        return new Standing(b.first(), b.below(), b.decided() || (b.first() < 0 && resolved), resolved);
    }

    /**
     * The additions of the next round for {@code rows} (each in increasing value, cells without runs left out),
     * within {@code budget} runs: every row's request, cheapest first, the last one cut to what is left.
     */
    public static List<Addition> next(List<List<Cell>> rows, Settings settings, long budget) {
        List<Addition> wanted = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            int j = r;
            List<Cell> row = rows.get(j);
            Standing s = standing(row, settings);
            if (s.resolved() || s.blocking() < 0) {
                continue;
            }
            Cell blocking = row.get(s.blocking());
            if (blocking.verdict(settings.rule()) == Verdict.OPEN && blocking.extent() < settings.maxReplicates()) {
                int target = (int) Math.min(settings.maxReplicates(), grow(blocking, settings.rule()));
                wanted.add(new Addition(j, blocking.value(), target, target - blocking.runs()));
            } else if (s.blocking() + 1 < row.size()) { // unsafe (or open for good), and a safe value above it
                double lo = blocking.value();
                double hi = row.get(s.blocking() + 1).value();
                settings.resolution().between(lo, hi).ifPresent(mid -> wanted.add(
                        new Addition(j, mid, settings.replicates(), settings.replicates())));
            }
        }
        wanted.sort(Comparator.comparingLong(Addition::cost).thenComparingInt(Addition::row));
        List<Addition> granted = new ArrayList<>();
        long left = budget;
        for (Addition a : wanted) {
            if (left <= 0) {
                break;
            }
            if (a.cost() <= left) {
                granted.add(a);
                left -= a.cost();
            } else {
                granted.add(new Addition(a.row(), a.value(), (int) (a.replicates() - (a.cost() - left)), left));
                left = 0;
            }
        }
        granted.sort(Comparator.comparingInt(Addition::row).thenComparingDouble(Addition::value));
        return granted;
    }

    /** The replicates an open cell asks for next: what its estimate needs, with a margin, within the growth limits. */
    static long grow(Cell c, Rule rule) {
        long least = (long) Math.ceil(MIN_GROWTH * c.extent());
        long most = (long) Math.ceil(MAX_GROWTH * c.extent());
        long needed = replicatesToDecide(c, rule, most);
        long target = needed > most ? most : (long) Math.ceil(MARGIN * needed);
        return Math.max(least, Math.min(most, target));
    }

    /**
     * The fewest runs at which the cell's current proportions would decide it (safe when its bad-or-unclassified
     * share is below the threshold, unsafe when its bad share is above), searched up to {@code limit}; more than
     * {@code limit} when they would not by then (a share right at the threshold never decides).
     */
    static long replicatesToDecide(Cell c, Rule rule, long limit) {
        double safeShare = (double) (c.bad() + c.unclassified()) / c.runs();
        double badShare = (double) c.bad() / c.runs();
        for (long n = c.runs() + 1; n <= limit; n++) {
            if (safeShare < rule.level() && rule.interval(Math.round(safeShare * n), n).hi() <= rule.level()) {
                return n;
            }
            if (badShare > rule.level() && rule.interval(Math.round(badShare * n), n).lo() > rule.level()) {
                return n;
            }
        }
        return limit + 1;
    }
}
