package org.overparam.experiment;

import java.util.Locale;

/**
 * How an instance's data are drawn: the sensing matrices A_i, the inputs of a network or regression, or the graph
 * of Max-Cut. Spec names are the lower-case, dash-separated constant names.
 */
public enum OperatorKind {
    /** A_i with i.i.d. N(0,1) entries; for networks and least squares, inputs with i.i.d. N(0,1) entries. */
    GAUSSIAN,
    /** A_i = (G_i + G_iᵀ)/2, G_i with i.i.d. N(0,1) entries. */
    SYMMETRIC_GAUSSIAN,
    /** A_i = x_i x_iᵀ, x_i ~ N(0, I_d): the quadratic-activation network's samples. */
    RANK_ONE,
    /** A_i = e_a e_bᵀ for n entries (a, b) drawn uniformly without replacement: matrix completion. */
    ENTRY_SAMPLING,
    /** Matrices given in the spec, for hand-built instances; y_i = ⟨A_i, M*⟩ with M* given too. */
    EXPLICIT,
    /** An Erdős–Rényi graph G(n, ½) on the n nodes; Max-Cut's cost is C = −L/4 with L its Laplacian. */
    RANDOM_GRAPH;

    public String specName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
