package org.overparam.io;

import org.apache.hadoop.conf.Configuration;

/**
 * The Hadoop configuration a command uses before (or without) a Spark session: Hadoop's defaults and
 * {@code core-site.xml} on the classpath, then every {@code spark.hadoop.KEY} system property as {@code KEY}, as
 * Spark itself derives its Hadoop configuration (spark-submit turns {@code --conf} and spark-defaults.conf into
 * system properties of the driver).
 */
public final class HadoopConf {

    private static final String PREFIX = "spark.hadoop.";

    private HadoopConf() {
    }

    public static Configuration fromSystemProperties() {
        Configuration conf = new Configuration();
        for (String key : System.getProperties().stringPropertyNames()) {
            if (key.startsWith(PREFIX)) {
                conf.set(key.substring(PREFIX.length()), System.getProperty(key));
            }
        }
        return conf;
    }
}
