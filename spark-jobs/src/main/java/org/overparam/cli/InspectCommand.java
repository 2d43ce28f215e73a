package org.overparam.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.apache.spark.sql.SparkSession;
import org.overparam.aggregate.AggregateJob;
import org.overparam.experiment.EndPoint;
import org.overparam.experiment.Family;
import org.overparam.experiment.RunConfig;
import org.overparam.experiment.SolverConfig;
import org.overparam.inspect.InspectFigure;
import org.overparam.inspect.Inspection;
import org.overparam.inspect.PointText;
import org.overparam.inspect.Reproduction;
import org.overparam.inspect.StoredPoint;
import org.overparam.inspect.StoredRow;
import org.overparam.spec.Numbers;
import org.overparam.sweep.CommittedRows;
import org.overparam.sweep.SparkSessions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code overparam inspect DIR POINT_ID}: one run's row and evidence, its end point (stored, or from running the
 * point again) and a figure of it.
 */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Show one run of a sweep: its row and evidence, its end point (from DIR/endpoints, or by running"
                + " the point again in this process when the sweep did not keep it, checked against the row) with"
                + " the bottom of its Hessian spectrum, and a figure of it (PNG).")
final class InspectCommand implements Callable<Integer> {

    /** Width of the label column of the printed block. */
    private static final String LINE = "%-20s%s%n";

    @Parameters(index = "0", paramLabel = "DIR", description = "a sweep directory written by 'overparam sweep'")
    private String dir;

    @Parameters(index = "1", paramLabel = "POINT_ID", description = "the run's point_id (16 hex digits)")
    private String pointId;

    @Option(names = "--out", paramLabel = "FILE.png",
            description = "where the figure goes (default: inspect-POINT_ID.png in the current directory)")
    private Path out;

    @Mixin
    private SparkOptions sparkOptions;

    @Spec
    private CommandSpec command;

    @Override
    public Integer call() {
        sparkOptions.apply();
        if (out != null) {
            checkFigurePath(out, "--out " + out);
        }
        AggregateJob.sweepDirectory(dir); // before Spark starts: a wrong path fails fast
        SparkSession spark = SparkSessions.get(sparkOptions.master(), "overparam inspect");
        StoredPoint stored = StoredPoint.read(spark, dir, pointId);
        Path png = out != null ? out : Path.of("inspect-" + pointId + ".png");
        checkFigurePath(png, "the figure " + png);
        Inspection inspection = Inspection.of(stored);
        PrintWriter w = command.commandLine().getOut();
        printRow(inspection, w);
        printStorage(inspection, w);
        w.flush();
        inspection.complete(step -> {
            w.printf(Locale.ROOT, LINE, "", step + " …");
            w.flush();
        });
        printEndPoint(inspection, w, command.commandLine().getErr());
        if (inspection.endPoint() != null) {
            InspectFigure.write(inspection, png);
            w.printf(Locale.ROOT, LINE, "figure", png);
        }
        w.flush();
        return Overparam.OK;
    }

    /** A figure path must be a file (not a directory) in a directory that exists. */
    private static void checkFigurePath(Path png, String what) {
        if (Files.isDirectory(png)) {
            throw new BadInputException(what + " is a directory; give a file name such as inspect.png");
        }
        Path parent = png.toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new BadInputException(what + ": directory " + parent + " does not exist");
        }
        if (!Files.isWritable(parent)) {
            throw new BadInputException(what + ": directory " + parent + " is not writable");
        }
    }

    /** The point, the evidence and the verdict, each with the rule it was held to. */
    static void printRow(Inspection in, PrintWriter w) {
        StoredRow row = in.stored().row();
        RunConfig c = in.config();
        SolverConfig s = c.solver();
        double f0 = row.real("f0");
        double reference = row.real("reference");
        line(w, "sweep", row.text("sweep") + " (" + in.stored().dir() + ")");
        line(w, "point_id", in.stored().pointId());
        line(w, "point", in.label() + " (overparam run SPEC --point " + in.label() + ")");
        line(w, "family", row.text("family") + ", operator " + row.text("operator"));
        line(w, "size", PointText.size(c));
        line(w, "alpha", Numbers.format(c.alpha()));
        String settings = PointText.settings(c.problem());
        if (!settings.isEmpty()) {
            line(w, "problem", settings);
        }
        line(w, "replicate", String.valueOf(c.replicate()));
        line(w, "seeds", "master " + c.masterSeed() + ", instance " + c.instanceSeed() + ", init " + c.initSeed());
        line(w, "solver", String.format(Locale.ROOT, "%s, %s step %s, max_iters %d, curvature %s, endpoints %s",
                s.method().specName(), s.step().specName(), Numbers.format(s.stepSize()), s.maxIterations(),
                s.curvature().specName(), s.endPoints().specName()));
        line(w, "f0", real(f0) + "  (f(0): every tolerance is relative to it)");
        line(w, "objective", real(row.real("objective")));
        line(w, "loss", real(row.real("loss")));
        line(w, "reference", real(reference) + "  (" + row.text("reference_kind") + ", rank "
                + row.get("reference_rank") + ", gap " + real(row.real("reference_gap")) + ", "
                + (Boolean.FALSE.equals(row.get("reference_reachable")) ? "not reachable at this R" : "reachable")
                + ")");
        double gap = row.real("objective") - reference;
        double global = Math.max(s.gapRel() * Math.abs(reference), s.gapAbs() * f0);
        line(w, "gap", real(gap) + " = " + real(gap / f0) + "·f0  (GLOBAL needs ≤ max(gap_rel·|f_ref|, gap_abs·f0) = "
                + real(global) + ")");
        line(w, "grad_norm", real(row.real("grad_norm")) + "  (stationary needs ≤ grad_tol·f0 = "
                + real(s.gradTol() * f0) + ")");
        boolean points = c.problem().family() == Family.MAXCUT_BM && c.rank() == 1;
        line(w, "hess_min_eig", (row.get("hess_min_eig") != null ? real(row.real("hess_min_eig"))
                : points ? "null (+∞: at R = 1 the search space is a set of points)"
                : "null (not computed: curvature " + s.curvature().specName() + ")")
                + "  (a minimum needs ≥ −hess_tol·f0 = " + real(-s.hessTol() * f0) + ")");
        line(w, "outcome", row.text("outcome") + "  (bad_local_min " + row.get("bad_local_min") + ", loss_bad "
                + row.get("loss_bad") + ")");
        line(w, "iterations", row.get("iterations") + " of " + s.maxIterations() + ", stop reason "
                + row.text("stop_reason") + ", restarts " + row.get("restarts"));
        line(w, "recovery_error", real(row.real("recovery_error")));
        for (String optional : List.of("certificate_min_eig", "escape_iterations", "convergence_rate",
                "kernel_min_eig_init", "kernel_min_eig", "error")) {
            if (row.get(optional) != null) {
                line(w, optional, row.get(optional) instanceof Double v ? real(v) : row.text(optional));
            }
        }
        line(w, "wall_ms", String.valueOf(row.get("wall_ms")));
        line(w, "code_version", row.text("code_version"));
    }

    /** Whether the sweep kept the end point, and if not, why. */
    private static void printStorage(Inspection in, PrintWriter w) {
        StoredPoint stored = in.stored();
        String outcome = stored.row().text("outcome");
        if ("FAILED".equals(outcome)) {
            line(w, "end point", "none: the run failed (its error is above); no figure");
        } else if (stored.endPoint() != null) {
            line(w, "end point", "stored in " + stored.storage().show(CommittedRows.ENDPOINTS));
        } else {
            line(w, "end point", "not stored (the sweep keeps the end points of " + switch (in.config().solver()
                    .endPoints()) {
                case NONE -> "no runs: endpoints none";
                case NON_GLOBAL -> "the runs that did not end GLOBAL: endpoints non-global";
                case ALL -> "every run, but not this one's: it was written by an older version";
            } + ")");
        }
    }

    /** The end point's matrices and spectrum, and how a re-run compared. */
    static void printEndPoint(Inspection in, PrintWriter w, PrintWriter err) {
        EndPoint end = in.endPoint();
        if (end == null) {
            return;
        }
        Reproduction r = in.reproduction();
        if (r != null && r.reproduced()) {
            line(w, "reproduced", "the re-run's row equals the stored one in every column but wall_ms"
                    + (in.stored().row().get("hess_min_eig") == null ? " (hess_min_eig is new: curvature always)"
                    : ""));
        } else if (r != null) {
            String versions = r.storedCode() != null && !r.storedCode().equals(r.currentCode())
                    ? " (the row was written by code " + r.storedCode() + ", this is " + r.currentCode() + ")" : "";
            line(w, "WARNING", "NOT REPRODUCED: the re-run differs from the stored row in " + r.differences().size()
                    + " column" + (r.differences().size() == 1 ? "" : "s") + versions + "; the end point below is"
                    + " the re-run's");
            for (String d : r.differences()) {
                line(w, "", "  " + d);
            }
            err.println("overparam: warning: point " + in.stored().pointId() + " was not reproduced: "
                    + String.join("; ", r.differences()));
        }
        line(w, "parameters", end.parameters().stream().map(m -> String.format(Locale.ROOT, "%s %d×%d (‖%s‖_F = %s)",
                m.name(), m.rows(), m.cols(), m.name(), real(frobenius(m.values())))).collect(Collectors.joining(", ")));
        double[] lowest = in.spectrum();
        String where = switch (in.source()) {
            case STORED -> "stored";
            case STORED_SPECTRUM_COMPUTED -> "computed here (the run did not compute it)";
            case RERUN -> "from the re-run";
            case NONE -> "";
        };
        line(w, "hess_lowest", lowest.length == 0 ? "none (" + (in.config().rank() == 1
                && in.config().problem().family() == Family.MAXCUT_BM ? "at R = 1 the search space is a set of points"
                : "the end point is not finite") + ")" : Arrays.stream(lowest).mapToObj(InspectCommand::real).collect(Collectors.joining(", "))
                + "  (the " + lowest.length + " smallest of " + in.tangentDimension() + ", ascending; " + where + ")");
    }

    private static double frobenius(double[] values) {
        double s = 0;
        for (double v : values) {
            s += v * v;
        }
        return Math.sqrt(s);
    }

    private static void line(PrintWriter w, String label, String text) {
        w.printf(Locale.ROOT, LINE, label, text);
    }

    /** Six significant digits; "null" where the row holds null (a non-finite number). */
    private static String real(double v) {
        return Double.isNaN(v) ? "null" : v == 0 ? "0" : String.format(Locale.ROOT, "%.6g", v);
    }
}
