package org.overparam.sweep;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** What a session sets over the user's settings (--conf, spark-submit's, the defaults file), and what it leaves. */
class SparkSessionsTest {

    @Test
    void localModeIsQuietAndOnLoopbackUnlessTheUserAsksForTheUi() {
        Map<String, String> quiet = SparkSessions.settings(SparkSessions.LOCAL, new Properties());
        assertEquals("false", quiet.get("spark.ui.enabled"));
        assertEquals("false", quiet.get("spark.ui.showConsoleProgress"));
        assertEquals("127.0.0.1", quiet.get("spark.driver.bindAddress"));
        assertEquals("127.0.0.1", quiet.get("spark.driver.host"));

        Properties given = new Properties();
        given.setProperty("spark.ui.enabled", "true");
        given.setProperty("spark.ui.showConsoleProgress", "true");
        given.setProperty("spark.driver.host", "10.0.0.1");
        Map<String, String> asked = SparkSessions.settings("local[2]", given);
        assertEquals("true", asked.get("spark.ui.enabled"));
        assertEquals("true", asked.get("spark.ui.showConsoleProgress"));
        assertEquals("127.0.0.1", asked.get("spark.driver.host"), "embedded mode talks only to itself");
    }

    @Test
    void embeddedReportsShuffleIntoAsManyPartitionsAsTaskThreads() {
        assertEquals("3", SparkSessions.settings("local[3]", new Properties()).get("spark.sql.shuffle.partitions"));
        assertEquals("2", SparkSessions.settings("local[2, 4]", new Properties()).get("spark.sql.shuffle.partitions"));
        assertEquals("1", SparkSessions.settings("local", new Properties()).get("spark.sql.shuffle.partitions"));
        assertEquals(String.valueOf(Runtime.getRuntime().availableProcessors()),
                SparkSessions.settings("local[*]", new Properties()).get("spark.sql.shuffle.partitions"));
        Properties given = new Properties();
        given.setProperty("spark.sql.shuffle.partitions", "64");
        assertEquals("64", SparkSessions.settings("local[2]", given).get("spark.sql.shuffle.partitions"));
        assertFalse(SparkSessions.settings("spark://head:7077", new Properties())
                .containsKey("spark.sql.shuffle.partitions"), "a cluster keeps Spark's default or the user's");
        assertFalse(SparkSessions.settings("local-cluster[2,1,1024]", new Properties())
                .containsKey("spark.sql.shuffle.partitions"));
    }

    @Test
    void rowsAreZstdAndKernelsSingleThreadedWhateverTheSettingsSay() {
        Properties given = new Properties();
        given.setProperty("spark.sql.parquet.compression.codec", "snappy");
        given.setProperty("spark.executorEnv.OPENBLAS_NUM_THREADS", "8");
        Map<String, String> cluster = SparkSessions.settings("spark://head:7077", given);
        assertEquals("zstd", cluster.get("spark.sql.parquet.compression.codec"));
        assertEquals("1", cluster.get("spark.executorEnv.OPENBLAS_NUM_THREADS"));
        assertFalse(cluster.containsKey("spark.ui.enabled"), "a cluster's UI is the user's choice");
        assertFalse(cluster.containsKey("spark.driver.host"));
    }
}
