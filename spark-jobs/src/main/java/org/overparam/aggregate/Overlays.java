package org.overparam.aggregate;

import org.overparam.experiment.Family;

import java.util.List;
import java.util.Map;

/**
 * The theory overlays each family declares. A family without an entry gets none; a new family is one more entry
 * in {@link #BY_FAMILY} (chart code never names a family).
 */
public final class Overlays {

    /** R = r: the proper parameterization, searched rank equal to the true rank. */
    public static final Overlay TRUE_RANK = new Overlay("R = r", "R", p -> p.number("true_rank", "r"),
            "R = r, the proper parameterization: below it the truth is not representable; at it bad second-order"
                    + " local minima can exist, and over-parameterization (R > r) removes them.");

    /** k ≥ √(2n) hidden units: no spurious local minima for quadratic-activation networks. */
    public static final Overlay QUADRATIC_NETWORK = new Overlay("R = √(2n)", "R",
            p -> Math.sqrt(2 * p.number("n")),
            "R = √(2n): with at least √(2n) quadratic units every second-order local minimum of the n-sample loss"
                    + " is global (Du & Lee 2018; Soltanolkotabi, Javanmard & Lee 2018).");

    /** p(p+1)/2 > n: Burer–Monteiro rank for which the Max-Cut SDP has no spurious second-order points. */
    public static final Overlay BURER_MONTEIRO = new Overlay("p(p+1)/2 = n", "R",
            p -> (Math.sqrt(8 * p.number("n") + 1) - 1) / 2,
            "p(p+1)/2 = n: above this rank the Burer–Monteiro factorization of an SDP with n constraints has, for"
                    + " generic costs, only global second-order critical points (Boumal, Voroninski & Bandeira 2016).");

    /** R = n: least squares with at least as many parameters as samples interpolates (GD finds the θ₀-projection). */
    public static final Overlay INTERPOLATION = new Overlay("R = n", "R", p -> p.number("n"),
            "R = n, the interpolation threshold: with at least as many parameters as samples the least-squares loss"
                    + " reaches 0 and gradient descent converges to the interpolating solution closest to its start.");

    /**
     * Family spec name (as the rows spell it) → its overlays, in legend order. Keys are names rather than
     * {@link Family} constants because rows may come from families a build does not know.
     */
    private static final Map<String, List<Overlay>> BY_FAMILY = Map.of(
            Family.MATRIX_SENSING.specName(), List.of(TRUE_RANK),
            Family.SYMMETRIC_SENSING.specName(), List.of(TRUE_RANK),
            Family.QUADRATIC_NETWORK.specName(), List.of(TRUE_RANK, QUADRATIC_NETWORK),
            Family.RELU_TEACHER_STUDENT.specName(), List.of(TRUE_RANK),
            Family.MAXCUT_BM.specName(), List.of(BURER_MONTEIRO),
            Family.LEAST_SQUARES.specName(), List.of(INTERPOLATION));

    private Overlays() {
    }

    /** The overlays of the family with this spec name; none for an unknown family or null. */
    public static List<Overlay> forFamily(Object family) {
        return family instanceof String name ? BY_FAMILY.getOrDefault(name, List.of()) : List.of();
    }
}
