package org.overparam.experiment;

/**
 * Over-parameterized linear least squares ({@link Family#LEAST_SQUARES}): (1/n)‖Aθ − y‖² over θ ∈ R^R, A with
 * n Gaussian rows, y from the first d features plus noise.
 *
 * @param d     features the targets use, ≥ 1
 * @param n     samples, ≥ 1
 * @param noise standard deviation σ ≥ 0 of the Gaussian noise on the targets
 */
public record LeastSquaresProblem(int d, int n, double noise) implements ProblemConfig {

    public LeastSquaresProblem {
        ProblemField.D.check(d);
        Checks.atLeast("n", n, Family.LEAST_SQUARES.minimumN());
        ProblemField.NOISE.check(noise);
    }

    @Override
    public Family family() {
        return Family.LEAST_SQUARES;
    }

    /** The samples are always Gaussian. */
    @Override
    public OperatorKind operator() {
        return OperatorKind.GAUSSIAN;
    }
}
