package org.overparam.experiment;

import org.overparam.certify.Outcome;
import org.overparam.certify.ReferenceKind;
import org.overparam.solve.StopReason;

/**
 * The row of one run: its point, its evidence and its verdict, and the diagnostics of how it got there.
 *
 * @param config          the point that was run
 * @param f0              f(0), the objective at zero parameters (Max-Cut: Σ|C_ij|): the scale of every tolerance
 * @param objective       f at the final iterate (data loss plus regularization)
 * @param loss            the data loss (1/n)Σ(⟨A_i,X⟩−y_i)² at the final iterate
 * @param reference       certified global optimum value f_ref
 * @param referenceKind   how f_ref was certified
 * @param referenceRank   ρ, the rank of the convex optimum (r for a zero reference): runs with R &lt; ρ cannot reach it
 * @param referenceGap    duality gap of the convex reference (0 for a zero reference)
 * @param gradNorm        ‖∇f‖ at the final iterate
 * @param hessMinEig      smallest eigenvalue of ∇²f at the final iterate (NaN if diverged)
 * @param outcome         the verdict (README, “How a run ends”)
 * @param lossBad         f − f_ref above the global threshold, by the loss alone
 * @param recoveryError   ‖X − M*‖_F/‖M*‖_F with X = UVᵀ or UUᵀ; the family's own target error otherwise (NaN if none)
 * @param certificate     the family's own optimality certificate at the final iterate (λ_min of the Max-Cut dual
 *                        certificate), NaN for families without one
 * @param iterations      gradient steps taken
 * @param stopReason      why the search stopped
 * @param restarts        restarts with a halved step after divergence
 * @param wallMillis      wall-clock time of the run (the only column that is not a function of the point)
 * @param error           for {@link Outcome#FAILED} runs, the exception that stopped them; else null
 * @param diagnostics     escape time, rate, tangent kernel and trajectory
 * @param endPoint        the final parameters and the bottom of the Hessian spectrum, for the runs that
 *                        {@link SolverConfig#endPoints()} keeps; else null
 */
public record RunResult(RunConfig config, double f0, double objective, double loss, double reference,
                        ReferenceKind referenceKind, int referenceRank, double referenceGap, double gradNorm,
                        double hessMinEig, Outcome outcome, boolean lossBad, double recoveryError,
                        double certificate, int iterations, StopReason stopReason, int restarts, long wallMillis,
                        String error, Diagnostics diagnostics, EndPoint endPoint) {

    /**
     * The row of a run that threw: every measurement NaN, the outcome {@link Outcome#FAILED}, the exception kept
     * as text. A sweep records it and goes on rather than losing the other points of the task.
     */
    public static RunResult failed(RunConfig config, RuntimeException exception, long wallMillis) {
        double nan = Double.NaN;
        return new RunResult(config, nan, nan, nan, nan, null, 0, nan, nan, nan, Outcome.FAILED, true, nan, nan, 0,
                StopReason.ERROR, 0, wallMillis, String.valueOf(exception), Diagnostics.NONE, null);
    }

    /** outcome = BAD_LOCAL_MIN. */
    public boolean badLocalMin() {
        return outcome == Outcome.BAD_LOCAL_MIN;
    }

    /** Whether R ≥ ρ, i.e. the factored model can represent the convex optimum at all. */
    public boolean referenceReachable() {
        return config.rank() >= referenceRank;
    }
}
