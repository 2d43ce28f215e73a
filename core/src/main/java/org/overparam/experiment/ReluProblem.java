package org.overparam.experiment;

/**
 * Two-layer ReLU teacher–student ({@link Family#RELU_TEACHER_STUDENT}, Safran &amp; Shamir 2018): the student
 * x ↦ Σ_{i≤R} relu(w_iᵀx) learns the teacher Σ_{j≤r} relu(e_jᵀx) from Gaussian inputs x ~ N(0, I_d).
 *
 * @param d input dimension, ≥ 1
 * @param r teacher units, 1 ≤ r ≤ d
 * @param n samples, ≥ 0; 0 is the population loss in closed form
 */
public record ReluProblem(int d, int r, int n) implements ProblemConfig {

    public ReluProblem {
        ProblemField.D.check(d);
        ProblemField.R.check(r);
        Checks.atLeast("n", n, Family.RELU_TEACHER_STUDENT.minimumN());
        Checks.require(r <= d, () -> "problem.r must be <= problem.d (" + d + "), got " + r);
    }

    @Override
    public Family family() {
        return Family.RELU_TEACHER_STUDENT;
    }

    /** The inputs are always Gaussian. */
    @Override
    public OperatorKind operator() {
        return OperatorKind.GAUSSIAN;
    }
}
