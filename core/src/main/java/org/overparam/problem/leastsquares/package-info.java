/**
 * Over-parameterized linear least squares: f(θ) = (1/n)‖Aθ − y‖² with R parameters and n samples. Convex, so
 * every local minimum is global; with R ≥ n it interpolates, and gradient descent from θ₀ lands on the
 * interpolating solution closest to θ₀ (the "implicit bias" of Bartlett, Long, Lugosi &amp; Tsigler 2020).
 * Features are seeded column by column, so models of different R share one instance (the paired design).
 */
package org.overparam.problem.leastsquares;
