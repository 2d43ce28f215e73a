package org.overparam.spec;

import org.overparam.experiment.Family;
import org.overparam.experiment.ProblemConfig;
import org.overparam.experiment.ProblemField;
import org.overparam.experiment.RunConfig;
import org.overparam.experiment.SensingProblem;
import org.overparam.linalg.SmallestEigenvalue;
import org.overparam.problem.sensing.DataForm;

/**
 * A rough cost per point, for planning and for spreading work: floating-point operations of one gradient
 * evaluation by the operator's structure (README, “How a sweep runs fast”), times the iteration budget. An upper
 * bound in iterations (runs stop early) and an estimate in everything else (constants, line searches and
 * certificates are left out).
 */
public final class CostModel {

    private CostModel() {
    }

    /**
     * Flops of one iteration: sensing with dense operators n·d², rank-one n·d·R, entry sampling n·R; ReLU networks
     * R(R+r)·d in closed form and n·d·R on samples; Max-Cut n²R; least squares n·R.
     */
    public static double iterationFlops(RunConfig config) {
        ProblemConfig p = config.problem();
        double n = p.n();
        double d = p.d();
        double rank = config.rank();
        return p.match(
                sensing -> switch (sensing.operator()) {
                    case RANK_ONE -> n * d * rank;
                    case ENTRY_SAMPLING -> n * rank;
                    default -> n * d * d;
                },
                relu -> n == 0 ? rank * (rank + relu.r()) * d : n * d * rank,
                maxCut -> n * n * rank,
                leastSquares -> n * rank);
    }

    /** {@link #iterationFlops} × the iteration budget. */
    public static double runFlops(RunConfig config) {
        return iterationFlops(config) * config.solver().maxIterations();
    }

    /**
     * Bytes of one instance's data (operator and measurements), for bounding what a batch holds at once: dense
     * sensing operators n·d² doubles, rank-one n·d, entry sampling n, ReLU samples n·d, Max-Cut n², least squares
     * n·d; plus n measurements.
     */
    public static long instanceBytes(RunConfig config) {
        ProblemConfig p = config.problem();
        long n = p.n();
        long d = p.d();
        long doubles = p.match(
                sensing -> switch (sensing.operator()) {
                    case RANK_ONE -> n * d;
                    case ENTRY_SAMPLING -> n;
                    default -> n * d * d;
                },
                relu -> n * d,
                maxCut -> n * n,
                leastSquares -> n * d);
        return Double.BYTES * (doubles + n + 1);
    }

    /** A kept end point's bytes beyond its numbers: its row, point id, matrix names and shapes, serialized. */
    private static final long END_POINT_OVERHEAD = 512;

    /**
     * Bytes of one kept end point on its way to the driver with its task's result: its parameters (U and V for
     * matrix sensing, U, W, Y or θ otherwise), the bottom of its Hessian spectrum and {@value #END_POINT_OVERHEAD}
     * bytes of row.
     */
    public static long endPointBytes(RunConfig config) {
        ProblemConfig p = config.problem();
        long rank = config.rank();
        long parameters = p.match(
                sensing -> (sensing.family() == Family.MATRIX_SENSING ? 2 : 1) * p.d() * rank,
                relu -> p.d() * rank,
                maxCut -> p.n() * rank,
                leastSquares -> rank);
        return Double.BYTES * (parameters + SmallestEigenvalue.LOWEST) + END_POINT_OVERHEAD;
    }

    /** Krylov vectors the curvature and tangent-kernel evidence may keep (their Lanczos cap). */
    private static final long LANCZOS_VECTORS = 300;
    /** d×d work matrices of a sensing point: the truth, iterates and the convex reference's SVD workspace. */
    private static final long SQUARE_MATRICES = 12;
    /** n×n work matrices of a Max-Cut point: the cost matrix and the dual certificate's eigen workspace. */
    private static final long GRAPH_MATRICES = 4;

    /**
     * Heap one point needs at its peak, in bytes, estimated from the arrays its run allocates: its instance as it
     * is built (a dense operator is generated, then copied into its layout: 2·n·d²), the packed Gram matrix where
     * the Gram form is used, {@value #SQUARE_MATRICES} d×d matrices for sensing (truth, iterates, the convex
     * reference's SVD workspace) or {@value #GRAPH_MATRICES} n×n for Max-Cut, and a Lanczos basis of
     * {@value #LANCZOS_VECTORS} vectors of the parameter dimension. A run's iterates and scalars are left out.
     */
    public static long pointBytes(RunConfig config) {
        ProblemConfig p = config.problem();
        double n = p.n();
        double d = p.d();
        double rank = config.rank();
        double doubles = p.match(
                sensing -> sensingOperatorDoubles(sensing) + SQUARE_MATRICES * d * d + LANCZOS_VECTORS * 2 * d * rank,
                relu -> 2 * n * d + LANCZOS_VECTORS * rank * (d + 1),
                maxCut -> GRAPH_MATRICES * n * n + LANCZOS_VECTORS * n * rank,
                leastSquares -> 2 * n * d + LANCZOS_VECTORS * rank);
        return (long) Math.min(Long.MAX_VALUE, Double.BYTES * (doubles + n));
    }

    /** A sensing operator as it is built (generated, then copied into its layout), with its packed Gram matrix. */
    private static double sensingOperatorDoubles(SensingProblem p) {
        double n = p.n();
        double d = p.d();
        return switch (p.operator()) {
            case RANK_ONE -> 2 * n * d;
            case ENTRY_SAMPLING -> 2 * n;
            default -> 2 * n * d * d
                    + (DataForm.preferred(true, p.n(), p.d()) == DataForm.GRAM ? d * d * (d * d + 1) / 2 : 0);
        };
    }

    /**
     * The point of {@code spec} that needs the most heap ({@link #pointBytes}): replicates do not change it, so
     * one pass over the grid's cells.
     *
     * @param bytes its estimate
     * @param label its sizes, for messages ("d = 100000, n = 40, R = 2")
     */
    public record Largest(long bytes, String label) {
    }

    public static Largest largestPoint(SweepSpec spec) {
        Largest[] largest = {new Largest(0, "")};
        spec.forEachCell(point -> {
            long bytes = pointBytes(point);
            if (bytes > largest[0].bytes()) {
                ProblemConfig p = point.problem();
                String sizes = (p.family().uses(ProblemField.D) ? "d = " + p.d() + ", " : "")
                        + "n = " + p.n() + ", R = " + point.rank();
                largest[0] = new Largest(bytes, sizes);
            }
        });
        return largest[0];
    }
}
