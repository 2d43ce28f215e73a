package org.overparam.cli;

/**
 * Input the user must fix (a missing file, an output directory holding a different sweep, …): exit code 2 and
 * the message alone, no stack trace. Spec problems are {@link org.overparam.spec.SpecError}s and are treated the
 * same way.
 */
public final class BadInputException extends RuntimeException {

    public BadInputException(String message) {
        super(message);
    }
}
