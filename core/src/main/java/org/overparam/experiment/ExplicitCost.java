package org.overparam.experiment;

import java.util.Arrays;

/** A hand-built Max-Cut instance: the symmetric n×n cost C of min ⟨C, YYᵀ⟩, given row by row. */
public record ExplicitCost(double[][] cost) implements Explicit {

    /** |C_ij − C_ji| allowed, relative to the largest |C_ij|. */
    private static final double SYMMETRY_TOLERANCE = 1e-12;

    public ExplicitCost {
        Checks.require(cost != null && cost.length >= 2, () -> "problem.cost must be a square matrix of at least 2x2");
        double[][] given = cost;
        int n = given.length;
        double largest = 0;
        for (double[] row : given) {
            Checks.require(row != null && row.length == n, () -> "problem.cost must be " + n + "x" + n + ", got a row of "
                    + (row == null ? 0 : row.length));
            for (double v : row) {
                Checks.require(Double.isFinite(v), () -> "problem.cost entries must be finite numbers, got " + v);
                largest = Math.max(largest, Math.abs(v));
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                int a = i;
                int b = j;
                Checks.require(Math.abs(given[a][b] - given[b][a]) <= SYMMETRY_TOLERANCE * largest, () ->
                        "problem.cost must be symmetric, got C[" + a + "][" + b + "] = " + given[a][b] + " and C[" + b
                                + "][" + a + "] = " + given[b][a]);
            }
        }
        cost = Arrays.stream(given).map(double[]::clone).toArray(double[][]::new);
    }

    @Override
    public double[][] cost() {
        return Arrays.stream(cost).map(double[]::clone).toArray(double[][]::new);
    }

    @Override
    public int count() {
        return cost.length;
    }

    /** Column-major copy of C. */
    public double[] columnMajor() {
        int n = cost.length;
        double[] out = new double[n * n];
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                out[a + n * b] = cost[a][b];
            }
        }
        return out;
    }

    @Override
    public String canonical() {
        return "cost" + Canonical.of(cost);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ExplicitCost e && canonical().equals(e.canonical());
    }

    @Override
    public int hashCode() {
        return canonical().hashCode();
    }

    @Override
    public String toString() {
        return "ExplicitCost[n=" + cost.length + "]";
    }
}
