package org.overparam.sweep;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * Point-level progress on the driver: done/total, points per second and ETA. On a terminal it redraws one bar
 * line every second; otherwise (logs, CI, spark-submit) it prints a plain line every {@code logEvery}.
 * The count comes from the caller: committed tasks' accumulator plus what running tasks report
 * ({@link RunningPoints}).
 */
final class Progress implements AutoCloseable {

    private static final int BAR_WIDTH = 30;
    private static final long FIRST_REPORT_MS = 5_000;

    /** Back to the start of the line and erase it (ANSI), so a shorter line leaves no stale characters. */
    static final String REDRAW = "\r\033[K";

    private final PrintWriter out;
    private final long total;
    private final LongSupplier done;
    private final boolean terminal;
    private final long startNanos = System.nanoTime();
    private final ScheduledExecutorService timer;
    private final BooleanSupplier silenced;

    /** Progress that falls silent once {@code silenced} says so (the sweep is being interrupted). */
    Progress(PrintWriter out, long total, LongSupplier done, boolean terminal, Duration logEvery,
             BooleanSupplier silenced) {
        this.silenced = silenced;
        this.out = out;
        this.total = total;
        this.done = done;
        this.terminal = terminal;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "overparam-progress");
            t.setDaemon(true);
            return t;
        });
        long period = terminal ? 1000 : logEvery.toMillis();
        // The first line comes early (a sweep that has started says so), the others every period.
        timer.scheduleAtFixedRate(this::report, Math.min(period, FIRST_REPORT_MS), period, TimeUnit.MILLISECONDS);
    }

    /** The status line for {@code n} points done after {@code seconds}. */
    static String line(long n, long total, double seconds, boolean bar) {
        double rate = seconds > 0 ? n / seconds : 0;
        String eta = rate > 0 ? format(Duration.ofSeconds(Math.round((total - n) / rate))) : "?";
        double fraction = total == 0 ? 1 : (double) n / total;
        String head = "";
        if (bar) {
            int filled = (int) Math.round(fraction * BAR_WIDTH);
            head = "[" + "#".repeat(filled) + ".".repeat(BAR_WIDTH - filled) + "] ";
        }
        return String.format(Locale.ROOT, "%s%,d/%,d points (%.0f%%)  %.1f points/s  ETA %s", head, n, total,
                100 * fraction, rate, eta);
    }

    private synchronized void report() {
        if (silenced.getAsBoolean()) {
            return;
        }
        String text = line(done.getAsLong(), total, elapsedSeconds(), terminal);
        if (terminal) {
            out.print(REDRAW + text);
        } else {
            out.println("progress " + text);
        }
        out.flush();
    }

    private double elapsedSeconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    @Override
    public synchronized void close() {
        timer.shutdownNow();
        if (silenced.getAsBoolean()) {
            return;
        }
        String text = line(done.getAsLong(), total, elapsedSeconds(), terminal);
        out.println((terminal ? REDRAW : "progress ") + text);
        out.flush();
    }

    private static String format(Duration d) {
        long s = d.getSeconds();
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
