package org.overparam.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.overparam.random.Seeds;

/** The packed symmetric kernels against textbook loops over full storage. */
class PackedSymmetricTest {

    /** Unit roundoff u = 2⁻⁵³. */
    private static final double U = 0x1p-53;

    /**
     * Sides around the kernels' blockings: 4-column panels and 16-column Gram blocks, with every remainder
     * (1, 2, 3 columns after the last panel) and sides below one panel.
     */
    static Stream<Arguments> sides() {
        return Stream.of(1, 2, 3, 4, 5, 6, 7, 8, 15, 16, 17, 18, 19, 33, 50).flatMap(m -> Stream.of(
                Arguments.of(m, 1L), Arguments.of(m, 2L)));
    }

    @ParameterizedTest(name = "m={0} seed={1}")
    @MethodSource("sides")
    void gramIsTheNaturalOrderDotProductBitForBit(int m, long seed) {
        RandomGenerator rng = Seeds.generator(seed);
        for (int rows : new int[] {1, 3, 37}) {
            double[] a = TestMatrices.gaussian(rows, m, rng);
            double[] packed = new double[(int) PackedSymmetric.length(m)];
            Arrays.fill(packed, Double.NaN); // every entry must be written
            PackedSymmetric.gram(rows, m, a, packed);
            for (int j = 0; j < m; j++) {
                for (int i = j; i < m; i++) {
                    double s = 0;
                    for (int p = 0; p < rows; p++) {
                        s += a[p + rows * i] * a[p + rows * j];
                    }
                    assertEquals(s, packed[PackedSymmetric.index(m, i, j)], 0.0,
                            "P(" + i + ", " + j + ") for rows=" + rows);
                }
            }
        }
    }

    /**
     * y = Px against the row-by-row sum over full storage: both are sums of m products, each within
     * γ_m Σ_j |P_ij||x_j| of the exact value, so they differ by at most 2γ_m Σ_j |P_ij||x_j| (γ_m ≈ m·u, at most
     * 1e-14 of the magnitude here), while a wrong or missing entry would be off by O(1) of it.
     */
    @ParameterizedTest(name = "m={0} seed={1}")
    @MethodSource("sides")
    void productMatchesTheDenseProductWithinTheSummationBound(int m, long seed) {
        RandomGenerator rng = Seeds.generator(seed + 100);
        double[] full = TestMatrices.symmetric(m, rng);
        double[] packed = pack(m, full);
        double[] x = TestMatrices.gaussian(m, 1, rng);
        double[] y = new double[m];
        Arrays.fill(y, Double.NaN); // overwritten, not accumulated into
        PackedSymmetric.multiply(m, packed, x, y);
        for (int i = 0; i < m; i++) {
            double s = 0;
            double magnitude = 0;
            for (int j = 0; j < m; j++) {
                s += full[i + m * j] * x[j];
                magnitude += Math.abs(full[i + m * j] * x[j]);
            }
            double bound = 2 * gamma(m) * magnitude;
            assertTrue(Math.abs(y[i] - s) <= bound, "row " + i + ": " + y[i] + " vs " + s + ", bound " + bound);
        }
    }

    /** Column l of the k-vector product is the one-vector product of column l, bit for bit. */
    @ParameterizedTest(name = "m={0} seed={1}")
    @MethodSource("sides")
    void multiVectorProductIsBitIdenticalToSingleProducts(int m, long seed) {
        RandomGenerator rng = Seeds.generator(seed + 200);
        double[] packed = pack(m, TestMatrices.symmetric(m, rng));
        for (int k : new int[] {1, 2, 3, 5}) {
            double[] x = TestMatrices.gaussian(m, k, rng);
            double[] y = new double[m * k];
            PackedSymmetric.multiply(m, k, packed, x, y);
            double[] xl = new double[m];
            double[] yl = new double[m];
            for (int l = 0; l < k; l++) {
                System.arraycopy(x, l * m, xl, 0, m);
                PackedSymmetric.multiply(m, packed, xl, yl);
                for (int i = 0; i < m; i++) {
                    assertEquals(Double.doubleToRawLongBits(yl[i]), Double.doubleToRawLongBits(y[i + l * m]),
                            "k=" + k + " column " + l + " row " + i);
                }
            }
        }
    }

    @Test
    void gramOfASymmetricProductIsWhatTheProductSees() {
        // xᵀ(AᵀA)x = ‖Ax‖²: the Gram matrix and the product together, against an independent route.
        RandomGenerator rng = Seeds.generator(9);
        int rows = 23;
        int m = 13;
        double[] a = TestMatrices.gaussian(rows, m, rng);
        double[] x = TestMatrices.gaussian(m, 1, rng);
        double[] packed = new double[(int) PackedSymmetric.length(m)];
        PackedSymmetric.gram(rows, m, a, packed);
        double[] hx = new double[m];
        PackedSymmetric.multiply(m, packed, x, hx);
        double quadratic = 0;
        for (int i = 0; i < m; i++) {
            quadratic += x[i] * hx[i];
        }
        double norm2 = 0;
        for (int p = 0; p < rows; p++) {
            double ax = 0;
            for (int j = 0; j < m; j++) {
                ax += a[p + rows * j] * x[j];
            }
            norm2 += ax * ax;
        }
        assertEquals(norm2, quadratic, 1e-12 * norm2);
    }

    @Test
    void layoutIsLapackPackedLower() {
        assertEquals(0, PackedSymmetric.length(0));
        assertEquals(1, PackedSymmetric.length(1));
        assertEquals(10, PackedSymmetric.length(4));
        assertEquals(0, PackedSymmetric.columnStart(4, 0));
        assertEquals(4, PackedSymmetric.columnStart(4, 1));
        assertEquals(7, PackedSymmetric.columnStart(4, 2));
        assertEquals(9, PackedSymmetric.columnStart(4, 3));
        assertEquals(10, PackedSymmetric.columnStart(4, 4));
        assertEquals(8, PackedSymmetric.index(4, 3, 2));
        // d = 255 is the largest side whose packed Gram (m = d²) fits in an array.
        assertEquals(2_114_157_825L, PackedSymmetric.length(255 * 255));
        assertEquals(2_114_157_824, PackedSymmetric.columnStart(255 * 255, 255 * 255 - 1));
    }

    @Test
    void validatesItsArguments() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PackedSymmetric.multiply(3, new double[5], new double[3], new double[3]));
        assertEquals("packed must hold m(m+1)/2 = 6 doubles for m=3, got 5", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> PackedSymmetric.multiply(2, 2, new double[3], new double[4], new double[3]));
        assertEquals("x and y must hold m*k = 4 doubles, got 4 and 3", e.getMessage());
        double[] same = new double[2];
        e = assertThrows(IllegalArgumentException.class, () -> PackedSymmetric.multiply(2, new double[3], same, same));
        assertEquals("x and y must be different arrays", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> PackedSymmetric.gram(2, 3, new double[5], new double[6]));
        assertEquals("a must hold rows*m = 6 doubles, got 5", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> PackedSymmetric.gram(0, 3, new double[5], new double[6]));
        assertEquals("rows and m must be >= 1, got rows=0, m=3", e.getMessage());
    }

    private static double gamma(int k) {
        return k * U / (1 - k * U);
    }

    private static double[] pack(int m, double[] full) {
        double[] packed = new double[(int) PackedSymmetric.length(m)];
        for (int j = 0; j < m; j++) {
            for (int i = j; i < m; i++) {
                packed[PackedSymmetric.index(m, i, j)] = full[i + m * j];
            }
        }
        return packed;
    }
}
