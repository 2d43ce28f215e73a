package org.overparam.experiment;

/** Point → row: the pure function every sweep runs. (Body being written.) */
public final class Experiment {
    private Experiment() {
    }

    /** Runs one point from scratch: builds its instance, solves, certifies. */
    public static RunResult run(RunConfig config) {
        throw new UnsupportedOperationException("in progress");
    }
}
