package org.overparam.problem;

/**
 * A smooth objective f: R^N → R over a flat parameter vector, with its gradient and Hessian–vector products.
 *
 * <p>Implementations hold the (immutable) problem data plus scratch buffers for one run: they are not
 * thread-safe, and callers create one per run. Methods never allocate, so solvers can call them in hot loops.
 * Arrays passed in are read only; output arrays are caller-owned and fully overwritten.
 */
public interface Objective {

    /** N, the length of every parameter, gradient and direction vector. */
    int dimension();

    /** f(x). */
    double value(double[] x);

    /** Returns f(x) and writes ∇f(x) into {@code gradient}. */
    double valueAndGradient(double[] x, double[] gradient);

    /** Writes ∇²f(x)·v into {@code out}; {@code out} must not alias {@code x} or {@code v}. */
    void hessianVector(double[] x, double[] v, double[] out);

    /**
     * An absolute size of the rounding error of {@link #value} that does not shrink with |f(x)|: 0 (the default)
     * where the error is relative to the value itself, as for a sum of squared residuals; positive where f is
     * computed as a difference of larger terms (the Gram form of matrix sensing, whose error is relative to
     * f(0)). The Armijo search's approximate test counts a rise of f up to this much as rounding
     * ({@link org.overparam.solve.StepSize.Armijo}).
     */
    default double valueErrorFloor() {
        return 0;
    }
}
