package org.overparam.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;

/**
 * A real S3-compatible server for tests: {@code moto_server} (moto 5, conditional PUTs included) on 127.0.0.1, with
 * one bucket, and the S3A settings that reach it — a fixed region and static credentials, so the AWS SDK never
 * probes instance metadata. {@link #install} makes them JVM system properties ({@code spark.hadoop.fs.s3a.*}),
 * which commands, Spark sessions started afterwards and child JVMs of {@code SweepJobTest.childSweep} all read.
 */
public final class S3 implements AutoCloseable {

    private final Process server;
    private final int port;
    /** One bucket per server: Hadoop caches a file system per bucket, with the endpoint it was opened with. */
    private final String bucket;

    private S3(Process server, int port) {
        this.server = server;
        this.port = port;
        this.bucket = "sweeps-" + port;
    }

    /**
     * Whether {@code moto_server} is on the PATH. Where it is not, the S3 cases are left out (with a line on
     * stderr saying so) and the local and HDFS ones still run; {@code .ci/run} installs it.
     */
    public static boolean available() {
        String path = System.getenv().getOrDefault("PATH", "");
        boolean found = java.util.Arrays.stream(path.split(java.io.File.pathSeparator))
                .anyMatch(dir -> java.nio.file.Files.isExecutable(Path.of(dir, "moto_server")));
        if (!found) {
            System.err.println("S3 tests skipped: moto_server is not on the PATH (pip install 'moto[server]')");
        }
        return found;
    }

    public static S3 start(Path logs) {
        int port = freePort();
        ProcessBuilder command = new ProcessBuilder("moto_server", "-H", "127.0.0.1", "-p", Integer.toString(port))
                .redirectErrorStream(true).redirectOutput(logs.resolve("moto.log").toFile());
        Process server;
        try {
            server = command.start();
        } catch (IOException e) {
            throw new UncheckedIOException("moto_server is not installed (pip install 'moto[server]'; .ci/run"
                    + " checks it)", e);
        }
        S3 s3 = new S3(server, port);
        s3.createBucket();
        return s3;
    }

    /** The S3A settings (Hadoop keys) for this server. */
    public Map<String, String> settings() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("fs.s3a.endpoint", "http://127.0.0.1:" + port);
        s.put("fs.s3a.endpoint.region", "us-east-1");
        s.put("fs.s3a.path.style.access", "true");
        s.put("fs.s3a.connection.ssl.enabled", "false");
        s.put("fs.s3a.aws.credentials.provider", "org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider");
        s.put("fs.s3a.access.key", "testing");
        s.put("fs.s3a.secret.key", "testing");
        return s;
    }

    /** Sets {@link #settings} as {@code spark.hadoop.*} system properties and on {@code conf} (a running session's). */
    public void install(Configuration conf) {
        settings().forEach((k, v) -> {
            System.setProperty("spark.hadoop." + k, v);
            conf.set(k, v);
        });
    }

    /** Removes what {@link #install} set as system properties. */
    public void uninstall() {
        settings().keySet().forEach(k -> System.clearProperty("spark.hadoop." + k));
    }

    /** {@code s3a://BUCKET/} + {@code path}. */
    public String uri(String path) {
        return "s3a://" + bucket + "/" + path;
    }

    private void createBucket() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest put = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/" + bucket))
                .PUT(HttpRequest.BodyPublishers.noBody()).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            try {
                HttpResponse<Void> response = http.send(put, HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
                throw new IllegalStateException("moto_server refused the bucket: HTTP " + response.statusCode());
            } catch (IOException e) {
                if (System.nanoTime() > deadline || !server.isAlive()) {
                    throw new UncheckedIOException("moto_server did not start on 127.0.0.1:" + port, e);
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(ie);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.destroy();
    }
}
