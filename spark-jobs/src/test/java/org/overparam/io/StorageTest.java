package org.overparam.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.overparam.testing.Hdfs;
import org.overparam.testing.S3;

/** The operations a sweep's bookkeeping relies on, on a local disk, a real HDFS and an S3 server (S3A). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StorageTest {

    private static final int WRITERS = 8;

    @TempDir
    static Path tmp;

    private Hdfs hdfs;
    private S3 s3;

    @BeforeAll
    void startServers() {
        hdfs = Hdfs.start(tmp.resolve("hdfs"));
        s3 = S3.available() ? S3.start(tmp) : null;
    }

    @AfterAll
    void stopServers() {
        hdfs.close();
        if (s3 != null) {
            s3.close();
        }
    }

    /** A fresh directory on each file system. */
    Stream<Storage> storages() {
        String name = UUID.randomUUID().toString();
        Stream<Storage> local = Stream.of(Storage.open(tmp.resolve("local-" + name).toString(), new Configuration()),
                Storage.open(hdfs.uri("storage-" + name), new Configuration()));
        if (s3 == null) {
            return local;
        }
        Configuration s3a = new Configuration();
        s3.settings().forEach(s3a::set);
        return Stream.concat(local, Stream.of(Storage.open(s3.uri("storage-" + name), s3a)));
    }

    @ParameterizedTest
    @MethodSource("storages")
    void ofWritersRacingToCreateOneNameExactlyOneWinsAndItsContentIsWhole(Storage storage) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        byte[][] contents = new byte[WRITERS][];
        for (int w = 0; w < WRITERS; w++) {
            contents[w] = ("writer " + w + " ").repeat(1000).getBytes(StandardCharsets.UTF_8);
            byte[] mine = contents[w];
            Callable<Boolean> create = () -> {
                start.await();
                return storage.createIfAbsent("log/entry.json", mine);
            };
            results.add(pool.submit(create));
        }
        start.countDown();
        int winner = -1;
        for (int w = 0; w < WRITERS; w++) {
            if (results.get(w).get()) {
                assertEquals(-1, winner, "two writers created the same name");
                winner = w;
            }
        }
        pool.shutdown();
        assertTrue(winner >= 0, "nobody created it");
        assertArrayEquals(contents[winner], storage.read("log/entry.json").orElseThrow());
        assertEquals(List.of("entry.json"), storage.list("log"), "temporary files are left");
        assertFalse(storage.createIfAbsent("log/entry.json", new byte[] {1}));
    }

    @ParameterizedTest
    @MethodSource("storages")
    void replaceSwapsTheWholeFileAndLeavesNothingElse(Storage storage) throws Exception {
        storage.replace("manifest.json", "old".getBytes(StandardCharsets.UTF_8));
        storage.replace("manifest.json", "new".getBytes(StandardCharsets.UTF_8));
        assertEquals("new", new String(storage.read("manifest.json").orElseThrow(), StandardCharsets.UTF_8));
        assertEquals(List.of("manifest.json"), storage.list(""));
        assertTrue(storage.modified("manifest.json").isPresent());
    }

    @ParameterizedTest
    @MethodSource("storages")
    void filesMoveOnceListRecursivelyAndDeleteWithTheirDirectory(Storage storage) throws Exception {
        assertTrue(storage.read("missing").isEmpty());
        assertTrue(storage.list("missing").isEmpty());
        assertFalse(storage.exists("stage"));
        storage.replace("stage/sweep=a/part-0.parquet", new byte[] {1, 2, 3});
        storage.replace("stage/sweep=a/part-1.parquet", new byte[] {4});
        assertTrue(storage.isDirectory("stage"));
        assertEquals(List.of("stage/sweep=a/part-0.parquet", "stage/sweep=a/part-1.parquet"),
                storage.files("stage", ".parquet"));
        assertTrue(storage.move("stage/sweep=a/part-0.parquet", "rows/sweep=a/part-0.parquet"));
        assertFalse(storage.move("stage/sweep=a/part-0.parquet", "rows/sweep=a/part-0.parquet"), "moved twice");
        assertArrayEquals(new byte[] {1, 2, 3}, storage.read("rows/sweep=a/part-0.parquet").orElseThrow());
        storage.delete("stage");
        storage.delete("stage");
        assertFalse(storage.exists("stage"));
        assertEquals(List.of("rows"), storage.list(""));
        assertTrue(storage.uri("rows").endsWith("/rows"), storage.uri("rows"));
    }
}
