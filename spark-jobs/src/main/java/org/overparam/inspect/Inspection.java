package org.overparam.inspect;

import java.util.Arrays;
import java.util.function.Consumer;
import org.overparam.certify.Curvature;
import org.overparam.certify.Outcome;
import org.overparam.cli.BadInputException;
import org.overparam.experiment.CurvaturePolicy;
import org.overparam.experiment.EndPoint;
import org.overparam.experiment.EndPoints;
import org.overparam.experiment.Experiment;
import org.overparam.experiment.Family;
import org.overparam.experiment.RunConfig;
import org.overparam.experiment.RunResult;
import org.overparam.problem.Block;
import org.overparam.problem.Model;
import org.overparam.random.Seeds;

/**
 * One run up close: its stored row, the point behind it, and its end point with the bottom of the Hessian spectrum.
 * The end point is the stored one when the sweep kept it (its spectrum computed here when the run did not compute
 * one); otherwise the point is re-run in this process with every end point kept and the curvature always computed,
 * and the re-run's row is checked against the stored one ({@link Reproduction}).
 */
public final class Inspection {

    /** Where the end point came from. */
    public enum Source {
        /** {@code DIR/endpoints}, spectrum included. */
        STORED,
        /** {@code DIR/endpoints}; the run had not computed its spectrum, so this inspection did. */
        STORED_SPECTRUM_COMPUTED,
        /** Not stored: the point was run again. */
        RERUN,
        /** None: the run failed, so it has no end point. */
        NONE
    }

    private final StoredPoint stored;
    private final SweepPoints.Found point;
    private Experiment.Prepared prepared;
    private EndPoint endPoint;
    private Source source;
    private Reproduction reproduction;

    private Inspection(StoredPoint stored, SweepPoints.Found point) {
        this.stored = stored;
        this.point = point;
    }

    /**
     * Finds the point of {@code stored} among the directory's recorded specs; {@link #complete} then gets its end
     * point.
     *
     * @throws BadInputException when no recorded spec has the point, so that it cannot be re-created
     */
    public static Inspection of(StoredPoint stored) {
        SweepPoints.Found point = SweepPoints.find(stored.storage(), stored.row()).orElseThrow(() ->
                new BadInputException("cannot re-create point " + stored.pointId() + ": no spec recorded in the"
                        + " commit log of " + stored.dir() + " has it (a directory written by an older version:"
                        + " rerun its sweep once with 'overparam sweep SPEC --out " + stored.dir() + "')"));
        return new Inspection(stored, point);
    }

    /**
     * Gets the end point with its spectrum: the stored one, else by running the point again; says what it does
     * through {@code progress} before each lengthy step (a re-run, a Hessian). Call it once, before the accessors of
     * the end point.
     */
    public Inspection complete(Consumer<String> progress) {
        if (source != null) {
            return this;
        }
        if (Outcome.FAILED.name().equals(stored.row().text("outcome"))) {
            source = Source.NONE;
        } else if (stored.endPoint() == null) {
            progress.accept("re-running the point in-process (endpoints: all, curvature: always)");
            RunResult rerun = Experiment.run(prepared(), rerunConfig(point.config()));
            endPoint = rerun.endPoint();
            reproduction = Reproduction.of(stored.row(), rerun);
            source = Source.RERUN;
        } else if (stored.endPoint().hessianLowest().length == 0 && hasTangentSpace()) {
            progress.accept("computing the Hessian spectrum at the stored end point");
            endPoint = new EndPoint(stored.endPoint().parameters(), spectrum(stored.endPoint()));
            source = Source.STORED_SPECTRUM_COMPUTED;
        } else {
            endPoint = stored.endPoint();
            source = Source.STORED;
        }
        return this;
    }

    /** The point with every end point kept and the curvature always computed (another point id: same search). */
    public static RunConfig rerunConfig(RunConfig config) {
        return new RunConfig(config.masterSeed(), config.replicate(), config.problem(),
                config.solver().withEndPoints(EndPoints.ALL).withCurvature(CurvaturePolicy.ALWAYS), config.rank(),
                config.alpha());
    }

    private boolean hasTangentSpace() {
        return model().tangentDimension() > 0;
    }

    /** The bottom of the Hessian spectrum at {@code end}, as the run computes it (same Lanczos seed). */
    private double[] spectrum(EndPoint end) {
        Model model = model();
        double[] x = new double[model.dimension()];
        for (Block b : model.blocks()) {
            EndPoint.Matrix m = end.parameter(b.name());
            System.arraycopy(m.values(), 0, x, b.offset(), b.size());
        }
        RunConfig config = point.config();
        return Curvature.of(model, x, Seeds.hash(config.initSeed(), "curvature")).lowest();
    }

    private Model model() {
        return prepared().model(point.config().rank());
    }

    /** The instance of the point's replicate (built on first use: a convex reference may take a while). */
    public Experiment.Prepared prepared() {
        if (prepared == null) {
            prepared = Experiment.prepare(point.config());
        }
        return prepared;
    }

    public StoredPoint stored() {
        return stored;
    }

    /** The point as the sweep ran it. */
    public RunConfig config() {
        return point.config();
    }

    /** Its {@code --point} text in the spec that holds it. */
    public String label() {
        return point.label();
    }

    /** The end point with its spectrum, or null when the run failed ({@link Source#NONE}). */
    public EndPoint endPoint() {
        completed();
        return endPoint;
    }

    /**
     * The dimension of the space whose Hessian eigenvalues count: the parameters, except for Max-Cut, whose search
     * space is the oblique manifold of n·(R − 1) dimensions.
     */
    public int tangentDimension() {
        int parameters = endPoint().parameters().stream().mapToInt(m -> m.rows() * m.cols()).sum();
        int rank = point.config().rank();
        return point.config().problem().family() == Family.MAXCUT_BM ? parameters / rank * (rank - 1) : parameters;
    }

    /**
     * The bottom of the Hessian spectrum at the end point, ascending, on the tangent space: the end point's
     * {@link EndPoint#hessianLowest} without the eigenvalues of Max-Cut's shifted normal directions, which the
     * operator puts above every tangent one.
     */
    public double[] spectrum() {
        double[] lowest = endPoint().hessianLowest();
        return Arrays.copyOf(lowest, Math.min(lowest.length, tangentDimension()));
    }

    public Source source() {
        completed();
        return source;
    }

    private void completed() {
        if (source == null) {
            throw new IllegalStateException("complete() first");
        }
    }

    /** How the re-run compares with the row; null unless {@link Source#RERUN}. */
    public Reproduction reproduction() {
        return reproduction;
    }
}
