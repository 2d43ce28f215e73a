package org.overparam.sweep;

/**
 * The sweep stopped because the JVM is shutting down on a signal (Ctrl-C, SIGTERM): its shutdown hook already
 * said what was kept and how to resume, so the command line adds nothing and exits with 130.
 */
public final class SweepInterrupted extends RuntimeException {

    SweepInterrupted() {
        super("interrupted", null, false, false);
    }
}
