package org.overparam.sweep;

/**
 * A sweep stopped by its environment (the output became unwritable, the cluster went away): not bad input and
 * not a bug, so the command line reports it in one line with exit code 1, without a stack trace.
 */
public final class SweepFailure extends RuntimeException {

    public SweepFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
