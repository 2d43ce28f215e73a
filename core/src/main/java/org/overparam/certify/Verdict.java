package org.overparam.certify;

/** The outcome rules of README, “How a run ends”, applied to a run's evidence. First match wins. */
public final class Verdict {

    private Verdict() {
    }

    /**
     * Classifies a run.
     *
     * @param objective   f at the final iterate
     * @param reference   certified global value f_ref
     * @param gradNorm    ‖∇f‖ at the final iterate
     * @param hessMinEig  λ_min(∇²f) at the final iterate (NaN when it could not be computed)
     * @param diverged    whether the search reported divergence
     * @param tolerances  the absolute thresholds
     */
    public static Outcome classify(double objective, double reference, double gradNorm, double hessMinEig,
                                   boolean diverged, Tolerances tolerances) {
        if (diverged(objective, gradNorm, diverged)) {
            return Outcome.DIVERGED;
        }
        if (objective <= tolerances.globalThreshold(reference)) {
            return Outcome.GLOBAL;
        }
        if (gradNorm > tolerances.grad()) {
            return Outcome.NOT_CONVERGED;
        }
        // A NaN curvature cannot certify a minimum: count it as a saddle rather than a bad minimum.
        return hessMinEig >= -tolerances.hess() ? Outcome.BAD_LOCAL_MIN : Outcome.SADDLE;
    }

    /**
     * Whether {@link #classify} reaches the curvature test for this evidence, i.e. whether λ_min(∇²f) decides the
     * outcome: the run did not diverge, is above the global threshold, and is stationary.
     */
    public static boolean curvatureDecides(double objective, double reference, double gradNorm, boolean diverged,
                                           Tolerances tolerances) {
        return !diverged(objective, gradNorm, diverged) && !(objective <= tolerances.globalThreshold(reference))
                && !(gradNorm > tolerances.grad());
    }

    private static boolean diverged(double objective, double gradNorm, boolean diverged) {
        return diverged || !Double.isFinite(objective) || !Double.isFinite(gradNorm);
    }

    /** Whether the loss alone is above the global threshold (the loss-threshold view of Safran &amp; Shamir). */
    public static boolean lossBad(double objective, double reference, Tolerances tolerances) {
        return !(objective <= tolerances.globalThreshold(reference));
    }
}
