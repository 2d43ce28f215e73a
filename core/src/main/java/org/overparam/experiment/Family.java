package org.overparam.experiment;

import java.util.Locale;

/** The kinds of landscape a sweep can measure. Spec names are the lower-case, dash-separated constant names. */
public enum Family {
    /** f(U,V) = (1/n)Σ(⟨A_i,UVᵀ⟩−y_i)² + λ(‖U‖²+‖V‖²). */
    MATRIX_SENSING,
    /** f(U) = (1/n)Σ(⟨A_i,UUᵀ⟩−y_i)² + λ‖U‖², PSD truth. */
    SYMMETRIC_SENSING,
    /** Σ_j (w_jᵀx)² networks: symmetric sensing with rank-one A_i = x_i x_iᵀ and the regularizer ⟨C, WᵀW⟩. */
    QUADRATIC_NETWORK;

    /** The name used in specs and rows, e.g. {@code matrix-sensing}. */
    public String specName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Whether the model is U Uᵀ (one factor) rather than U Vᵀ. */
    public boolean symmetricModel() {
        return this != MATRIX_SENSING;
    }
}
