package org.overparam.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.overparam.cli.BadInputException;
import org.overparam.io.Storage;

/** One writer per directory: refusal, release, take-over of a gone holder, and a holder that lost its lease. */
class WriterLeaseTest {

    @TempDir
    Path tmp;

    private Storage storage() {
        return Storage.open(tmp.toString(), new Configuration());
    }

    @Test
    void aLiveHolderIsRefusedWithItsIdentityAndAReleasedDirectoryIsTakenAtOnce() throws Exception {
        Storage storage = storage();
        try (WriterLease first = WriterLease.acquire(storage, "DIR")) {
            BadInputException refused = assertThrows(BadInputException.class,
                    () -> WriterLease.acquire(storage, "DIR"));
            assertTrue(refused.getMessage().contains("pid " + ProcessHandle.current().pid()), refused.getMessage());
            assertEquals(0, first.epoch());
        }
        try (WriterLease second = WriterLease.acquire(storage, "DIR")) {
            assertEquals(2, second.epoch(), "after the first lease and its release");
        }
    }

    @Test
    void aHolderWhoseProcessIsGoneIsTakenOver() throws Exception {
        Storage storage = storage();
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        CommitLog.Lease me = WriterLease.me();
        CommitLog log = CommitLog.read(storage);
        assertTrue(log.append(storage, new CommitLog.Lease(me.host(), gone.pid(),
                gone.info().startInstant().map(Instant::toString).orElse("then"), me.since())));
        try (WriterLease lease = WriterLease.acquire(storage, "DIR")) {
            assertEquals(1, lease.epoch());
        }
    }

    @Test
    void aHolderOnAnotherHostCountsAsGoneOnlyOnceItsHeartbeatIsStale() throws Exception {
        Storage storage = storage();
        CommitLog log = CommitLog.read(storage);
        assertTrue(log.append(storage, new CommitLog.Lease("elsewhere", 1, "then", Instant.now().toString())));
        storage.replace(WriterLease.HEARTBEAT_FILE, "{\"epoch\":0}".getBytes());
        BadInputException refused = assertThrows(BadInputException.class, () -> WriterLease.acquire(storage, "DIR"));
        assertTrue(refused.getMessage().contains("host elsewhere, pid 1"), refused.getMessage());

        FileTime old = FileTime.from(Instant.now().minus(Duration.ofSeconds(WriterLease.STALE_SECONDS + 5)));
        Files.setLastModifiedTime(tmp.resolve(WriterLease.HEARTBEAT_FILE), old);
        try (WriterLease lease = WriterLease.acquire(storage, "DIR")) {
            assertEquals(1, lease.epoch());
        }
    }

    @Test
    void aHolderWhoseDirectoryWasTakenOverStopsAtItsNextAppend() throws Exception {
        Storage storage = storage();
        WriterLease slow = WriterLease.acquire(storage, "DIR");
        // another driver decided the slow one was gone and took the directory
        CommitLog now = CommitLog.read(storage);
        assertTrue(now.append(storage, new CommitLog.Lease("elsewhere", 7, "then", Instant.now().toString())));
        SweepFailure lost = assertThrows(SweepFailure.class,
                () -> slow.append(CommitLog.Wave.adopted(List.of("sweep=s/part-0.parquet"))));
        assertTrue(lost.getMessage().contains("took over") && lost.getMessage().contains("host elsewhere, pid 7"),
                lost.getMessage());
        slow.close(); // does not release what it no longer holds
        assertEquals(2, CommitLog.read(storage).size());
        assertTrue(CommitLog.read(storage).waves().isEmpty());
    }
}
