package org.overparam.aggregate;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.overparam.certify.Outcome;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.isnan;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

/**
 * The cell table: one row per combination of axis values, aggregated in Spark SQL from the run rows.
 *
 * <ul>
 *   <li>{@code runs}, and rows per outcome ({@code n_global}, {@code n_bad_local_min}, …, {@code n_failed});</li>
 *   <li>P(bad local minimum) (from {@code bad_local_min}), P(global) and P(recovered) (recovery error finite
 *       and below the threshold), each over the classified runs of the cell ({@code classified} = runs − FAILED
 *       runs: a run that threw has no verdict) with its 95% Wilson interval; null when nothing was classified.
 *       P(recovered) is null throughout when no row of the sweep has a finite recovery error (a family without
 *       a ground truth);</li>
 *   <li>the 10/50/90% quantiles of the objective gap relative to f0, (objective − reference)/f0, over the rows
 *       that neither diverged nor failed and whose gap is finite; of iterations and of wall time over the rows
 *       that neither diverged nor failed;</li>
 *   <li>{@code diverged_or_nonfinite}: the rows left out of the gap quantiles (outcome DIVERGED or FAILED, or a
 *       missing, NaN or infinite objective, reference or f0, or f0 = 0).</li>
 * </ul>
 *
 * Quantiles are exact ({@code percentile}: linear interpolation between order statistics) and computed on finite
 * values only, so no statistic is ever NaN: an empty finite set gives null.
 */
public final class CellTable {

    /**
     * Every outcome, in the order the table shows them: the verdicts first, then the failures, then any outcome
     * added later (it gets its count column without a change here).
     */
    public static final List<Outcome> OUTCOMES = outcomeOrder();

    /** Outcomes whose rows enter no quantile: they carry no finite evidence about the landscape. */
    public static final List<Outcome> UNFINISHED = List.of(Outcome.DIVERGED, Outcome.FAILED);

    /** The columns of the run rows the statistics read. */
    public static final List<String> INPUTS = List.of("outcome", "bad_local_min", "recovery_error", "objective",
            "reference", "f0", "iterations", "wall_ms");

    private static final String REACHABLE = "reference_reachable";
    private static final String GAP = "_gap";
    private static final String ITERATIONS = "_iterations";
    private static final String WALL = "_wall_ms";
    private static final String DYNAMICS = "_dynamics_";

    /** One statistic column: name, type, meaning, value; recovery columns are null when nothing was measured. */
    public record Stat(String name, DataType type, String meaning, Function<Cell, Object> value, boolean recovery) {
    }

    private static final List<Stat> STATS = buildStats();

    private final List<String> axes;
    private final List<DataType> axisTypes;
    private final List<Cell> cells;
    private final double recoveryThreshold;
    private final boolean measuresRecovery;

    private CellTable(List<String> axes, List<DataType> axisTypes, List<Cell> cells, double recoveryThreshold,
                      boolean measuresRecovery) {
        this.axes = List.copyOf(axes);
        this.axisTypes = List.copyOf(axisTypes);
        this.cells = List.copyOf(cells);
        this.recoveryThreshold = recoveryThreshold;
        this.measuresRecovery = measuresRecovery;
    }

    /**
     * Aggregates {@code rows} (the run rows of a sweep) by {@code axes}, cells sorted by the axis values
     * (ascending, nulls last).
     *
     * @param recoveryThreshold a run is recovered when its recovery error is below this (finite, &gt; 0)
     */
    public static CellTable aggregate(Dataset<Row> rows, List<String> axes, double recoveryThreshold) {
        if (!(recoveryThreshold > 0) || Double.isInfinite(recoveryThreshold)) {
            throw new IllegalArgumentException("recovery threshold must be finite and > 0, got "
                    + recoveryThreshold);
        }
        if (axes.isEmpty()) {
            throw new IllegalArgumentException("a cell table needs at least one axis");
        }
        StructType schema = rows.schema();
        List<DataType> types = axes.stream().map(a -> schema.apply(a).dataType()).toList();

        Column diverged = col("outcome").isin(UNFINISHED.stream().map(Outcome::name).toArray());
        Column gapDefined = not(diverged).and(finite(col("objective"))).and(finite(col("reference")))
                .and(finite(col("f0"))).and(col("f0").notEqual(0.0));
        // when() evaluates the division only where f0 ≠ 0 (ANSI mode would reject x / 0); the ratio can still
        // overflow, hence the second finiteness test.
        Column ratio = when(gapDefined, col("objective").minus(col("reference")).divide(col("f0")));

        List<Column> selected = new ArrayList<>();
        axes.forEach(a -> selected.add(col(a)));
        selected.add(col("outcome"));
        selected.add(col("bad_local_min"));
        // Rows of versions before reference_reachable was recorded: every run counted as able to reach it.
        selected.add((Arrays.asList(rows.columns()).contains(REACHABLE) ? col(REACHABLE) : lit(true)).as(REACHABLE));
        selected.add(col("recovery_error"));
        selected.add(when(finite(ratio), ratio).as(GAP));
        selected.add(when(not(diverged), col("iterations").cast(DataTypes.DoubleType)).as(ITERATIONS));
        selected.add(when(not(diverged), col("wall_ms").cast(DataTypes.DoubleType)).as(WALL));
        List<String> columns = Arrays.asList(rows.columns());
        for (String d : Dynamics.COLUMNS) {
            Column value = (columns.contains(d) ? col(d) : lit(null)).cast(DataTypes.DoubleType);
            selected.add(when(not(diverged).and(finite(value)), value).as(DYNAMICS + d));
        }
        Dataset<Row> prepared = rows.select(selected.toArray(Column[]::new));

        List<Column> aggregates = new ArrayList<>();
        aggregates.add(count(lit(1)).as("runs"));
        for (Outcome o : OUTCOMES) {
            aggregates.add(countWhere(col("outcome").equalTo(o.name())).as(outcomeColumn(o)));
        }
        aggregates.add(countWhere(col("bad_local_min")).as("bad"));
        aggregates.add(countWhere(col(REACHABLE).equalTo(false)).as("unreachable"));
        Column recovery = col("recovery_error");
        aggregates.add(countWhere(finite(recovery).and(recovery.lt(recoveryThreshold))).as("recovered"));
        aggregates.add(countWhere(finite(recovery)).as("recovery_measured"));
        aggregates.add(countWhere(col(GAP).isNull()).as("excluded"));
        aggregates.add(quantiles(GAP).as("gap_q"));
        aggregates.add(quantiles(ITERATIONS).as("iterations_q"));
        aggregates.add(quantiles(WALL).as("wall_q"));
        for (String d : Dynamics.COLUMNS) {
            aggregates.add(quantiles(DYNAMICS + d).as(DYNAMICS + d + "_q"));
        }

        Column[] keys = axes.stream().map(a -> col(a)).toArray(Column[]::new);
        Column[] order = axes.stream().map(a -> col(a).asc_nulls_last()).toArray(Column[]::new);
        List<Row> collected = prepared.groupBy(keys)
                .agg(aggregates.get(0), aggregates.subList(1, aggregates.size()).toArray(Column[]::new))
                .orderBy(order)
                .collectAsList();

        List<Cell> cells = new ArrayList<>(collected.size());
        long measured = 0;
        for (Row r : collected) {
            List<Object> key = new ArrayList<>(axes.size());
            for (int i = 0; i < axes.size(); i++) {
                key.add(r.get(i));
            }
            Map<Outcome, Long> byOutcome = new EnumMap<>(Outcome.class);
            for (Outcome o : OUTCOMES) {
                byOutcome.put(o, r.getLong(r.fieldIndex(outcomeColumn(o))));
            }
            measured += r.getLong(r.fieldIndex("recovery_measured"));
            cells.add(new Cell(key, r.getLong(r.fieldIndex("runs")), byOutcome, r.getLong(r.fieldIndex("bad")),
                    r.getLong(r.fieldIndex("recovered")), r.getLong(r.fieldIndex("excluded")),
                    Quantiles.of(list(r, "gap_q")), Quantiles.of(list(r, "iterations_q")),
                    Quantiles.of(list(r, "wall_q")), r.getLong(r.fieldIndex("unreachable")), new Dynamics(
                    dynamics(r, 0), dynamics(r, 1), dynamics(r, 2), dynamics(r, 3))));
        }
        return new CellTable(axes, types, cells, recoveryThreshold, measured > 0);
    }

    /** A table from cells computed elsewhere (tests, or cells restored from a file). */
    static CellTable of(List<String> axes, List<DataType> axisTypes, List<Cell> cells, double recoveryThreshold,
                        boolean measuresRecovery) {
        return new CellTable(axes, axisTypes, cells, recoveryThreshold, measuresRecovery);
    }

    /** The axes, in key order. */
    public List<String> axes() {
        return axes;
    }

    /** The cells, sorted by axis values. */
    public List<Cell> cells() {
        return cells;
    }

    public double recoveryThreshold() {
        return recoveryThreshold;
    }

    /** Whether any row has a finite recovery error (else the P(recovered) columns are null). */
    public boolean measuresRecovery() {
        return measuresRecovery;
    }

    /** Rows over all cells. */
    public long runs() {
        return cells.stream().mapToLong(Cell::runs).sum();
    }

    /** The position of an axis in {@link Cell#key()}, or −1. */
    public int axisIndex(String axis) {
        return axes.indexOf(axis);
    }

    /** The statistic columns that follow the axes, in order, with their meanings. */
    public static List<Stat> stats() {
        return STATS;
    }

    /** Every column name: the axes, then the statistics. */
    public List<String> columnNames() {
        List<String> names = new ArrayList<>(axes);
        STATS.forEach(s -> names.add(s.name()));
        return names;
    }

    /** A cell as values in {@link #columnNames()} order (Long, Double, the axis types; null for missing). */
    public List<Object> values(Cell cell) {
        List<Object> out = new ArrayList<>(cell.key());
        for (Stat s : STATS) {
            out.add(s.recovery() && !measuresRecovery ? null : s.value().apply(cell));
        }
        return Collections.unmodifiableList(out);
    }

    /** The Spark schema of the table: the axes with their input types, then the statistics (nullable). */
    public StructType schema() {
        List<StructField> fields = new ArrayList<>();
        for (int i = 0; i < axes.size(); i++) {
            fields.add(new StructField(axes.get(i), axisTypes.get(i), true, Metadata.empty()));
        }
        for (Stat s : STATS) {
            fields.add(new StructField(s.name(), s.type(), true, Metadata.empty()));
        }
        return new StructType(fields.toArray(StructField[]::new));
    }

    /** Writes the table as one Parquet file inside the directory {@code dir} (replaced if present). */
    public void writeParquet(SparkSession spark, Path dir) {
        List<Row> rows = cells.stream().map(c -> RowFactory.create(values(c).toArray())).toList();
        spark.createDataFrame(rows, schema()).coalesce(1).write().mode(SaveMode.Overwrite)
                .parquet(dir.toString());
    }

    /**
     * Writes the table as CSV with a header: RFC 4180 quoting, doubles in their shortest exact form, null as an
     * empty field.
     */
    public void writeCsv(Path file) {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(columnNames().stream().map(CellTable::csvField).collect(Collectors.joining(",")));
            w.write("\r\n");
            for (Cell c : cells) {
                w.write(values(c).stream().map(CellTable::csvField).collect(Collectors.joining(",")));
                w.write("\r\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    static String outcomeColumn(Outcome o) {
        return "n_" + o.name().toLowerCase(Locale.ROOT);
    }

    private static List<Stat> buildStats() {
        List<Stat> s = new ArrayList<>();
        s.add(countStat("runs", "rows in the cell", Cell::runs));
        for (Outcome o : OUTCOMES) {
            s.add(countStat(outcomeColumn(o), "rows with outcome " + o.name(), c -> c.count(o)));
        }
        s.add(countStat("classified", "rows with a verdict: runs − n_failed; the denominator of the probabilities",
                Cell::classified));
        s.add(countStat("bad", "rows with bad_local_min = true", Cell::bad));
        s.add(countStat("unclassified", "rows without a verdict on the landscape: n_not_converged + n_diverged"
                + " + n_failed", Cell::unclassified));
        s.add(new Stat("reachable", DataTypes.BooleanType, "whether the runs can reach the reference at all (false"
                + " where R < r): p_bad and its bounds are empty where not", Cell::reachable, false));
        s.add(real("p_bad", "P(bad local minimum) = bad / classified", Cell::pBad, false));
        s.add(real("p_bad_lo", "95% Wilson lower bound of p_bad", c -> lo(c.badInterval()), false));
        s.add(real("p_bad_hi", "95% Wilson upper bound of p_bad", c -> hi(c.badInterval()), false));
        s.add(real("p_global", "P(global) = n_global / classified", Cell::pGlobal, false));
        s.add(real("p_global_lo", "95% Wilson lower bound of p_global", c -> lo(c.globalInterval()), false));
        s.add(real("p_global_hi", "95% Wilson upper bound of p_global", c -> hi(c.globalInterval()), false));
        s.add(new Stat("recovered", DataTypes.LongType, "rows with a finite recovery_error below the threshold",
                Cell::recovered, true));
        s.add(real("p_recovered", "P(recovered) = recovered / classified", Cell::pRecovered, true));
        s.add(real("p_recovered_lo", "95% Wilson lower bound of p_recovered", c -> lo(c.recoveredInterval()),
                true));
        s.add(real("p_recovered_hi", "95% Wilson upper bound of p_recovered", c -> hi(c.recoveredInterval()),
                true));
        s.add(real("gap_q10", "10% quantile of (objective − reference) / f0", c -> c.gap().q10(), false));
        s.add(real("gap_median", "median of (objective − reference) / f0", c -> c.gap().median(), false));
        s.add(real("gap_q90", "90% quantile of (objective − reference) / f0", c -> c.gap().q90(), false));
        s.add(real("iterations_q10", "10% quantile of iterations (runs that neither diverged nor failed)",
                c -> c.iterations().q10(), false));
        s.add(real("iterations_median", "median of iterations", c -> c.iterations().median(), false));
        s.add(real("iterations_q90", "90% quantile of iterations", c -> c.iterations().q90(), false));
        s.add(real("wall_ms_q10", "10% quantile of wall time in ms (runs that neither diverged nor failed)",
                c -> c.wallMs().q10(), false));
        s.add(real("wall_ms_median", "median of wall time (ms)", c -> c.wallMs().median(), false));
        s.add(real("wall_ms_q90", "90% quantile of wall time (ms)", c -> c.wallMs().q90(), false));
        dynamicsStats(s, "escape_iterations", "iterations until f fell 10% of the way to the reference",
                c -> c.dynamics().escape());
        dynamicsStats(s, "convergence_rate", "per-iteration contraction of f − f_ref over the run's second half",
                c -> c.dynamics().rate());
        dynamicsStats(s, "kernel_min_eig", "λ_min of the tangent kernel at the end", c -> c.dynamics().kernel());
        dynamicsStats(s, "recovery_error", "‖X − M*‖_F/‖M*‖_F at the end", c -> c.dynamics().recoveryError());
        s.add(countStat("diverged_or_nonfinite", "rows left out of the gap quantiles: DIVERGED or FAILED, or a"
                + " non-finite objective gap", Cell::excluded));
        return List.copyOf(s);
    }

    /** The 10%, 50% and 90% quantiles of a dynamics column (runs that neither diverged nor failed, finite values). */
    private static void dynamicsStats(List<Stat> s, String column, String meaning, Function<Cell, Quantiles> q) {
        s.add(real(column + "_q10", "10% quantile of " + column + ": " + meaning, c -> q.apply(c).q10(), false));
        s.add(real(column + "_median", "median of " + column, c -> q.apply(c).median(), false));
        s.add(real(column + "_q90", "90% quantile of " + column, c -> q.apply(c).q90(), false));
    }

    private static List<Outcome> outcomeOrder() {
        List<Outcome> order = new ArrayList<>(List.of(Outcome.GLOBAL, Outcome.BAD_LOCAL_MIN, Outcome.SADDLE,
                Outcome.NOT_CONVERGED, Outcome.DIVERGED));
        for (Outcome o : Outcome.values()) {
            if (!order.contains(o)) {
                order.add(o);
            }
        }
        return List.copyOf(order);
    }

    private static Double lo(WilsonInterval w) {
        return w == null ? null : w.lo();
    }

    private static Double hi(WilsonInterval w) {
        return w == null ? null : w.hi();
    }

    private static Stat countStat(String name, String meaning, Function<Cell, Object> value) {
        return new Stat(name, DataTypes.LongType, meaning, value, false);
    }

    private static Stat real(String name, String meaning, Function<Cell, Object> value, boolean recovery) {
        return new Stat(name, DataTypes.DoubleType, meaning, value, recovery);
    }

    /** Not null, not NaN, not ±∞ (null when the value is null: when() then takes the other branch). */
    static Column finite(Column c) {
        return c.isNotNull().and(not(isnan(c))).and(c.notEqual(lit(Double.POSITIVE_INFINITY)))
                .and(c.notEqual(lit(Double.NEGATIVE_INFINITY)));
    }

    private static Column countWhere(Column condition) {
        return sum(when(condition, lit(1L)).otherwise(lit(0L)));
    }

    private static Column quantiles(String column) {
        String levels = Quantiles.LEVELS.stream().map(String::valueOf).collect(Collectors.joining(", "));
        return expr("percentile(`" + column + "`, array(" + levels + "))");
    }

    private static Quantiles dynamics(Row r, int column) {
        return Quantiles.of(list(r, DYNAMICS + Dynamics.COLUMNS.get(column) + "_q"));
    }

    private static List<?> list(Row r, String field) {
        int i = r.fieldIndex(field);
        return r.isNullAt(i) ? null : r.getList(i);
    }

    static String csvField(Object v) {
        if (v == null) {
            return "";
        }
        String s = v instanceof Double d ? Double.toString(d) : v.toString();
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
