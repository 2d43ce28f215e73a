package org.overparam.certify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.overparam.linalg.SymmetricEigen;
import org.overparam.random.Seeds;

class DualCertificateTest {

    /** SymmetricEigen on a 9×9 matrix with entries O(1)–O(10): error ≈ n·ε·‖S‖ ≈ 1e-14; 1e-10 leaves room. */
    private static final double EIGEN_TOL = 1e-10;

    /** Sums of n·p products of O(1) terms. */
    private static final double SUM_TOL = 1e-12;

    private static final int N = 9;
    private static final int P = 3;

    private static double[] symmetricGaussian(int n, RandomGenerator rng) {
        double[] c = new double[n * n];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i <= j; i++) {
                double v = rng.nextGaussian();
                c[i + n * j] = v;
                c[j + n * i] = v;
            }
        }
        return c;
    }

    private static double[] unitRows(int n, int p, RandomGenerator rng) {
        double[] y = new double[n * p];
        for (int j = 0; j < y.length; j++) {
            y[j] = rng.nextGaussian();
        }
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int k = 0; k < p; k++) {
                s += y[i + n * k] * y[i + n * k];
            }
            for (int k = 0; k < p; k++) {
                y[i + n * k] /= Math.sqrt(s);
            }
        }
        return y;
    }

    /** ⟨C, YYᵀ⟩ = Σ_ij C_ij ⟨y_i, y_j⟩, by the definition. */
    private static double primal(int n, int p, double[] c, double[] y) {
        double f = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double g = 0;
                for (int k = 0; k < p; k++) {
                    g += y[i + n * k] * y[j + n * k];
                }
                f += c[i + n * j] * g;
            }
        }
        return f;
    }

    private static double minEigenvalueOfShifted(int n, double[] c, double[] nu) {
        double[] s = c.clone();
        for (int i = 0; i < n; i++) {
            s[i + n * i] -= nu[i];
        }
        return SymmetricEigen.of(n, s).min();
    }

    @ParameterizedTest(name = "seed={0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void shiftedMultipliersAreDualFeasibleAndBoundEveryFeasiblePoint(long seed) {
        RandomGenerator rng = Seeds.generator(seed);
        double[] c = symmetricGaussian(N, rng);
        double[] y = unitRows(N, P, rng);
        DualCertificate cert = DualCertificate.of(N, c, y, P);
        assertTrue(cert.minEigenvalue() < 0, "a random point is not optimal: λ_min(S) = " + cert.minEigenvalue());
        assertFalse(cert.certified(1e-6));

        double[] mu = DualCertificate.multipliers(N, c, y, P);
        double sum = 0;
        for (double m : mu) {
            sum += m;
        }
        assertEquals(primal(N, P, c, y), cert.value(), SUM_TOL * N * N, "f = ⟨C, YYᵀ⟩");
        assertEquals(sum, cert.value(), SUM_TOL, "f = Σμ");
        assertEquals(minEigenvalueOfShifted(N, c, mu), cert.minEigenvalue(), EIGEN_TOL);
        assertEquals(N * -cert.minEigenvalue(), cert.gap(), 0.0);
        assertEquals(cert.value() - cert.gap(), cert.lowerBound(), 0.0);
        assertTrue(cert.lowerBound() <= cert.value());
        assertTrue(cert.residual() <= EIGEN_TOL, "eigen-residual " + cert.residual());

        double[] nu = mu.clone();
        for (int i = 0; i < N; i++) {
            nu[i] -= cert.gap() / N;
        }
        assertTrue(minEigenvalueOfShifted(N, c, nu) >= -EIGEN_TOL, "C − Diag(μ − gap/n) ⪰ 0");

        // Weak duality: the bound is below ⟨C, ZZᵀ⟩ for every feasible Z, of any rank.
        for (int t = 0; t < 50; t++) {
            int q = 1 + t % 5;
            double[] z = unitRows(N, q, rng);
            double f = primal(N, q, c, z);
            assertTrue(cert.lowerBound() <= f + SUM_TOL * N * N, "bound " + cert.lowerBound() + " > ⟨C, ZZᵀ⟩ " + f);
        }
    }

    @Test
    void psdCertificateHasNoGap() {
        // C = −11ᵀ: Y with equal rows gives μ = −n·1, S = nI − 11ᵀ ⪰ 0 with λ_min = 0, and f = −n² is optimal.
        int n = 5;
        double[] c = new double[n * n];
        java.util.Arrays.fill(c, -1.0);
        double[] y = new double[n * 2];
        for (int i = 0; i < n; i++) {
            y[i] = 0.6;
            y[i + n] = -0.8;
        }
        DualCertificate cert = DualCertificate.of(n, c, y, 2);
        assertEquals(-n * n, cert.value(), SUM_TOL * n * n);
        assertEquals(0.0, cert.minEigenvalue(), EIGEN_TOL);
        assertTrue(cert.certified(EIGEN_TOL));
        assertEquals(n * Math.max(0, -cert.minEigenvalue()), cert.gap(), 0.0);
        assertEquals(cert.value(), cert.lowerBound(), n * EIGEN_TOL);
    }

    @Test
    void nonFiniteInputIsNotCertified() {
        double[] c = {1, 0, 0, 1};
        DualCertificate cert = DualCertificate.of(2, c, new double[] {Double.NaN, 1, 0, 0}, 2);
        assertTrue(Double.isNaN(cert.minEigenvalue()) && Double.isNaN(cert.lowerBound()));
        assertFalse(cert.certified(1.0));
    }

    @Test
    void validatesItsArguments() {
        String y = assertThrows(IllegalArgumentException.class,
                () -> DualCertificate.of(2, new double[4], new double[3], 2)).getMessage();
        assertTrue(y.contains("y must have length n·p = 4, got 3"), y);
        String c = assertThrows(IllegalArgumentException.class,
                () -> DualCertificate.of(2, new double[3], new double[4], 2)).getMessage();
        assertTrue(c.contains("cost must have length n² = 4, got 3"), c);
        assertThrows(IllegalArgumentException.class, () -> DualCertificate.of(2, new double[4], new double[0], 0));
        String tol = assertThrows(IllegalArgumentException.class,
                () -> new DualCertificate(0, 0, 0, 0, 0).certified(Double.NaN)).getMessage();
        assertTrue(tol.contains("tol must be ≥ 0, got NaN"), tol);
    }
}
