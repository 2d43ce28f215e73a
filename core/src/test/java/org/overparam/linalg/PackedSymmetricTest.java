package org.overparam.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.overparam.random.Seeds;

/**
 * The packed symmetric kernels against textbook loops over full storage, and the SIMD kernels against the scalar
 * ones bit for bit (the test JVM runs with the Vector API; the SIMD product is forced even on machines without
 * 8-double registers, where it is slow but must give the same bits).
 */
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
    void gramIsTheNaturalOrderFusedDotProductBitForBit(int m, long seed) {
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
                        s = Math.fma(a[p + rows * i], a[p + rows * j], s);
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

    /**
     * Sides and row counts around the SIMD SYRK's blockings: register tiles of 3W rows × 8 columns, row blocks of
     * 30W, blocks of 256 rows p (so 300 and 513 rows carry entries across blocks), tiles across the diagonal and the
     * edge.
     */
    static Stream<Arguments> gramShapes() {
        return Stream.of(
                Arguments.of(1, 1), Arguments.of(1, 7), Arguments.of(3, 9), Arguments.of(37, 24), Arguments.of(37, 25),
                Arguments.of(256, 31), Arguments.of(257, 17), Arguments.of(300, 50), Arguments.of(513, 49),
                Arguments.of(20, 241), Arguments.of(40, 250), Arguments.of(260, 490));
    }

    @ParameterizedTest(name = "rows={0} m={1}")
    @MethodSource("gramShapes")
    void simdGramIsTheScalarGramBitForBit(int rows, int m) {
        assumeTrue(VectorApi.available(), "the test JVM runs with --add-modules=jdk.incubator.vector");
        RandomGenerator rng = Seeds.generator(31L * rows + m);
        double[] a = TestMatrices.gaussian(rows, m, rng);
        a[0] = -0.0; // signed zeros and tiny products must come out the same too
        a[a.length - 1] = 1e-300;
        double[] scalar = new double[(int) PackedSymmetric.length(m)];
        double[] simd = new double[scalar.length];
        Arrays.fill(simd, Double.NaN); // every entry must be written
        PackedSymmetric.gramScalar(rows, m, a, scalar);
        PackedSymmetric.gramSimd(rows, m, a, simd);
        assertBits(scalar, simd, "rows=" + rows + " m=" + m);
        double[] chosen = new double[scalar.length];
        PackedSymmetric.gram(rows, m, a, chosen);
        assertBits(scalar, chosen, "the kernel gram picks");
    }

    /** Sides around the product's SIMD sweeps: pairs of 4-column panels, 8-row groups, a lone panel, 1–3 columns. */
    static Stream<Arguments> productSides() {
        return Stream.of(1, 2, 3, 4, 5, 7, 8, 9, 11, 12, 13, 15, 16, 17, 20, 23, 24, 31, 33, 50, 64, 100, 257)
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "m={0}")
    @MethodSource("productSides")
    void simdProductIsTheScalarProductBitForBit(int m) {
        assumeTrue(VectorApi.available(), "the test JVM runs with --add-modules=jdk.incubator.vector");
        RandomGenerator rng = Seeds.generator(700 + m);
        double[] packed = pack(m, TestMatrices.symmetric(m, rng));
        packed[packed.length - 1] = -0.0;
        for (int k : new int[] {1, 2, 3, 6}) {
            double[] x = TestMatrices.gaussian(m, k, rng);
            x[0] = -0.0;
            x[x.length - 1] = 0.0;
            double[] scalar = new double[m * k];
            double[] simd = new double[m * k];
            double[] chosen = new double[m * k];
            Arrays.fill(simd, Double.NaN); // overwritten, not accumulated into
            PackedSymmetric.multiplyScalar(m, k, packed, x, scalar);
            PackedSymmetric.multiplySimd(m, k, packed, x, simd);
            PackedSymmetric.multiply(m, k, packed, x, chosen);
            assertBits(scalar, simd, "m=" + m + " k=" + k);
            assertBits(scalar, chosen, "the kernel multiply picks, m=" + m + " k=" + k);
        }
    }

    /** The k vectors in arrays of their own (of any length ≥ m) give the bits of the flat k-vector product. */
    @ParameterizedTest(name = "m={0}")
    @MethodSource("productSides")
    void vectorsInSeparateArraysAreTheFlatProductBitForBit(int m) {
        RandomGenerator rng = Seeds.generator(900 + m);
        double[] packed = pack(m, TestMatrices.symmetric(m, rng));
        int k = 5;
        double[] flat = TestMatrices.gaussian(m, k, rng);
        double[] flatY = new double[m * k];
        PackedSymmetric.multiply(m, k, packed, flat, flatY);
        double[][] xs = new double[k + 2][];
        double[][] ys = new double[k + 2][];
        for (int l = 0; l < k; l++) {
            xs[l] = Arrays.copyOfRange(flat, l * m, l * m + m + l); // longer arrays: only [0, m) counts
            ys[l] = new double[m + l];
            Arrays.fill(ys[l], Double.NaN);
        }
        PackedSymmetric.multiply(m, k, packed, xs, ys);
        for (int l = 0; l < k; l++) {
            assertBits(Arrays.copyOfRange(flatY, l * m, l * m + m), Arrays.copyOf(ys[l], m), "vector " + l);
            for (int i = m; i < m + l; i++) {
                assertTrue(Double.isNaN(ys[l][i]), "entries past m are left alone");
            }
        }
    }

    private static void assertBits(double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length, what);
        for (int i = 0; i < expected.length; i++) {
            if (Double.doubleToRawLongBits(expected[i]) != Double.doubleToRawLongBits(actual[i])) {
                assertEquals(expected[i], actual[i], 0.0, what + ", entry " + i);
                throw new AssertionError(what + ", entry " + i + ": " + expected[i] + " vs " + actual[i]
                        + " (same value, different bits)");
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
        double[] other = new double[2];
        e = assertThrows(IllegalArgumentException.class, () -> PackedSymmetric.multiply(2, 2, new double[3],
                new double[][] {same, other}, new double[][] {new double[2], same}));
        assertEquals("y[1] must be an array of its own, distinct from every x and every other y", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> PackedSymmetric.multiply(2, 2, new double[3],
                new double[][] {same, new double[1]}, new double[][] {new double[2], new double[2]}));
        assertEquals("vector 1 must hold m = 2 doubles, got x 1 and y 2", e.getMessage());
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
