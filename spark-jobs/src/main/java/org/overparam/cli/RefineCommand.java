package org.overparam.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.overparam.aggregate.Boundary;
import org.overparam.refine.Plan;
import org.overparam.refine.RefineJob;
import org.overparam.spec.Numbers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code overparam refine DIR}: find the boundary of a finished sweep adaptively, in the same directory. */
@Command(name = "refine", mixinStandardHelpOptions = true,
        description = "Find each row's phase boundary adaptively: add replicates to the cells whose interval"
                + " straddles the threshold, and axis values between two grid values where the verdict flips,"
                + " until every boundary is resolved or the budget is spent. New runs go into DIR as refinements"
                + " of its spec; rerunning resumes.")
final class RefineCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR", description = "a sweep directory written by 'overparam sweep'")
    private String dir;

    @Option(names = "--threshold", defaultValue = "0.05", paramLabel = "P",
            description = "bad minima are rare when P(bad) <= P (default: ${DEFAULT-VALUE})")
    private double threshold;

    @Option(names = "--confidence", defaultValue = "0.95", paramLabel = "LEVEL",
            description = "confidence of the Wilson intervals that judge it (default: ${DEFAULT-VALUE})")
    private double confidence;

    @Option(names = "--axis", defaultValue = "R", paramLabel = "AXIS",
            description = "the grid axis along which boundaries are sought (default: ${DEFAULT-VALUE})")
    private String axis;

    @Option(names = "--budget", paramLabel = "RUNS",
            description = "the most runs this command adds (default: as many as the sweep's grid has)")
    private Long budget;

    @Option(names = "--max-replicates", defaultValue = "2000", paramLabel = "N",
            description = "the most replicates any cell gets (default: ${DEFAULT-VALUE})")
    private int maxReplicates;

    @Mixin
    private SparkOptions sparkOptions;

    @Spec
    private CommandSpec command;

    @Override
    public Integer call() {
        sparkOptions.apply();
        Boundary.Rule rule;
        try {
            rule = new Boundary.Rule(threshold, confidence);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--threshold/--confidence: " + e.getMessage());
        }
        RefineJob.Result result = RefineJob.run(new RefineJob.Settings(dir, sparkOptions.master(), rule, axis, budget,
                maxReplicates), command.commandLine().getOut());
        print(result, rule, command.commandLine().getOut());
        return Overparam.OK;
    }

    /** The boundary table with its intervals, and the runs it took against a full grid. */
    static void print(RefineJob.Result r, Boundary.Rule rule, PrintWriter w) {
        String x = r.axis();
        w.printf(Locale.ROOT, "boundary %s* of %s: the smallest %s from which every cell has P(bad) <= %s at %s"
                        + " confidence (unclassified runs counted as bad)%n", x, r.sweep(), x, number(rule.level()),
                number(rule.confidence()));
        List<String[]> table = new ArrayList<>();
        table.add(new String[] {"row", x + "*", "within", "decided", "runs", "bad", "p_bad_hi", "blocking " + x,
                "verdict", "p_bad_lo", "row runs"});
        for (RefineJob.RowResult row : r.rows()) {
            Plan.Standing s = row.standing();
            List<Plan.Cell> cells = row.cells();
            Plan.Cell at = s.boundary() < 0 ? null : cells.get(s.boundary());
            Plan.Cell blocking = s.blocking() < 0 ? null : cells.get(s.blocking());
            String within = at == null ? (cells.isEmpty() ? "" : "> " + number(cells.get(cells.size() - 1).value()))
                    : blocking == null ? "<= " + number(at.value())
                    : "(" + number(blocking.value()) + ", " + number(at.value()) + "]";
            table.add(new String[] {
                row.label(),
                at == null ? "none" : number(at.value()),
                within,
                s.resolved() ? "yes" : s.decided() ? "coarse" : "no",
                at == null ? "" : String.valueOf(at.runs()),
                at == null ? "" : String.valueOf(at.bad()),
                at == null ? "" : fixed(rule.interval(at.bad() + at.unclassified(), at.runs()).hi()),
                blocking == null ? "" : number(blocking.value()),
                blocking == null ? "" : blocking.verdict(rule).name().toLowerCase(Locale.ROOT),
                blocking == null ? "" : fixed(rule.interval(blocking.bad(), blocking.runs()).lo()),
                String.valueOf(cells.stream().mapToLong(Plan.Cell::runs).sum())});
        }
        int[] widths = new int[table.get(0).length];
        for (String[] line : table) {
            for (int i = 0; i < line.length; i++) {
                widths[i] = Math.max(widths[i], line[i].length());
            }
        }
        for (String[] line : table) {
            StringBuilder b = new StringBuilder(" ");
            for (int i = 0; i < line.length; i++) {
                b.append(' ').append(String.format(Locale.ROOT, "%-" + widths[i] + "s", line[i]));
            }
            w.println(b.toString().stripTrailing());
        }
        long total = r.gridRuns() + r.added();
        w.printf(Locale.ROOT, "runs     %,d before + %,d added in %d rounds = %,d; a full grid at this resolution and"
                        + " confidence has %,d (%.0f%% of it)%n", r.gridRuns(), r.added(), r.rounds(), total,
                r.fullGrid(), r.fullGrid() == 0 ? 0.0 : 100.0 * total / r.fullGrid());
        long unresolved = r.rows().stream().filter(row -> !row.standing().resolved()).count();
        if (unresolved > 0) {
            w.printf(Locale.ROOT, "note     %d of %d rows unresolved: %s%n", unresolved, r.rows().size(),
                    r.budgetLeft() ? "their blocking cells reached --max-replicates with P(bad) too close to the"
                            + " threshold" : "the budget is spent; rerun with a larger --budget to go on");
        }
        w.flush();
    }

    private static String number(double v) {
        return Numbers.format(v);
    }

    private static String fixed(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
