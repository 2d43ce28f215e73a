/**
 * Max-Cut through its semidefinite relaxation min ⟨C, X⟩ s.t. diag(X) = 1, X ⪰ 0 (Goemans &amp; Williamson 1995),
 * searched in Burer–Monteiro form X = YYᵀ with Y on the oblique manifold of n×p matrices with unit rows
 * (Burer &amp; Monteiro 2003; Boumal, Voroninski &amp; Bandeira 2016). Global optimality is certified by the dual
 * certificate of {@link org.overparam.certify.DualCertificate}.
 */
package org.overparam.problem.maxcut;
