package org.overparam.certify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.overparam.linalg.Svd;
import org.overparam.linalg.SymmetricEigen;
import org.overparam.linalg.TestMatrices;
import org.overparam.problem.Residuals;
import org.overparam.problem.leastsquares.LeastSquaresInstance;
import org.overparam.problem.leastsquares.LinearLeastSquares;
import org.overparam.problem.sensing.AsymmetricSensing;
import org.overparam.problem.sensing.MeasurementOperator;
import org.overparam.problem.sensing.Operators;
import org.overparam.problem.sensing.SensingInstance;
import org.overparam.problem.sensing.SensingObjective;
import org.overparam.problem.sensing.SymmetricSensing;
import org.overparam.problem.sensing.Truths;
import org.overparam.random.Seeds;

class TangentKernelTest {

    /**
     * Dense path vs an independently formed J Jᵀ: both SymmetricEigen, on kernels assembled in different orders,
     * so they agree to ~m·ε·‖K‖; relative to λ_max(K).
     */
    private static final double DENSE_RTOL = 1e-11;

    /**
     * Lanczos stops at a relative Ritz residual of 1e-10, so |θ − λ_min| ≤ 1e-10·max(1, |θ|) at worst (the
     * square of it over the gap in practice); relative to λ_max(K) that is ≤ 1e-10: 1e-9 is conservative.
     */
    private static final double LANCZOS_RTOL = 1e-9;

    /** λ_min(AAᵀ) = σ_min(A)² two ways (SymmetricEigen on AAᵀ vs LAPACK dgesdd on A), relative to σ_max². */
    private static final double SVD_RTOL = 1e-12;

    /** The operator families that reach the public API (entry sampling's n ≤ d² − d). */
    enum Kind { GAUSSIAN, SYMMETRIC_GAUSSIAN, RANK_ONE, ENTRY_SAMPLING }

    private static MeasurementOperator operator(Kind kind, int d, int n, RandomGenerator rng) {
        return switch (kind) {
            case GAUSSIAN -> Operators.gaussian(d, n, rng);
            case SYMMETRIC_GAUSSIAN -> Operators.symmetricGaussian(d, n, rng);
            case RANK_ONE -> Operators.rankOne(d, n, rng);
            case ENTRY_SAMPLING -> Operators.entrySampling(d, n, rng);
        };
    }

    private static SensingObjective sensing(boolean symmetric, Kind kind, int d, int n, int rank, long seed) {
        RandomGenerator rng = Seeds.generator(seed);
        MeasurementOperator op = operator(kind, d, n, rng);
        double[] truth = Truths.lowRank(d, 1, 2.0, symmetric, rng);
        SensingInstance instance = SensingInstance.of(op, SensingInstance.measure(op, truth, 0.1, rng), truth, 1,
                0, null);
        return symmetric ? SymmetricSensing.of(instance, rank) : AsymmetricSensing.of(instance, rank);
    }

    /** λ_max(K) by power-free means: the largest eigenvalue of the explicitly formed J Jᵀ. */
    private static double largest(double[] kernel, int m) {
        return SymmetricEigen.of(m, kernel).max();
    }

    /**
     * J Jᵀ from an explicitly formed J whose row i is the gradient of F_i = ⟨A_i, X⟩, with A_i recovered from
     * the dense adjoint 𝒜*(e_i): [vec(A_i V); vec(A_iᵀ U)] for X = UVᵀ, vec((A_i + A_iᵀ) U) for X = UUᵀ.
     */
    private static double[] explicitKernel(SensingObjective f, double[] x) {
        MeasurementOperator op = f.instance().operator();
        int d = op.dim();
        int m = op.count();
        int rank = f.rank();
        int nn = f.dimension();
        boolean asymmetric = f instanceof AsymmetricSensing;
        double[] jac = new double[m * nn]; // row-major here: J(i, j) at i*nn + j
        double[] e = new double[m];
        double[] ai = new double[d * d];
        for (int i = 0; i < m; i++) {
            e[i] = 1;
            op.adjoint(e, ai);
            e[i] = 0;
            for (int k = 0; k < rank; k++) {
                for (int a = 0; a < d; a++) {
                    double first = 0;
                    double second = 0;
                    for (int b = 0; b < d; b++) {
                        if (asymmetric) {
                            first += ai[a + d * b] * x[d * rank + b + d * k];  // (A_i V)(a, k)
                            second += ai[b + d * a] * x[b + d * k];            // (A_iᵀ U)(a, k)
                        } else {
                            first += (ai[a + d * b] + ai[b + d * a]) * x[b + d * k];
                        }
                    }
                    jac[i * nn + a + d * k] = first;
                    if (asymmetric) {
                        jac[i * nn + d * rank + a + d * k] = second;
                    }
                }
            }
        }
        return gram(jac, m, nn);
    }

    /** G = J Jᵀ (m×m column-major) for J m×nn stored row-major, by plain loops. */
    private static double[] gram(double[] rowMajor, int m, int nn) {
        double[] g = new double[m * m];
        for (int i = 0; i < m; i++) {
            for (int l = 0; l < m; l++) {
                double s = 0;
                for (int j = 0; j < nn; j++) {
                    s += rowMajor[i * nn + j] * rowMajor[l * nn + j];
                }
                g[i + m * l] = s;
            }
        }
        return g;
    }

    /** AAᵀ for A n×R column-major, by plain loops. */
    private static double[] outer(double[] a, int n, int r) {
        double[] rowMajor = new double[n * r];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < r; j++) {
                rowMajor[i * r + j] = a[i + n * j];
            }
        }
        return gram(rowMajor, n, r);
    }

    static Stream<Arguments> sensingCases() {
        List<Arguments> cases = new ArrayList<>();
        for (boolean symmetric : new boolean[] {false, true}) {
            for (Kind kind : Kind.values()) {
                for (int rank : new int[] {1, 5}) {
                    cases.add(Arguments.of(symmetric ? "UUᵀ" : "UVᵀ", kind, rank, 40L + rank));
                }
            }
        }
        return cases.stream();
    }

    /** d = 5, m = 20: with R = 1 there are fewer parameters than outputs (κ = 0), with R = 5 at least as many. */
    @ParameterizedTest(name = "{0} {1} R={2} seed={3}")
    @MethodSource("sensingCases")
    void denseMatchesAnExplicitlyFormedKernel(String model, Kind kind, int rank, long seed) {
        SensingObjective f = sensing(model.equals("UUᵀ"), kind, 5, 20, rank, seed);
        double[] x = TestMatrices.gaussian(f.dimension(), 1, Seeds.generator(seed + 1));
        double[] kernel = explicitKernel(f, x);
        int m = f.instance().count();
        double expected = SymmetricEigen.of(m, kernel).min();
        double scale = largest(kernel, m);
        TangentKernel k = TangentKernel.of(f.residuals(), x, seed);
        assertEquals(TangentKernel.Method.DENSE, k.method());
        assertEquals(expected, k.minEigenvalue(), DENSE_RTOL * scale);
        assertTrue(k.residual() <= DENSE_RTOL * scale, "residual " + k.residual());
        if (f.dimension() < m) {
            assertEquals(0, k.minEigenvalue(), DENSE_RTOL * scale, "rank J ≤ N < m");
        }
    }

    @Test
    void denseAndLanczosAgreeAboveTheDenseLimit() {
        // Least squares: K = AAᵀ with A 250×600, spectrum ≈ [(√600 − √250)², (√600 + √250)²].
        LinearLeastSquares ls = LeastSquaresInstance.of(250, 50, 0.1, 11).model(600);
        double[] theta = TestMatrices.gaussian(600, 1, Seeds.generator(12));
        assertAgree(ls.residuals(), theta, 13);

        // Matrix completion (UVᵀ, d = 16, R = 20) with m = 220 > 200 entries and N = 640. Rows i, i' of J meet
        // only on a shared row or column, K = [a = a']·(VVᵀ)(b, b') + [b = b']·(UUᵀ)(a, a'), so λ_min(K) is at
        // least λ_min(VVᵀ) ≈ (√20 − √16)² ≈ 0.2. (Sensing kernels have rank ≤ d² whatever R is, and quadratic
        // networks ≤ d(d+1)/2: m > 200 needs d ≥ 15, resp. 20 with m ≤ 210.)
        SensingObjective completion = sensing(false, Kind.ENTRY_SAMPLING, 16, 220, 20, 14);
        double[] x = TestMatrices.gaussian(completion.dimension(), 1, Seeds.generator(15));
        assertAgree(completion.residuals(), x, 16);
    }

    private static void assertAgree(Residuals residuals, double[] x, long seed) {
        assertTrue(residuals.count() > TangentKernel.DENSE_MAX_OUTPUTS);
        TangentKernel auto = TangentKernel.of(residuals, x, seed);
        assertEquals(TangentKernel.Method.LANCZOS, auto.method());
        TangentKernel dense = TangentKernel.dense(residuals, x);
        TangentKernel lanczos = TangentKernel.lanczos(residuals, x, seed);
        assertEquals(auto, lanczos, "of() is lanczos() above the limit, bit for bit");
        assertTrue(dense.minEigenvalue() > 0.1, "a well-conditioned kernel, got " + dense.minEigenvalue());
        assertEquals(dense.minEigenvalue(), lanczos.minEigenvalue(), LANCZOS_RTOL * dense.minEigenvalue());
        assertTrue(lanczos.residual() <= 1e-8 * dense.minEigenvalue(), "lanczos residual " + lanczos.residual());
    }

    @Test
    void leastSquaresKernelIsAAtransposeWhateverTheParameters() {
        int n = 60;
        int r = 90;
        LeastSquaresInstance instance = LeastSquaresInstance.of(n, 20, 0.3, 21);
        LinearLeastSquares f = instance.model(r);
        double[] a = instance.features(r);
        TangentKernel atZero = TangentKernel.of(f.residuals(), new double[r], 1);
        TangentKernel atRandom = TangentKernel.of(f.residuals(), TestMatrices.gaussian(r, 1, Seeds.generator(2)), 1);
        assertEquals(atZero, atRandom, "J = A does not depend on θ");

        double[] kernel = outer(a, n, r);
        double scale = largest(kernel, n);
        assertEquals(SymmetricEigen.of(n, kernel).min(), atZero.minEigenvalue(), DENSE_RTOL * scale);
        double[] s = Svd.of(n, r, a).singularValues();
        assertEquals(s[n - 1] * s[n - 1], atZero.minEigenvalue(), SVD_RTOL * s[0] * s[0], "λ_min(AAᵀ) = σ_n(A)²");
        assertTrue(atZero.minEigenvalue() > 1, "R > n: positive, got " + atZero.minEigenvalue());
    }

    @Test
    void zeroWhenThereAreMoreOutputsThanParameters() {
        // Dense: n = 60 samples, R = 20 parameters.
        LinearLeastSquares small = LeastSquaresInstance.of(60, 10, 0.3, 31).model(20);
        double[] a = LeastSquaresInstance.of(60, 10, 0.3, 31).features(20);
        double scale = Svd.of(60, 20, a).max();
        TangentKernel dense = TangentKernel.of(small.residuals(), new double[20], 1);
        assertEquals(TangentKernel.Method.DENSE, dense.method());
        assertEquals(0, dense.minEigenvalue(), DENSE_RTOL * scale * scale);

        // Lanczos: n = 260, R = 50; the Krylov space is invariant after at most R + 1 steps.
        LeastSquaresInstance big = LeastSquaresInstance.of(260, 10, 0.3, 32);
        double sigma = Svd.of(260, 50, big.features(50)).max();
        TangentKernel lanczos = TangentKernel.of(big.model(50).residuals(), new double[50], 2);
        assertEquals(TangentKernel.Method.LANCZOS, lanczos.method());
        assertEquals(0, lanczos.minEigenvalue(), LANCZOS_RTOL * sigma * sigma);
        assertTrue(lanczos.residual() <= LANCZOS_RTOL * sigma * sigma);
    }

    @Test
    void nonFiniteInputsOrProductsGiveNaN() {
        LinearLeastSquares f = LeastSquaresInstance.of(30, 5, 0, 1).model(40);
        double[] x = new double[40];
        x[3] = Double.NaN;
        for (TangentKernel k : List.of(TangentKernel.dense(f.residuals(), x),
                TangentKernel.lanczos(f.residuals(), x, 1))) {
            assertTrue(Double.isNaN(k.minEigenvalue()) && Double.isNaN(k.residual()), k.toString());
        }
        Residuals overflowing = new Residuals() {
            @Override
            public int count() {
                return 3;
            }

            @Override
            public void jacobianTimes(double[] p, double[] v, double[] out) {
                Arrays.fill(out, v[0] * 1e308 * 1e308);
            }

            @Override
            public void jacobianTransposeTimes(double[] p, double[] u, double[] out) {
                Arrays.fill(out, u[0] + u[1] + u[2]);
            }
        };
        double[] p = {1, 2};
        assertTrue(Double.isNaN(TangentKernel.dense(overflowing, p).minEigenvalue()));
        assertTrue(Double.isNaN(TangentKernel.lanczos(overflowing, p, 3).minEigenvalue()));
    }

    @Test
    void methodSwitchesAtTheDenseLimit() {
        LeastSquaresInstance instance = LeastSquaresInstance.of(TangentKernel.DENSE_MAX_OUTPUTS, 5, 0, 1);
        assertEquals(TangentKernel.Method.DENSE, TangentKernel.of(instance.model(3).residuals(), new double[3], 1)
                .method());
        LeastSquaresInstance above = LeastSquaresInstance.of(TangentKernel.DENSE_MAX_OUTPUTS + 1, 5, 0, 1);
        assertEquals(TangentKernel.Method.LANCZOS, TangentKernel.of(above.model(3).residuals(), new double[3], 1)
                .method());
    }

    @Test
    void invalidArgumentsAreRejected() {
        LinearLeastSquares f = LeastSquaresInstance.of(3, 1, 0, 1).model(2);
        assertThrows(NullPointerException.class, () -> TangentKernel.of(null, new double[2], 1));
        assertThrows(NullPointerException.class, () -> TangentKernel.dense(f.residuals(), null));
        assertThrows(IllegalArgumentException.class, () -> TangentKernel.dense(f.residuals(), new double[3]));
    }
}
