package org.overparam.linalg;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * The SIMD forms of {@link PackedSymmetric}'s kernels (jdk.incubator.vector), loaded only when
 * {@link VectorApi#available()}. Both vectorize across independent outputs and never split a sum by the register
 * width, so they compute exactly the bits of the scalar kernels (the tests compare them bit for bit):
 *
 * <ul>
 *   <li>{@link #gram}: a register-tiled, cache-blocked SYRK whose vector lanes are rows i of a column of P; each
 *       entry stays the natural-order fused sum s ← fma(a(p, i), a(p, j), s), as the scalar kernel's, carried in
 *       memory between blocks of rows p, which does not change a bit.</li>
 *   <li>{@link #panelPair}: the product's inner loop over two 4-column panels at once, on 8-row groups aligned to
 *       i ≡ 0 (mod 8), so lane t of every accumulator is the partial sum σ[t] of the rows i ≡ t the scalar kernel
 *       keeps (the split is fixed at 8 in the code, not taken from the hardware).</li>
 * </ul>
 */
final class PackedSymmetricSimd {

    /**
     * The SYRK's species: the machine's widest, W lanes (independent entries of P). SPECIES_MAX rather than
     * SPECIES_PREFERRED (the same width on x86) because netlib's VectorBLAS uses it: on JDK 17, kernels of two vector
     * classes of one shape in one JVM (DoubleMaxVector and Double512Vector) stop being compiled to SIMD code once
     * both have run (measured: the SYRK fell from 100 to 1.2 GFLOP/s after a few VectorBLAS GEMVs).
     */
    private static final VectorSpecies<Double> WIDE = DoubleVector.SPECIES_MAX;
    /** W. */
    private static final int W = WIDE.length();
    /** Rows of P per SYRK register tile: three vectors. */
    private static final int MR = 3 * W;
    /** Columns of P per SYRK register tile: eight broadcasts (the packing's sliver width). */
    private static final int NR = 8;
    /** Rows p of A per block: one 8-column sliver of a block is KC·8 doubles (16 KB, L1). */
    private static final int KC = 256;
    /** Rows of P per cache block: the block's slivers (KC·MC doubles, 480 KB) stay in L2 for every column. */
    private static final int MC = 10 * MR;

    /**
     * The product's species: eight lanes, one per partial sum σ[t]. The widest species when it has 8 lanes (see
     * {@link #WIDE}); elsewhere the 512-bit one, which the JDK then emulates (slowly) for the tests that force it.
     */
    private static final VectorSpecies<Double> EIGHT = WIDE.length() == 8 ? WIDE : DoubleVector.SPECIES_512;

    private PackedSymmetricSimd() {
    }

    /** Whether the SYRK's width divides the packing's sliver of 8 columns (2, 4 or 8 doubles). */
    static boolean gramSupported() {
        return W >= 2 && NR % W == 0;
    }

    /** Whether the machine has 8-double registers, which the product's 8 partial sums need to run at speed. */
    static boolean productSupported() {
        return WIDE.length() == 8;
    }

    /**
     * packed = AᵀA as {@link PackedSymmetric#gram}, same bits. For each block of KC rows p, A's columns are packed
     * into slivers of 8 (sliver s holds a(p, 8s..8s+7) contiguously for each p, zero past m), which serve both as
     * the MR-row operand (vector loads) and as the 8-column operand (broadcasts) of the register tiles.
     */
    static void gram(int n, int m, double[] a, double[] packed) {
        // Enough slivers for the last register tile's rows (zeros past m).
        int slivers = ((m + MR - 1) / MR * MR + NR - 1) / NR;
        int rows = Math.min(KC, n);
        double[] panel = new double[rows * slivers * NR];
        double[] tile = new double[MR * NR];
        for (int p0 = 0; p0 < n; p0 += KC) {
            int kb = Math.min(KC, n - p0);
            pack(n, m, a, p0, kb, slivers, panel);
            boolean accumulate = p0 > 0;
            for (int ic = 0; ic < m; ic += MC) {
                int icEnd = Math.min(ic + MC, m);
                for (int j0 = 0; j0 < icEnd; j0 += NR) {
                    for (int i0 = ic; i0 < icEnd; i0 += MR) {
                        if (i0 + MR - 1 >= j0) {
                            tile(m, kb, panel, i0, j0, packed, tile, accumulate);
                        }
                    }
                }
            }
        }
    }

    /** panel[(s·kb + p)·8 + c] = a(p0 + p, 8s + c), 0 for columns past m. */
    private static void pack(int n, int m, double[] a, int p0, int kb, int slivers, double[] panel) {
        for (int s = 0; s < slivers; s++) {
            int base = s * kb * NR;
            for (int c = 0; c < NR; c++) {
                int col = NR * s + c;
                if (col < m) {
                    int src = n * col + p0;
                    for (int p = 0; p < kb; p++) {
                        panel[base + p * NR + c] = a[src + p];
                    }
                } else {
                    for (int p = 0; p < kb; p++) {
                        panel[base + p * NR + c] = 0;
                    }
                }
            }
        }
    }

    /**
     * P(i0..i0+MR−1, j0..j0+7) += the block's products. A tile wholly inside the lower triangle and the matrix
     * reads and writes P in place (column j0+c's rows i0.. are contiguous); one that crosses the diagonal or the edge
     * goes through {@code tile} (MR×8 column-major), and only its entries with j ≤ i &lt; m are written back.
     */
    private static void tile(int m, int kb, double[] panel, int i0, int j0, double[] packed, double[] tile,
                             boolean accumulate) {
        int a0 = aOffset(kb, i0);
        int a1 = aOffset(kb, i0 + W);
        int a2 = aOffset(kb, i0 + 2 * W);
        int b = (j0 / NR) * kb * NR;
        if (i0 >= j0 + NR - 1 && i0 + MR <= m && j0 + NR <= m) {
            micro(panel, kb, a0, a1, a2, b, packed, inPlace(m, i0, j0, 0), inPlace(m, i0, j0, 1),
                    inPlace(m, i0, j0, 2), inPlace(m, i0, j0, 3), inPlace(m, i0, j0, 4), inPlace(m, i0, j0, 5),
                    inPlace(m, i0, j0, 6), inPlace(m, i0, j0, 7), accumulate);
            return;
        }
        for (int c = 0; c < NR; c++) {
            for (int r = 0; r < MR; r++) {
                int i = i0 + r;
                int j = j0 + c;
                tile[c * MR + r] = accumulate && i < m && j <= i ? packed[PackedSymmetric.index(m, i, j)] : 0;
            }
        }
        micro(panel, kb, a0, a1, a2, b, tile, 0, MR, 2 * MR, 3 * MR, 4 * MR, 5 * MR, 6 * MR, 7 * MR, true);
        for (int c = 0; c < NR; c++) {
            for (int r = 0; r < MR; r++) {
                int i = i0 + r;
                int j = j0 + c;
                if (i < m && j <= i) {
                    packed[PackedSymmetric.index(m, i, j)] = tile[c * MR + r];
                }
            }
        }
    }

    /** Where row r of the panel's slivers starts for p = 0 (rows of one vector lie in one sliver: W divides 8). */
    private static int aOffset(int kb, int r) {
        return (r / NR) * kb * NR + r % NR;
    }

    /** Index of P(i0, j0 + c) in packed storage. */
    private static int inPlace(int m, int i0, int j0, int c) {
        return PackedSymmetric.index(m, i0, j0 + c);
    }

    /**
     * The register tile: 3×8 vectors c_hc (rows i0 + hW.., column j0 + c) at out[o_c + hW], loaded when
     * {@code accumulate} (else zero), advanced by kb rows p (c_hc ← fma(A_h(p), a(p, j0 + c), c_hc)), stored.
     */
    private static void micro(double[] panel, int kb, int a0, int a1, int a2, int b, double[] out, int o0, int o1,
                              int o2, int o3, int o4, int o5, int o6, int o7, boolean accumulate) {
        DoubleVector c00;
        DoubleVector c01;
        DoubleVector c02;
        DoubleVector c03;
        DoubleVector c04;
        DoubleVector c05;
        DoubleVector c06;
        DoubleVector c07;
        DoubleVector c10;
        DoubleVector c11;
        DoubleVector c12;
        DoubleVector c13;
        DoubleVector c14;
        DoubleVector c15;
        DoubleVector c16;
        DoubleVector c17;
        DoubleVector c20;
        DoubleVector c21;
        DoubleVector c22;
        DoubleVector c23;
        DoubleVector c24;
        DoubleVector c25;
        DoubleVector c26;
        DoubleVector c27;
        if (accumulate) {
            c00 = DoubleVector.fromArray(WIDE, out, o0);
            c01 = DoubleVector.fromArray(WIDE, out, o1);
            c02 = DoubleVector.fromArray(WIDE, out, o2);
            c03 = DoubleVector.fromArray(WIDE, out, o3);
            c04 = DoubleVector.fromArray(WIDE, out, o4);
            c05 = DoubleVector.fromArray(WIDE, out, o5);
            c06 = DoubleVector.fromArray(WIDE, out, o6);
            c07 = DoubleVector.fromArray(WIDE, out, o7);
            c10 = DoubleVector.fromArray(WIDE, out, o0 + W);
            c11 = DoubleVector.fromArray(WIDE, out, o1 + W);
            c12 = DoubleVector.fromArray(WIDE, out, o2 + W);
            c13 = DoubleVector.fromArray(WIDE, out, o3 + W);
            c14 = DoubleVector.fromArray(WIDE, out, o4 + W);
            c15 = DoubleVector.fromArray(WIDE, out, o5 + W);
            c16 = DoubleVector.fromArray(WIDE, out, o6 + W);
            c17 = DoubleVector.fromArray(WIDE, out, o7 + W);
            c20 = DoubleVector.fromArray(WIDE, out, o0 + 2 * W);
            c21 = DoubleVector.fromArray(WIDE, out, o1 + 2 * W);
            c22 = DoubleVector.fromArray(WIDE, out, o2 + 2 * W);
            c23 = DoubleVector.fromArray(WIDE, out, o3 + 2 * W);
            c24 = DoubleVector.fromArray(WIDE, out, o4 + 2 * W);
            c25 = DoubleVector.fromArray(WIDE, out, o5 + 2 * W);
            c26 = DoubleVector.fromArray(WIDE, out, o6 + 2 * W);
            c27 = DoubleVector.fromArray(WIDE, out, o7 + 2 * W);
        } else {
            DoubleVector zero = DoubleVector.zero(WIDE);
            c00 = zero;
            c01 = zero;
            c02 = zero;
            c03 = zero;
            c04 = zero;
            c05 = zero;
            c06 = zero;
            c07 = zero;
            c10 = zero;
            c11 = zero;
            c12 = zero;
            c13 = zero;
            c14 = zero;
            c15 = zero;
            c16 = zero;
            c17 = zero;
            c20 = zero;
            c21 = zero;
            c22 = zero;
            c23 = zero;
            c24 = zero;
            c25 = zero;
            c26 = zero;
            c27 = zero;
        }
        int end = kb * NR;
        for (int q = 0; q < end; q += NR) {
            DoubleVector x0 = DoubleVector.fromArray(WIDE, panel, a0 + q);
            DoubleVector x1 = DoubleVector.fromArray(WIDE, panel, a1 + q);
            DoubleVector x2 = DoubleVector.fromArray(WIDE, panel, a2 + q);
            DoubleVector y = DoubleVector.broadcast(WIDE, panel[b + q]);
            c00 = x0.fma(y, c00);
            c10 = x1.fma(y, c10);
            c20 = x2.fma(y, c20);
            y = DoubleVector.broadcast(WIDE, panel[b + q + 1]);
            c01 = x0.fma(y, c01);
            c11 = x1.fma(y, c11);
            c21 = x2.fma(y, c21);
            y = DoubleVector.broadcast(WIDE, panel[b + q + 2]);
            c02 = x0.fma(y, c02);
            c12 = x1.fma(y, c12);
            c22 = x2.fma(y, c22);
            y = DoubleVector.broadcast(WIDE, panel[b + q + 3]);
            c03 = x0.fma(y, c03);
            c13 = x1.fma(y, c13);
            c23 = x2.fma(y, c23);
            y = DoubleVector.broadcast(WIDE, panel[b + q + 4]);
            c04 = x0.fma(y, c04);
            c14 = x1.fma(y, c14);
            c24 = x2.fma(y, c24);
            y = DoubleVector.broadcast(WIDE, panel[b + q + 5]);
            c05 = x0.fma(y, c05);
            c15 = x1.fma(y, c15);
            c25 = x2.fma(y, c25);
            y = DoubleVector.broadcast(WIDE, panel[b + q + 6]);
            c06 = x0.fma(y, c06);
            c16 = x1.fma(y, c16);
            c26 = x2.fma(y, c26);
            y = DoubleVector.broadcast(WIDE, panel[b + q + 7]);
            c07 = x0.fma(y, c07);
            c17 = x1.fma(y, c17);
            c27 = x2.fma(y, c27);
        }
        c00.intoArray(out, o0);
        c01.intoArray(out, o1);
        c02.intoArray(out, o2);
        c03.intoArray(out, o3);
        c04.intoArray(out, o4);
        c05.intoArray(out, o5);
        c06.intoArray(out, o6);
        c07.intoArray(out, o7);
        c10.intoArray(out, o0 + W);
        c11.intoArray(out, o1 + W);
        c12.intoArray(out, o2 + W);
        c13.intoArray(out, o3 + W);
        c14.intoArray(out, o4 + W);
        c15.intoArray(out, o5 + W);
        c16.intoArray(out, o6 + W);
        c17.intoArray(out, o7 + W);
        c20.intoArray(out, o0 + 2 * W);
        c21.intoArray(out, o1 + 2 * W);
        c22.intoArray(out, o2 + 2 * W);
        c23.intoArray(out, o3 + 2 * W);
        c24.intoArray(out, o4 + 2 * W);
        c25.intoArray(out, o5 + 2 * W);
        c26.intoArray(out, o6 + 2 * W);
        c27.intoArray(out, o7 + 2 * W);
    }

    /**
     * Panels j and j + 4 (columns j..j+7, column j at packed[col]; j ≡ 0 mod 8 and j + 8 ≤ m) applied to one vector
     * x (at {@code x[xo..]}, result into {@code y[yo..]}): the row loops of {@link PackedSymmetric}'s scalar panel
     * for both panels in one sweep, y_i += T_j(i) then y_i += T_{j+4}(i), σ_c[i mod 8] += P(i, j+c)·x_i for the rows
     * each panel owns (i ≥ j + 4, resp. i ≥ j + 8), in increasing i; then both panels' diagonal blocks, with the
     * partial sums reduced as the scalar kernel reduces them. Rows j+4..j+7 are the upper half of the 8-row group at
     * j (panel j's only), rows j+8 ≤ i &lt; m − m mod 8 go in full groups, and the last m mod 8 rows in scalar code
     * after the lanes are taken out, so no load is masked.
     */
    static void panelPair(int m, double[] p, int col, int j, double[] x, int xo, double[] y, int yo) {
        int c0 = col;
        int c1 = c0 + (m - j);
        int c2 = c1 + (m - j - 1);
        int c3 = c2 + (m - j - 2);
        int c4 = c3 + (m - j - 3);
        int c5 = c4 + (m - j - 4);
        int c6 = c5 + (m - j - 5);
        int c7 = c6 + (m - j - 6);
        // o_c + i indexes P(i, j + c).
        int o0 = c0 - j;
        int o1 = c1 - (j + 1);
        int o2 = c2 - (j + 2);
        int o3 = c3 - (j + 3);
        int o4 = c4 - (j + 4);
        int o5 = c5 - (j + 5);
        int o6 = c6 - (j + 6);
        int o7 = c7 - (j + 7);
        DoubleVector x0 = DoubleVector.broadcast(EIGHT, x[xo + j]);
        DoubleVector x1 = DoubleVector.broadcast(EIGHT, x[xo + j + 1]);
        DoubleVector x2 = DoubleVector.broadcast(EIGHT, x[xo + j + 2]);
        DoubleVector x3 = DoubleVector.broadcast(EIGHT, x[xo + j + 3]);
        DoubleVector x4 = DoubleVector.broadcast(EIGHT, x[xo + j + 4]);
        DoubleVector x5 = DoubleVector.broadcast(EIGHT, x[xo + j + 5]);
        DoubleVector x6 = DoubleVector.broadcast(EIGHT, x[xo + j + 6]);
        DoubleVector x7 = DoubleVector.broadcast(EIGHT, x[xo + j + 7]);
        DoubleVector zero = DoubleVector.zero(EIGHT);
        // The group at j: lanes 4..7 (rows j+4..j+7) are panel j's first rows; lanes 0..3 (rows j..j+3, the
        // diagonal block) are read but dropped: y keeps them, the partial sums get 0 + 0 there and 0 + P·x above.
        VectorMask<Double> upper = EIGHT.indexInRange(-4, 4);
        DoubleVector xi = DoubleVector.fromArray(EIGHT, x, xo + j);
        DoubleVector yi = DoubleVector.fromArray(EIGHT, y, yo + j);
        DoubleVector a0 = DoubleVector.fromArray(EIGHT, p, o0 + j);
        DoubleVector a1 = DoubleVector.fromArray(EIGHT, p, o1 + j);
        DoubleVector a2 = DoubleVector.fromArray(EIGHT, p, o2 + j);
        DoubleVector a3 = DoubleVector.fromArray(EIGHT, p, o3 + j);
        yi.blend(yi.add(a0.mul(x0).add(a1.mul(x1)).add(a2.mul(x2).add(a3.mul(x3)))), upper).intoArray(y, yo + j);
        DoubleVector s0 = zero.add(zero.blend(a0.mul(xi), upper));
        DoubleVector s1 = zero.add(zero.blend(a1.mul(xi), upper));
        DoubleVector s2 = zero.add(zero.blend(a2.mul(xi), upper));
        DoubleVector s3 = zero.add(zero.blend(a3.mul(xi), upper));
        DoubleVector s4 = zero;
        DoubleVector s5 = zero;
        DoubleVector s6 = zero;
        DoubleVector s7 = zero;
        int last = m & ~7;
        for (int g = j + 8; g < last; g += 8) {
            xi = DoubleVector.fromArray(EIGHT, x, xo + g);
            yi = DoubleVector.fromArray(EIGHT, y, yo + g);
            a0 = DoubleVector.fromArray(EIGHT, p, o0 + g);
            a1 = DoubleVector.fromArray(EIGHT, p, o1 + g);
            a2 = DoubleVector.fromArray(EIGHT, p, o2 + g);
            a3 = DoubleVector.fromArray(EIGHT, p, o3 + g);
            yi = yi.add(a0.mul(x0).add(a1.mul(x1)).add(a2.mul(x2).add(a3.mul(x3))));
            s0 = s0.add(a0.mul(xi));
            s1 = s1.add(a1.mul(xi));
            s2 = s2.add(a2.mul(xi));
            s3 = s3.add(a3.mul(xi));
            a0 = DoubleVector.fromArray(EIGHT, p, o4 + g);
            a1 = DoubleVector.fromArray(EIGHT, p, o5 + g);
            a2 = DoubleVector.fromArray(EIGHT, p, o6 + g);
            a3 = DoubleVector.fromArray(EIGHT, p, o7 + g);
            yi.add(a0.mul(x4).add(a1.mul(x5)).add(a2.mul(x6).add(a3.mul(x7)))).intoArray(y, yo + g);
            s4 = s4.add(a0.mul(xi));
            s5 = s5.add(a1.mul(xi));
            s6 = s6.add(a2.mul(xi));
            s7 = s7.add(a3.mul(xi));
        }
        tailRows(m, p, o0, o1, o2, o3, x, xo, j, y, yo, last);
        tailRows(m, p, o4, o5, o6, o7, x, xo, j + 4, y, yo, last);
        PackedSymmetric.diagonal(m, p, c0, j, x, xo, y, yo, tree(s0, p, o0, x, xo, last, m),
                tree(s1, p, o1, x, xo, last, m), tree(s2, p, o2, x, xo, last, m), tree(s3, p, o3, x, xo, last, m));
        PackedSymmetric.diagonal(m, p, c4, j + 4, x, xo, y, yo, tree(s4, p, o4, x, xo, last, m),
                tree(s5, p, o5, x, xo, last, m), tree(s6, p, o6, x, xo, last, m), tree(s7, p, o7, x, xo, last, m));
    }

    /** y_i += (P(i,j)x_j + P(i,j+1)x_{j+1}) + (P(i,j+2)x_{j+2} + P(i,j+3)x_{j+3}) for the rows last ≤ i &lt; m. */
    private static void tailRows(int m, double[] p, int o0, int o1, int o2, int o3, double[] x, int xo, int j,
                                 double[] y, int yo, int last) {
        double x0 = x[xo + j];
        double x1 = x[xo + j + 1];
        double x2 = x[xo + j + 2];
        double x3 = x[xo + j + 3];
        for (int i = last; i < m; i++) {
            y[yo + i] += (p[o0 + i] * x0 + p[o1 + i] * x1) + (p[o2 + i] * x2 + p[o3 + i] * x3);
        }
    }

    /**
     * τ(σ) of one column, as {@link PackedSymmetric#tree}: lane t of s holds σ[t] over the rows below {@code last};
     * the rows last ≤ i &lt; m (at most 7, one per residue t = i − last) add their terms last, in scalar code.
     */
    private static double tree(DoubleVector s, double[] p, int o, double[] x, int xo, int last, int m) {
        double s0 = s.lane(0);
        double s1 = s.lane(1);
        double s2 = s.lane(2);
        double s3 = s.lane(3);
        double s4 = s.lane(4);
        double s5 = s.lane(5);
        double s6 = s.lane(6);
        double s7 = s.lane(7);
        int rest = m - last;
        int i = o + last;
        int k = xo + last;
        if (rest > 0) {
            s0 += p[i] * x[k];
        }
        if (rest > 1) {
            s1 += p[i + 1] * x[k + 1];
        }
        if (rest > 2) {
            s2 += p[i + 2] * x[k + 2];
        }
        if (rest > 3) {
            s3 += p[i + 3] * x[k + 3];
        }
        if (rest > 4) {
            s4 += p[i + 4] * x[k + 4];
        }
        if (rest > 5) {
            s5 += p[i + 5] * x[k + 5];
        }
        if (rest > 6) {
            s6 += p[i + 6] * x[k + 6];
        }
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }
}
