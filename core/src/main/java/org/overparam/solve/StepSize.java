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
     * Backtracking line search (Armijo 1966): try the last accepted step, halve until
     * f(x − η∇f) ≤ f(x) − {@value #SUFFICIENT_DECREASE}·η‖∇f‖², and after {@value #GROWTH_STREAK} iterations in
     * a row whose first trial was accepted, try twice the step (at most {@code initial}·{@value #GROWTH_CAP}).
     * The first trial of a run is {@code initial}. Growing lets the search follow the curvature as the run leaves
     * the flat region around a small init; growing only after a streak keeps the rejected trials rare: where the
     * largest acceptable step η* stays put, the step settles between η*·½ and η* and a doubled trial fails once per
     * {@value #GROWTH_STREAK} + 1 iterations, i.e. 6 evaluations per 5 iterations, where growing
     * every iteration (the textbook rule, and this project's before) spends 2 per iteration.
     *
     * <p>Near a minimum the decrease cη‖∇f‖² falls below the rounding error of f itself, and the plain test
     * would reject every step. There the approximate Armijo condition of Hager &amp; Zhang (SIAM J. Optim. 16,
     * 2005) takes over: a step is also accepted when f did not rise by more than its rounding error,
     * max({@value #VALUE_ROUNDING}·|f|, the objective's {@link org.overparam.problem.Objective#valueErrorFloor}),
     * and the slope along the step has not turned by more than {@value #SLOPE_TURN} of its initial size,
     * ⟨∇f(x − η∇f), ∇f(x)⟩ ≥ −{@value #SLOPE_TURN}·‖∇f(x)‖², which for a quadratic is the Armijo test itself.
     * The floor matters where f's error does not shrink with f (matrix sensing's Gram form: ~ε·f(0)); without
     * it the search would stall once f − f* falls to that error, short of the gradient tolerance.
     */
    record Armijo(double initial) implements StepSize {
        /** The Armijo constant c of the sufficient-decrease condition. */
        public static final double SUFFICIENT_DECREASE = 1e-4;
        /** First-trial acceptances in a row after which the next trial doubles the step. */
        public static final int GROWTH_STREAK = 4;
        /** How far past the initial step the search may grow. */
        public static final double GROWTH_CAP = 1e6;
        /** Halvings before the search declares that no descent step exists at this precision. */
        public static final int MAX_HALVINGS = 80;
        /** Relative rise of f attributed to rounding: sums of n squares carry errors of a few n·ulp. */
        public static final double VALUE_ROUNDING = 1e-10;
        /** Approximate Armijo slope bound, 1 − 2c with Hager–Zhang's δ = c = 0.1. */
        public static final double SLOPE_TURN = 0.8;

        public Armijo {
            if (!(initial > 0) || !Double.isFinite(initial)) {
                throw new IllegalArgumentException("initial step must be a finite number > 0, got " + initial);
            }
        }
    }
}
