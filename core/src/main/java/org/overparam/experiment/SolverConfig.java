package org.overparam.experiment;

/**
 * The local search and the tolerances of its verdict. Every tolerance is scale-free: gaps, gradient norms and
 * curvatures are compared with f0 = f(0), the objective at zero parameters (README, “How a run ends”), so the
 * same defaults mean the same thing across families, sizes and noise levels.
 *
 * @param method        plain or perturbed gradient descent
 * @param step          fixed step or Armijo backtracking
 * @param stepSize      η for the fixed rule, the first trial step for Armijo
 * @param maxIterations iteration budget
 * @param gradTol       ε_g/f0: stationary when ‖∇f‖ ≤ gradTol·f0
 * @param hessTol       ε_H/f0: second-order when λ_min(∇²f) ≥ −hessTol·f0
 * @param target        stop early once f ≤ f_ref + target·f0
 * @param gapRel        τ_rel: GLOBAL when f ≤ f_ref + max(τ_rel·|f_ref|, τ_abs·f0)
 * @param gapAbs        τ_abs (relative to f0), see gapRel
 * @param referenceTol  duality-gap tolerance of the convex reference, relative to f0
 * @param perturbRadius radius of perturbed GD's ball, in parameter units (unused by plain GD)
 * @param divergence    DIVERGED once f exceeds divergence·f0 (or any value is not finite)
 * @param maxRestarts   on divergence, restart from the same initial point with half the step, at most this often
 * @param tangentKernel whether to compute λ_min of the tangent kernel J Jᵀ at the start and the end (costly)
 * @param trajectory    how many sampled (iteration, objective) pairs to keep for convergence plots; 0 = none
 * @param curvature     where the end point's smallest Hessian eigenvalue is computed
 * @param endPoints     which runs keep their end point beside their row
 */
public record SolverConfig(Method method, StepRule step, double stepSize, int maxIterations, double gradTol,
                           double hessTol, double target, double gapRel, double gapAbs, double referenceTol,
                           double perturbRadius, double divergence, int maxRestarts, boolean tangentKernel,
                           int trajectory, CurvaturePolicy curvature, EndPoints endPoints) {

    /** Longest trajectory a row may keep. */
    public static final int MAX_TRAJECTORY = 1_000;

    /**
     * The defaults a spec starts from: plain GD with Armijo steps from 0.1, 20,000 iterations, stationary at
     * ‖∇f‖ ≤ 1e-8·f0, second-order at λ_min ≥ −1e-6·f0, stop 1e-7·f0 above the reference, global within
     * max(10%·|f_ref|, 1e-6·f0), reference solved to 1e-9·f0, perturbations of radius 1e-3, divergence above 1e8·f0,
     * no restarts, no tangent kernel, no trajectory, the Hessian eigenvalue where it decides, the end points of the
     * runs that did not end GLOBAL.
     */
    public static final SolverConfig DEFAULTS = new SolverConfig(Method.GD, StepRule.ARMIJO, 0.1, 20_000, 1e-8,
            1e-6, 1e-7, 0.1, 1e-6, 1e-9, 1e-3, 1e8, 0, false, 0, CurvaturePolicy.DECISIVE, EndPoints.NON_GLOBAL);

    /**
     * The defaults a spec of {@code family} starts from: {@link #DEFAULTS}, except
     * <ul>
     *   <li>ReLU teacher–student: the protocol of Safran &amp; Shamir (2018) — plain GD with step 0.1, halved and
     *       restarted on blow-up (5 times), 100,000 iterations, stop at ‖∇F‖ ≤ 2.5e-10·F(0) or F ≤ 2.5e-9·F(0),
     *       i.e. 1e-9 and 1e-8 at r = 6 where F(0) ≈ 3.89; global below 1e-4·F(0) (3.9e-4 at r = 6, under the
     *       paper's loss threshold 1e-3 and far under its spurious minima ≈ 0.025);</li>
     *   <li>Burer–Monteiro Max-Cut: objectives are negative and spurious points lie close to the optimum, so no
     *       relative slack: global within 1e-7 of the objective scale Σ|C_ij| of the certified value.</li>
     * </ul>
     */
    public static SolverConfig defaults(Family family) {
        return switch (family) {
            case RELU_TEACHER_STUDENT -> DEFAULTS.withStep(StepRule.FIXED).withMaxIterations(100_000)
                    .withGradTol(2.5e-10).withTarget(2.5e-9).withGapAbs(1e-4).withMaxRestarts(5);
            case MAXCUT_BM -> DEFAULTS.withTarget(1e-9).withGapRel(0).withGapAbs(1e-7);
            default -> DEFAULTS;
        };
    }

    public SolverConfig {
        Checks.require(method != null, () -> "solver.method is required");
        Checks.require(step != null, () -> "solver.step is required");
        Checks.require(curvature != null, () -> "solver.curvature is required");
        Checks.require(endPoints != null, () -> "solver.endpoints is required");
        Checks.positive("solver.step_size", stepSize);
        Checks.atLeast("solver.max_iters", maxIterations, 1);
        Checks.positive("solver.grad_tol", gradTol);
        Checks.nonNegative("solver.hess_tol", hessTol);
        Checks.nonNegative("solver.target", target);
        Checks.nonNegative("solver.gap_rel", gapRel);
        Checks.positive("solver.gap_abs", gapAbs);
        Checks.positive("solver.reference_tol", referenceTol);
        Checks.positive("solver.perturb_radius", perturbRadius);
        Checks.require(divergence > 1 && Double.isFinite(divergence), () ->
                "solver.divergence must be a finite number > 1, got " + divergence);
        Checks.atLeast("solver.max_restarts", maxRestarts, 0);
        Checks.atLeast("solver.trajectory", trajectory, 0);
        Checks.require(trajectory <= MAX_TRAJECTORY, () -> "solver.trajectory must be <= " + MAX_TRAJECTORY
                + ", got " + trajectory);
    }

    // Copies with one setting changed (each validated like a new record).

    public SolverConfig withMethod(Method value) {
        return new SolverConfig(value, step, stepSize, maxIterations, gradTol, hessTol, target, gapRel, gapAbs,
                referenceTol, perturbRadius, divergence, maxRestarts, tangentKernel, trajectory, curvature, endPoints);
    }

    public SolverConfig withStep(StepRule value) {
        return new SolverConfig(method, value, stepSize, maxIterations, gradTol, hessTol, target, gapRel, gapAbs,
                referenceTol, perturbRadius, divergence, maxRestarts, tangentKernel, trajectory, curvature, endPoints);
    }

    public SolverConfig withStepSize(double value) {
        return new SolverConfig(method, step, value, maxIterations, gradTol, hessTol, target, gapRel, gapAbs,
                referenceTol, perturbRadius, divergence, maxRestarts, tangentKernel, trajectory, curvature, endPoints);
    }

    public SolverConfig withMaxIterations(int value) {
        return new SolverConfig(method, step, stepSize, value, gradTol, hessTol, target, gapRel, gapAbs, referenceTol,
                perturbRadius, divergence, maxRestarts, tangentKernel, trajectory, curvature, endPoints);
    }

    public SolverConfig withGradTol(double value) {
        return new SolverConfig(method, step, stepSize, maxIterations, value, hessTol, target, gapRel, gapAbs,
                referenceTol, perturbRadius, divergence, maxRestarts, tangentKernel, trajectory, curvature, endPoints);
    }

    public SolverConfig withHessTol(double value) {
        return new SolverConfig(method, step, stepSize, maxIterations, gradTol, value, target, gapRel, gapAbs,
                referenceTol, perturbRadius, divergence, maxRestarts, tangentKernel, trajectory, curvature, endPoints);
    }

    public SolverConfig withTarget(double value) {
        return new SolverConfig(method, step, stepSize, maxIterations, gradTol, hessTol, value, gapRel, gapAbs,
                referenceTol, perturbRadius, divergence, maxRestarts, tangentKernel, trajectory, curvature, endPoints);
    }

    public SolverConfig withGapRel(double value) {
        return new SolverConfig(method, step, stepSize, maxIterations, gradTol, hessTol, target, value, gapAbs,
                referenceTol, perturbRadius, divergence, maxRestarts, tangentKernel, trajectory, curvature, endPoints);
    }

    public SolverConfig withGapAbs(double value) {
        return new SolverConfig(method, step, stepSize, maxIterations, gradTol, hessTol, target, gapRel, value,
                referenceTol, perturbRadius, divergence, maxRestarts, tangentKernel, trajectory, curvature, endPoints);
    }

    public SolverConfig withReferenceTol(double value) {
        return new SolverConfig(method, step, stepSize, maxIterations, gradTol, hessTol, target, gapRel, gapAbs, value,
                perturbRadius, divergence, maxRestarts, tangentKernel, trajectory, curvature, endPoints);
    }

    public SolverConfig withPerturbRadius(double value) {
        return new SolverConfig(method, step, stepSize, maxIterations, gradTol, hessTol, target, gapRel, gapAbs,
                referenceTol, value, divergence, maxRestarts, tangentKernel, trajectory, curvature, endPoints);
    }

    public SolverConfig withDivergence(double value) {
        return new SolverConfig(method, step, stepSize, maxIterations, gradTol, hessTol, target, gapRel, gapAbs,
                referenceTol, perturbRadius, value, maxRestarts, tangentKernel, trajectory, curvature, endPoints);
    }

    public SolverConfig withMaxRestarts(int value) {
        return new SolverConfig(method, step, stepSize, maxIterations, gradTol, hessTol, target, gapRel, gapAbs,
                referenceTol, perturbRadius, divergence, value, tangentKernel, trajectory, curvature, endPoints);
    }

    public SolverConfig withTangentKernel(boolean value) {
        return new SolverConfig(method, step, stepSize, maxIterations, gradTol, hessTol, target, gapRel, gapAbs,
                referenceTol, perturbRadius, divergence, maxRestarts, value, trajectory, curvature, endPoints);
    }

    public SolverConfig withTrajectory(int value) {
        return new SolverConfig(method, step, stepSize, maxIterations, gradTol, hessTol, target, gapRel, gapAbs,
                referenceTol, perturbRadius, divergence, maxRestarts, tangentKernel, value, curvature, endPoints);
    }

    public SolverConfig withCurvature(CurvaturePolicy value) {
        return new SolverConfig(method, step, stepSize, maxIterations, gradTol, hessTol, target, gapRel, gapAbs,
                referenceTol, perturbRadius, divergence, maxRestarts, tangentKernel, trajectory, value, endPoints);
    }

    public SolverConfig withEndPoints(EndPoints value) {
        return new SolverConfig(method, step, stepSize, maxIterations, gradTol, hessTol, target, gapRel, gapAbs,
                referenceTol, perturbRadius, divergence, maxRestarts, tangentKernel, trajectory, curvature, value);
    }

    /**
     * Canonical encoding of every field, for point ids. The diagnostics fields, a non-default curvature policy and
     * a non-default end-point policy are written only when set, so that the ids of sweeps made before they existed
     * stay valid.
     */
    public String canonical() {
        return method.specName() + "|" + step.specName() + "|eta=" + Canonical.of(stepSize) + "|T=" + maxIterations
                + "|g=" + Canonical.of(gradTol) + "|h=" + Canonical.of(hessTol) + "|target=" + Canonical.of(target)
                + "|rel=" + Canonical.of(gapRel) + "|abs=" + Canonical.of(gapAbs) + "|ref=" + Canonical.of(referenceTol)
                + "|pr=" + Canonical.of(perturbRadius) + "|div=" + Canonical.of(divergence)
                + (maxRestarts == 0 ? "" : "|restarts=" + maxRestarts) + (tangentKernel ? "|ntk" : "")
                + (trajectory == 0 ? "" : "|trajectory=" + trajectory)
                + (curvature == CurvaturePolicy.DECISIVE ? "" : "|curvature=" + curvature.specName())
                + (endPoints == EndPoints.NON_GLOBAL ? "" : "|endpoints=" + endPoints.specName());
    }
}
