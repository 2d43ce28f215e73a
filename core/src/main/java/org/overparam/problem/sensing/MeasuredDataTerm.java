package org.overparam.problem.sensing;

import org.overparam.linalg.Dense;

/**
 * The data term through the operator: res = 𝒜(X) − y, then G·F = 𝒜*(res)·F by the operator's factored adjoint
 * (never forming G for structured operators); along Δ, dres = 𝒜(Δ) and S·F = 𝒜*(dres)·F. Costs what the operator's
 * factored calls cost: O(n·d·R) for rank-one, O(n·R) for entry sampling, n·d² per call for a dense 𝐀.
 *
 * <p>Its value is exact to rounding relative to the residual itself, ‖res‖²(1 + O(n·ε)) plus the rounding of res,
 * so it stays accurate as D → 0; this is why {@code dataLoss} always comes from here. The raw measurement products
 * ({@link #measure}, {@link #adjointTimes}) are the Jacobian products of the models' residual views.
 */
final class MeasuredDataTerm implements DataTerm {

    private final MeasurementOperator op;
    private final boolean symmetricOperator;
    private final int n;
    private final int rank;
    private final int dr;
    private final double[] y;
    private final double[] res;
    private final double[] dres;
    private final double[] tmp;
    private final double[] t;
    private final double[] work;

    MeasuredDataTerm(SensingInstance instance, int rank) {
        this.op = instance.operator();
        this.symmetricOperator = op.symmetric();
        this.n = instance.count();
        this.rank = rank;
        this.dr = instance.dim() * rank;
        this.y = instance.yShared();
        this.res = new double[n];
        this.dres = new double[n];
        this.tmp = new double[n];
        this.t = new double[dr];
        this.work = new double[op.workSize(rank)];
    }

    @Override
    public DataForm form() {
        return DataForm.MEASURED;
    }

    /** 0: D = ‖res‖²/n is accurate relative to itself (plus the rounding of res, which vanishes with res). */
    @Override
    public double valueErrorFloor() {
        return 0;
    }

    @Override
    public double at(double[] u, double[] v) {
        residual(u, v);
        return Dense.dot(res, res) / n;
    }

    @Override
    public void along(double[] u, double[] v, double[] du, double[] dv) {
        residual(u, v);
        measure(du, v, u, dv, dres);
    }

    @Override
    public void alongSymmetric(double[] u, double[] du) {
        residual(u, u);
        measureSymmetric(u, du, dres);
    }

    @Override
    public void residualTimes(double[] f, double[] g, double[] outF, double[] outG) {
        adjointTimes(res, f, g, outF, outG);
    }

    @Override
    public void residualSymmetrizedTimes(double[] f, double[] out) {
        adjointSymmetrizedTimes(res, f, out);
    }

    /**
     * With symmetric A_i, (G + Gᵀ)U = 2𝒜*(res)U and the operator computes res, ‖res‖² and 𝒜*(res)U in one pass,
     * with the sums in the order of {@link #at} and {@link #residualSymmetrizedTimes}: the same bits.
     */
    @Override
    public double atSymmetricWithResidualTimes(double[] u, double[] out) {
        if (!symmetricOperator) {
            return DataTerm.super.atSymmetricWithResidualTimes(u, out);
        }
        double sum = op.residualAndAdjoint(u, rank, y, res, out, work);
        for (int j = 0; j < dr; j++) {
            out[j] *= 2;
        }
        return sum / n;
    }

    @Override
    public void curvatureTimes(double[] f, double[] g, double[] outF, double[] outG) {
        adjointTimes(dres, f, g, outF, outG);
    }

    @Override
    public void curvatureSymmetrizedTimes(double[] f, double[] out) {
        adjointSymmetrizedTimes(dres, f, out);
    }

    /** out = 𝒜(dU Vᵀ + U dVᵀ) (length n): the change of the measurements along (dU, dV); uses tmp. */
    void measure(double[] du, double[] v, double[] u, double[] dv, double[] out) {
        op.applyFactored(du, v, rank, out, work);
        op.applyFactored(u, dv, rank, tmp, work);
        for (int i = 0; i < n; i++) {
            out[i] += tmp[i];
        }
    }

    /** out = 𝒜(dU Uᵀ + U dUᵀ), in one factored call when every A_i is symmetric; uses tmp. */
    void measureSymmetric(double[] u, double[] du, double[] out) {
        op.applyFactored(du, u, rank, out, work);
        if (symmetricOperator) {
            for (int i = 0; i < n; i++) {
                out[i] *= 2;
            }
        } else {
            op.applyFactored(u, du, rank, tmp, work);
            for (int i = 0; i < n; i++) {
                out[i] += tmp[i];
            }
        }
    }

    /** outF = 𝒜*(w)·F and outG = 𝒜*(w)ᵀ·F′ for w of length n. */
    void adjointTimes(double[] w, double[] f, double[] g, double[] outF, double[] outG) {
        op.adjointBothTimes(w, f, g, rank, outF, outG, work);
    }

    /** out = (𝒜*(w) + 𝒜*(w)ᵀ)·F, in one adjoint call when every A_i is symmetric; uses t. */
    void adjointSymmetrizedTimes(double[] w, double[] f, double[] out) {
        op.adjointTimes(w, f, rank, out, work);
        if (symmetricOperator) {
            for (int j = 0; j < dr; j++) {
                out[j] *= 2;
            }
        } else {
            op.adjointTransposeTimes(w, f, rank, t, work);
            for (int j = 0; j < dr; j++) {
                out[j] += t[j];
            }
        }
    }

    /** res = 𝒜(U Vᵀ) − y. */
    private void residual(double[] u, double[] v) {
        op.applyFactored(u, v, rank, res, work);
        for (int i = 0; i < n; i++) {
            res[i] -= y[i];
        }
    }
}
