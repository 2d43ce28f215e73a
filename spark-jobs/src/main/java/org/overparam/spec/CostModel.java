package org.overparam.spec;

import org.overparam.experiment.ProblemConfig;
import org.overparam.experiment.RunConfig;

/**
 * A rough cost per point, for planning and for spreading work: floating-point operations of one gradient
 * evaluation by the operator's structure (design §7), times the iteration budget. An upper bound in iterations
 * (runs stop early) and an estimate in everything else (constants, line searches and certificates are left out).
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
        return switch (p.family()) {
            case RELU_TEACHER_STUDENT -> n == 0 ? rank * (rank + p.r()) * d : n * d * rank;
            case MAXCUT_BM -> n * n * rank;
            case LEAST_SQUARES -> n * rank;
            case MATRIX_SENSING, SYMMETRIC_SENSING, QUADRATIC_NETWORK -> switch (p.operator()) {
                case RANK_ONE -> n * d * rank;
                case ENTRY_SAMPLING -> n * rank;
                default -> n * d * d;
            };
        };
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
        long doubles = switch (p.family()) {
            case RELU_TEACHER_STUDENT, LEAST_SQUARES -> n * d;
            case MAXCUT_BM -> n * n;
            case MATRIX_SENSING, SYMMETRIC_SENSING, QUADRATIC_NETWORK -> switch (p.operator()) {
                case RANK_ONE -> n * d;
                case ENTRY_SAMPLING -> n;
                default -> n * d * d;
            };
        };
        return Double.BYTES * (doubles + n + 1);
    }
}
