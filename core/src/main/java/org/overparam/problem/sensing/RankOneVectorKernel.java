package org.overparam.problem.sensing;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The inner loop of {@link RankOneLanes} on one block of B lanes, B the width of the machine's widest SIMD
 * register (8 doubles with AVX-512, 4 with AVX2): the one-pass data term of
 * {@link RankOneOperator#residualAndAdjoint} for B runs at once, block-major (entry e of lane jj at {@code e·B + jj}).
 * Slot jj of every vector computes lane jj's scalar expression; multiplies and adds are separate lanewise
 * operations (never FMA) in the scalar code's order, so each lane gives the scalar operator's bits. Loaded only
 * when {@link org.overparam.linalg.VectorApi#available()}.
 */
final class RankOneVectorKernel {

    /**
     * The machine's widest vectors. SPECIES_MAX, not SPECIES_PREFERRED (the same width on x86, another class):
     * netlib's VectorBLAS and {@link org.overparam.linalg.PackedSymmetricSimd} use it, and on JDK 17 two vector
     * classes in one JVM pollute the shared templates' profiles, so that C2 stops intrinsifying them and the
     * kernel falls back to allocating Java code (measured: 3× slower sweeps after the first netlib call).
     */
    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_MAX;

    /** B, the lanes of one block. */
    static final int BLOCK = SPECIES.length();

    private RankOneVectorKernel() {
    }

    /**
     * For the block's lanes: res_i = ‖Uᵀx_i‖² − y_i, sum = Σ_i res_i², g = Σ_i x_i (res_i·Uᵀx_i)ᵀ (d×rank).
     *
     * @param samples x_i(a) of lane jj at {@code so + (d·i + a)·B + jj}
     * @param y       y_i of lane jj at {@code yo + i·B + jj}
     * @param u       U(a, k) of lane jj at {@code (d·k + a)·B + jj}
     * @param g       output, same layout as u (overwritten)
     * @param p       scratch of rank·B doubles
     * @param sum     output, B doubles (overwritten)
     */
    static void dataTerm(int n, int d, int rank, double[] samples, int so, double[] y, int yo, double[] u,
                         double[] g, double[] p, double[] sum) {
        int b = SPECIES.length();
        DoubleVector zero = DoubleVector.zero(SPECIES);
        for (int e = 0; e < d * rank; e++) {
            zero.intoArray(g, e * b);
        }
        DoubleVector total = zero;
        for (int i = 0; i < n; i++) {
            int xi = so + d * i * b;
            DoubleVector fi = zero;
            for (int k = 0; k < rank; k++) {
                DoubleVector pk = zero;
                int uk = d * k * b;
                for (int a = 0; a < d; a++) {
                    DoubleVector x = DoubleVector.fromArray(SPECIES, samples, xi + a * b);
                    pk = pk.add(x.mul(DoubleVector.fromArray(SPECIES, u, uk + a * b)));
                }
                pk.intoArray(p, k * b);
                fi = fi.add(pk.mul(pk));
            }
            DoubleVector r = fi.sub(DoubleVector.fromArray(SPECIES, y, yo + i * b));
            total = total.add(r.mul(r));
            for (int k = 0; k < rank; k++) {
                DoubleVector t = DoubleVector.fromArray(SPECIES, p, k * b).mul(r);
                int gk = d * k * b;
                for (int a = 0; a < d; a++) {
                    DoubleVector x = DoubleVector.fromArray(SPECIES, samples, xi + a * b);
                    DoubleVector gka = DoubleVector.fromArray(SPECIES, g, gk + a * b);
                    gka.add(x.mul(t)).intoArray(g, gk + a * b);
                }
            }
        }
        total.intoArray(sum, 0);
    }
}
