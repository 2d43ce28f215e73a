package org.overparam.solve;

/** How gradient descent chooses η in x ← x − η∇f(x). */
public sealed interface StepSize {

    /** A constant step η. */
    record Fixed(double eta) implements StepSize {
        public Fixed {
            if (!(eta > 0) || !Double.isFinite(eta)) {
                throw new IllegalArgumentException("step size must be a finite number > 0, got " + eta);
            }
        }
    }

    /**
     * Backtracking line search (Armijo 1966): from twice the last accepted step (at most {@code initial}·{@value
     * #GROWTH_CAP}), halve until f(x − η∇f) ≤ f(x) − {@value #SUFFICIENT_DECREASE}·η‖∇f‖². Growing the step back
     * each iteration lets the search follow the curvature as the run leaves the flat region around a small init.
     */
    record Armijo(double initial) implements StepSize {
        /** The Armijo constant c of the sufficient-decrease condition. */
        public static final double SUFFICIENT_DECREASE = 1e-4;
        /** How far past the initial step the search may grow. */
        public static final double GROWTH_CAP = 1e6;
        /** Halvings before the search declares that no descent step exists at this precision. */
        public static final int MAX_HALVINGS = 80;

        public Armijo {
            if (!(initial > 0) || !Double.isFinite(initial)) {
                throw new IllegalArgumentException("initial step must be a finite number > 0, got " + initial);
            }
        }
    }
}
