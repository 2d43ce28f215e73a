package org.overparam.problem.maxcut;

import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * One Max-Cut SDP instance: the symmetric cost C (n×n, column-major, C(i, j) at {@code i + n*j}) of
 *
 * <pre>
 *   min ⟨C, X⟩  s.t.  diag(X) = 1,  X ⪰ 0.
 * </pre>
 *
 * For a graph with Laplacian L, C = −L/4 makes ⟨C, yyᵀ⟩ = −(1/4) Σ_{ij ∈ E} (y_i − y_j)² = −cut(y) for every
 * y ∈ {±1}ⁿ, so the SDP optimum is −(the Goemans–Williamson upper bound on the max cut).
 *
 * <p>Immutable and thread-safe: the matrix is copied in, stored exactly symmetric and never exposed except as a
 * copy ({@link #cost()}).
 */
public final class MaxCutInstance {

    /** Asymmetry allowed by {@link #of}: |C_ij − C_ji| ≤ this · max_kl |C_kl| (rounding of a computed matrix). */
    public static final double SYMMETRY_RTOL = 1e-12;

    private final int n;
    private final double[] cost;
    private final double scale;
    private final double maxRowSum;

    private MaxCutInstance(int n, double[] cost) {
        this.n = n;
        this.cost = cost;
        double total = 0;
        double rowMax = 0;
        for (int i = 0; i < n; i++) {
            double row = 0;
            for (int j = 0; j < n; j++) {
                row += Math.abs(cost[i + n * j]);
            }
            total += row;
            rowMax = Math.max(rowMax, row);
        }
        this.scale = total;
        this.maxRowSum = rowMax;
    }

    /**
     * The Erdős–Rényi graph G(n, q) with C = −L/4. Each unordered pair {i, j}, i &lt; j, is an edge when
     * {@code rng.nextDouble() < q}, drawn in the fixed order (0,1), (0,2), …, (0,n−1), (1,2), …, (n−2,n−1)
     * (row by row over the upper triangle). Exactly n(n−1)/2 doubles are drawn whatever q is, so the generator's
     * later draws do not depend on q.
     *
     * @param n               nodes, ≥ 2
     * @param edgeProbability q in [0, 1]
     * @param rng             the instance generator
     */
    public static MaxCutInstance randomGraph(int n, double edgeProbability, RandomGenerator rng) {
        requireSize(n);
        if (!(edgeProbability >= 0 && edgeProbability <= 1)) {
            throw new IllegalArgumentException("edgeProbability must be in [0, 1], got " + edgeProbability);
        }
        Objects.requireNonNull(rng, "rng must not be null");
        double[] c = new double[n * n];
        for (int i = 0; i < n - 1; i++) {
            for (int j = i + 1; j < n; j++) {
                if (rng.nextDouble() < edgeProbability) {
                    // −L/4: +1/4 off the diagonal for the edge, −1/4 per incident edge on the diagonal.
                    c[i + n * j] = 0.25;
                    c[j + n * i] = 0.25;
                    c[i + n * i] -= 0.25;
                    c[j + n * j] -= 0.25;
                }
            }
        }
        return new MaxCutInstance(n, c);
    }

    /**
     * An explicit cost matrix, validated and copied. Entries must be finite and symmetric up to rounding,
     * |C_ij − C_ji| ≤ {@value #SYMMETRY_RTOL}·max_kl |C_kl|; the stored matrix is (C + Cᵀ)/2, exactly symmetric.
     *
     * @param n    nodes, ≥ 2
     * @param cost C, n×n column-major (length n²)
     */
    public static MaxCutInstance of(int n, double[] cost) {
        requireSize(n);
        Objects.requireNonNull(cost, "cost must not be null");
        if (cost.length != n * n) {
            throw new IllegalArgumentException("cost must have length n² = " + n * n + " for n = " + n + ", got "
                    + cost.length);
        }
        double max = 0;
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                double v = cost[i + n * j];
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("cost must be finite, got " + v + " at (" + i + ", " + j + ")");
                }
                max = Math.max(max, Math.abs(v));
            }
        }
        double[] c = new double[n * n];
        for (int j = 0; j < n; j++) {
            for (int i = j; i < n; i++) {
                double lower = cost[i + n * j];
                double upper = cost[j + n * i];
                if (!(Math.abs(lower - upper) <= SYMMETRY_RTOL * max)) {
                    throw new IllegalArgumentException("cost must be symmetric (|C_ij − C_ji| ≤ " + SYMMETRY_RTOL
                            + "·max|C| = " + SYMMETRY_RTOL * max + "), got C(" + i + ", " + j + ") = " + lower
                            + " and C(" + j + ", " + i + ") = " + upper);
                }
                double s = 0.5 * (lower + upper);
                c[i + n * j] = s;
                c[j + n * i] = s;
            }
        }
        return new MaxCutInstance(n, c);
    }

    private static void requireSize(int n) {
        if (n < 2) {
            throw new IllegalArgumentException("n must be ≥ 2, got " + n);
        }
        if ((long) n * n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("n² must fit in an array, got n = " + n);
        }
    }

    /** n, the number of nodes (the side of C). */
    public int n() {
        return n;
    }

    /** C, n×n column-major (a copy). */
    public double[] cost() {
        return cost.clone();
    }

    /** C itself, for the models of this package, which only read it. */
    double[] costShared() {
        return cost;
    }

    /**
     * Σ_ij |C_ij|: an upper bound on |⟨C, X⟩| over the feasible set (diag X = 1 and X ⪰ 0 give |X_ij| ≤ 1),
     * used as the objective scale f0 of the tolerances.
     */
    public double scale() {
        return scale;
    }

    /** max_i Σ_j |C_ij|, which bounds ‖C‖₂ and |⟨(CY)_i, y_i⟩| for unit rows y_i. */
    public double maxRowSum() {
        return maxRowSum;
    }

    /** A fresh Burer–Monteiro model of rank p (one per run; not thread-safe). */
    public BurerMonteiro model(int p) {
        return BurerMonteiro.of(this, p);
    }

    @Override
    public String toString() {
        return "MaxCutInstance[n=" + n + ", scale=" + scale + "]";
    }
}
