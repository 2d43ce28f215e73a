package org.overparam.testing;

import org.apache.spark.sql.SparkSession;
import org.overparam.sweep.SparkSessions;

/** The one local[2] Spark session every test in this JVM shares (starting Spark costs seconds). */
public final class TestSpark {

    private TestSpark() {
    }

    public static synchronized SparkSession session() {
        System.setProperty("spark.sql.shuffle.partitions", "4");
        SparkSession spark = SparkSessions.get("local[2]", "overparam-tests");
        spark.conf().set("spark.sql.shuffle.partitions", "4");
        return spark;
    }
}
