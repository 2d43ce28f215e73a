package org.overparam.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.spark.SparkConf;
import org.apache.spark.deploy.SparkHadoopUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code --conf KEY=VALUE} and the Spark defaults file: parsing, precedence ({@code --conf} over {@code -D} over the
 * file), and that the settings reach SparkConf and its Hadoop configuration. The shared test session is never
 * touched: in-process checks build a fresh SparkConf, and the one check through a real session runs in a child JVM.
 */
class SparkOptionsTest {

    /** Keys of this test only, so that even a leak could not change another test's session. */
    private static final String KEY = "spark.overparam.test.key";
    private static final String OTHER = "spark.overparam.test.other";
    private static final String HADOOP_KEY = "overparam.test.hadoop";

    @TempDir
    Path tmp;

    @AfterEach
    void clearProperties() {
        for (String key : List.of(KEY, OTHER, "spark.hadoop." + HADOOP_KEY, SparkOptions.DEFAULTS_PROPERTY)) {
            System.clearProperty(key);
        }
    }

    /** A command that does nothing but apply the shared Spark options, as sweep and aggregate do first. */
    @Command(name = "probe")
    static final class Probe implements Runnable {
        @Mixin
        private SparkOptions sparkOptions;

        @Override
        public void run() {
            sparkOptions.apply();
        }
    }

    @Test
    void settingsSplitAtTheFirstEqualsSignLikeSparkSubmit() {
        assertEquals(new SparkOptions.Setting("spark.a", "b=c"), SparkOptions.Setting.parse("spark.a=b=c"));
        assertEquals(new SparkOptions.Setting("spark.a", ""), SparkOptions.Setting.parse("spark.a="));
        assertEquals(new SparkOptions.Setting("spark.hadoop.fs.s3a.endpoint", "http://127.0.0.1:9000"),
                SparkOptions.Setting.parse("spark.hadoop.fs.s3a.endpoint=http://127.0.0.1:9000"));
        for (String bad : List.of("spark.a", "fs.s3a.endpoint=x", "=x", "spark.=x", "SPARK.a=x", " spark.a=x")) {
            String message = assertThrows(IllegalArgumentException.class, () -> SparkOptions.Setting.parse(bad),
                    bad).getMessage();
            assertTrue(message.contains("'" + bad + "'") && message.contains("spark.hadoop."), message);
        }
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SparkOptions.Setting.parse("fs.s3a.endpoint=x"))
                .getMessage().contains("spark.hadoop.fs.s3a.endpoint"), "the key as it should have been");
    }

    @Test
    void sweepAndAggregateShareTheSparkOptions() {
        for (String command : List.of("sweep", "aggregate")) {
            Cli help = Cli.run(command, "--help");
            assertEquals(Overparam.OK, help.exit(), help::toString);
            assertTrue(help.out().contains("--master=URL") && help.out().contains("--conf=KEY=VALUE"),
                    help::toString);
        }
    }

    @Test
    void confWinsOverSystemPropertiesWhichWinOverTheFile() throws IOException {
        Path file = defaults("""
                # a comment, then the three ways java.util.Properties separates a key from its value
                spark.overparam.a      file
                spark.overparam.b=file
                spark.overparam.c:file\t\s
                spark.overparam.d      file
                fs.s3a.endpoint        http://127.0.0.1:9000
                """);
        Properties target = new Properties();
        target.setProperty(SparkOptions.DEFAULTS_PROPERTY, file.toString());
        target.setProperty("spark.overparam.b", "-D");
        target.setProperty("spark.overparam.c", "-D");
        List<String> ignored = SparkOptions.apply(List.of(SparkOptions.Setting.parse("spark.overparam.c=--conf"),
                SparkOptions.Setting.parse("spark.overparam.e=--conf")), target);

        assertEquals("file", target.getProperty("spark.overparam.a"));
        assertEquals("-D", target.getProperty("spark.overparam.b"));
        assertEquals("--conf", target.getProperty("spark.overparam.c"));
        assertEquals("file", target.getProperty("spark.overparam.d"), "values are trimmed, as Spark does");
        assertEquals("--conf", target.getProperty("spark.overparam.e"));
        assertNull(target.getProperty("fs.s3a.endpoint"), "only spark.* keys");
        assertEquals(List.of("fs.s3a.endpoint"), ignored);
    }

    @Test
    void withoutThePropertyNoFileIsRead() throws IOException {
        defaults(KEY + " file\n"); // where a file would be, unnamed
        Properties target = new Properties();
        assertEquals(List.of(), SparkOptions.apply(List.of(SparkOptions.Setting.parse(OTHER + "=cli")), target));
        assertEquals(1, target.size(), target::toString);
        assertEquals("cli", target.getProperty(OTHER));
    }

    @Test
    void anUnreadableDefaultsFileIsBadInput() {
        Properties target = new Properties();
        target.setProperty(SparkOptions.DEFAULTS_PROPERTY, tmp.resolve("missing.conf").toString());
        BadInputException e = assertThrows(BadInputException.class, () -> SparkOptions.apply(List.of(), target));
        assertTrue(e.getMessage().contains("missing.conf") && e.getMessage().contains(SparkOptions.DEFAULTS_PROPERTY),
                e::getMessage);
    }

    @Test
    void settingsReachSparkConfAndItsHadoopConfiguration() throws IOException {
        System.setProperty(SparkOptions.DEFAULTS_PROPERTY, defaults(KEY + " file\n" + OTHER + " file\n").toString());
        int exit = new CommandLine(new Probe()).execute("--conf", KEY + "=cli", "--conf",
                "spark.hadoop." + HADOOP_KEY + "=from-conf");
        assertEquals(0, exit);

        // What SparkSession.Builder.getOrCreate and SparkContext make of the system properties.
        SparkConf conf = new SparkConf();
        assertEquals("cli", conf.get(KEY));
        assertEquals("file", conf.get(OTHER));
        assertEquals("from-conf", SparkHadoopUtil.get().newConfiguration(conf).get(HADOOP_KEY));
    }

    @Test
    void aRealSessionSeesConfOverTheFile() throws Exception {
        Path events = Files.createDirectories(tmp.resolve("events"));
        Path file = defaults(String.join("\n",
                "spark.eventLog.enabled   true",
                "spark.eventLog.dir       " + events.toUri(),
                "spark.eventLog.compress  false",
                "spark.eventLog.rolling.enabled false",
                KEY + "   file",
                OTHER + " file", ""));
        Path out = tmp.resolve("sweep");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> !a.startsWith("-agentlib") && !a.startsWith("-javaagent")).toList());
        command.addAll(List.of("-D" + SparkOptions.DEFAULTS_PROPERTY + "=" + file, "-cp",
                System.getProperty("java.class.path"), Overparam.class.getName(), "sweep",
                Cli.repoRoot().resolve("conf/sweeps/explicit-2x2.yaml").toString(), "--out", out.toString(),
                "--master", "local[1]", "--conf", KEY + "=cli", "--conf", "spark.hadoop." + HADOOP_KEY + "=from-conf"));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(child.waitFor(120, TimeUnit.SECONDS), "child sweep timed out");
        assertEquals(0, child.exitValue(), output);

        JsonNode environment = environmentUpdate(events);
        JsonNode spark = environment.get("Spark Properties");
        assertEquals("cli", spark.path(KEY).asText(), spark::toString);
        assertEquals("file", spark.path(OTHER).asText(), spark::toString);
        assertEquals("from-conf", environment.get("Hadoop Properties").path(HADOOP_KEY).asText());
    }

    private Path defaults(String text) throws IOException {
        return Files.writeString(tmp.resolve("spark-defaults.conf"), text);
    }

    /** The event log's environment update: its "Spark Properties" and "Hadoop Properties" are objects. */
    private static JsonNode environmentUpdate(Path events) throws IOException {
        List<Path> logs;
        try (Stream<Path> files = Files.list(events)) {
            logs = files.toList();
        }
        assertEquals(1, logs.size(), logs::toString);
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(logs.get(0))) {
            JsonNode event = json.readTree(line);
            if (event.get("Event").asText().equals("SparkListenerEnvironmentUpdate")) {
                return event;
            }
        }
        throw new AssertionError("no environment update in " + logs.get(0));
    }
}
