package org.overparam.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.overparam.random.Seeds;

class LanczosTest {

    /**
     * Relative agreement with SymmetricEigen on λ_min: the Ritz residual is driven to 1e-10·max(1, |θ|), and for a
     * Ritz value the eigenvalue error is below residual²/gap (far smaller) or at worst the residual itself.
     */
    static final double VALUE_TOL = 1e-9;

    /** Requested relative Ritz residual. */
    private static final double TOL = 1e-10;

    /** Rounding floor of a converged residual ‖Ax − θx‖ relative to ‖A‖_F. */
    private static final double RESIDUAL_TOL = 1e-9;

    static Lanczos.Operator dense(int n, double[] a) {
        return (v, out) -> {
            double[] av = TestMatrices.times(n, n, a, v);
            System.arraycopy(av, 0, out, 0, n);
        };
    }

    static Stream<Arguments> randomCases() {
        return Stream.of(Arguments.of(1L, 5), Arguments.of(2L, 17), Arguments.of(3L, 60), Arguments.of(4L, 150),
                Arguments.of(5L, 300));
    }

    @ParameterizedTest(name = "seed={0}, N={1}")
    @MethodSource("randomCases")
    void matchesDenseEigenOnIndefiniteGaussianMatrices(long seed, int n) {
        double[] a = TestMatrices.symmetric(n, Seeds.generator(seed));
        assertMatchesDense(n, a, lanczosSeed(seed));
    }

    /**
     * The start vector must not share the matrix's seed: withSpectrum's Q is Gram–Schmidt of the same Gaussian
     * draws, so the start vector would be an exact eigenvector and the Krylov space invariant at once.
     */
    static long lanczosSeed(long matrixSeed) {
        return matrixSeed ^ 0x5EED5EEDL;
    }

    static Stream<Arguments> spectra() {
        RandomGenerator rng = Seeds.generator(99);
        double[] psdLowRank = new double[80]; // 70 exact zeros: λ_min = 0 with multiplicity 70
        for (int i = 70; i < 80; i++) {
            psdLowRank[i] = 1 + rng.nextDouble();
        }
        double[] repeatedMin = new double[120]; // λ_min = −1 four times, rest in [0, 5]
        for (int i = 0; i < 120; i++) {
            repeatedMin[i] = i < 4 ? -1 : 5 * rng.nextDouble();
        }
        double[] indefinite = new double[200]; // spread over [−3, 7], with a small gap at the bottom
        for (int i = 0; i < 200; i++) {
            indefinite[i] = i == 0 ? -3 : -2.5 + 9.5 * rng.nextDouble();
        }
        double[] clustered = new double[40]; // tight cluster at the bottom
        for (int i = 0; i < 40; i++) {
            clustered[i] = i < 3 ? -1 - 1e-6 * i : 2 + rng.nextDouble();
        }
        return Stream.of(Arguments.of(21L, "psd-low-rank", psdLowRank), Arguments.of(22L, "repeated-min", repeatedMin),
                Arguments.of(23L, "indefinite", indefinite), Arguments.of(24L, "clustered", clustered));
    }

    @ParameterizedTest(name = "seed={0}, {1}")
    @MethodSource("spectra")
    void matchesDenseEigenOnPrescribedSpectra(long seed, String label, double[] spectrum) {
        int n = spectrum.length;
        double[] a = TestMatrices.withSpectrum(spectrum, Seeds.generator(seed));
        assertMatchesDense(n, a, lanczosSeed(seed));
        double min = Double.POSITIVE_INFINITY;
        for (double s : spectrum) {
            min = Math.min(min, s);
        }
        assertEquals(min, Lanczos.smallest(n, dense(n, a), n, TOL, lanczosSeed(seed)).value(),
                VALUE_TOL * Math.max(1, Math.abs(min)) * 10, label);
    }

    private static void assertMatchesDense(int n, double[] a, long seed) {
        double expected = SymmetricEigen.of(n, a).min();
        Lanczos.Result r = Lanczos.smallest(n, dense(n, a), n, TOL, seed);
        double norm = TestMatrices.frobenius(a);
        assertEquals(expected, r.value(), VALUE_TOL * Math.max(1, norm), "λ_min");
        assertTrue(r.iterations() >= 1 && r.iterations() <= n, "iterations " + r.iterations());
        double[] x = r.vector();
        assertEquals(1.0, TestMatrices.frobenius(x), 1e-12, "unit Ritz vector");
        double[] ax = TestMatrices.times(n, n, a, x);
        double res = 0;
        for (int i = 0; i < n; i++) {
            res += (ax[i] - r.value() * x[i]) * (ax[i] - r.value() * x[i]);
        }
        assertEquals(Math.sqrt(res), r.residual(), 1e-12 * Math.max(1, norm), "reported residual is the true one");
        assertTrue(r.residual() <= RESIDUAL_TOL * Math.max(1, norm), "residual " + r.residual());
    }

    @Test
    void stopsOnAnInvariantSubspace() {
        // Three distinct eigenvalues: the Krylov space is invariant after 3 steps in exact arithmetic.
        double[] spectrum = new double[50];
        for (int i = 0; i < 50; i++) {
            spectrum[i] = i % 3 - 1.0;
        }
        double[] a = TestMatrices.withSpectrum(spectrum, Seeds.generator(5));
        Lanczos.Result r = Lanczos.smallest(50, dense(50, a), 50, 0.0, 7L);
        assertTrue(r.iterations() <= 4, "iterations " + r.iterations());
        assertEquals(-1.0, r.value(), 1e-12);
        Lanczos.Result identity = Lanczos.smallest(10, (v, out) -> System.arraycopy(v, 0, out, 0, 10), 10, 0.0, 7L);
        assertEquals(1, identity.iterations());
        assertEquals(1.0, identity.value(), 1e-15);
    }

    @Test
    void capReturnsAnUpperBoundWithHonestResidual() {
        int n = 100;
        double[] a = TestMatrices.symmetric(n, Seeds.generator(8));
        double min = SymmetricEigen.of(n, a).min();
        Lanczos.Result r = Lanczos.smallest(n, dense(n, a), 3, TOL, 9L);
        assertEquals(3, r.iterations());
        assertTrue(r.value() >= min - 1e-12, "a Ritz value is never below λ_min");
        assertTrue(r.residual() > 0);
    }

    @Test
    void dimensionOne() {
        Lanczos.Result r = Lanczos.smallest(1, (v, out) -> out[0] = -2.5 * v[0], 5, TOL, 1L);
        assertEquals(-2.5, r.value(), 1e-15);
        assertEquals(1, r.iterations());
    }

    @Test
    void nonFiniteOperatorGivesNaN() {
        Lanczos.Result r = Lanczos.smallest(4, (v, out) -> java.util.Arrays.fill(out, Double.NaN), 4, TOL, 1L);
        assertTrue(Double.isNaN(r.value()) && Double.isNaN(r.residual()));
    }

    @Test
    void rejectsBadArguments() {
        Lanczos.Operator id = (v, out) -> System.arraycopy(v, 0, out, 0, v.length);
        assertThrows(IllegalArgumentException.class, () -> Lanczos.smallest(0, id, 5, TOL, 1L));
        assertThrows(IllegalArgumentException.class, () -> Lanczos.smallest(3, id, 0, TOL, 1L));
        assertThrows(IllegalArgumentException.class, () -> Lanczos.smallest(3, id, 5, Double.NaN, 1L));
    }

    @Test
    void deterministicAndThreadSafe() throws Exception {
        int n = 120;
        int tasks = 8;
        List<double[]> matrices = new ArrayList<>();
        List<Lanczos.Result> sequential = new ArrayList<>();
        for (int t = 0; t < tasks; t++) {
            double[] a = TestMatrices.symmetric(n, Seeds.generator(100 + t));
            matrices.add(a);
            sequential.add(Lanczos.smallest(n, dense(n, a), n, TOL, t));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Lanczos.Result>> futures = new ArrayList<>();
            for (int rep = 0; rep < 3; rep++) {
                for (int t = 0; t < tasks; t++) {
                    double[] a = matrices.get(t);
                    long seed = t;
                    futures.add(pool.submit(() -> Lanczos.smallest(n, dense(n, a), n, TOL, seed)));
                }
            }
            for (int i = 0; i < futures.size(); i++) {
                Lanczos.Result got = futures.get(i).get();
                Lanczos.Result want = sequential.get(i % tasks);
                assertEquals(want.value(), got.value(), 0.0, "bit-identical value, task " + i);
                assertEquals(want.iterations(), got.iterations());
                assertArrayEquals(want.vector(), got.vector(), 0.0);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
