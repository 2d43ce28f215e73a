package org.overparam.io;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FSDataOutputStreamBuilder;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.hadoop.fs.permission.FsAction;
import org.apache.hadoop.security.AccessControlException;

/**
 * A directory on any Hadoop file system — a local path, {@code file://}, {@code hdfs://}, {@code s3a://} (and
 * {@code gs://}, {@code abfs://} through configuration) — with the two operations that a sweep's bookkeeping
 * needs beyond plain files, each done the way its file system makes it safe:
 * <ul>
 *   <li><b>create if absent</b> with its whole content, so that of two writers exactly one wins and no reader
 *   ever sees half an entry: a hard link to a finished temporary file on a local disk ({@code link(2)} fails
 *   when the name exists; Hadoop's local create checks, then creates); a rename to a free name on HDFS (atomic at
 *   the NameNode, and it refuses an existing target); a conditional PUT on S3A;</li>
 *   <li><b>replace</b> atomically: a rename over the old file on a local disk and on HDFS, one PUT on an object
 *   store (whose objects appear whole).</li>
 * </ul>
 * Paths below the root are relative, with {@code /} separators. Names that start with {@code _} or {@code .}
 * are this class's and Spark's private files; temporary files start with {@code .}.
 */
public abstract sealed class Storage {

    /** Schemes whose files are objects: a write appears whole, and a rename is a copy. */
    private static final Set<String> OBJECT_STORES = Set.of("s3a", "s3", "s3n", "gs", "oss", "cos", "cosn");

    /**
     * Opens {@code location}: a path without a scheme (relative to the working directory) or {@code file:} is
     * the local disk; anything else goes through Hadoop's {@link FileSystem} for its scheme.
     */
    public static Storage open(String location, Configuration conf) {
        URI uri;
        try {
            uri = new URI(location);
        } catch (java.net.URISyntaxException e) {
            uri = null; // a local path with characters a URI does not allow (spaces, …)
        }
        if (uri == null || uri.getScheme() == null || uri.getScheme().length() == 1) { // C:\… on Windows
            return new Local(java.nio.file.Path.of(location).toAbsolutePath().normalize());
        }
        if (uri.getScheme().equals("file")) {
            return new Local(java.nio.file.Path.of(uri).toAbsolutePath().normalize());
        }
        try {
            Path root = new Path(uri);
            FileSystem fs = root.getFileSystem(conf);
            return new Hadoop(fs, fs.makeQualified(root), conf);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + location + ": " + e.getMessage(), e);
        }
    }

    /** The root as a URI that Spark and Hadoop accept ({@code file:/…}, {@code hdfs://…}). */
    public abstract String uri();

    /** {@code relative} below the root, as a URI for Spark and Hadoop. */
    public String uri(String relative) {
        return relative.isEmpty() ? uri() : uri() + "/" + relative;
    }

    /** {@code relative} below the root as people read it: a plain path on a local disk, else the URI. */
    public String show(String relative) {
        return uri(relative);
    }

    /** Whether the root is on a local disk. */
    public abstract boolean isLocal();

    /** Whether {@code relative} exists (file or directory). */
    public abstract boolean exists(String relative) throws IOException;

    /** Whether {@code relative} is a directory. */
    public abstract boolean isDirectory(String relative) throws IOException;

    /** Names of the entries of directory {@code relative}, sorted; empty when it does not exist. */
    public abstract List<String> list(String relative) throws IOException;

    /** Files below {@code relative} whose names end with {@code suffix}, relative to the root, sorted. */
    public abstract List<String> files(String relative, String suffix) throws IOException;

    /** The content of file {@code relative}, or empty when it does not exist. */
    public abstract Optional<byte[]> read(String relative) throws IOException;

    /** When file {@code relative} was last written, or empty when it does not exist. */
    public abstract Optional<Instant> modified(String relative) throws IOException;

    /**
     * Creates file {@code relative} with {@code content} unless it exists: true when this call created it. Of
     * concurrent callers, on any host, exactly one gets true; readers see the whole content or no file.
     */
    public abstract boolean createIfAbsent(String relative, byte[] content) throws IOException;

    /** Writes file {@code relative}, replacing it atomically: readers see the old or the new content. */
    public abstract void replace(String relative, byte[] content) throws IOException;

    /**
     * Moves file {@code from} to {@code to} (parents created): true when moved, false when {@code from} is gone
     * (moved before, by this or another writer).
     */
    public abstract boolean move(String from, String to) throws IOException;

    /** Deletes {@code relative} and everything below it; nothing when it does not exist. */
    public abstract void delete(String relative) throws IOException;

    /**
     * Why this user cannot create files in the root (checked on the root, or on its nearest existing ancestor
     * when it does not exist yet), or empty when it can, as far as permissions tell without writing anything.
     */
    public abstract Optional<String> unwritable() throws IOException;

    /** A temporary name beside {@code relative}: hidden, unique. */
    static String temporary(String relative) {
        int slash = relative.lastIndexOf('/');
        return relative.substring(0, slash + 1) + "." + relative.substring(slash + 1) + "." + UUID.randomUUID()
                + ".tmp";
    }

    /** A local disk, through {@code java.nio}. */
    static final class Local extends Storage {
        private final java.nio.file.Path root;

        Local(java.nio.file.Path root) {
            this.root = root;
        }

        private java.nio.file.Path at(String relative) {
            return relative.isEmpty() ? root : root.resolve(relative);
        }

        @Override
        public String uri() {
            return root.toUri().toString().replaceAll("/$", "");
        }

        @Override
        public boolean isLocal() {
            return true;
        }

        @Override
        public String show(String relative) {
            return at(relative).toString();
        }

        @Override
        public boolean exists(String relative) {
            return Files.exists(at(relative));
        }

        @Override
        public boolean isDirectory(String relative) {
            return Files.isDirectory(at(relative));
        }

        @Override
        public List<String> list(String relative) throws IOException {
            java.nio.file.Path dir = at(relative);
            if (!Files.isDirectory(dir)) {
                return List.of();
            }
            try (Stream<java.nio.file.Path> children = Files.list(dir)) {
                return children.map(p -> p.getFileName().toString()).sorted().toList();
            }
        }

        @Override
        public List<String> files(String relative, String suffix) throws IOException {
            java.nio.file.Path dir = at(relative);
            if (!Files.isDirectory(dir)) {
                return List.of();
            }
            try (Stream<java.nio.file.Path> walk = Files.walk(dir)) {
                return walk.filter(p -> p.getFileName().toString().endsWith(suffix) && Files.isRegularFile(p))
                        .map(p -> root.relativize(p).toString().replace('\\', '/')).sorted().toList();
            }
        }

        @Override
        public Optional<byte[]> read(String relative) throws IOException {
            try {
                return Optional.of(Files.readAllBytes(at(relative)));
            } catch (NoSuchFileException e) {
                return Optional.empty();
            }
        }

        @Override
        public Optional<Instant> modified(String relative) throws IOException {
            try {
                return Optional.of(Files.getLastModifiedTime(at(relative)).toInstant());
            } catch (NoSuchFileException e) {
                return Optional.empty();
            }
        }

        @Override
        public boolean createIfAbsent(String relative, byte[] content) throws IOException {
            java.nio.file.Path target = at(relative);
            Files.createDirectories(target.getParent());
            java.nio.file.Path tmp = at(temporary(relative));
            Files.write(tmp, content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            try {
                Files.createLink(target, tmp);
                return true;
            } catch (FileAlreadyExistsException e) {
                return false;
            } finally {
                Files.deleteIfExists(tmp);
            }
        }

        @Override
        public void replace(String relative, byte[] content) throws IOException {
            java.nio.file.Path target = at(relative);
            Files.createDirectories(target.getParent());
            java.nio.file.Path tmp = at(temporary(relative));
            try {
                Files.write(tmp, content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        }

        @Override
        public boolean move(String from, String to) throws IOException {
            java.nio.file.Path target = at(to);
            Files.createDirectories(target.getParent());
            try {
                Files.move(at(from), target, StandardCopyOption.ATOMIC_MOVE);
                return true;
            } catch (NoSuchFileException e) {
                return false;
            }
        }

        @Override
        public void delete(String relative) throws IOException {
            java.nio.file.Path path = at(relative);
            if (!Files.exists(path)) {
                return;
            }
            try (Stream<java.nio.file.Path> walk = Files.walk(path)) {
                for (java.nio.file.Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }

        @Override
        public Optional<String> unwritable() {
            java.nio.file.Path existing = root;
            while (existing != null && !Files.exists(existing)) {
                existing = existing.getParent();
            }
            if (existing == null) {
                return Optional.of("no part of " + root + " exists");
            }
            if (!Files.isDirectory(existing)) {
                return Optional.of(existing + " is a file");
            }
            return Files.isWritable(existing) ? Optional.empty() : Optional.of(existing + " is not writable");
        }
    }

    /** Any other scheme, through Hadoop's {@link FileSystem}. */
    static final class Hadoop extends Storage {
        private final FileSystem fs;
        private final Path root;
        private final Configuration conf;
        private final boolean objectStore;

        Hadoop(FileSystem fs, Path root, Configuration conf) {
            this.fs = fs;
            this.root = root;
            this.conf = conf;
            this.objectStore = OBJECT_STORES.contains(root.toUri().getScheme());
        }

        private Path at(String relative) {
            return relative.isEmpty() ? root : new Path(root, relative);
        }

        @Override
        public String uri() {
            return root.toString().replaceAll("/$", "");
        }

        @Override
        public boolean isLocal() {
            return false;
        }

        @Override
        public boolean exists(String relative) throws IOException {
            return fs.exists(at(relative));
        }

        @Override
        public boolean isDirectory(String relative) throws IOException {
            try {
                return fs.getFileStatus(at(relative)).isDirectory();
            } catch (FileNotFoundException e) {
                return false;
            }
        }

        @Override
        public List<String> list(String relative) throws IOException {
            try {
                List<String> names = new ArrayList<>();
                for (FileStatus s : fs.listStatus(at(relative))) {
                    names.add(s.getPath().getName());
                }
                names.sort(null);
                return names;
            } catch (FileNotFoundException e) {
                return List.of();
            }
        }

        @Override
        public List<String> files(String relative, String suffix) throws IOException {
            List<String> found = new ArrayList<>();
            String prefix = uri() + "/";
            try {
                RemoteIterator<LocatedFileStatus> it = fs.listFiles(at(relative), true);
                while (it.hasNext()) {
                    String path = fs.makeQualified(it.next().getPath()).toString();
                    if (path.endsWith(suffix) && path.startsWith(prefix)) {
                        found.add(path.substring(prefix.length()));
                    }
                }
            } catch (FileNotFoundException e) {
                return List.of();
            }
            found.sort(null);
            return found;
        }

        @Override
        public Optional<byte[]> read(String relative) throws IOException {
            try (var in = fs.open(at(relative))) {
                return Optional.of(in.readAllBytes());
            } catch (FileNotFoundException e) {
                return Optional.empty();
            }
        }

        @Override
        public Optional<Instant> modified(String relative) throws IOException {
            try {
                return Optional.of(Instant.ofEpochMilli(fs.getFileStatus(at(relative)).getModificationTime()));
            } catch (FileNotFoundException e) {
                return Optional.empty();
            }
        }

        @Override
        public boolean createIfAbsent(String relative, byte[] content) throws IOException {
            Path target = at(relative);
            if (objectStore) {
                // A conditional PUT (If-None-Match: *): plain create(overwrite = false) only checks with a HEAD
                // first, which two writers can pass together.
                FSDataOutputStreamBuilder<?, ?> conditional = fs.createFile(target);
                conditional.overwrite(false);
                conditional.must("fs.option.create.conditional.overwrite", true);
                try (FSDataOutputStream out = conditional.build()) {
                    out.write(content);
                } catch (org.apache.hadoop.fs.FileAlreadyExistsException e) {
                    return false;
                } catch (IOException e) {
                    if (isPreconditionFailure(e)) {
                        return false;
                    }
                    throw e;
                }
                return true;
            }
            Path tmp = at(temporary(relative));
            fs.mkdirs(target.getParent());
            try (OutputStream out = fs.create(tmp, false)) {
                out.write(content);
            }
            try {
                if (fs.rename(tmp, target)) {
                    return true;
                }
                if (fs.exists(target)) {
                    return false;
                }
                throw new IOException("cannot rename " + tmp + " to " + target);
            } finally {
                fs.delete(tmp, false);
            }
        }

        /**
         * S3's answer to a conditional PUT on an existing key: HTTP 412, which S3A reports as a
         * {@code RemoteFileChangedException} ("PreconditionFailed … Status Code: 412").
         */
        private static boolean isPreconditionFailure(Throwable e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t.getClass().getName().equals("org.apache.hadoop.fs.s3a.RemoteFileChangedException")
                        && String.valueOf(t.getMessage()).contains("PreconditionFailed")) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public void replace(String relative, byte[] content) throws IOException {
            Path target = at(relative);
            if (objectStore) {
                try (OutputStream out = fs.create(target, true)) {
                    out.write(content);
                }
                return;
            }
            Path tmp = at(temporary(relative));
            fs.mkdirs(target.getParent());
            try (OutputStream out = fs.create(tmp, false)) {
                out.write(content);
            }
            try {
                FileContext.getFileContext(fs.getUri(), conf).rename(tmp, target, Options.Rename.OVERWRITE);
            } finally {
                fs.delete(tmp, false);
            }
        }

        @Override
        public boolean move(String from, String to) throws IOException {
            Path source = at(from);
            Path target = at(to);
            fs.mkdirs(target.getParent());
            try {
                if (fs.rename(source, target)) {
                    return true;
                }
            } catch (FileNotFoundException e) {
                return false; // S3A says so where HDFS returns false
            }
            if (!fs.exists(source)) {
                return false;
            }
            throw new IOException("cannot move " + source + " to " + target);
        }

        @Override
        public void delete(String relative) throws IOException {
            fs.delete(at(relative), true);
        }

        @Override
        public Optional<String> unwritable() throws IOException {
            if (objectStore) {
                return Optional.empty(); // permissions are the store's policies: the first write tells
            }
            Path existing = root;
            while (existing != null && !fs.exists(existing)) {
                existing = existing.getParent();
            }
            if (existing == null) {
                return Optional.of("no part of " + root + " exists");
            }
            try {
                fs.access(existing, FsAction.WRITE);
                return Optional.empty();
            } catch (AccessControlException e) {
                return Optional.of(existing + " is not writable: " + e.getMessage().lines().findFirst().orElse(""));
            }
        }
    }
}
