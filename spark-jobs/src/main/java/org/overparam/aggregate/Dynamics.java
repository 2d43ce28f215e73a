package org.overparam.aggregate;

import java.util.List;

/**
 * How a cell's runs moved, from columns every row has: quantiles over the runs that neither diverged nor failed,
 * finite values only (as for iterations), of
 *
 * @param escape        {@code escape_iterations}: when f first fell 10% of the way to the reference (the end of the
 *                      spectral phase from a small start)
 * @param rate          {@code convergence_rate}: the per-iteration contraction of f − f_ref over the second half of
 *                      the run (below 1: linear convergence; near 1: sublinear)
 * @param kernel        {@code kernel_min_eig}: λ_min of the tangent kernel at the end (where it was computed)
 * @param recoveryError {@code recovery_error}: ‖X − M*‖_F/‖M*‖_F at the end
 */
public record Dynamics(Quantiles escape, Quantiles rate, Quantiles kernel, Quantiles recoveryError) {

    /** A cell without any of these values. */
    public static final Dynamics NONE = new Dynamics(Quantiles.NONE, Quantiles.NONE, Quantiles.NONE, Quantiles.NONE);

    /** The row columns, in component order. */
    static final List<String> COLUMNS = List.of("escape_iterations", "convergence_rate", "kernel_min_eig",
            "recovery_error");
}
