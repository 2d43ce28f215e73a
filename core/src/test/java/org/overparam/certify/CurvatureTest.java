package org.overparam.certify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.overparam.linalg.TestMatrices;
import org.overparam.problem.Objective;
import org.overparam.random.Seeds;

class CurvatureTest {

    /** Dense path: SymmetricEigen on an exactly known spectrum of norm ≤ 10, error O(N·ε·‖Q‖) ≈ 1e-13 (N = 250). */
    private static final double DENSE_TOL = 1e-11;

    /**
     * Lanczos path: stops at a relative Ritz residual of 1e-10, so |θ − λ_min| ≤ 1e-10·max(1, |θ|) at worst
     * (residual²/gap in practice): 1e-9 is conservative.
     */
    private static final double LANCZOS_TOL = 1e-9;

    /** Zero modes come out as ±rounding: the certificate test is h ≥ −tol with tol this size. */
    private static final double ZERO_MODE_TOL = 1e-10;

    /** A spectrum with a separated minimum −0.5 and the rest spread over [0, 10]. */
    private static double[] spectrum(int n, RandomGenerator rng) {
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            s[i] = i == 0 ? -0.5 : 10 * rng.nextDouble();
        }
        return s;
    }

    static Stream<Arguments> sizes() {
        return Stream.of(Arguments.of(1L, 30), Arguments.of(2L, 120), Arguments.of(3L, 200), Arguments.of(4L, 250));
    }

    @ParameterizedTest(name = "seed={0}, N={1}")
    @MethodSource("sizes")
    void denseAndLanczosAgreeWithTheKnownMinimum(long seed, int n) {
        RandomGenerator rng = Seeds.generator(seed);
        double[] q = TestMatrices.withSpectrum(spectrum(n, rng), rng);
        Objective f = new QuadraticObjective(n, q);
        double[] x = TestMatrices.gaussian(n, 1, rng);

        Curvature auto = Curvature.of(f, x, seed + 1);
        assertEquals(n <= Curvature.DENSE_MAX_DIMENSION ? Curvature.Method.DENSE : Curvature.Method.LANCZOS,
                auto.method());
        Curvature dense = Curvature.dense(f, x);
        Curvature lanczos = Curvature.lanczos(f, x, seed + 1);
        assertEquals(-0.5, dense.minEigenvalue(), DENSE_TOL);
        assertEquals(-0.5, lanczos.minEigenvalue(), LANCZOS_TOL);
        assertEquals(dense.minEigenvalue(), lanczos.minEigenvalue(), LANCZOS_TOL);
        assertTrue(dense.residual() <= DENSE_TOL, "dense residual " + dense.residual());
        assertTrue(lanczos.residual() <= 1e-8, "lanczos residual " + lanczos.residual());
    }

    /**
     * f(x) = (‖x‖² − 1)²: rotation invariant, so at any unit x the Hessian 8xxᵀ has the exact zero eigenvalue
     * with multiplicity N − 1, like the U → UQ symmetry of a factored loss.
     */
    static final class Quartic implements Objective {
        private final int n;

        Quartic(int n) {
            this.n = n;
        }

        @Override
        public int dimension() {
            return n;
        }

        @Override
        public double value(double[] x) {
            double s = -1;
            for (double v : x) {
                s += v * v;
            }
            return s * s;
        }

        @Override
        public double valueAndGradient(double[] x, double[] g) {
            double s = -1;
            for (double v : x) {
                s += v * v;
            }
            for (int i = 0; i < n; i++) {
                g[i] = 4 * s * x[i];
            }
            return s * s;
        }

        @Override
        public void hessianVector(double[] x, double[] v, double[] out) {
            double s = -1;
            double xv = 0;
            for (int i = 0; i < n; i++) {
                s += x[i] * x[i];
                xv += x[i] * v[i];
            }
            for (int i = 0; i < n; i++) {
                out[i] = 4 * s * v[i] + 8 * xv * x[i];
            }
        }
    }

    @ParameterizedTest(name = "N={0}")
    @MethodSource("zeroModeSizes")
    void symmetryZeroModesPassTheNonNegativityTestWithTolerance(int n) {
        double[] x = TestMatrices.gaussian(n, 1, Seeds.generator(n));
        double norm = TestMatrices.frobenius(x);
        for (int i = 0; i < n; i++) {
            x[i] /= norm;
        }
        Curvature c = Curvature.of(new Quartic(n), x, 3L);
        assertTrue(c.minEigenvalue() >= -ZERO_MODE_TOL, "h = " + c.minEigenvalue());
        assertTrue(c.minEigenvalue() <= ZERO_MODE_TOL, "h = " + c.minEigenvalue());
    }

    static Stream<Integer> zeroModeSizes() {
        return Stream.of(20, 400);
    }

    @Test
    void nonFiniteInputOrHessianGivesNaN() {
        Objective f = new Quartic(5);
        double[] x = {1, 0, 0, Double.NaN, 0};
        Curvature c = Curvature.of(f, x, 1L);
        assertTrue(Double.isNaN(c.minEigenvalue()) && Double.isNaN(c.residual()));
        assertTrue(Double.isNaN(Curvature.lanczos(f, x, 1L).minEigenvalue()));

        double[] huge = {1e200, 0, 0, 0, 0}; // (‖x‖² − 1) overflows: the Hessian is not finite
        assertTrue(Double.isNaN(Curvature.dense(f, huge).minEigenvalue()));
        assertTrue(Double.isNaN(Curvature.lanczos(f, huge, 1L).minEigenvalue()));
    }

    @Test
    void rejectsMismatchedDimension() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Curvature.of(new Quartic(4), new double[3], 1L));
        assertTrue(e.getMessage().contains("dimension"));
    }
}
