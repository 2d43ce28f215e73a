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

    /** Flops of one iteration: dense operators n·d², rank-one n·d·R, entry sampling n·R. */
    public static double iterationFlops(RunConfig config) {
        ProblemConfig p = config.problem();
        double n = p.n();
        double d = p.d();
        return switch (p.operator()) {
            case GAUSSIAN, SYMMETRIC_GAUSSIAN, EXPLICIT -> n * d * d;
            case RANK_ONE -> n * d * config.rank();
            case ENTRY_SAMPLING -> n * config.rank();
        };
    }

    /** {@link #iterationFlops} × the iteration budget. */
    public static double runFlops(RunConfig config) {
        return iterationFlops(config) * config.solver().maxIterations();
    }
}
