package org.overparam.io;

import org.overparam.certify.Outcome;
import org.overparam.experiment.Diagnostics;
import org.overparam.experiment.ProblemConfig;
import org.overparam.experiment.RunConfig;
import org.overparam.experiment.RunResult;
import org.overparam.experiment.SolverConfig;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The row of a run: every column's name, type and value, in the one order used by JSON and Parquet alike
 * (README, “Columns”). Enums are written by their spec names ({@code matrix-sensing}, {@code armijo}), the outcome
 * by its constant name as in README, “How a run ends” ({@code BAD_LOCAL_MIN}); non-finite doubles become null;
 * trajectories are arrays.
 */
public final class Columns {

    /** What a row is made from: the sweep's name, the code version and the result. */
    private record Source(String sweep, String codeVersion, RunResult result) {
        RunConfig config() {
            return result.config();
        }

        ProblemConfig problem() {
            return result.config().problem();
        }

        SolverConfig solver() {
            return result.config().solver();
        }

        Diagnostics diagnostics() {
            return result.diagnostics();
        }
    }

    private record Def(Column column, Function<Source, Object> value) {
    }

    private static final List<Def> DEFS = List.of(
            text("sweep", Source::sweep),
            text("point_id", s -> s.config().pointId()),
            longInt("master_seed", s -> s.config().masterSeed()),
            text("family", s -> s.problem().family().specName()),
            text("operator", s -> s.problem().operator().specName()),
            integer("replicate", s -> s.config().replicate()),
            longInt("instance_seed", s -> s.config().instanceSeed()),
            longInt("init_seed", s -> s.config().initSeed()),
            integer("R", s -> s.config().rank()),
            integer("true_rank", s -> s.problem().r()), // "r" would collide with "R" in case-insensitive SQL
            integer("d", s -> s.problem().d()),
            integer("n", s -> s.problem().n()),
            real("alpha", s -> s.config().alpha()),
            real("lambda", s -> s.problem().lambda()),
            real("noise", s -> s.problem().noise()),
            real("condition", s -> s.problem().condition()),
            real("regularizer", s -> s.problem().regularizer()),
            text("method", s -> s.solver().method().specName()),
            text("step", s -> s.solver().step().specName()),
            real("step_size", s -> s.solver().stepSize()),
            integer("max_iters", s -> s.solver().maxIterations()),
            real("f0", s -> s.result().f0()),
            real("objective", s -> s.result().objective()),
            real("loss", s -> s.result().loss()),
            real("reference", s -> s.result().reference()),
            optionalText("reference_kind", s -> s.result().referenceKind() == null ? null
                    : s.result().referenceKind().specName()),
            integer("reference_rank", s -> s.result().referenceRank()),
            real("reference_gap", s -> s.result().referenceGap()),
            bool("reference_reachable", s -> s.result().referenceReachable()),
            real("grad_norm", s -> s.result().gradNorm()),
            real("hess_min_eig", s -> s.result().hessMinEig()),
            text("outcome", s -> s.result().outcome().name()),
            bool("bad_local_min", s -> s.result().badLocalMin()),
            bool("loss_bad", s -> s.result().lossBad()),
            real("recovery_error", s -> s.result().recoveryError()),
            real("certificate_min_eig", s -> s.result().certificate()),
            integer("iterations", s -> s.result().iterations()),
            text("stop_reason", s -> s.result().stopReason().specName()),
            integer("restarts", s -> s.result().restarts()),
            longInt("wall_ms", s -> s.result().wallMillis()),
            real("grad_tol", s -> s.solver().gradTol()),
            real("hess_tol", s -> s.solver().hessTol()),
            real("gap_rel", s -> s.solver().gapRel()),
            real("gap_abs", s -> s.solver().gapAbs()),
            real("target", s -> s.solver().target()),
            real("reference_tol", s -> s.solver().referenceTol()),
            real("perturb_radius", s -> s.solver().perturbRadius()),
            real("divergence", s -> s.solver().divergence()),
            integer("max_restarts", s -> s.solver().maxRestarts()),
            bool("tangent_kernel", s -> s.solver().tangentKernel()),
            text("curvature", s -> s.solver().curvature().specName()),
            optionalInteger("escape_iterations", s -> s.diagnostics().escapeIterations() < 0 ? null
                    : s.diagnostics().escapeIterations()),
            real("convergence_rate", s -> s.diagnostics().convergenceRate()),
            real("kernel_min_eig_init", s -> s.diagnostics().kernelMinEigStart()),
            real("kernel_min_eig", s -> s.diagnostics().kernelMinEigEnd()),
            new Def(new Column("trajectory_iteration", ColumnType.INT_ARRAY, true),
                    s -> trajectory(s, Arrays.stream(s.diagnostics().trajectoryIterations()).boxed()
                            .toArray(Integer[]::new))),
            new Def(new Column("trajectory_objective", ColumnType.DOUBLE_ARRAY, true),
                    s -> trajectory(s, Arrays.stream(s.diagnostics().trajectoryValues())
                            .mapToObj(v -> Double.isFinite(v) ? v : null).toArray(Double[]::new))),
            optionalText("error", s -> s.result().error()),
            text("code_version", Source::codeVersion));

    /** Every column, in row order. */
    public static final List<Column> ALL = DEFS.stream().map(Def::column).toList();

    private Columns() {
    }

    public static List<String> names() {
        return ALL.stream().map(Column::name).toList();
    }

    /**
     * The row's values in {@link #ALL} order: String, Integer, Long, Double (null when not finite) or Boolean,
     * as the column's type says.
     */
    public static Object[] values(String sweep, String codeVersion, RunResult result) {
        Source source = new Source(sweep, codeVersion, result);
        Object[] out = new Object[DEFS.size()];
        for (int i = 0; i < out.length; i++) {
            Object v = DEFS.get(i).value().apply(source);
            out[i] = v instanceof Double x && !Double.isFinite(x) ? null : v;
        }
        return out;
    }

    /** The row as an ordered name → value map (for JSON). */
    public static Map<String, Object> toMap(String sweep, String codeVersion, RunResult result) {
        Object[] values = values(sweep, codeVersion, result);
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            out.put(ALL.get(i).name(), values[i]);
        }
        return Collections.unmodifiableMap(out);
    }

    private static Def text(String name, Function<Source, Object> f) {
        return new Def(new Column(name, ColumnType.STRING, false), f);
    }

    private static Def optionalText(String name, Function<Source, Object> f) {
        return new Def(new Column(name, ColumnType.STRING, true), f);
    }

    /**
     * A trajectory as a boxed array (what Spark's Row encoder and Jackson both take for a list), or null for rows
     * that keep none, so that "no trajectory" is not an empty plot.
     */
    private static Object trajectory(Source s, Object[] values) {
        return s.solver().trajectory() == 0 || s.result().outcome() == Outcome.FAILED ? null : values;
    }

    private static Def optionalInteger(String name, Function<Source, Object> f) {
        return new Def(new Column(name, ColumnType.INT, true), f);
    }

    private static Def integer(String name, Function<Source, Object> f) {
        return new Def(new Column(name, ColumnType.INT, false), f);
    }

    private static Def longInt(String name, Function<Source, Object> f) {
        return new Def(new Column(name, ColumnType.LONG, false), f);
    }

    private static Def real(String name, Function<Source, Object> f) {
        return new Def(new Column(name, ColumnType.DOUBLE, true), f);
    }

    private static Def bool(String name, Function<Source, Object> f) {
        return new Def(new Column(name, ColumnType.BOOLEAN, false), f);
    }
}
