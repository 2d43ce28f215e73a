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
     * <p>Every sum carried by a loop lives in an array between iterations (p, sum, g), never in a vector variable:
     * on JDK 17, C2 sometimes fails to keep a vector that a loop carries in its register (which compilation hits it
     * depended on the order the sweep's cells first ran in), and then boxes it on every operation, several times
     * slower. Loads and stores of these few slots stay in L1; the operations and their order are unchanged.
     *
     * @param samples x_i(a) of lane jj at {@code so + (d·i + a)·B + jj}
     * @param y       y_i of lane jj at {@code yo + i·B + jj}
     * @param u       U(a, k) of lane jj at {@code (d·k + a)·B + jj}
     * @param g       output, same layout as u (overwritten)
     * @param p       scratch of (rank + 1)·B doubles
     * @param sum     output, B doubles (overwritten)
     */
    static void dataTerm(int n, int d, int rank, double[] samples, int so, double[] y, int yo, double[] u,
                         double[] g, double[] p, double[] sum) {
        int b = SPECIES.length();
        DoubleVector zero = DoubleVector.zero(SPECIES);
        for (int e = 0; e < d * rank; e++) {
            zero.intoArray(g, e * b);
        }
        zero.intoArray(sum, 0);
        int f = rank * b; // f_i = ‖Uᵀx_i‖², after the rank slots p_k = (Uᵀx_i)_k
        for (int i = 0; i < n; i++) {
            int xi = so + d * i * b;
            zero.intoArray(p, f);
            for (int k = 0; k < rank; k++) {
                int pk = k * b;
                int uk = d * k * b;
                zero.intoArray(p, pk);
                for (int a = 0; a < d; a++) {
                    DoubleVector x = DoubleVector.fromArray(SPECIES, samples, xi + a * b);
                    DoubleVector.fromArray(SPECIES, p, pk)
                            .add(x.mul(DoubleVector.fromArray(SPECIES, u, uk + a * b))).intoArray(p, pk);
                }
                DoubleVector v = DoubleVector.fromArray(SPECIES, p, pk);
                DoubleVector.fromArray(SPECIES, p, f).add(v.mul(v)).intoArray(p, f);
            }
            DoubleVector r = DoubleVector.fromArray(SPECIES, p, f).sub(DoubleVector.fromArray(SPECIES, y, yo + i * b));
            DoubleVector.fromArray(SPECIES, sum, 0).add(r.mul(r)).intoArray(sum, 0);
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
    }
}
