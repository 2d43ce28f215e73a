/** Local searches (gradient descent, Armijo backtracking, perturbed GD) and their composable stopping rules. */
package org.overparam.solve;
