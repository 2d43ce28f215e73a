package org.overparam.problem;

/**
 * The outputs F(x) ∈ R^m of a model whose loss is a sum of squared residuals F(x) − y, through the Jacobian
 * J = ∂F/∂x (m × N) alone. The tangent kernel K = J Jᵀ (the neural tangent kernel's Gram matrix on the samples)
 * is what the PL* view looks at: λ_min(K) &gt; 0 keeps the loss decreasing under gradient flow.
 * Same conventions as {@link Objective}: arrays are read only, outputs are overwritten, no allocation.
 */
public interface Residuals {

    /** m, the number of outputs (samples or measurements). */
    int count();

    /** out (length m) = J(x)·v for v of length N. */
    void jacobianTimes(double[] x, double[] v, double[] out);

    /** out (length N) = J(x)ᵀ·u for u of length m. */
    void jacobianTransposeTimes(double[] x, double[] u, double[] out);
}
