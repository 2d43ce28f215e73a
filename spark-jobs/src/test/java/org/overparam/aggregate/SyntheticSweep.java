package org.overparam.aggregate;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.overparam.io.ResultSchema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A sweep written the way {@code overparam sweep} writes one — rows in {@link ResultSchema#SCHEMA}, Parquet
 * partitioned by sweep, plus a manifest — with outcomes drawn from known probabilities by a seeded generator.
 *
 * <p>Quadratic-network shaped, like the quick start (README, “Quick start”): R ∈ {1,2,3,4,6} × n ∈ {12,24,48} ×
 * α ∈ {0.1, 0.001}, {@link #REPLICATES} runs per cell. P(bad) is 41…8% at R = 1 (falling with n), 10% at R = 2,
 * 0 from R = 3 on. Mixed in: diverged rows with null, NaN and infinite objectives and null curvature, rows with NaN
 * recovery errors, a null reference, f0 = 0 (a gap that would be x/0), FAILED rows (runs that threw: no verdict), a
 * cell where every run diverged ({@link #ALL_DIVERGED}), one where every objective is NaN ({@link #ALL_NAN}) and
 * one where every run failed ({@link #ALL_FAILED}).
 *
 * <p>The schema is whatever {@link ResultSchema#SCHEMA} is now; columns this class does not know get a type
 * default (null for doubles and optional text).
 */
final class SyntheticSweep {

    static final String NAME = "synthetic-qn";
    static final int REPLICATES = 80;
    static final int[] R = {1, 2, 3, 4, 6};
    static final int[] N = {12, 24, 48};
    static final double[] ALPHA = {0.1, 0.001};
    static final double[] BAD_AT_R1 = {0.41, 0.19, 0.08};
    static final double BAD_AT_R2 = 0.10;
    /** From this R on every run gets a verdict (global): cells there can be safe, so rows have a boundary. */
    static final int CLEAN_FROM = 3;

    /** (R, n, alpha) of the cell in which every run diverged. */
    static final List<Object> ALL_DIVERGED = List.of(6, 12, 0.001);
    /** (R, n, alpha) of the cell whose runs all have a NaN objective (not diverged). */
    static final List<Object> ALL_NAN = List.of(4, 12, 0.001);
    /** (R, n, alpha) of the cell in which every run threw. */
    static final List<Object> ALL_FAILED = List.of(3, 48, 0.001);
    /** R = 1 at this α cannot reach the reference ({@code reference_reachable} false): hatched, no P(bad). */
    static final double UNREACHABLE_ALPHA = 0.001;
    /** The replicate that fails at R = 2 (besides {@link #ALL_FAILED}): those cells have N = replicates − 1. */
    static final int FAILING_REPLICATE = 11;

    /** Cells per panel (R × n) and in all. */
    static final int CELLS_PER_PANEL = R.length * N.length;
    static final int CELLS = CELLS_PER_PANEL * ALPHA.length;
    static final int ROWS = CELLS * REPLICATES;

    /**
     * What one synthetic sweep sets, for comparisons: its name, the seed of its outcome draws, the solver, the family,
     * the grid of α and n, and a factor on the probabilities of a bad minimum at R = 1 and 2.
     */
    record Variant(String name, long draws, String method, String step, String family, double[] alphas, int[] ns,
                   double badFactor) {

        /** The sweep {@link #write(SparkSession, Path)} writes. */
        static final Variant DEFAULT = new Variant(NAME, 20261122L, "gd", "armijo", "quadratic-network", ALPHA, N, 1);

        Variant withName(String n) {
            return new Variant(n, draws, method, step, family, alphas, ns, badFactor);
        }

        Variant withDraws(long seed) {
            return new Variant(name, seed, method, step, family, alphas, ns, badFactor);
        }

        Variant withMethod(String m) {
            return new Variant(name, draws, m, step, family, alphas, ns, badFactor);
        }

        Variant withStep(String s) {
            return new Variant(name, draws, method, s, family, alphas, ns, badFactor);
        }

        Variant withFamily(String f) {
            return new Variant(name, draws, method, step, f, alphas, ns, badFactor);
        }

        Variant withAlphas(double... a) {
            return new Variant(name, draws, method, step, family, a, ns, badFactor);
        }

        Variant withNs(int... n) {
            return new Variant(name, draws, method, step, family, alphas, n, badFactor);
        }

        Variant withBadFactor(double f) {
            return new Variant(name, draws, method, step, family, alphas, ns, f);
        }
    }

    private SyntheticSweep() {
    }

    /** The true-rank column's name in the current schema ({@code true_rank}, formerly {@code r}). */
    static String truthColumn() {
        List<String> names = ResultSchema.names();
        return names.contains("true_rank") ? "true_rank" : "r";
    }

    /** Writes the sweep to {@code dir} ({@code dir/rows}, {@code dir/manifest.json}); returns its row count. */
    static long write(SparkSession spark, Path dir) {
        return write(spark, dir, Variant.DEFAULT);
    }

    /** Writes the variant's sweep to {@code dir}; returns its row count. */
    static long write(SparkSession spark, Path dir, Variant variant) {
        return write(dataset(spark, variant), dir, variant.name());
    }

    /** Writes {@code rows} (a variant's, perhaps altered) as the sweep {@code name} to {@code dir}. */
    static long write(Dataset<Row> rows, Path dir, String name) {
        rows.write().partitionBy("sweep").option("compression", "zstd").parquet(dir.resolve("rows").toString());
        long count = rows.count();
        writeManifest(dir, name, count);
        return count;
    }

    /** The variant's rows as a data set in {@link ResultSchema#SCHEMA}. */
    static Dataset<Row> dataset(SparkSession spark, Variant variant) {
        return spark.createDataFrame(rows(variant), ResultSchema.SCHEMA);
    }

    static List<Row> rows() {
        return rows(Variant.DEFAULT);
    }

    /**
     * The rows of a variant. P(bad) at R = 1 follows {@link #BAD_AT_R1} for the n of {@link #N} (the last value for
     * larger n), times the variant's factor, as at R = 2.
     */
    static List<Row> rows(Variant variant) {
        SplittableRandom random = new SplittableRandom(variant.draws());
        List<Row> rows = new ArrayList<>();
        int point = 0;
        for (double alpha : variant.alphas()) {
            for (int n : variant.ns()) {
                int ni = rateIndex(n);
                for (int rank : R) {
                    for (int rep = 0; rep < REPLICATES; rep++) {
                        Map<String, Object> v = base(variant, point++, rep, rank, n, alpha);
                        List<Object> cell = List.of(rank, n, alpha);
                        double pBad = variant.badFactor() * (rank == 1 ? BAD_AT_R1[ni] : rank == 2 ? BAD_AT_R2 : 0);
                        String outcome = cell.equals(ALL_DIVERGED) ? "DIVERGED"
                                : cell.equals(ALL_FAILED) || rank == 2 && rep == FAILING_REPLICATE ? "FAILED"
                                : outcome(random, pBad, rank >= CLEAN_FROM);
                        fill(v, outcome, random, rank, alpha, rep);
                        if (cell.equals(ALL_NAN)) {
                            v.put("objective", Double.NaN);
                        }
                        if (rank == 1 && alpha == UNREACHABLE_ALPHA) {
                            v.put("reference_reachable", false);
                        }
                        rows.add(row(v));
                    }
                }
            }
        }
        return rows;
    }

    /** The index into {@link #BAD_AT_R1} for n: its own where n is in {@link #N}, the nearest end's otherwise. */
    private static int rateIndex(int n) {
        for (int i = 0; i < N.length; i++) {
            if (N[i] == n) {
                return i;
            }
        }
        return n < N[0] ? 0 : N.length - 1;
    }

    /** Outcome of a run: bad with probability pBad, else 2% saddle, 3% not converged, 2% diverged, or global (only
     * global when {@code clean}). */
    private static String outcome(SplittableRandom random, double pBad, boolean clean) {
        double u = random.nextDouble();
        if (u < pBad) {
            return "BAD_LOCAL_MIN";
        }
        if (clean) {
            return "GLOBAL";
        }
        u -= pBad;
        if (u < 0.02) {
            return "SADDLE";
        }
        if (u < 0.05) {
            return "NOT_CONVERGED";
        }
        if (u < 0.07) {
            return "DIVERGED";
        }
        return "GLOBAL";
    }

    private static Map<String, Object> base(Variant variant, int point, int rep, int rank, int n, double alpha) {
        Map<String, Object> v = new HashMap<>();
        v.put("sweep", variant.name());
        v.put("point_id", String.format("%016x", 0x9e3779b97f4a7c15L * (point + 1)));
        v.put("master_seed", 20261122L);
        v.put("family", variant.family());
        v.put("operator", "rank-one");
        v.put("replicate", rep);
        v.put("instance_seed", 1000L * n + rep);
        v.put("init_seed", 7919L * point);
        v.put("R", rank);
        v.put(truthColumn(), 1);
        v.put("d", 8);
        v.put("n", n);
        v.put("alpha", alpha);
        v.put("lambda", 0.0);
        v.put("noise", 0.0);
        v.put("condition", 1.0);
        v.put("regularizer", 0.0);
        v.put("method", variant.method());
        v.put("step", variant.step());
        v.put("step_size", 1.0);
        v.put("max_iters", 3000);
        v.put("grad_tol", 1e-8);
        v.put("hess_tol", 1e-6);
        v.put("gap_rel", 0.1);
        v.put("gap_abs", 1e-10);
        v.put("target", 1e-10);
        v.put("reference_tol", 1e-9);
        v.put("perturb_radius", 0.0);
        v.put("divergence", 1e12);
        v.put("reference_kind", "zero");
        v.put("reference_rank", 1);
        v.put("reference_gap", 0.0);
        v.put("reference_reachable", true);
        v.put("stop_reason", "target");
        v.put("code_version", "test");
        return v;
    }

    private static void fill(Map<String, Object> v, String outcome, SplittableRandom random, int rank, double alpha,
                             int rep) {
        double f0 = 0.5 + random.nextDouble();
        double reference = 0.0;
        Double objective;
        Double recovery;
        Double hess = random.nextDouble() * 1e-3;
        switch (outcome) {
            case "GLOBAL" -> {
                objective = reference + 1e-11 * random.nextDouble() * f0;
                // Large initialization with spare rank generalizes worse: some global runs miss the truth.
                recovery = rank >= 4 && alpha > 0.01 && random.nextDouble() < 0.4 ? 5e-3 * (1 + random.nextDouble())
                        : 1e-5 * random.nextDouble();
            }
            case "BAD_LOCAL_MIN" -> {
                objective = reference + (0.05 + 0.3 * random.nextDouble()) * f0;
                recovery = 0.5 + random.nextDouble();
            }
            case "SADDLE" -> {
                objective = reference + 0.1 * f0;
                recovery = 0.7;
                hess = -0.01;
            }
            case "NOT_CONVERGED" -> {
                objective = reference + 1e-3 * random.nextDouble() * f0;
                recovery = rep % 3 == 0 ? Double.NaN : 1e-2;
            }
            case "FAILED" -> { // the run threw: nothing measured
                objective = null;
                recovery = null;
                hess = null;
                v.put("error", "java.lang.ArithmeticException: synthetic failure");
            }
            default -> { // DIVERGED: no finite evidence
                int kind = rep % 3;
                objective = kind == 0 ? null : kind == 1 ? Double.NaN : Double.POSITIVE_INFINITY;
                recovery = kind == 1 ? Double.NaN : null;
                hess = null;
            }
        }
        v.put("outcome", outcome);
        v.put("bad_local_min", outcome.equals("BAD_LOCAL_MIN"));
        v.put("loss_bad", outcome.equals("BAD_LOCAL_MIN"));
        v.put("f0", rep == 5 ? 0.0 : f0);                  // f0 = 0: the relative gap is undefined
        v.put("reference", rep == 7 ? null : reference);  // no reference: the gap is unknown
        v.put("objective", objective);
        v.put("loss", objective);
        v.put("recovery_error", recovery);
        v.put("grad_norm", outcome.equals("DIVERGED") ? null : 1e-9);
        v.put("hess_min_eig", hess);
        v.put("iterations", outcome.equals("DIVERGED") ? 40 + random.nextInt(20) : 10 + random.nextInt(3000));
        v.put("wall_ms", (long) (1 + random.nextInt(500)));
        // Dynamics (from the replicate and R, leaving the generator's sequence as it was): an escape time (null when
        // the run never got 10% of the way), a contraction rate (NaN now and then), a tangent-kernel eigenvalue only
        // at α = 0.1 (as if computed there only).
        v.put("escape_iterations", rep % 9 == 4 ? null : 5 + (rep * 37 + rank * 11) % 200);
        v.put("convergence_rate", rep % 13 == 6 ? Double.NaN : 0.5 + (rep * 7919 + rank * 104_729) % 1000 / 2000.0);
        v.put("kernel_min_eig", alpha == 0.1 ? (rep * 13 + rank) % 100 * 1e-4 : null);
    }

    /** Values by column name → a Row in schema order; unset columns get a type default (null for doubles). */
    private static Row row(Map<String, Object> v) {
        StructField[] fields = ResultSchema.SCHEMA.fields();
        Object[] values = new Object[fields.length];
        for (int i = 0; i < fields.length; i++) {
            String name = fields[i].name();
            values[i] = v.containsKey(name) ? v.get(name) : fallback(fields[i].dataType(), fields[i].nullable());
        }
        return RowFactory.create(values);
    }

    private static Object fallback(DataType type, boolean nullable) {
        if (type.equals(DataTypes.StringType)) {
            return nullable ? null : "";
        }
        if (type.equals(DataTypes.IntegerType)) {
            return 0;
        }
        if (type.equals(DataTypes.LongType)) {
            return 0L;
        }
        if (type.equals(DataTypes.BooleanType)) {
            return false;
        }
        return null;
    }

    private static void writeManifest(Path dir, String name, long rows) {
        String json = """
                {
                  "name": "%s",
                  "spec_hash": "0f3c9a",
                  "code_version": "test",
                  "spark_version": "4.1.0",
                  "started": "2026-01-01T00:00:00Z",
                  "finished": "2026-01-01T00:01:00Z",
                  "points_total": %d,
                  "points_done": %d,
                  "counts_by_outcome": {"GLOBAL": 1, "DIVERGED": 2},
                  "normalized_spec": "{\\"name\\":\\"%s\\",\\"grid\\":{\\"R\\":[1,2,3,4,6],\\"n\\":[12,24,48],\\"alpha\\":[0.1,0.001]},\\"note\\":\\"<b>escaped</b> & long enough to be folded away in the report\\"}"
                }
                """.formatted(name, rows, rows, name);
        try {
            Files.writeString(dir.resolve("manifest.json"), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
