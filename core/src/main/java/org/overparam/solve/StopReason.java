package org.overparam.solve;

import java.util.Locale;

/** Why a local search stopped. */
public enum StopReason {
    /** ‖∇f‖ fell to the gradient tolerance. */
    GRADIENT_TOLERANCE,
    /** f reached the target (a certified global value). */
    TARGET_REACHED,
    /** The iteration budget ran out. */
    MAX_ITERATIONS,
    /** A value was not finite or exceeded the divergence bound. */
    DIVERGED,
    /** Backtracking could not find a decreasing step: numerically stationary. */
    NO_DESCENT,
    /** The run threw an exception before it could stop. */
    ERROR;

    public String specName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
