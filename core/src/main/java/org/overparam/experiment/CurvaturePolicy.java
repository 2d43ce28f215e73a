package org.overparam.experiment;

import java.util.Locale;

/** When a run computes λ_min of the Hessian at its end point (the {@code hess_min_eig} column). */
public enum CurvaturePolicy {
    /**
     * Only where it decides the outcome: the run did not diverge, is not GLOBAL, and is stationary, so that
     * λ_min tells BAD_LOCAL_MIN from SADDLE (README, “How a run ends”). Elsewhere the column is null: a GLOBAL run
     * is certified by the reference, a NOT_CONVERGED one by its gradient, and the eigenvalue would decide nothing.
     */
    DECISIVE,
    /** At every run's end point that did not diverge (the behaviour before the default became DECISIVE). */
    ALWAYS;

    public String specName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
