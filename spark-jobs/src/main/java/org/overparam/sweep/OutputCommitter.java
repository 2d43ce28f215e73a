package org.overparam.sweep;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.RuntimeConfig;
import org.apache.spark.sql.SparkSession;
import org.overparam.io.Storage;

/**
 * The output committer that fits the sweep directory's file system, for the Spark jobs that write its waves.
 * HDFS and local disks keep Spark's default, FileOutputCommitter v1: task and job commits are renames, atomic
 * there. S3 has no rename (S3A copies), so {@code s3a://} gets the S3A <em>magic</em> committer through Spark's
 * binding ({@code spark-hadoop-cloud}): tasks upload their files as pending multipart uploads, the job commit
 * completes them. Either way a wave's files are only staged: its commit-log entry is what commits them.
 */
final class OutputCommitter implements AutoCloseable {

    private static final Map<String, String> S3A = new LinkedHashMap<>();

    static {
        S3A.put("spark.sql.sources.commitProtocolClass",
                "org.apache.spark.internal.io.cloud.PathOutputCommitProtocol");
        S3A.put("spark.sql.parquet.output.committer.class",
                "org.apache.spark.internal.io.cloud.BindingParquetOutputCommitter");
        // Session settings reach the jobs' Hadoop configuration as they are.
        S3A.put("mapreduce.outputcommitter.factory.scheme.s3a", "org.apache.hadoop.fs.s3a.commit.S3ACommitterFactory");
        S3A.put("fs.s3a.committer.name", "magic");
        S3A.put("fs.s3a.committer.magic.enabled", "true");
    }

    private final RuntimeConfig conf;
    private final Map<String, String> previous = new LinkedHashMap<>();

    private OutputCommitter(RuntimeConfig conf, Map<String, String> settings) {
        this.conf = conf;
        settings.forEach((key, value) -> {
            previous.put(key, conf.contains(key) ? conf.get(key) : null);
            conf.set(key, value);
        });
    }

    /** Sets the committer for {@code storage}'s scheme on {@code spark}'s session until {@link #close}. */
    static OutputCommitter forStorage(SparkSession spark, Storage storage) {
        boolean s3a = storage.uri().startsWith("s3a:");
        return new OutputCommitter(spark.conf(), s3a ? S3A : Map.of());
    }

    /** Gives the session its settings back. */
    @Override
    public void close() {
        previous.forEach((key, value) -> {
            if (value == null) {
                conf.unset(key);
            } else {
                conf.set(key, value);
            }
        });
    }
}
