package org.overparam.problem.sensing;

import java.util.Objects;
import java.util.random.RandomGenerator;
import org.overparam.linalg.Dense;

/** Random ground truths M* for matrix sensing. */
public final class Truths {

    private Truths() {
    }

    /**
     * M* = U* Σ V*ᵀ (d×d column-major) of rank r, or M* = U* Σ U*ᵀ (PSD, exactly symmetric) when
     * {@code symmetric}. U*, V* are the orthonormal Q factors (signs fixed so diag(R) &gt; 0, hence Haar) of
     * d×r Gaussian matrices, drawn U* first then V*, each column-major. Σ = diag(σ_0..σ_{r−1}) with
     * σ_k = condition^{−k/(r−1)} geometric from 1 down to 1/condition (σ_0 = 1 when r = 1).
     *
     * @param r         rank, in [1, d]
     * @param condition σ_max/σ_min, finite and ≥ 1
     */
    public static double[] lowRank(int d, int r, double condition, boolean symmetric, RandomGenerator rng) {
        if (d < 1) {
            throw new IllegalArgumentException("d must be >= 1, got " + d);
        }
        if (r < 1 || r > d) {
            throw new IllegalArgumentException("r must be in [1, d=" + d + "], got " + r);
        }
        if (!(condition >= 1) || !Double.isFinite(condition)) {
            throw new IllegalArgumentException("condition must be a finite number >= 1, got " + condition);
        }
        Objects.requireNonNull(rng, "rng must not be null");
        double[] u = orthonormalGaussian(d, r, rng);
        double[] v = symmetric ? u : orthonormalGaussian(d, r, rng);
        double[] us = u.clone();
        for (int k = 0; k < r; k++) {
            double sigma = r == 1 ? 1.0 : Math.pow(condition, -(double) k / (r - 1));
            for (int a = 0; a < d; a++) {
                us[a + d * k] *= sigma;
            }
        }
        double[] m = new double[d * d];
        Dense.gemm(false, true, d, d, r, 1.0, us, v, 0.0, m);
        if (symmetric) {
            // Rounding makes U Σ Uᵀ asymmetric in the last bit; PSD references expect exact symmetry.
            for (int b = 0; b < d; b++) {
                for (int a = b + 1; a < d; a++) {
                    double s = 0.5 * (m[a + d * b] + m[b + d * a]);
                    m[a + d * b] = s;
                    m[b + d * a] = s;
                }
            }
        }
        return m;
    }

    private static double[] orthonormalGaussian(int d, int r, RandomGenerator rng) {
        double[] g = new double[d * r];
        for (int j = 0; j < g.length; j++) {
            g[j] = rng.nextGaussian();
        }
        Dense.orthonormalizeColumns(d, r, g);
        return g;
    }
}
