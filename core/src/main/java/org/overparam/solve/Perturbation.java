package org.overparam.solve;

/**
 * Perturbed gradient descent's escape rule (Jin, Ge, Netrapalli, Kakade &amp; Jordan 2017): when the gradient
 * is small, jump to a uniform random point of a ball of {@code radius} around x and descend for up to
 * {@code window} steps. If f then fell by more than {@code decrease} below its value at x, the point was a
 * saddle and the search goes on; otherwise x is returned as a (numerically) second-order stationary point.
 *
 * @param radius   ball radius
 * @param window   steps allowed to show an escape
 * @param decrease decrease that counts as an escape
 * @param maxTries perturbations allowed per run
 * @param seed     seed of the generator drawing the perturbations
 */
public record Perturbation(double radius, int window, double decrease, int maxTries, long seed) {

    public Perturbation {
        if (!(radius > 0) || !Double.isFinite(radius)) {
            throw new IllegalArgumentException("perturbation radius must be a finite number > 0, got " + radius);
        }
        if (window < 1) {
            throw new IllegalArgumentException("perturbation window must be >= 1, got " + window);
        }
        if (!(decrease > 0)) {
            throw new IllegalArgumentException("perturbation decrease must be > 0, got " + decrease);
        }
        if (maxTries < 1) {
            throw new IllegalArgumentException("perturbation tries must be >= 1, got " + maxTries);
        }
    }
}
