package org.overparam.experiment;

/**
 * The local search and the tolerances of its verdict. Every tolerance is scale-free: gaps, gradient norms and
 * curvatures are compared with f0 = f(0), the objective at zero parameters (design §3), so the same defaults
 * mean the same thing across families, sizes and noise levels.
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
 */
public record SolverConfig(Method method, StepRule step, double stepSize, int maxIterations, double gradTol,
                           double hessTol, double target, double gapRel, double gapAbs, double referenceTol,
                           double perturbRadius, double divergence) {

    /** The defaults a spec starts from. */
    public static SolverConfig defaults() {
        return new SolverConfig(Method.GD, StepRule.ARMIJO, 0.1, 20_000, 1e-8, 1e-6, 1e-7, 0.1, 1e-6, 1e-9,
                1e-3, 1e8);
    }

    public SolverConfig {
        Checks.require(method != null, () -> "solver.method is required");
        Checks.require(step != null, () -> "solver.step is required");
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
    }

    /** Canonical encoding of every field, for point ids. */
    public String canonical() {
        return method.specName() + "|" + step.specName() + "|eta=" + Canonical.of(stepSize) + "|T=" + maxIterations
                + "|g=" + Canonical.of(gradTol) + "|h=" + Canonical.of(hessTol) + "|target=" + Canonical.of(target)
                + "|rel=" + Canonical.of(gapRel) + "|abs=" + Canonical.of(gapAbs) + "|ref=" + Canonical.of(referenceTol)
                + "|pr=" + Canonical.of(perturbRadius) + "|div=" + Canonical.of(divergence);
    }
}
