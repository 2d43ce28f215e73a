package org.overparam.linalg;

import java.util.Arrays;

/**
 * Kernels for a symmetric m×m matrix P kept as its lower triangle in packed column-major storage (LAPACK's
 * {@code 'L'} packed layout): column j's entries P(j, j), P(j+1, j), …, P(m−1, j) are contiguous, column j
 * starts at {@link #columnStart}(m, j) = j·m − j(j−1)/2, and the array holds {@link #length}(m) = m(m+1)/2
 * doubles.
 *
 * <p><b>Why packed.</b> A product reads the triangle once, front to back: every stored entry serves both its
 * (i, j) and its (j, i) contribution, so the pass over memory is strictly sequential and touches m(m+1)/2
 * doubles, half of what full storage would hold (a full column-major array would also be read column by
 * column, but with a jump over the upper part of each column and twice the footprint).
 *
 * <p><b>Arithmetic order.</b> Every operation is fixed here — the products' multiplies and adds separate, the
 * Gram's a fused multiply–add ({@link Math#fma}, one rounding, exact on every JVM: IEEE 754 defines it) — so results
 * are the same bits on every JVM and machine, whatever BLAS is loaded and whatever the SIMD width.
 * When the JVM has the Vector API ({@link VectorApi}), {@link #gram} and the products run SIMD kernels that
 * vectorize across independent outputs (rows of a column of P; rows of y with a fixed 8-way split of each column's
 * dot product) and give exactly the scalar kernels' bits; without it the scalar kernels run. {@link #gram} forms
 * each entry as one natural-order fused dot product s ← fma(a(p, i), a(p, j), s), p = 0, 1, …, the same bits as
 * that textbook loop; fused, the SYRK runs at 1.4 times the speed of separate multiplies and adds (in-cache register
 * tile: 58 against 43 GFLOP/s on the development machine), and each entry loses one rounding per term instead of
 * two.
 * The products' order is spelled out at {@link #multiply(int, int, double[], double[], double[])}; they run the
 * same operations on each of their k vectors, so column l of a k-vector product equals, bit for bit, the
 * one-vector product of column l.
 *
 * <p>The products do not allocate; the SIMD {@link #gram} allocates its packing buffer (256·m doubles) once per call.
 */
public final class PackedSymmetric {

    /** Columns handled together by the products: one pass over four columns updates y once per row. */
    private static final int PANEL = 4;
    /** Columns of a scalar {@link #gram} block kept in L2 while every row tile below it streams past (16·n doubles). */
    private static final int GRAM_BLOCK = 16;

    /** Whether {@link #gram} runs {@link PackedSymmetricSimd#gram} (the class is loaded only with the Vector API). */
    private static final boolean SIMD_GRAM = VectorApi.available() && PackedSymmetricSimd.gramSupported();
    /** Whether the products run {@link PackedSymmetricSimd#panelPair} (8-double registers). */
    private static final boolean SIMD_PRODUCT = VectorApi.available() && PackedSymmetricSimd.productSupported();

    private PackedSymmetric() {
    }

    /** Which kernels {@link #gram} and the products run on this JVM, SIMD or scalar (same bits either way). */
    public static String kernels() {
        return "gram " + (SIMD_GRAM ? "SIMD" : "scalar") + ", product " + (SIMD_PRODUCT ? "SIMD" : "scalar");
    }

    /** m(m+1)/2, the doubles packed storage of an m×m symmetric matrix holds. */
    public static long length(int m) {
        return (long) m * (m + 1) / 2;
    }

    /** Index of P(j, j), where column j of the packed lower triangle starts (0 ≤ j ≤ m). */
    public static int columnStart(int m, int j) {
        return (int) ((long) j * m - (long) j * (j - 1) / 2);
    }

    /** Index of P(i, j) for i ≥ j. */
    public static int index(int m, int i, int j) {
        return columnStart(m, j) + (i - j);
    }

    /**
     * packed = AᵀA, the Gram matrix of the m columns of A (a SYRK, {@code 'L', 'T'}): rows·m(m+1)/2
     * multiply–adds. A is rows×m column-major (column j at {@code a[rows*j …]}); only packed is written. Each entry
     * is the natural-order fused dot product s ← fma(a(p, i), a(p, j), s), p = 0, …, rows−1.
     *
     * <p>With the Vector API: a register-tiled, cache-blocked SIMD SYRK ({@link PackedSymmetricSimd#gram}); without
     * it, {@link #gramScalar}. Same bits.
     */
    public static void gram(int rows, int m, double[] a, double[] packed) {
        checkGram(rows, m, a, packed);
        if (SIMD_GRAM) {
            PackedSymmetricSimd.gram(rows, m, a, packed);
        } else {
            gramScalar(rows, m, a, packed);
        }
    }

    /**
     * {@link #gram} in plain scalar Java, whatever the JVM (for the tests that compare the two). Cache blocking:
     * {@value #GRAM_BLOCK} columns of A stay in L2 while every 4-column tile below them streams past once; each 4×4
     * tile of P is sixteen scalar dot products accumulated in registers, one accumulator per entry, over all rows
     * in order (so the entry is exactly the natural-order dot product).
     */
    static void gramScalar(int rows, int m, double[] a, double[] packed) {
        checkGram(rows, m, a, packed);
        for (int block = 0; block < m; block += GRAM_BLOCK) {
            int blockEnd = Math.min(block + GRAM_BLOCK, m);
            for (int i = block; i < m; i += PANEL) {
                // Column tiles of this block that reach the diagonal of row tile i or lie left of it.
                for (int j = block; j < blockEnd && j <= i + PANEL - 1; j += PANEL) {
                    gramTile(rows, m, a, i, j, Math.min(j + PANEL, blockEnd), packed);
                }
            }
        }
    }

    private static void checkGram(int rows, int m, double[] a, double[] packed) {
        if (rows < 1 || m < 1) {
            throw new IllegalArgumentException("rows and m must be >= 1, got rows=" + rows + ", m=" + m);
        }
        if (a.length < (long) rows * m) {
            throw new IllegalArgumentException("a must hold rows*m = " + (long) rows * m + " doubles, got "
                    + a.length);
        }
        checkPacked(m, packed);
    }

    /**
     * P(i..i+3, j..jEnd−1) as sixteen dot products (rows and columns past the edge repeat the last valid one and
     * are not stored; entries above the diagonal are not stored).
     */
    private static void gramTile(int n, int m, double[] a, int i, int j, int jEnd, double[] packed) {
        int a0 = n * i;
        int a1 = n * Math.min(i + 1, m - 1);
        int a2 = n * Math.min(i + 2, m - 1);
        int a3 = n * Math.min(i + 3, m - 1);
        int b0 = n * j;
        int b1 = n * Math.min(j + 1, jEnd - 1);
        int b2 = n * Math.min(j + 2, jEnd - 1);
        int b3 = n * Math.min(j + 3, jEnd - 1);
        double c00 = 0, c01 = 0, c02 = 0, c03 = 0;
        double c10 = 0, c11 = 0, c12 = 0, c13 = 0;
        double c20 = 0, c21 = 0, c22 = 0, c23 = 0;
        double c30 = 0, c31 = 0, c32 = 0, c33 = 0;
        for (int p = 0; p < n; p++) {
            double x0 = a[a0 + p];
            double x1 = a[a1 + p];
            double x2 = a[a2 + p];
            double x3 = a[a3 + p];
            double y0 = a[b0 + p];
            double y1 = a[b1 + p];
            double y2 = a[b2 + p];
            double y3 = a[b3 + p];
            c00 = Math.fma(x0, y0, c00);
            c01 = Math.fma(x0, y1, c01);
            c02 = Math.fma(x0, y2, c02);
            c03 = Math.fma(x0, y3, c03);
            c10 = Math.fma(x1, y0, c10);
            c11 = Math.fma(x1, y1, c11);
            c12 = Math.fma(x1, y2, c12);
            c13 = Math.fma(x1, y3, c13);
            c20 = Math.fma(x2, y0, c20);
            c21 = Math.fma(x2, y1, c21);
            c22 = Math.fma(x2, y2, c22);
            c23 = Math.fma(x2, y3, c23);
            c30 = Math.fma(x3, y0, c30);
            c31 = Math.fma(x3, y1, c31);
            c32 = Math.fma(x3, y2, c32);
            c33 = Math.fma(x3, y3, c33);
        }
        store(m, jEnd, packed, i, j, c00, c01, c02, c03);
        store(m, jEnd, packed, i + 1, j, c10, c11, c12, c13);
        store(m, jEnd, packed, i + 2, j, c20, c21, c22, c23);
        store(m, jEnd, packed, i + 3, j, c30, c31, c32, c33);
    }

    /** P(i, j..j+3) = c0..c3, for the entries inside the matrix, the tile and the lower triangle. */
    private static void store(int m, int jEnd, double[] packed, int i, int j, double c0, double c1, double c2,
                              double c3) {
        if (i >= m) {
            return;
        }
        put(m, jEnd, packed, i, j, c0);
        put(m, jEnd, packed, i, j + 1, c1);
        put(m, jEnd, packed, i, j + 2, c2);
        put(m, jEnd, packed, i, j + 3, c3);
    }

    private static void put(int m, int jEnd, double[] packed, int i, int j, double value) {
        if (j < jEnd && j <= i) {
            packed[index(m, i, j)] = value;
        }
    }

    /** y = P·x for an m×m symmetric P in packed lower storage; x and y have (at least) m entries, y is overwritten. */
    public static void multiply(int m, double[] packed, double[] x, double[] y) {
        multiply(m, 1, packed, x, y);
    }

    /**
     * Y = P·X for k vectors at once: X and Y are m×k column-major (vector l at {@code l*m}), Y is overwritten.
     * One pass over P serves all k vectors: each panel of packed columns is read from memory once and reused from
     * cache for the k vectors, so the memory traffic of P is that of a single product. Per vector the operations
     * and their order are those of the one-vector product, so column l of Y is bit-for-bit
     * {@code multiply(m, P, X[:, l])}.
     *
     * <p>The order, which every kernel (scalar or SIMD) follows: y = 0; columns go in panels of four, j = 0, 4, …
     * while j + 4 ≤ m. For each row i ≥ j + 4 below a panel, in increasing i,
     * y_i += (P(i,j)x_j + P(i,j+1)x_{j+1}) + (P(i,j+2)x_{j+2} + P(i,j+3)x_{j+3}), and the column dot products go
     * into eight partial sums by row, σ_c[i mod 8] += P(i,j+c)·x_i (each starting at 0); then the panel's own rows
     * get y_{j+r} += D_r + τ(σ_r), with D_r = (P(j+r,j)x_j + P(j+r,j+1)x_{j+1}) + (P(j+r,j+2)x_{j+2} +
     * P(j+r,j+3)x_{j+3}) over the 4×4 diagonal block and τ(σ) = ((σ0 + σ1) + (σ2 + σ3)) + ((σ4 + σ5) + (σ6 + σ7)).
     * The last m mod 4 columns go one at a time: y_i += P(i,j)x_j and σ[i mod 8] += P(i,j)x_i for i &gt; j, then
     * y_j += P(j,j)x_j + τ(σ). The split into eight partial sums is fixed here, not by the hardware: the SIMD kernel
     * holds σ[t] in lane t of an 8-double register (rows in groups aligned to i ≡ 0 mod 8), the scalar one in eight
     * local sums.
     */
    public static void multiply(int m, int k, double[] packed, double[] x, double[] y) {
        checkProduct(m, k, packed);
        if (x.length < (long) m * k || y.length < (long) m * k) {
            throw new IllegalArgumentException("x and y must hold m*k = " + (long) m * k + " doubles, got "
                    + x.length + " and " + y.length);
        }
        if (x == y) {
            throw new IllegalArgumentException("x and y must be different arrays");
        }
        product(m, k, packed, x, null, y, null, SIMD_PRODUCT);
    }

    /**
     * y[l] = P·x[l] for the k vectors x[0], …, x[k−1], each in its own array (entries [0, m)): the k-vector product
     * of {@link #multiply(int, int, double[], double[], double[])} (one pass over P, the same bits per vector) for
     * vectors that live in different arrays, such as the points of the runs of a lock-step batch. Every y[l] must
     * be an array of its own, distinct from every x.
     */
    public static void multiply(int m, int k, double[] packed, double[][] x, double[][] y) {
        checkProduct(m, k, packed);
        if (x.length < k || y.length < k) {
            throw new IllegalArgumentException("x and y must hold k = " + k + " vectors, got " + x.length + " and "
                    + y.length);
        }
        for (int l = 0; l < k; l++) {
            if (x[l].length < m || y[l].length < m) {
                throw new IllegalArgumentException("vector " + l + " must hold m = " + m + " doubles, got x "
                        + x[l].length + " and y " + y[l].length);
            }
            for (int q = 0; q < k; q++) {
                if (y[l] == x[q] || (q != l && y[l] == y[q])) {
                    throw new IllegalArgumentException("y[" + l + "] must be an array of its own, distinct from "
                            + "every x and every other y");
                }
            }
        }
        product(m, k, packed, null, x, null, y, SIMD_PRODUCT);
    }

    /** {@link #multiply(int, int, double[], double[], double[])} by the scalar kernel, whatever the JVM (tests). */
    static void multiplyScalar(int m, int k, double[] packed, double[] x, double[] y) {
        checkProduct(m, k, packed);
        product(m, k, packed, x, null, y, null, false);
    }

    /**
     * {@link #multiply(int, int, double[], double[], double[])} by the SIMD kernel even where the hardware lacks
     * 8-double registers (then slow, the same bits), for the tests; needs {@link VectorApi#available()}.
     */
    static void multiplySimd(int m, int k, double[] packed, double[] x, double[] y) {
        checkProduct(m, k, packed);
        product(m, k, packed, x, null, y, null, true);
    }

    /** {@link #gram} by the SIMD kernel, for the tests; needs {@link VectorApi#available()}. */
    static void gramSimd(int rows, int m, double[] a, double[] packed) {
        checkGram(rows, m, a, packed);
        PackedSymmetricSimd.gram(rows, m, a, packed);
    }

    /**
     * The products' driver: vector l is {@code flatX[l*m ..]} (resp. {@code flatY}) when the flat arrays are given,
     * else {@code xs[l][0 ..]} (resp. {@code ys}).
     */
    private static void product(int m, int k, double[] p, double[] flatX, double[][] xs, double[] flatY,
                                double[][] ys, boolean simd) {
        for (int l = 0; l < k; l++) {
            int yo = flatY == null ? 0 : l * m;
            Arrays.fill(flatY == null ? ys[l] : flatY, yo, yo + m, 0.0);
        }
        int col = 0;
        int j = 0;
        if (simd) {
            // Panels j and j + 4 in one sweep: the same operations per element as one panel after the other.
            for (; j + 2 * PANEL <= m; j += 2 * PANEL) {
                for (int l = 0; l < k; l++) {
                    PackedSymmetricSimd.panelPair(m, p, col, j, flatX == null ? xs[l] : flatX,
                            flatX == null ? 0 : l * m, flatY == null ? ys[l] : flatY, flatY == null ? 0 : l * m);
                }
                col = columnStart(m, j + 2 * PANEL);
            }
        }
        for (; j + PANEL <= m; j += PANEL) {
            for (int l = 0; l < k; l++) {
                panel(m, p, col, j, flatX == null ? xs[l] : flatX, flatX == null ? 0 : l * m,
                        flatY == null ? ys[l] : flatY, flatY == null ? 0 : l * m);
            }
            col = columnStart(m, j + PANEL);
        }
        for (; j < m; j++) {
            for (int l = 0; l < k; l++) {
                column(m, p, col, j, flatX == null ? xs[l] : flatX, flatX == null ? 0 : l * m,
                        flatY == null ? ys[l] : flatY, flatY == null ? 0 : l * m);
            }
            col += m - j;
        }
    }

    /** Columns j..j+3 (column j at p[col]) applied to the vector x[xo..], into y[yo..]. */
    private static void panel(int m, double[] p, int col, int j, double[] x, int xo, double[] y, int yo) {
        int c0 = col;
        int c1 = c0 + (m - j);
        int c2 = c1 + (m - j - 1);
        int c3 = c2 + (m - j - 2);
        // o_s + i indexes P(i, j+s).
        int o0 = c0 - j;
        int o1 = c1 - (j + 1);
        int o2 = c2 - (j + 2);
        int o3 = c3 - (j + 3);
        double x0 = x[xo + j];
        double x1 = x[xo + j + 1];
        double x2 = x[xo + j + 2];
        double x3 = x[xo + j + 3];
        for (int i = j + PANEL; i < m; i++) {
            y[yo + i] += (p[o0 + i] * x0 + p[o1 + i] * x1) + (p[o2 + i] * x2 + p[o3 + i] * x3);
        }
        int below = j + PANEL;
        diagonal(m, p, col, j, x, xo, y, yo, tree(p, o0, x, xo, below, m), tree(p, o1, x, xo, below, m),
                tree(p, o2, x, xo, below, m), tree(p, o3, x, xo, below, m));
    }

    /**
     * y_{j+r} += D_r + t_r for the panel of columns j..j+3 (column j at p[col]): D_r its 4×4 diagonal block's row r
     * times x_j..x_{j+3}, t_r the reduced dot product of column j+r below the panel.
     */
    static void diagonal(int m, double[] p, int col, int j, double[] x, int xo, double[] y, int yo, double t0,
                         double t1, double t2, double t3) {
        int c0 = col;
        int c1 = c0 + (m - j);
        int c2 = c1 + (m - j - 1);
        int c3 = c2 + (m - j - 2);
        double x0 = x[xo + j];
        double x1 = x[xo + j + 1];
        double x2 = x[xo + j + 2];
        double x3 = x[xo + j + 3];
        double p00 = p[c0];
        double p10 = p[c0 + 1];
        double p20 = p[c0 + 2];
        double p30 = p[c0 + 3];
        double p11 = p[c1];
        double p21 = p[c1 + 1];
        double p31 = p[c1 + 2];
        double p22 = p[c2];
        double p32 = p[c2 + 1];
        double p33 = p[c3];
        y[yo + j] += ((p00 * x0 + p10 * x1) + (p20 * x2 + p30 * x3)) + t0;
        y[yo + j + 1] += ((p10 * x0 + p11 * x1) + (p21 * x2 + p31 * x3)) + t1;
        y[yo + j + 2] += ((p20 * x0 + p21 * x1) + (p22 * x2 + p32 * x3)) + t2;
        y[yo + j + 3] += ((p30 * x0 + p31 * x1) + (p32 * x2 + p33 * x3)) + t3;
    }

    /** Column j alone (column j at p[col]) applied to the vector x[xo..], into y[yo..]. */
    private static void column(int m, double[] p, int col, int j, double[] x, int xo, double[] y, int yo) {
        int o = col - j;
        double xj = x[xo + j];
        for (int i = j + 1; i < m; i++) {
            y[yo + i] += p[o + i] * xj;
        }
        y[yo + j] += p[col] * xj + tree(p, o, x, xo, j + 1, m);
    }

    /**
     * τ(σ) = ((σ0 + σ1) + (σ2 + σ3)) + ((σ4 + σ5) + (σ6 + σ7)) for σ[t] = Σ P(i, ·)·x_i over the rows from ≤ i &lt; to
     * with i ≡ t (mod 8), each summed from 0 in increasing i (p[o + i] is the column's entry in row i). The rows
     * before the first multiple of 8 and after the last one go one by one into their residue's sum, the rows
     * between in groups of eight, one per sum.
     */
    static double tree(double[] p, int o, double[] x, int xo, int from, int to) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        double s4 = 0;
        double s5 = 0;
        double s6 = 0;
        double s7 = 0;
        int i = from;
        int groups = Math.max(from, Math.min(to, (from + 7) & ~7));
        int last = Math.max(groups, to & ~7);
        for (; i < to; i++) {
            if (i == groups) {
                for (; i < last; i += 8) {
                    s0 += p[o + i] * x[xo + i];
                    s1 += p[o + i + 1] * x[xo + i + 1];
                    s2 += p[o + i + 2] * x[xo + i + 2];
                    s3 += p[o + i + 3] * x[xo + i + 3];
                    s4 += p[o + i + 4] * x[xo + i + 4];
                    s5 += p[o + i + 5] * x[xo + i + 5];
                    s6 += p[o + i + 6] * x[xo + i + 6];
                    s7 += p[o + i + 7] * x[xo + i + 7];
                }
                if (i >= to) {
                    break;
                }
            }
            double term = p[o + i] * x[xo + i];
            switch (i & 7) {
                case 0 -> s0 += term;
                case 1 -> s1 += term;
                case 2 -> s2 += term;
                case 3 -> s3 += term;
                case 4 -> s4 += term;
                case 5 -> s5 += term;
                case 6 -> s6 += term;
                default -> s7 += term;
            }
        }
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }

    private static void checkProduct(int m, int k, double[] packed) {
        if (m < 1 || k < 1) {
            throw new IllegalArgumentException("m and k must be >= 1, got m=" + m + ", k=" + k);
        }
        checkPacked(m, packed);
    }

    private static void checkPacked(int m, double[] packed) {
        if (packed.length < length(m)) {
            throw new IllegalArgumentException("packed must hold m(m+1)/2 = " + length(m) + " doubles for m=" + m
                    + ", got " + packed.length);
        }
    }
}
