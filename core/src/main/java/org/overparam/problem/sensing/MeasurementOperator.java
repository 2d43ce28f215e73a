package org.overparam.problem.sensing;

/**
 * A linear measurement operator 𝒜: R^{d×d} → R^n, 𝒜(M)_i = ⟨A_i, M⟩ = trace(A_iᵀ M), and its adjoint
 * 𝒜*(w) = Σ_i w_i A_i.
 *
 * <p>Matrices are flat column-major {@code double[]}: entry (a, b) of a d×d matrix is at {@code a + d*b};
 * a d×R factor F has F(a, k) at {@code a + d*k}. Structured operators never form the dense n×d² matrix:
 * the factored methods cost O(n·d·R) for rank-one measurements and O(n·R) for entry sampling.
 *
 * <p>Implementations are immutable and thread-safe; methods that need scratch space take a caller-owned
 * {@code work} array of at least {@link #workSize(int)} doubles, so that nothing is allocated per call.
 */
public interface MeasurementOperator {

    /** n, the number of measurements. */
    int count();

    /** d, the side of the (square) matrices measured. */
    int dim();

    /** Whether every A_i is symmetric (then 𝒜*(w) is symmetric too). */
    boolean symmetric();

    /** Scratch doubles the factored methods need for factors with {@code rank} columns. */
    int workSize(int rank);

    /** out_i = ⟨A_i, U Vᵀ⟩ for d×rank factors U, V (out has length n). */
    void applyFactored(double[] u, double[] v, int rank, double[] out, double[] work);

    /** out = 𝒜*(w) · F = (Σ_i w_i A_i) F, a d×rank matrix. */
    void adjointTimes(double[] w, double[] f, int rank, double[] out, double[] work);

    /** out = 𝒜*(w)ᵀ · F = (Σ_i w_i A_iᵀ) F, a d×rank matrix. */
    void adjointTransposeTimes(double[] w, double[] f, int rank, double[] out, double[] work);

    /**
     * outF = 𝒜*(w)·F and outG = 𝒜*(w)ᵀ·G for d×rank F, G: the two adjoint products of one w, which an operator
     * that forms 𝒜*(w) (dense: one transposed GEMV over 𝐀) computes from a single pass.
     */
    default void adjointBothTimes(double[] w, double[] f, double[] g, int rank, double[] outF, double[] outG,
                                  double[] work) {
        adjointTimes(w, f, rank, outF, work);
        adjointTransposeTimes(w, g, rank, outG, work);
    }

    /**
     * The symmetric model's data term and its gradient factor in one call, for operators whose A_i are all
     * symmetric: res = 𝒜(UUᵀ) − y and out = 𝒜*(res)·U (d×rank); returns ‖res‖² summed in measurement order.
     * The default composes {@link #applyFactored} and {@link #adjointTimes}; an operator that can share their
     * work (rank-one: XU) does both in one pass.
     */
    default double residualAndAdjoint(double[] u, int rank, double[] y, double[] res, double[] out, double[] work) {
        int n = count();
        applyFactored(u, u, rank, res, work);
        double sum = 0;
        for (int i = 0; i < n; i++) {
            res[i] -= y[i];
            sum += res[i] * res[i];
        }
        adjointTimes(res, u, rank, out, work);
        return sum;
    }

    /** out_i = ⟨A_i, M⟩ for a dense d×d matrix M. May allocate: used by convex references, not hot loops. */
    void apply(double[] m, double[] out);

    /** out = 𝒜*(w) = Σ_i w_i A_i as a dense d×d matrix. May allocate. */
    void adjoint(double[] w, double[] out);
}
