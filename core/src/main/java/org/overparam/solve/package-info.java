/**
 * Local searches (gradient descent, Armijo backtracking, perturbed GD, Riemannian GD through a retraction), their
 * composable stopping rules, and the {@link org.overparam.solve.Trace} run diagnostics are read from.
 */
package org.overparam.solve;
