package org.overparam.certify;

import java.util.Locale;

/** How the global reference f_ref of a run was certified. */
public enum ReferenceKind {
    /** Noiseless, unregularized and realizable: the global optimum is exactly 0. */
    ZERO,
    /** min_M (1/n)‖𝒜(M)−y‖² + 2λ‖M‖_*, solved to a recorded duality gap (asymmetric models). */
    NUCLEAR_NORM,
    /** min_{M⪰0} (1/n)‖𝒜(M)−y‖² + ⟨λI + C, M⟩, solved to a recorded duality gap (symmetric models). */
    PSD_TRACE,
    /**
     * Max-Cut SDP min ⟨C, X⟩ over diag(X) = 1, X ⪰ 0: the value of a Burer–Monteiro point whose dual certificate
     * S = C − Diag(diag(C Y Yᵀ)) was checked, recorded as the certified lower bound f − n·max(0, −λ_min(S)).
     */
    DUAL_CERTIFICATE,
    /** A convex least-squares problem solved in closed form (SVD pseudo-inverse). */
    LEAST_SQUARES;

    public String specName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
