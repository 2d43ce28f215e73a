package org.overparam.sweep;

import java.io.PrintStream;
import java.util.function.LongSupplier;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;

/**
 * Ctrl-C (SIGINT) or SIGTERM while a sweep runs: the JVM runs its shutdown hooks, Spark's among them, which stops
 * the context and fails the wave in flight with pages of traces. This hook silences them, says in one line what
 * was kept and how to go on, and gives the directory back so that the rerun starts at once. The JVM then exits
 * with 130 (128 + SIGINT; 143 for SIGTERM). The committed waves stay; the wave in flight is cleaned by the rerun.
 */
final class Interruption implements AutoCloseable {

    private final Thread hook;
    private volatile boolean fired;

    private Interruption(PrintStream err, boolean terminal, LongSupplier committed, long total, WriterLease lease) {
        this.hook = new Thread(() -> {
            fired = true;
            Configurator.setRootLevel(Level.OFF);
            err.printf("%soverparam: interrupted after %,d of %,d points; rerun the same command to resume%n",
                    terminal ? System.lineSeparator() : "", committed.getAsLong(), total);
            err.flush();
            try {
                lease.close();
            } catch (Exception e) {
                // the rerun takes over a gone holder anyway
            }
        }, "overparam-interrupted");
    }

    /** Installs the hook until {@link #close}; on a terminal its line starts below the progress bar. */
    static Interruption install(PrintStream err, boolean terminal, LongSupplier committed, long total,
                                WriterLease lease) {
        Interruption i = new Interruption(err, terminal, committed, total, lease);
        Runtime.getRuntime().addShutdownHook(i.hook);
        return i;
    }

    /** Whether the JVM is shutting down on a signal: what fails now is the interruption's doing. */
    boolean fired() {
        return fired;
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // shutting down: the hook runs, or ran
        }
    }
}
