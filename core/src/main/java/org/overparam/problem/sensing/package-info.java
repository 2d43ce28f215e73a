/**
 * Matrix sensing: recover a low-rank M* from y_i = ⟨A_i, M*⟩ (+ noise) by gradient descent on a factored
 * model, asymmetric U Vᵀ or symmetric U Uᵀ. Quadratic-activation networks are the rank-one operator
 * A_i = x_i x_iᵀ with the symmetric model (Du &amp; Lee 2018). Both models evaluate their data term through one
 * abstraction with two forms ({@link org.overparam.problem.sensing.DataForm}): measured residuals through the
 * operator, or, for a dense operator with many measurements, the instance's shared Gram matrix 𝐀ᵀ𝐀.
 */
package org.overparam.problem.sensing;
