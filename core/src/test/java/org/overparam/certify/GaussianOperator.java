package org.overparam.certify;

import java.util.random.RandomGenerator;
import org.overparam.problem.sensing.MeasurementOperator;

/**
 * A test-scope dense operator: the n×d² matrix whose row i is vec(A_i) (column-major), applied by plain loops
 * so that it shares no code with the classes under test.
 */
final class GaussianOperator implements MeasurementOperator {

    private final int n;
    private final int d;
    private final boolean symmetric;
    private final double[] rows; // rows[i + n*p] = vec(A_i)[p]

    private GaussianOperator(int n, int d, boolean symmetric, double[] rows) {
        this.n = n;
        this.d = d;
        this.symmetric = symmetric;
        this.rows = rows;
    }

    /** A_i with i.i.d. N(0, 1) entries; symmetrized as (G + Gᵀ)/√2 when {@code symmetric}. */
    static GaussianOperator random(int n, int d, boolean symmetric, RandomGenerator rng) {
        double[] rows = new double[n * d * d];
        for (int i = 0; i < n; i++) {
            double[] g = new double[d * d];
            for (int p = 0; p < d * d; p++) {
                g[p] = rng.nextGaussian();
            }
            for (int b = 0; b < d; b++) {
                for (int a = 0; a < d; a++) {
                    double v = symmetric ? (g[a + d * b] + g[b + d * a]) / Math.sqrt(2) : g[a + d * b];
                    rows[i + n * (a + d * b)] = v;
                }
            }
        }
        return new GaussianOperator(n, d, symmetric, rows);
    }

    /** From explicit rows: {@code vecRows[i][p]} = vec(A_i)[p]. */
    static GaussianOperator ofRows(int d, double[][] vecRows) {
        int n = vecRows.length;
        double[] rows = new double[n * d * d];
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < d * d; p++) {
                rows[i + n * p] = vecRows[i][p];
            }
        }
        return new GaussianOperator(n, d, false, rows);
    }

    @Override
    public int count() {
        return n;
    }

    @Override
    public int dim() {
        return d;
    }

    @Override
    public boolean symmetric() {
        return symmetric;
    }

    @Override
    public int workSize(int rank) {
        return d * d;
    }

    @Override
    public void applyFactored(double[] u, double[] v, int rank, double[] out, double[] work) {
        for (int b = 0; b < d; b++) {
            for (int a = 0; a < d; a++) {
                double s = 0;
                for (int k = 0; k < rank; k++) {
                    s += u[a + d * k] * v[b + d * k];
                }
                work[a + d * b] = s;
            }
        }
        apply(work, out);
    }

    @Override
    public void adjointTimes(double[] w, double[] f, int rank, double[] out, double[] work) {
        adjoint(w, work);
        for (int k = 0; k < rank; k++) {
            for (int a = 0; a < d; a++) {
                double s = 0;
                for (int b = 0; b < d; b++) {
                    s += work[a + d * b] * f[b + d * k];
                }
                out[a + d * k] = s;
            }
        }
    }

    @Override
    public void adjointTransposeTimes(double[] w, double[] f, int rank, double[] out, double[] work) {
        adjoint(w, work);
        for (int k = 0; k < rank; k++) {
            for (int a = 0; a < d; a++) {
                double s = 0;
                for (int b = 0; b < d; b++) {
                    s += work[b + d * a] * f[b + d * k];
                }
                out[a + d * k] = s;
            }
        }
    }

    @Override
    public void apply(double[] m, double[] out) {
        java.util.Arrays.fill(out, 0, n, 0.0);
        for (int p = 0; p < d * d; p++) {
            double mp = m[p];
            int off = n * p;
            for (int i = 0; i < n; i++) {
                out[i] += rows[off + i] * mp;
            }
        }
    }

    @Override
    public void adjoint(double[] w, double[] out) {
        for (int p = 0; p < d * d; p++) {
            double s = 0;
            int off = n * p;
            for (int i = 0; i < n; i++) {
                s += rows[off + i] * w[i];
            }
            out[p] = s;
        }
    }
}
