package org.overparam.refine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.overparam.aggregate.AggregateJob;
import org.overparam.aggregate.Boundary;
import org.overparam.aggregate.Cell;
import org.overparam.cli.BadInputException;
import org.overparam.io.Storage;
import org.overparam.spec.SpecError;
import org.overparam.spec.Slices;
import org.overparam.spec.SpecLoader;
import org.overparam.spec.SweepSpec;
import org.overparam.sweep.CommitLog;
import org.overparam.sweep.CommittedRows;
import org.overparam.sweep.SparkSessions;
import org.overparam.sweep.SweepJob;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

/**
 * {@code overparam refine DIR}: a sequential design on a finished sweep. Round after round it reads the rows, asks
 * {@link Plan} which cells along the axis need replicates and which values go between two grid values, and runs
 * them in DIR as refinements of the experiment's spec ({@link Slices}: the same points, seeds and engine, recorded in
 * the commit log), until every row's boundary is resolved or the budget is spent. A rerun after a crash starts from
 * the rows committed; a rerun when all is resolved adds nothing.
 */
public final class RefineJob {

    /**
     * What to refine and how.
     *
     * @param dir           the sweep directory: a local path or a Hadoop file system URI
     * @param master        Spark master URL, or null for embedded local mode
     * @param rule          what "bad minima are rare" means
     * @param axis          the axis along which boundaries are sought
     * @param budget        the most runs this command adds; null for as many as the experiment's grid has
     * @param maxReplicates the most replicates any cell gets
     */
    public record Settings(String dir, String master, Boundary.Rule rule, String axis, Long budget,
                           int maxReplicates) {
        public Settings {
            if (budget != null && budget < 0) {
                throw new BadInputException("--budget must be >= 0, got " + budget);
            }
            if (maxReplicates < 1) {
                throw new BadInputException("--max-replicates must be >= 1, got " + maxReplicates);
            }
        }
    }

    /**
     * A row's final standing.
     *
     * @param label    the row's other axis values
     * @param cells    its cells with runs, in increasing value
     * @param standing where it stands
     */
    public record RowResult(String label, List<Plan.Cell> cells, Plan.Standing standing) {
    }

    /**
     * What a refinement did.
     *
     * @param sweep      the experiment's name
     * @param axis       the axis
     * @param rows       every row's standing
     * @param gridRuns   runs in the directory before this command
     * @param added      runs this command added
     * @param rounds     rounds run
     * @param budgetLeft whether budget was left at the end (false: spent before every row was resolved)
     * @param fullGrid   runs of the full grid at the same resolution and confidence: every value any row has, in
     *                   every row, with the most replicates any cell has
     */
    public record Result(String sweep, String axis, List<RowResult> rows, long gridRuns, long added, int rounds,
                         boolean budgetLeft, long fullGrid) {
    }

    private RefineJob() {
    }

    /** The experiment's spec recorded in the sweep directory {@code dir}. */
    private static SweepSpec experiment(Storage storage, String dir) {
        CommitLog log;
        try {
            log = CommitLog.read(storage);
        } catch (IOException e) {
            throw new BadInputException("sweep directory " + dir + " cannot be read: " + e.getMessage());
        }
        CommitLog.Run run = log.experiment().orElseThrow(() -> new BadInputException(dir + " records no spec (it"
                + " was written by an older version): rerun its sweep once with 'overparam sweep SPEC --out " + dir
                + "', then refine"));
        return SpecLoader.parse(run.normalizedSpec());
    }

    /** Refines; the directory, the axis and the experiment's spec are checked before Spark starts. */
    public static Result run(Settings s, PrintWriter out) {
        Storage storage = AggregateJob.sweepDirectory(s.dir());
        SweepSpec experiment = experiment(storage, s.dir());
        long budget = s.budget() != null ? s.budget() : experiment.count();
        List<Slices.Row> rows;
        try {
            rows = Slices.along(experiment, s.axis());
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--axis " + s.axis() + ": " + e.getMessage());
        }
        Plan.Settings plan = new Plan.Settings(s.rule(), experiment.replicates(), s.maxReplicates(),
                Resolution.of(rows.get(0).values(), rows.get(0).integer()));
        Candidates candidates = Candidates.recorded(storage, s.axis(), experiment.replicates());

        SparkSession spark = SparkSessions.get(s.master(), "overparam refine " + experiment.name());
        out.printf(Locale.ROOT, "refine %s along %s: P(bad) <= %s at %s confidence, budget %,d runs%n",
                experiment.name(), s.axis(), percent(s.rule().level()), percent(s.rule().confidence()), budget);
        long added = 0;
        long gridRuns = -1;
        int round = 0;
        List<List<Plan.Cell>> cells;
        Facts facts = new Facts();
        while (true) {
            facts.update(spark, storage);
            if (gridRuns < 0) {
                gridRuns = facts.size();
            }
            cells = new ArrayList<>();
            for (Slices.Row row : rows) {
                cells.add(cells(row, candidates, facts));
            }
            List<Plan.Addition> next = Plan.next(cells, plan, budget - added);
            if (next.isEmpty()) {
                break;
            }
            round++;
            long asked = next.stream().mapToLong(Plan.Addition::cost).sum();
            long newValues = next.stream().filter(a -> !candidates.values.contains(a.value())).count();
            out.printf(Locale.ROOT, "round %d: %,d runs in %d cell%s%s%n", round, asked, next.size(),
                    next.size() == 1 ? "" : "s", newValues == 0 ? "" : String.format(Locale.ROOT,
                            ", %d of them at a new %s", newValues, s.axis()));
            out.flush();
            added += runAdditions(next, rows, s, experiment);
            next.forEach(candidates::add);
        }
        List<RowResult> results = new ArrayList<>();
        for (int j = 0; j < rows.size(); j++) {
            results.add(new RowResult(rows.get(j).label(), cells.get(j), Plan.standing(cells.get(j), plan)));
        }
        long maxExtent = cells.stream().flatMap(List::stream).mapToLong(Plan.Cell::extent).max().orElse(0);
        long fullGrid = (long) rows.size() * candidates.values.size() * maxExtent;
        boolean unresolved = results.stream().anyMatch(r -> !r.standing().resolved());
        return new Result(experiment.name(), s.axis(), results, gridRuns, added, round,
                !(unresolved && added >= budget), fullGrid);
    }

    /**
     * Runs a round's additions: the rows that ask for the same values and replicates together, in as few specs as
     * {@link Slices#together} makes of them; the runs added.
     */
    private static long runAdditions(List<Plan.Addition> next, List<Slices.Row> rows, Settings s,
                                     SweepSpec experiment) {
        Map<Request, List<Slices.Row>> requests = new LinkedHashMap<>();
        for (Plan.Addition a : next) { // at most one per row
            requests.computeIfAbsent(new Request(a.value(), a.replicates()), k -> new ArrayList<>())
                    .add(rows.get(a.row()));
        }
        PrintWriter quiet = new PrintWriter(Writer.nullWriter());
        long added = 0;
        for (Map.Entry<Request, List<Slices.Row>> r : requests.entrySet()) {
            for (SweepSpec spec : Slices.together(r.getValue(), new double[] {r.getKey().value()},
                    r.getKey().replicates())) {
                added += SweepJob.run(spec, spec.normalized(),
                        new SweepJob.Options(s.dir(), s.master(), 0, false, experiment), quiet).computed();
            }
        }
        return added;
    }

    /** What rows of a round may share a spec for: one axis value at one replicate count. */
    private record Request(double value, int replicates) {
    }

    /** A row's cells at every candidate value, counted over the candidate replicates from the rows. */
    private static List<Plan.Cell> cells(Slices.Row row, Candidates candidates, Facts facts) {
        List<Plan.Cell> cells = new ArrayList<>();
        for (double v : candidates.values) {
            SweepSpec spec;
            try {
                spec = row.with(new double[] {v}, candidates.replicates);
            } catch (SpecError e) {
                continue; // a value another row has that this one cannot take
            }
            long runs = 0;
            long last = -1;
            long bad = 0;
            long unclassified = 0;
            long unreachable = 0;
            for (int i = 0; i < spec.count(); i++) {
                Fact f = facts.get(spec.point(i).pointId());
                if (f != null) {
                    runs++;
                    last = i;
                    bad += f.bad() ? 1 : 0;
                    unclassified += f.unclassified() ? 1 : 0;
                    unreachable += f.reachable() ? 0 : 1;
                }
            }
            if (runs > 0) {
                cells.add(new Plan.Cell(v, runs, last + 1, bad, unclassified, unreachable < runs));
            }
        }
        return cells;
    }

    /** What a row says about the landscape. */
    private record Fact(boolean bad, boolean unclassified, boolean reachable) {
    }

    /**
     * Every committed row's point id and verdict, read once: each round reads only the files committed since the
     * last (a file is known by its path below its base, which stays the same when a wave's files move into rows/).
     */
    private static final class Facts {
        private final Map<String, Fact> byPoint = new HashMap<>();
        private final Set<String> read = new HashSet<>();

        Fact get(String pointId) {
            return byPoint.get(pointId);
        }

        int size() {
            return byPoint.size();
        }

        void update(SparkSession spark, Storage storage) {
            Map<String, List<String>> unread = new LinkedHashMap<>();
            try {
                CommittedRows.files(storage).forEach((base, files) -> files.stream()
                        .filter(f -> read.add(f.substring(base.length())))
                        .forEach(f -> unread.computeIfAbsent(base, b -> new ArrayList<>()).add(f)));
            } catch (IOException e) {
                throw new BadInputException("cannot read the rows in " + storage.uri("rows") + ": " + e.getMessage());
            }
            if (unread.isEmpty()) {
                return;
            }
            Dataset<Row> rows = CommittedRows.read(AggregateJob.session(spark), unread).orElseThrow();
            boolean hasReachable = List.of(rows.columns()).contains("reference_reachable");
            for (Row r : rows.select(col("point_id"), col("bad_local_min"), col("outcome"),
                    hasReachable ? col("reference_reachable") : lit(true)).collectAsList()) {
                String outcome = r.getString(2);
                boolean unclassified = Cell.UNCLASSIFIED.stream().anyMatch(o -> o.name().equals(outcome));
                byPoint.put(r.getString(0), new Fact(!r.isNullAt(1) && r.getBoolean(1), unclassified,
                        r.isNullAt(3) || r.getBoolean(3)));
            }
        }
    }

    /**
     * Where a row's cells may have rows: every value of the axis and the most replicates that the experiment or any
     * refinement ran; grown by each round's additions.
     */
    private static final class Candidates {
        private final TreeSet<Double> values = new TreeSet<>();
        private int replicates;

        /** The values and replicates of every spec the log recorded (the experiment's, and refinements'). */
        static Candidates recorded(Storage storage, String axis, int replicates) {
            Candidates c = new Candidates();
            c.replicates = replicates;
            try {
                for (CommitLog.Run run : CommitLog.read(storage).runs()) {
                    try {
                        SweepSpec spec = SpecLoader.parse(run.normalizedSpec());
                        for (double v : Slices.values(spec, axis)) {
                            c.values.add(v);
                        }
                        c.replicates = Math.max(c.replicates, spec.replicates());
                    } catch (SpecError | IllegalArgumentException e) {
                        // a spec of an older version, or without this axis: its rows are no cells of this refinement
                    }
                }
            } catch (IOException e) {
                throw new BadInputException("sweep directory " + storage.uri() + " cannot be read: "
                        + e.getMessage());
            }
            return c;
        }

        void add(Plan.Addition a) {
            values.add(a.value());
            replicates = Math.max(replicates, a.replicates());
        }
    }

    private static String percent(double p) {
        return BigDecimal.valueOf(p).movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }
}
