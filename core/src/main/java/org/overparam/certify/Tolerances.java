package org.overparam.certify;

/**
 * The absolute thresholds a verdict uses, made from scale-free settings and f0 = f(0) (README, “How a run ends”).
 *
 * @param gapRel τ_rel: a run is GLOBAL when f ≤ f_ref + max(τ_rel·|f_ref|, gapAbs)
 * @param gapAbs the absolute part of the global threshold (τ_abs·f0)
 * @param grad   ε_g: stationary when ‖∇f‖ ≤ ε_g
 * @param hess   ε_H: second-order when λ_min(∇²f) ≥ −ε_H
 */
public record Tolerances(double gapRel, double gapAbs, double grad, double hess) {

    public Tolerances {
        if (!(gapRel >= 0) || !(gapAbs >= 0) || !(grad >= 0) || !(hess >= 0)) {
            throw new IllegalArgumentException("tolerances must be >= 0, got gapRel=" + gapRel + ", gapAbs=" + gapAbs
                    + ", grad=" + grad + ", hess=" + hess);
        }
    }

    /** Thresholds from settings relative to f0: gapAbs = τ_abs·f0, ε_g = grad·f0, ε_H = hess·f0. */
    public static Tolerances relativeTo(double f0, double gapRel, double gapAbs, double grad, double hess) {
        double scale = f0 > 0 && Double.isFinite(f0) ? f0 : 1;
        return new Tolerances(gapRel, gapAbs * scale, grad * scale, hess * scale);
    }

    /** The largest objective that still counts as global. */
    public double globalThreshold(double reference) {
        return reference + Math.max(gapRel * Math.abs(reference), gapAbs);
    }
}
