package org.overparam.certify;

import java.util.Locale;

/** How the global reference f_ref of a run was certified. */
public enum ReferenceKind {
    /** Noiseless, unregularized and realizable: the global optimum is exactly 0. */
    ZERO,
    /** min_M (1/n)‖𝒜(M)−y‖² + 2λ‖M‖_*, solved to a recorded duality gap (asymmetric models). */
    NUCLEAR_NORM,
    /** min_{M⪰0} (1/n)‖𝒜(M)−y‖² + ⟨λI + C, M⟩, solved to a recorded duality gap (symmetric models). */
    PSD_TRACE;

    public String specName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
