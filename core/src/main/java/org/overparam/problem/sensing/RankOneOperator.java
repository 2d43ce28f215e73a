package org.overparam.problem.sensing;

import java.util.Arrays;
import org.overparam.linalg.Dense;

/**
 * Rank-one measurements A_i = x_i x_iᵀ (a quadratic-activation network's samples): 𝒜(M)_i = x_iᵀ M x_i,
 * 𝒜*(w) = Xᵀ diag(w) X, where X is the n×d sample matrix with rows x_iᵀ.
 *
 * <p>The n×d² matrix is never formed: {@link #applyFactored} computes P = XU and Q = XV and
 * out_i = Σ_k P(i,k)·Q(i,k); {@link #adjointTimes} computes Xᵀ(diag(w)(XF)). Both cost O(n·d·R), in plain loops
 * that allocate nothing;
 * {@link #workSize} is 2·n·R. Every A_i is symmetric, so {@link #adjointTransposeTimes} equals
 * {@link #adjointTimes}.
 */
public final class RankOneOperator implements MeasurementOperator {

    private final int d;
    private final int n;
    /** X, n×d column-major: X(i, a) at i + n·a. */
    private final double[] x;
    /** The same X row by row, X(i, a) at d·i + a: sample x_i contiguous, for the one-pass data term. */
    private final double[] rows;

    private RankOneOperator(int d, int n, double[] x) {
        this.d = d;
        this.n = n;
        this.x = x;
        this.rows = new double[n * d];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < d; a++) {
                rows[d * i + a] = x[i + n * a];
            }
        }
    }

    /**
     * Validates and copies.
     *
     * @param d       dimension of each sample, ≥ 1
     * @param samples X, the n×d matrix with rows x_iᵀ, column-major: X(i, a) at {@code i + n*a}. Length
     *                n·d with n ≥ 1; entries finite.
     */
    public static RankOneOperator of(int d, double[] samples) {
        if (d < 1) {
            throw new IllegalArgumentException("d must be >= 1, got " + d);
        }
        if (samples == null) {
            throw new NullPointerException("samples must not be null");
        }
        if (samples.length == 0 || samples.length % d != 0) {
            throw new IllegalArgumentException("samples must hold an n x d matrix with n >= 1 and d = " + d
                    + ", got length " + samples.length);
        }
        SensingInstance.requireFinite("samples", samples, samples.length);
        return new RankOneOperator(d, samples.length / d, samples.clone());
    }

    /** X row by row (d·i + a), shared: callers must not modify it. */
    double[] rows() {
        return rows;
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
        return true;
    }

    @Override
    public int workSize(int rank) {
        return 2 * n * rank;
    }

    @Override
    public void applyFactored(double[] u, double[] v, int rank, double[] out, double[] work) {
        int nr = n * rank;
        samplesTimes(u, rank, work, 0);
        // The symmetric model calls with u == v: then Q = P and one product is enough.
        int q = 0;
        if (u != v) {
            samplesTimes(v, rank, work, nr);
            q = nr;
        }
        Arrays.fill(out, 0, n, 0.0);
        for (int k = 0; k < rank; k++) {
            int col = n * k;
            for (int i = 0; i < n; i++) {
                out[i] += work[col + i] * work[q + col + i];
            }
        }
    }

    @Override
    public void adjointTimes(double[] w, double[] f, int rank, double[] out, double[] work) {
        samplesTimes(f, rank, work, 0);
        for (int k = 0; k < rank; k++) {
            int col = n * k;
            for (int i = 0; i < n; i++) {
                work[col + i] *= w[i];
            }
        }
        // out = Xᵀ·work: one dot product of length n per entry, summed in sample order.
        for (int k = 0; k < rank; k++) {
            int col = n * k;
            for (int a = 0; a < d; a++) {
                int row = n * a;
                double s = 0;
                for (int i = 0; i < n; i++) {
                    s += x[row + i] * work[col + i];
                }
                out[a + d * k] = s;
            }
        }
    }

    /**
     * One pass over the samples: p_i = Uᵀx_i, res_i = ‖p_i‖² − y_i, out += x_i (res_i p_i)ᵀ, with every sum in the
     * order of the default composition, so the result is bit-identical to it at a third less work (XU is formed
     * once) and with the sample in cache. Uses {@code rank} doubles of {@code work}.
     */
    @Override
    public double residualAndAdjoint(double[] u, int rank, double[] y, double[] res, double[] out, double[] work) {
        Arrays.fill(out, 0, d * rank, 0.0);
        double sum = 0;
        for (int i = 0; i < n; i++) {
            int xi = d * i;
            double fi = 0;
            for (int k = 0; k < rank; k++) {
                int uk = d * k;
                double p = 0;
                for (int a = 0; a < d; a++) {
                    p += rows[xi + a] * u[uk + a];
                }
                work[k] = p;
                fi += p * p;
            }
            double r = fi - y[i];
            res[i] = r;
            sum += r * r;
            for (int k = 0; k < rank; k++) {
                int uk = d * k;
                double t = work[k] * r;
                for (int a = 0; a < d; a++) {
                    out[uk + a] += rows[xi + a] * t;
                }
            }
        }
        return sum;
    }

    /**
     * out[off …] = X·F for a d×rank factor F (n×rank, column-major), as straight loops: at the sizes of a sweep
     * (d·R in the tens) a BLAS call costs more in dispatch than the product itself. Each entry sums over a in order.
     */
    private void samplesTimes(double[] f, int rank, double[] out, int off) {
        for (int k = 0; k < rank; k++) {
            int col = off + n * k;
            Arrays.fill(out, col, col + n, 0.0);
            for (int a = 0; a < d; a++) {
                double fak = f[a + d * k];
                int row = n * a;
                for (int i = 0; i < n; i++) {
                    out[col + i] += x[row + i] * fak;
                }
            }
        }
    }

    @Override
    public void adjointTransposeTimes(double[] w, double[] f, int rank, double[] out, double[] work) {
        adjointTimes(w, f, rank, out, work);
    }

    @Override
    public void apply(double[] m, double[] out) {
        double[] xm = new double[n * d];
        Dense.gemm(false, false, n, d, d, 1.0, x, m, 0.0, xm);
        Arrays.fill(out, 0, n, 0.0);
        for (int a = 0; a < d; a++) {
            int col = n * a;
            for (int i = 0; i < n; i++) {
                out[i] += xm[col + i] * x[col + i];
            }
        }
    }

    @Override
    public void adjoint(double[] w, double[] out) {
        double[] wx = new double[n * d];
        for (int a = 0; a < d; a++) {
            int col = n * a;
            for (int i = 0; i < n; i++) {
                wx[col + i] = w[i] * x[col + i];
            }
        }
        Dense.gemm(true, false, d, d, n, 1.0, x, wx, 0.0, out);
        // (x_a∘w)·x_b and (x_b∘w)·x_a round differently; mirror so that 𝒜*(w) is exactly symmetric.
        for (int b = 0; b < d; b++) {
            for (int a = b + 1; a < d; a++) {
                out[b + d * a] = out[a + d * b];
            }
        }
    }

    @Override
    public String toString() {
        return "RankOneOperator[d=" + d + ", n=" + n + "]";
    }
}
