package org.overparam.certify;

import java.util.Objects;
import org.overparam.linalg.Dense;
import org.overparam.linalg.SymmetricEigen;

/**
 * The dual certificate of a Burer–Monteiro point for the Max-Cut SDP
 *
 * <pre>
 *   (P)  min ⟨C, X⟩  s.t.  diag(X) = 1,  X ⪰ 0          (D)  max Σ_i ν_i  s.t.  C − Diag(ν) ⪰ 0
 * </pre>
 *
 * at Y ∈ R^{n×p} (column-major, Y(i, k) at {@code i + n*k}) with unit rows y_i, so that X = YYᵀ is feasible.
 *
 * <p><b>Construction.</b> μ_i = ⟨(CY)_i, y_i⟩ (μ = rowsum((CY)∘Y)), the Lagrange multipliers of the row
 * constraints at Y, and S = C − Diag(μ). Then f = ⟨C, YYᵀ⟩ = Σ_i μ_i, SY = ½·grad f(Y) (the Riemannian
 * gradient), and ⟨S, YYᵀ⟩ = 0.
 *
 * <p><b>Duality argument.</b> Let s = max(0, −λ_min(S)) and ν = μ − s·1. Then C − Diag(ν) = S + sI ⪰ 0, so ν
 * is feasible for (D), and for every X feasible for (P),
 * ⟨C, X⟩ = ⟨S + sI, X⟩ + Σ_i ν_i X_ii ≥ Σ_i ν_i (the trace of a product of PSD matrices is ≥ 0, and
 * X_ii = 1). Hence {@link #lowerBound()} = Σν = f − n·s is a lower bound on the SDP optimum f*, and YYᵀ is
 * within {@link #gap()} = n·s of it: f* ≤ f ≤ f* + n·s. When λ_min(S) ≥ 0 the gap is 0 and YYᵀ is optimal
 * (Boumal, Voroninski &amp; Bandeira, NeurIPS 2016, §2; the ν bound is the standard weak-duality argument).
 * The lower bound is valid whatever Y is (dual feasibility of ν does not involve Y); only the reading of
 * {@code value} as a primal value needs unit rows.
 *
 * <p><b>Accuracy.</b> λ_min(S) comes from {@link SymmetricEigen} (backward stable: error ≲ c·n·ε·‖S‖₂), and
 * {@code residual} = ‖S v − λ v‖₂ for its unit eigenvector v. Rounding makes exact zero modes come out as
 * ±tiny, so certification is λ_min ≥ −tol ({@link #certified}), never λ_min ≥ 0.
 *
 * <p>A non-finite Y or C gives NaN in every field: divergence is data, not an exception.
 *
 * @param value         f = ⟨C, YYᵀ⟩ = Σ_i μ_i
 * @param minEigenvalue λ_min(S), S = C − Diag(μ)
 * @param residual      ‖S v − λ_min v‖₂ for the computed unit eigenvector v
 * @param lowerBound    f − n·max(0, −λ_min(S)), a certified lower bound on the SDP optimum
 * @param gap           n·max(0, −λ_min(S)) = value − lowerBound
 */
public record DualCertificate(double value, double minEigenvalue, double residual, double lowerBound,
                              double gap) {

    /**
     * The certificate of Y for cost C.
     *
     * @param n    nodes, ≥ 1
     * @param cost C, symmetric n×n column-major (only read; symmetry is not checked)
     * @param y    Y, n×p column-major (only read)
     * @param p    columns of Y, ≥ 1
     */
    public static DualCertificate of(int n, double[] cost, double[] y, int p) {
        double[] mu = multipliers(n, cost, y, p);
        double[] s = new double[n * n];
        double value = 0;
        for (int i = 0; i < n; i++) {
            value += mu[i];
        }
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                s[i + n * j] = cost[i + n * j];
            }
            s[j + n * j] -= mu[j];
        }
        if (!allFinite(s)) {
            return new DualCertificate(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double[] values = new double[n];
        double[] vectors = new double[n * n];
        new SymmetricEigen.Workspace(n).decompose(s, values, vectors);
        double lambda = values[0];
        double[] v = new double[n];
        System.arraycopy(vectors, 0, v, 0, n);
        double[] sv = new double[n];
        Dense.gemv(false, n, n, 1.0, s, v, 0.0, sv);
        double r2 = 0;
        for (int i = 0; i < n; i++) {
            double d = sv[i] - lambda * v[i];
            r2 += d * d;
        }
        double gap = n * Math.max(0.0, -lambda);
        return new DualCertificate(value, lambda, Math.sqrt(r2), value - gap, gap);
    }

    /**
     * μ = rowsum((CY)∘Y), μ_i = ⟨(CY)_i, y_i⟩ (a new array of length n): the multipliers whose shift
     * μ − (gap/n)·1 is the dual-feasible point of the bound. Arguments as in {@link #of}.
     */
    public static double[] multipliers(int n, double[] cost, double[] y, int p) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be ≥ 1, got " + n);
        }
        if (p < 1) {
            throw new IllegalArgumentException("p must be ≥ 1, got " + p);
        }
        Objects.requireNonNull(cost, "cost must not be null");
        Objects.requireNonNull(y, "y must not be null");
        if (cost.length != n * n) {
            throw new IllegalArgumentException("cost must have length n² = " + n * n + ", got " + cost.length);
        }
        if (y.length != n * p) {
            throw new IllegalArgumentException("y must have length n·p = " + n * p + ", got " + y.length);
        }
        double[] cy = new double[n * p];
        Dense.gemm(false, false, n, p, n, 1.0, cost, y, 0.0, cy);
        double[] mu = new double[n];
        for (int k = 0; k < p; k++) {
            for (int i = 0; i < n; i++) {
                mu[i] += cy[i + n * k] * y[i + n * k];
            }
        }
        return mu;
    }

    /** Whether λ_min(S) ≥ −tol: YYᵀ is then within n·tol of the SDP optimum. False when NaN. */
    public boolean certified(double tol) {
        if (!(tol >= 0)) {
            throw new IllegalArgumentException("tol must be ≥ 0, got " + tol);
        }
        return minEigenvalue >= -tol;
    }

    private static boolean allFinite(double[] v) {
        for (double a : v) {
            if (!Double.isFinite(a)) {
                return false;
            }
        }
        return true;
    }
}
