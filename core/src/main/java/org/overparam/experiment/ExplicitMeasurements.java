package org.overparam.experiment;

import java.util.Arrays;
import java.util.List;

/**
 * Hand-built sensing instance: the matrices A_i and the truth M*, each d×d given row by row.
 * Measurements are y_i = ⟨A_i, M*⟩ (plus the problem's noise, if any).
 */
public record ExplicitMeasurements(List<double[][]> matrices, double[][] truth) implements Explicit {

    public ExplicitMeasurements {
        Checks.require(matrices != null && !matrices.isEmpty(), () -> "problem.matrices must hold at least one matrix");
        Checks.require(truth != null && truth.length > 0, () -> "problem.truth must be a non-empty square matrix");
        int d = truth.length;
        checkSquare("problem.truth", truth, d);
        for (int i = 0; i < matrices.size(); i++) {
            checkSquare("problem.matrices[" + i + "]", matrices.get(i), d);
        }
        matrices = matrices.stream().map(ExplicitMeasurements::copy).toList();
        truth = copy(truth);
    }

    public int dim() {
        return truth.length;
    }

    @Override
    public int count() {
        return matrices.size();
    }

    /** Column-major copy of A_i. */
    public double[] matrix(int i) {
        return columnMajor(matrices.get(i));
    }

    /** Column-major copy of M*. */
    public double[] truthColumnMajor() {
        return columnMajor(truth);
    }

    private static double[] columnMajor(double[][] rows) {
        int d = rows.length;
        double[] out = new double[d * d];
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < d; b++) {
                out[a + d * b] = rows[a][b];
            }
        }
        return out;
    }

    private static void checkSquare(String key, double[][] m, int d) {
        Checks.require(m.length == d, () -> key + " must be " + d + "x" + d + ", got " + m.length + " rows");
        for (double[] row : m) {
            Checks.require(row != null && row.length == d, () ->
                    key + " must be " + d + "x" + d + ", got a row of " + (row == null ? 0 : row.length));
            for (double v : row) {
                Checks.require(Double.isFinite(v), () -> key + " entries must be finite numbers, got " + v);
            }
        }
    }

    private static double[][] copy(double[][] m) {
        return Arrays.stream(m).map(double[]::clone).toArray(double[][]::new);
    }

    /** Canonical text for hashing: every entry in hexadecimal. */
    @Override
    public String canonical() {
        StringBuilder sb = new StringBuilder("explicit[");
        for (double[][] m : matrices) {
            sb.append(Canonical.of(m));
        }
        return sb.append("|").append(Canonical.of(truth)).append("]").toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ExplicitMeasurements e && canonical().equals(e.canonical());
    }

    @Override
    public int hashCode() {
        return canonical().hashCode();
    }

    @Override
    public String toString() {
        return "ExplicitMeasurements[d=" + dim() + ", n=" + count() + "]";
    }
}
