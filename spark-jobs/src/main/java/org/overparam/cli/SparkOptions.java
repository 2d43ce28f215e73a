package org.overparam.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;

/**
 * The options of the commands that start Spark ({@code sweep}, {@code aggregate}): {@code --master} and
 * {@code --conf KEY=VALUE}, and the Spark defaults file of {@code scripts/overparam}.
 *
 * <p>Settings reach Spark as JVM system properties, which {@code SparkConf} loads (its {@code spark.*} ones) when
 * the session is built, and from which the session's Hadoop configuration takes every {@code spark.hadoop.*} key.
 * Precedence is spark-submit's: {@code --conf}, then properties already set ({@code -D}, or spark-submit's own),
 * then the defaults file. The file is named by the system property {@value #DEFAULTS_PROPERTY}, which only
 * {@code scripts/overparam} sets: under spark-submit the property is absent, spark-submit has already applied its
 * own defaults file, and nothing is read twice.
 */
final class SparkOptions {

    /** The system property naming the spark-defaults.conf to honour in embedded mode. */
    static final String DEFAULTS_PROPERTY = "overparam.sparkDefaults";

    private static final String SPARK = "spark.";

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master, e.g. local[4] or spark://host:7077 (default: spark-submit's, else local[*])")
    private String master;

    @Option(names = "--conf", paramLabel = "KEY=VALUE", converter = Setting.Parser.class,
            description = "a Spark setting, as for spark-submit (repeatable); a Hadoop setting as"
                    + " spark.hadoop.KEY=VALUE")
    private List<Setting> conf = new ArrayList<>();

    @Spec(Spec.Target.MIXEE)
    private CommandSpec command;

    /** The master given on the command line, or null for spark-submit's or embedded local mode. */
    String master() {
        return master;
    }

    /**
     * Puts the {@code --conf} settings and the defaults file into the system properties. Call it before anything
     * creates a Spark or Hadoop object: SparkConf reads the properties once, when it is made.
     */
    void apply() {
        for (String key : apply(conf, System.getProperties())) {
            command.commandLine().getErr().println("overparam: ignoring '" + key + "' in "
                    + System.getProperty(DEFAULTS_PROPERTY) + ": not a Spark setting (Hadoop settings take the"
                    + " prefix spark.hadoop.)");
        }
    }

    /**
     * Sets every {@code --conf} setting in {@code target}, then every {@code spark.*} key of the defaults file
     * that {@code target} names in {@value #DEFAULTS_PROPERTY} and does not already hold.
     *
     * @return the keys of the file that were ignored for not starting with {@code spark.}, sorted
     */
    static List<String> apply(List<Setting> conf, Properties target) {
        for (Setting s : conf) {
            target.setProperty(s.key(), s.value());
        }
        String file = target.getProperty(DEFAULTS_PROPERTY);
        if (file == null) {
            return List.of();
        }
        Properties defaults = load(Path.of(file));
        List<String> ignored = new ArrayList<>();
        for (String key : new TreeSet<>(defaults.stringPropertyNames())) {
            if (!isSparkKey(key)) {
                ignored.add(key);
            } else if (target.getProperty(key) == null) {
                // Spark trims the values of its properties file too (Utils.getPropertiesFromFile).
                target.setProperty(key, defaults.getProperty(key).trim());
            }
        }
        return ignored;
    }

    /** A spark-defaults.conf, parsed as Spark parses it: java.util.Properties from UTF-8. */
    private static Properties load(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException | IllegalArgumentException e) { // IllegalArgumentException: a malformed Unicode escape
            throw new BadInputException("cannot read the Spark defaults " + file + " (" + DEFAULTS_PROPERTY + "): "
                    + e);
        }
        return p;
    }

    private static boolean isSparkKey(String key) {
        return key.startsWith(SPARK) && key.length() > SPARK.length();
    }

    /** One {@code --conf KEY=VALUE}: a Spark key (Hadoop keys as {@code spark.hadoop.*}) and its value. */
    record Setting(String key, String value) {

        /**
         * Parses KEY=VALUE as spark-submit does (split at the first '=', the value may be empty), but refuses what
         * spark-submit only warns about and ignores: a key that does not start with {@code spark.}.
         */
        static Setting parse(String arg) {
            int eq = arg.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("'" + arg + "' is not KEY=VALUE, e.g. spark.sql.shuffle.partitions=8"
                        + " (a Hadoop setting takes the prefix spark.hadoop., as in spark.hadoop.fs.s3a.endpoint=URL)");
            }
            String key = arg.substring(0, eq);
            if (!isSparkKey(key)) {
                boolean hadoopKey = !key.isBlank() && !key.regionMatches(true, 0, SPARK, 0, SPARK.length());
                throw new IllegalArgumentException("'" + arg + "' is not a Spark setting: keys start with 'spark.'"
                        + " (a Hadoop setting takes the prefix spark.hadoop., as in spark.hadoop."
                        + (hadoopKey ? key.strip() : "fs.s3a.endpoint") + ")");
            }
            return new Setting(key, arg.substring(eq + 1));
        }

        /** picocli's converter: a refused value is bad input, reported in one line with exit code 2. */
        static final class Parser implements ITypeConverter<Setting> {
            @Override
            public Setting convert(String arg) {
                try {
                    return parse(arg);
                } catch (IllegalArgumentException e) {
                    throw new TypeConversionException(e.getMessage());
                }
            }
        }
    }
}
