package org.overparam.experiment;

/**
 * Burer–Monteiro Max-Cut ({@link Family#MAXCUT_BM}): min ⟨C, YYᵀ⟩ over Y ∈ R^{n×R} with unit rows, C = −L/4 of a
 * G(n, ½) graph or a given cost. It has no d, r, noise or regularization.
 *
 * @param operator {@link OperatorKind#RANDOM_GRAPH} or {@link OperatorKind#EXPLICIT}
 * @param n        graph nodes, ≥ 2
 * @param cost     the given symmetric n×n cost for {@link OperatorKind#EXPLICIT}, else null
 */
public record MaxCutProblem(OperatorKind operator, int n, ExplicitCost cost) implements ProblemConfig {

    public MaxCutProblem {
        Family.MAXCUT_BM.requireOperator(operator);
        Checks.atLeast("n", n, Family.MAXCUT_BM.minimumN());
        if (operator == OperatorKind.EXPLICIT) {
            Checks.require(cost != null, () -> "problem.cost is required for the explicit operator of maxcut-bm");
            Checks.require(cost.count() == n, () -> "n must equal the side of problem.cost (" + cost.count()
                    + "), got " + n);
        } else {
            Checks.require(cost == null, () -> "problem.cost is only allowed with operator explicit");
        }
    }

    @Override
    public Family family() {
        return Family.MAXCUT_BM;
    }

    /** The cost, the data a Max-Cut spec can give. */
    @Override
    public ExplicitCost explicit() {
        return cost;
    }
}
