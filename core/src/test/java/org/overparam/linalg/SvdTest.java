package org.overparam.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.overparam.random.Seeds;

class SvdTest {

    /** dgesdd is backward stable: reconstruction and orthogonality errors are O(max(m,n)·ε)·‖A‖. */
    private static final double IDENTITY_TOL = 1e-12;

    static Stream<Arguments> shapes() {
        return Stream.of(Arguments.of(1L, 5, 5), Arguments.of(2L, 7, 3), Arguments.of(3L, 3, 7),
                Arguments.of(4L, 20, 20), Arguments.of(5L, 1, 4), Arguments.of(6L, 30, 30));
    }

    @ParameterizedTest(name = "seed={0}, {1}x{2}")
    @MethodSource("shapes")
    void thinSvdSatisfiesIdentities(long seed, int m, int n) {
        double[] a = TestMatrices.gaussian(m, n, Seeds.generator(seed));
        double[] original = a.clone();
        Svd svd = Svd.of(m, n, a);
        assertArrayEquals(original, a, "input must not be modified");
        int k = Math.min(m, n);
        double[] u = svd.u();
        double[] s = svd.singularValues();
        double[] vt = svd.vt();
        double scale = Math.max(1, TestMatrices.frobenius(a));
        for (int i = 0; i < k; i++) {
            assertTrue(s[i] >= 0 && (i == 0 || s[i] <= s[i - 1]), "σ must be ≥ 0 and descending");
        }
        for (int p = 0; p < k; p++) {
            for (int q = 0; q <= p; q++) {
                double uu = 0;
                for (int i = 0; i < m; i++) {
                    uu += u[i + m * p] * u[i + m * q];
                }
                double vv = 0;
                for (int j = 0; j < n; j++) {
                    vv += vt[p + k * j] * vt[q + k * j];
                }
                assertEquals(p == q ? 1.0 : 0.0, uu, IDENTITY_TOL, "UᵀU");
                assertEquals(p == q ? 1.0 : 0.0, vv, IDENTITY_TOL, "VᵀV");
            }
        }
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < m; i++) {
                double sum = 0;
                for (int p = 0; p < k; p++) {
                    sum += u[i + m * p] * s[p] * vt[p + k * j];
                }
                assertEquals(a[i + m * j], sum, IDENTITY_TOL * scale, "reconstruction");
            }
        }
        assertEquals(s[0], Svd.spectralNorm(m, n, a), IDENTITY_TOL * scale);
        assertEquals(s[0], svd.max());
    }

    @Test
    void singularValuesAreRootsOfGramEigenvalues() {
        int m = 9;
        int n = 6;
        double[] a = TestMatrices.gaussian(m, n, Seeds.generator(31));
        double[] gram = new double[n * n];
        for (int p = 0; p < n; p++) {
            for (int q = 0; q < n; q++) {
                double s = 0;
                for (int i = 0; i < m; i++) {
                    s += a[i + m * p] * a[i + m * q];
                }
                gram[p + n * q] = s;
            }
        }
        double[] ev = SymmetricEigen.of(n, gram).values();
        double[] s = Svd.of(m, n, a).singularValues();
        for (int i = 0; i < n; i++) {
            assertEquals(Math.sqrt(Math.max(0, ev[n - 1 - i])), s[i], 1e-10, "σ_" + i);
        }
    }

    @Test
    void rankDeficientMatrixHasZeroTail() {
        int d = 8;
        double[] u = TestMatrices.gaussian(d, 2, Seeds.generator(41));
        double[] v = TestMatrices.gaussian(d, 2, Seeds.generator(42));
        double[] a = new double[d * d];
        for (int j = 0; j < d; j++) {
            for (int i = 0; i < d; i++) {
                a[i + d * j] = u[i] * v[j] + u[i + d] * v[j + d];
            }
        }
        double[] s = Svd.of(d, d, a).singularValues();
        assertTrue(s[1] > 1e-3 * s[0]);
        for (int i = 2; i < d; i++) {
            assertTrue(s[i] <= IDENTITY_TOL * s[0], "σ_" + i + " = " + s[i]);
        }
    }

    @Test
    void rejectsBadInput() {
        assertThrows(IllegalArgumentException.class, () -> Svd.of(0, 3, new double[0]));
        assertThrows(IllegalArgumentException.class, () -> Svd.of(2, 2, new double[3]));
        assertThrows(IllegalArgumentException.class,
                () -> Svd.of(1, 2, new double[] {1, Double.POSITIVE_INFINITY}));
    }
}
