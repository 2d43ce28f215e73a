/**
 * Two-layer ReLU teacher–student networks (Safran &amp; Shamir, ICML 2018): a student x ↦ Σ_{i≤R} relu(w_iᵀx)
 * fitted to a teacher x ↦ Σ_{j≤r} relu(v_jᵀx) with V = the first r columns of I_d and output weights fixed at 1,
 * on Gaussian inputs, either in expectation (closed form, {@link org.overparam.problem.relu.ReluPopulationLoss})
 * or on n samples ({@link org.overparam.problem.relu.ReluSampleLoss}). Spurious local minima are common at
 * R = r and are what over-parameterization R &gt; r is meant to remove.
 */
package org.overparam.problem.relu;
