package org.overparam.linalg;

import java.util.Arrays;

/**
 * λ_min of a symmetric operator known only through its products v ↦ A v, with the residual ‖A v − λ v‖₂ of the
 * reported unit eigenvector v (measured with one more product). The one routine behind the Hessian's and the
 * tangent kernel's smallest eigenvalues.
 *
 * @param value    λ_min (NaN when a product was not finite)
 * @param residual ‖A v − λ v‖₂ (NaN when not finite)
 * @param lowest   the bottom of the spectrum that is known as exactly as λ_min, ascending: the
 *                 {@value #LOWEST} smallest eigenvalues (all, when fewer) from a dense decomposition; λ_min alone
 *                 from Lanczos, whose other Ritz values are not converged; empty when not finite
 */
public record SmallestEigenvalue(double value, double residual, double[] lowest) {

    /** Eigenvalues {@link #lowest} keeps from a dense decomposition. */
    public static final int LOWEST = 20;

    private static final SmallestEigenvalue NOT_FINITE = new SmallestEigenvalue(Double.NaN, Double.NaN,
            new double[0]);

    public SmallestEigenvalue {
        lowest = lowest.clone();
    }

    @Override
    public double[] lowest() {
        return lowest.clone();
    }

    /**
     * From the assembled matrix: A e_j for every j, symmetrized as (A + Aᵀ)/2 to remove rounding asymmetry, then
     * decomposed by {@link SymmetricEigen} (Householder tridiagonalization and QL, pure Java, no lock). Cost: n
     * products, O(n²) memory and O(n³) time.
     */
    public static SmallestEigenvalue dense(int n, Lanczos.Operator op) {
        double[] matrix = new double[n * n];
        double[] e = new double[n];
        double[] col = new double[n];
        for (int j = 0; j < n; j++) {
            e[j] = 1.0;
            op.apply(e, col);
            e[j] = 0.0;
            if (!allFinite(col)) {
                return NOT_FINITE;
            }
            System.arraycopy(col, 0, matrix, n * j, n);
        }
        for (int j = 0; j < n; j++) {
            for (int i = j + 1; i < n; i++) {
                double s = 0.5 * (matrix[i + n * j] + matrix[j + n * i]);
                matrix[i + n * j] = s;
                matrix[j + n * i] = s;
            }
        }
        double[] values = new double[n];
        new SymmetricEigen.Workspace(n).decompose(matrix, values, matrix);
        double lambda = values[0];
        System.arraycopy(matrix, 0, e, 0, n); // the unit eigenvector of λ_min
        op.apply(e, col);
        double r2 = 0;
        for (int i = 0; i < n; i++) {
            double d = col[i] - lambda * e[i];
            r2 += d * d;
        }
        return Double.isFinite(r2)
                ? new SmallestEigenvalue(lambda, Math.sqrt(r2), Arrays.copyOf(values, Math.min(n, LOWEST)))
                : NOT_FINITE;
    }

    /**
     * A Ritz value by {@link Lanczos} with full reorthogonalization: an upper bound of λ_min that is exact to the
     * reported residual once converged.
     */
    public static SmallestEigenvalue lanczos(int n, Lanczos.Operator op, int maxIterations, double tol, long seed) {
        Lanczos.Result r = Lanczos.smallest(n, op, maxIterations, tol, seed);
        return Double.isNaN(r.value()) ? NOT_FINITE
                : new SmallestEigenvalue(r.value(), r.residual(), new double[] {r.value()});
    }

    /** Whether every entry is finite. */
    public static boolean allFinite(double[] v) {
        for (double a : v) {
            if (!Double.isFinite(a)) {
                return false;
            }
        }
        return true;
    }
}
