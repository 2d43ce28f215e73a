package org.overparam.experiment;

import org.overparam.random.Seeds;

/**
 * One point of a sweep, fully resolved: the result of a run is a pure function of this record and the code.
 *
 * @param masterSeed the sweep's master seed
 * @param replicate  replicate index ≥ 0; with the problem it fixes the instance (paired design)
 * @param problem    the instance parameters
 * @param solver     the local search and its tolerances
 * @param rank       R, the number of columns of the factors searched
 * @param alpha      α, the initialization scale: U₀ = α·G, G with i.i.d. N(0, 1/d) entries
 */
public record RunConfig(long masterSeed, int replicate, ProblemConfig problem, SolverConfig solver, int rank,
                        double alpha) {

    public RunConfig {
        Checks.atLeast("replicate", replicate, 0);
        Checks.require(problem != null, () -> "problem is required");
        Checks.require(solver != null, () -> "solver is required");
        Checks.atLeast("R", rank, 1);
        Checks.positive("alpha", alpha);
    }

    /** H(master seed, problem parameters, n, replicate): shared by every (R, α, solver) of a replicate. */
    public long instanceSeed() {
        return Seeds.hash(masterSeed, problem.canonical() + "|rep=" + replicate);
    }

    /** H(instance seed, R, α). */
    public long initSeed() {
        return Seeds.hash(instanceSeed(), "R=" + rank + "|alpha=" + Canonical.of(alpha));
    }

    /** A stable hash of every parameter that changes the result, as 16 hex digits. */
    public String pointId() {
        return String.format("%016x", Seeds.hash(masterSeed, canonical()));
    }

    /** Canonical encoding of every field. */
    public String canonical() {
        return problem.canonical() + "|rep=" + replicate + "|" + solver.canonical() + "|R=" + rank + "|alpha="
                + Canonical.of(alpha);
    }
}
