package org.overparam.experiment;

import java.util.Locale;

/** How gradient descent picks its step. */
public enum StepRule {
    /** x ← x − η∇f(x) with the spec's step. */
    FIXED,
    /** Backtracking from the last accepted step (doubled after 4 iterations in a row whose first trial was
     * accepted, capped at the spec's step·1e6) until the Armijo condition f(x − η∇f) ≤ f(x) − c·η‖∇f‖² holds,
     * c = 1e-4 ({@link org.overparam.solve.StepSize.Armijo}). */
    ARMIJO;

    public String specName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
