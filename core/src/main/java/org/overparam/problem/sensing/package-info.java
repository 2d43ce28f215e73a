/**
 * Matrix sensing: recover a low-rank M* from y_i = ⟨A_i, M*⟩ (+ noise) by gradient descent on a factored
 * model, asymmetric U Vᵀ or symmetric U Uᵀ. Quadratic-activation networks are the rank-one operator
 * A_i = x_i x_iᵀ with the symmetric model (Du &amp; Lee 2018).
 */
package org.overparam.problem.sensing;
