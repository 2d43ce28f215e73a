package org.overparam.aggregate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The phase boundary of a P(bad) map, as data: for each y value (n) of a panel, the smallest x value (R) from which
 * every reachable cell is <em>safe</em>, and whether the data decide it.
 *
 * <p>A cell is judged by its runs under a {@link Rule} (by default 95% Wilson intervals and a tolerated
 * probability of {@link #LEVEL}):
 * <ul>
 *   <li><b>unreachable</b>: its runs cannot reach the reference ({@link Cell#reachable()}); left out;</li>
 *   <li><b>safe</b>: the upper bound of P(bad) is at most the level even if every unclassified run (not converged,
 *       diverged, failed) were a bad minimum: (bad + unclassified) / runs;</li>
 *   <li><b>unsafe</b>: the lower bound of bad / runs is above the level;</li>
 *   <li><b>open</b>: neither (too few runs, or an interval that straddles the level).</li>
 * </ul>
 * The boundary of a row is the smallest x from which every reachable cell is safe (cells the design does not have,
 * such as R tied to r, are left out); it is <em>decided</em> when the reachable cell just below it is unsafe, or when
 * there is none below it, and undecided when that cell is open. A row whose largest x is not safe has no boundary in
 * the grid.
 */
public final class Boundary {

    /** The tolerated probability of a bad local minimum. */
    public static final double LEVEL = 0.05;

    /** How a cell stands against the level. */
    public enum Verdict { UNREACHABLE, SAFE, UNSAFE, OPEN }

    /**
     * What "bad minima are rare" means: P(bad) at most {@code level}, judged by two-sided Wilson intervals at
     * {@code confidence}.
     */
    public record Rule(double level, double confidence) {

        /** 5% at 95%: what {@code aggregate} draws and writes. */
        public static final Rule DEFAULT = new Rule(LEVEL, 0.95);

        public Rule {
            if (!(level > 0 && level < 1)) {
                throw new IllegalArgumentException("the threshold must be in (0, 1), got " + level);
            }
            if (!(confidence >= 0.5 && confidence < 1)) {
                throw new IllegalArgumentException("the confidence must be in [0.5, 1), got " + confidence);
            }
        }

        /** The normal quantile of the two-sided interval: Φ⁻¹(1 − (1 − confidence)/2), 1.96 at 95%. */
        public double z() {
            return confidence == 0.95 ? WilsonInterval.Z95
                    : new NormalDistribution().inverseCumulativeProbability(1 - (1 - confidence) / 2);
        }

        /** The interval of k bad runs among n under this rule. */
        public WilsonInterval interval(long k, long n) {
            return WilsonInterval.of(k, n, z());
        }

        /**
         * How a cell of {@code runs} runs, {@code bad} of them at a bad minimum and {@code unclassified} without a
         * verdict, stands against the level; see the class comment.
         */
        public Verdict verdict(long runs, long bad, long unclassified, boolean reachable) {
            if (!reachable) {
                return Verdict.UNREACHABLE;
            }
            if (interval(bad + unclassified, runs).hi() <= level) {
                return Verdict.SAFE;
            }
            return interval(bad, runs).lo() > level ? Verdict.UNSAFE : Verdict.OPEN;
        }

        public Verdict verdict(Cell c) {
            return verdict(c.runs(), c.bad(), c.unclassified(), c.reachable());
        }

        /** The smallest run count at which a cell without a bad or unclassified run is safe (73 at 5%, 95%). */
        public long runsToCertify() {
            return WilsonInterval.runsToCertify(level, z());
        }
    }

    /**
     * One row of a panel: the boundary cell's x index (−1: none in the grid), whether it is decided, and the x index
     * of the cell that stops it from reaching lower: the largest x whose reachable cell is not safe (−1: none).
     */
    public record Row(int first, boolean decided, int below) {
    }

    private Boundary() {
    }

    /** How {@code c} stands against the default rule. */
    public static Verdict verdict(Cell c) {
        return Rule.DEFAULT.verdict(c);
    }

    /** The boundary of each row j of the panel, under the default rule. */
    public static Row[] rows(Panel panel) {
        return rows(panel, Rule.DEFAULT);
    }

    /** The boundary of each row j of the panel under {@code rule}. */
    public static Row[] rows(Panel panel, Rule rule) {
        Row[] rows = new Row[panel.yScale().size()];
        Verdict[] verdicts = new Verdict[panel.xScale().size()];
        for (int j = 0; j < rows.length; j++) {
            for (int i = 0; i < verdicts.length; i++) {
                Cell c = panel.at(i, j);
                verdicts[i] = c == null ? null : rule.verdict(c);
            }
            rows[j] = row(verdicts);
        }
        return rows;
    }

    /**
     * The boundary of one row from its cells' verdicts in increasing x, null where the design has no cell (R tied to
     * r, say: no evidence either way).
     */
    public static Row row(Verdict[] verdicts) {
        int first = -1;
        int below = -1;
        Verdict belowVerdict = null;
        for (int i = verdicts.length - 1; i >= 0; i--) {
            Verdict v = verdicts[i];
            if (v == Verdict.SAFE) {
                first = i;
            } else if (v != null && v != Verdict.UNREACHABLE) {
                below = i;
                belowVerdict = v;
                break;
            }
        }
        return new Row(first, first >= 0 && (below < 0 || belowVerdict == Verdict.UNSAFE), below);
    }

    /** Per row j, the x index of the boundary cell, or −1 when the row has none in the grid. */
    public static int[] firstSafe(Panel panel) {
        return Arrays.stream(rows(panel)).mapToInt(Row::first).toArray();
    }

    /** Runs a cell without any bad run needs before its upper bound reaches LEVEL (73 at 5%). */
    public static long runsNeeded() {
        return Rule.DEFAULT.runsToCertify();
    }

    /**
     * Writes {@code boundary.csv}: one row per panel and y value — the panel's other axes, y, {@code boundary_<x>}
     * (empty when the row has none in the grid), {@code decided}, the boundary cell's runs, bad and unclassified
     * runs and upper bound, the blocking cell (the largest x not safe: just below the boundary, or the top of the
     * row when it has none) with its verdict and lower bound, and the runs of the row's cells.
     */
    public static void writeCsv(List<Panel> panels, Rule rule, Path file) {
        if (panels.isEmpty()) {
            return;
        }
        Panel head = panels.get(0);
        List<String> columns = new ArrayList<>(head.fixed().keySet());
        columns.add(head.y());
        columns.addAll(List.of("boundary_" + head.x(), "decided", "runs", "bad", "unclassified", "p_bad_hi",
                "blocking_" + head.x(), "blocking_verdict", "blocking_p_bad_lo", "row_runs", "level", "confidence"));
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(String.join(",", columns) + "\r\n");
            for (Panel p : panels) {
                Row[] rows = rows(p, rule);
                for (int j = 0; j < rows.length; j++) {
                    List<Object> out = new ArrayList<>();
                    for (Map.Entry<String, Object> e : p.fixed().entrySet()) {
                        out.add(e.getValue());
                    }
                    out.add(p.yScale().values().get(j));
                    Row r = rows[j];
                    Cell at = r.first() < 0 ? null : p.at(r.first(), j);
                    Cell below = r.below() < 0 ? null : p.at(r.below(), j);
                    out.add(at == null ? null : p.xScale().values().get(r.first()));
                    out.add(r.decided());
                    out.add(at == null ? null : at.runs());
                    out.add(at == null ? null : at.bad());
                    out.add(at == null ? null : at.unclassified());
                    out.add(at == null ? null : rule.interval(at.bad() + at.unclassified(), at.runs()).hi());
                    out.add(r.below() < 0 ? null : p.xScale().values().get(r.below()));
                    out.add(below == null ? null : rule.verdict(below).name().toLowerCase(Locale.ROOT));
                    out.add(below == null ? null : rule.interval(below.bad(), below.runs()).lo());
                    long rowRuns = 0;
                    for (int i = 0; i < p.xScale().size(); i++) {
                        Cell c = p.at(i, j);
                        rowRuns += c == null ? 0 : c.runs();
                    }
                    out.add(rowRuns);
                    out.add(rule.level());
                    out.add(rule.confidence());
                    w.write(String.join(",", out.stream().map(CellTable::csvField).toList()) + "\r\n");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
