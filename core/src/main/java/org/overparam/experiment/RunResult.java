package org.overparam.experiment;

import org.overparam.certify.Outcome;
import org.overparam.certify.ReferenceKind;
import org.overparam.solve.StopReason;

/**
 * The row of one run: its point, its evidence and its verdict. Scalars and enums only.
 *
 * @param config          the point that was run
 * @param f0              f(0), the objective at zero parameters: the scale of every tolerance
 * @param objective       f at the final iterate (data loss plus regularization)
 * @param loss            the data loss (1/n)Σ(⟨A_i,X⟩−y_i)² at the final iterate
 * @param reference       certified global optimum value f_ref
 * @param referenceKind   how f_ref was certified
 * @param referenceRank   ρ, the rank of the convex optimum (r for a zero reference): runs with R &lt; ρ cannot reach it
 * @param referenceGap    duality gap of the convex reference (0 for a zero reference)
 * @param gradNorm        ‖∇f‖ at the final iterate
 * @param hessMinEig      smallest eigenvalue of ∇²f at the final iterate (NaN if diverged)
 * @param outcome         the verdict of design §3
 * @param lossBad         f − f_ref above the global threshold, by the loss alone
 * @param recoveryError   ‖X − M*‖_F/‖M*‖_F with X = UVᵀ or UUᵀ
 * @param iterations      gradient steps taken
 * @param stopReason      why the search stopped
 * @param wallMillis      wall-clock time of the run (the only column that is not a function of the point)
 * @param error           for {@link Outcome#FAILED} runs, the exception that stopped them; else null
 */
public record RunResult(RunConfig config, double f0, double objective, double loss, double reference,
                        ReferenceKind referenceKind, int referenceRank, double referenceGap, double gradNorm,
                        double hessMinEig, Outcome outcome, boolean lossBad, double recoveryError, int iterations,
                        StopReason stopReason, long wallMillis, String error) {

    /**
     * The row of a run that threw: every measurement NaN, the outcome {@link Outcome#FAILED}, the exception kept
     * as text. A sweep records it and goes on rather than losing the other points of the task.
     */
    public static RunResult failed(RunConfig config, RuntimeException exception, long wallMillis) {
        double nan = Double.NaN;
        return new RunResult(config, nan, nan, nan, nan, null, 0, nan, nan, nan, Outcome.FAILED, true, nan, 0,
                StopReason.ERROR, wallMillis, String.valueOf(exception));
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
