package org.overparam.aggregate;

import org.overparam.io.HadoopConf;
import org.overparam.io.Storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Where a command's report goes: a local directory, written in place, or a directory on another file system (HDFS,
 * S3), written into a local temporary directory first and then copied there file by file.
 */
final class ReportDirectory {

    /** Writes the report's files into a local directory and says what it wrote. */
    interface Writer<T> {
        T write(Path local) throws IOException;
    }

    /** Removes, on a remote target, what an earlier run left that this one might not overwrite. */
    interface Cleaner {
        void clean(Storage target) throws IOException;
    }

    private ReportDirectory() {
    }

    /** The report directory {@code location}: a local path or a Hadoop file system URI. */
    static Storage open(String location) {
        return Storage.open(location, HadoopConf.fromSystemProperties());
    }

    /**
     * Runs {@code writer} on the target's own directory when it is local; otherwise on a temporary directory whose
     * files are then copied to the target, after {@code cleaner} has run on it.
     */
    static <T> T write(Storage target, Cleaner cleaner, Writer<T> writer) {
        Path out = target.isLocal() ? Path.of(URI.create(target.uri())) : temporaryDirectory();
        try {
            T written = writer.write(out);
            if (!target.isLocal()) {
                cleaner.clean(target);
                copy(out, target);
            }
            return written;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report to " + target.uri() + ": " + e.getMessage(), e);
        } finally {
            if (!target.isLocal()) {
                deleteQuietly(out);
            }
        }
    }

    /** Copies every file below {@code local} to the same relative path of {@code target} (not checksums). */
    private static void copy(Path local, Storage target) throws IOException {
        try (Stream<Path> files = Files.walk(local)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String relative = local.relativize(file).toString().replace('\\', '/');
                if (!relative.endsWith(".crc") && !relative.contains("/.")) {
                    target.replace(relative, Files.readAllBytes(file));
                }
            }
        }
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("overparam-report-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory for the report", e);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a temporary directory: the system cleans it eventually
        }
    }
}
