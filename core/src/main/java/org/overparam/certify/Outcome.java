package org.overparam.certify;

/** How a run ended, decided from its evidence by the rules of README, “How a run ends”, first match wins. */
public enum Outcome {
    /** A non-finite value, or the objective blew past its bound. */
    DIVERGED,
    /** f ≤ f_ref + max(τ_rel·|f_ref|, τ_abs·f0). */
    GLOBAL,
    /** Not global, ‖∇f‖ ≤ ε_g and λ_min(∇²f) ≥ −ε_H: a second-order stationary point above the optimum. */
    BAD_LOCAL_MIN,
    /** Not global, ‖∇f‖ ≤ ε_g and λ_min(∇²f) &lt; −ε_H. */
    SADDLE,
    /** Not global and ‖∇f‖ &gt; ε_g when the budget ran out. */
    NOT_CONVERGED,
    /** The run threw instead of ending (a bug or a failing numerical library): recorded, never classified. */
    FAILED
}
