package org.overparam.sweep;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.overparam.cli.BadInputException;
import org.overparam.io.Storage;

/**
 * One writer per sweep directory. A driver holds the directory from its {@link CommitLog.Lease} entry to its
 * {@link CommitLog.Release}; while it holds it, it appends the log's entries and nobody else does. A second driver
 * is refused at once, with the holder's host, pid and start, unless the holder is gone:
 * <ul>
 *   <li>on this host, when its process no longer exists (a pid is checked together with its process's start
 *   time, so a reused pid does not count);</li>
 *   <li>on another host, when its heartbeat ({@code DIR/_lease}, rewritten every {@value #HEARTBEAT_SECONDS}
 *   s) is older than {@value #STALE_SECONDS} s by the file system's clock against ours.</li>
 * </ul>
 * Taking a gone holder's directory is one more lease entry, which only one of several racing drivers can create;
 * if the old holder was only slow, its next append finds the position taken and it stops.
 */
final class WriterLease implements AutoCloseable {

    static final String HEARTBEAT_FILE = "_lease";
    static final long HEARTBEAT_SECONDS = 10;
    static final long STALE_SECONDS = 60;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ATTEMPTS = 20;

    private final Storage storage;
    private final CommitLog log;
    private final int epoch;
    private final ScheduledExecutorService heartbeat;

    private WriterLease(Storage storage, CommitLog log, int epoch) {
        this.storage = storage;
        this.log = log;
        this.epoch = epoch;
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "overparam-lease-heartbeat");
            t.setDaemon(true);
            return t;
        });
        beat();
        heartbeat.scheduleWithFixedDelay(this::beat, HEARTBEAT_SECONDS, HEARTBEAT_SECONDS, TimeUnit.SECONDS);
    }

    /**
     * Takes the directory for this process: refuses (bad input: exit 2) when a live driver holds it, takes it over when
     * its holder is gone. {@code out} names the directory in messages.
     */
    static WriterLease acquire(Storage storage, String out) throws IOException {
        CommitLog.Lease me = me();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            CommitLog log = CommitLog.read(storage);
            Optional<CommitLog.Held> held = log.holder();
            if (held.isPresent() && alive(storage, held.get())) {
                CommitLog.Lease h = held.get().lease();
                throw new BadInputException("--out " + out + " is being written by another sweep (host " + h.host()
                        + ", pid " + h.pid() + ", since " + h.since() + "): a directory has one writer; wait for it"
                        + " to end, or stop it and rerun");
            }
            if (log.append(storage, me)) {
                return new WriterLease(storage, log, log.size() - 1);
            }
        }
        throw new IOException("could not take " + out + ": its log kept changing (" + ATTEMPTS + " attempts)");
    }

    /** The log as this holder knows it: its own entries included. */
    CommitLog log() {
        return log;
    }

    /** The position of this holder's lease entry: unique in the directory. */
    int epoch() {
        return epoch;
    }

    /** Appends {@code entry} as the holder; a {@link SweepFailure} when another driver took the directory. */
    void append(CommitLog.Entry entry) throws IOException {
        if (log.append(storage, entry)) {
            return;
        }
        CommitLog now = CommitLog.read(storage);
        String by = now.holder().map(h -> "host " + h.lease().host() + ", pid " + h.lease().pid())
                .orElse("another driver");
        throw new SweepFailure("another sweep (" + by + ") took over " + storage.uri() + " while this one ran (it"
                + " looked gone: no heartbeat for " + STALE_SECONDS + " s); the waves this one committed stay,"
                + " and the other sweep computes the rest", null);
    }

    /** Gives the directory back: the next driver may start at once. Nothing to give when it was taken over. */
    @Override
    public void close() throws IOException {
        heartbeat.shutdownNow();
        if (log.holder().map(h -> h.epoch() == epoch).orElse(false)) {
            log.append(storage, new CommitLog.Release(Instant.now().toString()));
        }
    }

    private void beat() {
        try {
            storage.replace(HEARTBEAT_FILE, JSON.writeValueAsBytes(Map.of("epoch", epoch, "at",
                    Instant.now().toString())));
        } catch (IOException | RuntimeException e) {
            // A missed beat only makes the lease look older; the next one retries.
        }
    }

    /** Whether the holder of {@code held} is still there. */
    static boolean alive(Storage storage, CommitLog.Held held) throws IOException {
        CommitLog.Lease lease = held.lease();
        if (lease.host().equals(host())) {
            return ProcessHandle.of(lease.pid())
                    .flatMap(p -> p.info().startInstant())
                    .map(start -> start.toString().equals(lease.processStarted()))
                    .orElse(false);
        }
        Instant last = lastBeat(storage, held);
        return Duration.between(last, Instant.now()).getSeconds() < STALE_SECONDS;
    }

    /** The holder's last sign of life: its heartbeat when it is the holder's, else its lease entry. */
    private static Instant lastBeat(Storage storage, CommitLog.Held held) throws IOException {
        Optional<byte[]> beat = storage.read(HEARTBEAT_FILE);
        if (beat.isPresent()) {
            try {
                if (JSON.readTree(new String(beat.get(), StandardCharsets.UTF_8)).path("epoch").asInt(-1)
                        == held.epoch()) {
                    return storage.modified(HEARTBEAT_FILE).orElse(Instant.EPOCH);
                }
            } catch (IOException e) {
                // a damaged heartbeat says nothing: fall back to the lease entry
            }
        }
        return storage.modified(CommitLog.name(held.epoch())).orElse(Instant.EPOCH);
    }

    /** This process, as a lease names it. */
    static CommitLog.Lease me() {
        ProcessHandle self = ProcessHandle.current();
        String started = self.info().startInstant().map(Instant::toString).orElse("");
        return new CommitLog.Lease(host(), self.pid(), started, Instant.now().toString());
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            String env = System.getenv("HOSTNAME");
            return env != null ? env : "unknown-host";
        }
    }
}
