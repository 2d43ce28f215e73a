/**
 * Objectives: the landscapes that solvers descend and certificates inspect, as {@link org.overparam.problem.Model}s
 * (an objective with its start, retraction, loss, recovery error, residuals and certificate). One sub-package per
 * family: {@code sensing} (matrix sensing, quadratic networks), {@code relu}, {@code maxcut}, {@code leastsquares}.
 */
package org.overparam.problem;
