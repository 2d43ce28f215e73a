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
 * <p><b>Arithmetic order.</b> Everything is plain Java with no fused multiply–add, so results are the same
 * bits on every JVM and machine, whatever BLAS is loaded. {@link #gram} forms each entry as one natural-order
 * dot product Σ_p a(p, i)·a(p, j), p = 0, 1, …, the same bits as the textbook loop. {@link #multiply(int, int,
 * double[], double[], double[])} runs the same operations on each of its k vectors in the same order, so
 * column l of a k-vector product equals, bit for bit, the one-vector product of column l.
 *
 * <p>None of the methods allocates.
 */
public final class PackedSymmetric {

    /** Columns handled together by the products: one pass over four columns updates y once per row. */
    private static final int PANEL = 4;
    /** Columns of a {@link #gram} block kept in L2 while every row tile below it streams past (16·n doubles). */
    private static final int GRAM_BLOCK = 16;

    private PackedSymmetric() {
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
     * multiply–adds. A is rows×m column-major (column j at {@code a[rows*j …]}); only packed is written.
     *
     * <p>Cache blocking: {@value #GRAM_BLOCK} columns of A stay in L2 while every 4-column tile below them
     * streams past once; each 4×4 tile of P is sixteen scalar dot products accumulated in registers, one
     * accumulator per entry, over all rows in order (so the entry is exactly the natural-order dot product).
     */
    public static void gram(int rows, int m, double[] a, double[] packed) {
        if (rows < 1 || m < 1) {
            throw new IllegalArgumentException("rows and m must be >= 1, got rows=" + rows + ", m=" + m);
        }
        if (a.length < (long) rows * m) {
            throw new IllegalArgumentException("a must hold rows*m = " + (long) rows * m + " doubles, got "
                    + a.length);
        }
        checkPacked(m, packed);
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
            c00 += x0 * y0;
            c01 += x0 * y1;
            c02 += x0 * y2;
            c03 += x0 * y3;
            c10 += x1 * y0;
            c11 += x1 * y1;
            c12 += x1 * y2;
            c13 += x1 * y3;
            c20 += x2 * y0;
            c21 += x2 * y1;
            c22 += x2 * y2;
            c23 += x2 * y3;
            c30 += x3 * y0;
            c31 += x3 * y1;
            c32 += x3 * y2;
            c33 += x3 * y3;
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
     * One pass over P serves all k vectors: each panel of four packed columns (at most 4·m doubles, L1/L2 sized)
     * is read from memory once and reused from cache for the k vectors, so the memory traffic of P is that of a
     * single product. Per vector the operations and their order are those of the one-vector product, so column l
     * of Y is bit-for-bit {@code multiply(m, P, X[:, l])}.
     *
     * <p>Order, for the record: columns go in panels of four; row i below a panel gets
     * ((P(i,j)x_j + P(i,j+1)x_{j+1}) + (P(i,j+2)x_{j+2} + P(i,j+3)x_{j+3})) added, and the panel's own rows get
     * their 4×4 diagonal block's contribution plus the natural-order dot product of their column below the
     * panel with x; the last m mod 4 columns go one at a time.
     */
    public static void multiply(int m, int k, double[] packed, double[] x, double[] y) {
        if (m < 1 || k < 1) {
            throw new IllegalArgumentException("m and k must be >= 1, got m=" + m + ", k=" + k);
        }
        checkPacked(m, packed);
        if (x.length < (long) m * k || y.length < (long) m * k) {
            throw new IllegalArgumentException("x and y must hold m*k = " + (long) m * k + " doubles, got "
                    + x.length + " and " + y.length);
        }
        if (x == y) {
            throw new IllegalArgumentException("x and y must be different arrays");
        }
        Arrays.fill(y, 0, m * k, 0.0);
        int col = 0;
        int j = 0;
        for (; j + PANEL <= m; j += PANEL) {
            for (int l = 0; l < k; l++) {
                panel(m, packed, col, j, x, y, l * m);
            }
            col = columnStart(m, j + PANEL);
        }
        for (; j < m; j++) {
            for (int l = 0; l < k; l++) {
                column(m, packed, col, j, x, y, l * m);
            }
            col += m - j;
        }
    }

    /** Columns j..j+3 (column j at packed[col]) applied to the vector at offset v. */
    private static void panel(int m, double[] p, int col, int j, double[] x, double[] y, int v) {
        int c0 = col;
        int c1 = c0 + (m - j);
        int c2 = c1 + (m - j - 1);
        int c3 = c2 + (m - j - 2);
        // o_s + i indexes P(i, j+s).
        int o0 = c0 - j;
        int o1 = c1 - (j + 1);
        int o2 = c2 - (j + 2);
        int o3 = c3 - (j + 3);
        double x0 = x[v + j];
        double x1 = x[v + j + 1];
        double x2 = x[v + j + 2];
        double x3 = x[v + j + 3];
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        for (int i = j + PANEL; i < m; i++) {
            double a0 = p[o0 + i];
            double a1 = p[o1 + i];
            double a2 = p[o2 + i];
            double a3 = p[o3 + i];
            double xi = x[v + i];
            y[v + i] += (a0 * x0 + a1 * x1) + (a2 * x2 + a3 * x3);
            s0 += a0 * xi;
            s1 += a1 * xi;
            s2 += a2 * xi;
            s3 += a3 * xi;
        }
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
        y[v + j] += ((p00 * x0 + p10 * x1) + (p20 * x2 + p30 * x3)) + s0;
        y[v + j + 1] += ((p10 * x0 + p11 * x1) + (p21 * x2 + p31 * x3)) + s1;
        y[v + j + 2] += ((p20 * x0 + p21 * x1) + (p22 * x2 + p32 * x3)) + s2;
        y[v + j + 3] += ((p30 * x0 + p31 * x1) + (p32 * x2 + p33 * x3)) + s3;
    }

    /** Column j alone (column j at packed[col]) applied to the vector at offset v. */
    private static void column(int m, double[] p, int col, int j, double[] x, double[] y, int v) {
        int o = col - j;
        double xj = x[v + j];
        double s = 0;
        for (int i = j + 1; i < m; i++) {
            double a = p[o + i];
            y[v + i] += a * xj;
            s += a * x[v + i];
        }
        y[v + j] += p[col] * xj + s;
    }

    private static void checkPacked(int m, double[] packed) {
        if (packed.length < length(m)) {
            throw new IllegalArgumentException("packed must hold m(m+1)/2 = " + length(m) + " doubles for m=" + m
                    + ", got " + packed.length);
        }
    }
}
