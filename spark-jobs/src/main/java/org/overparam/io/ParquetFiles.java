package org.overparam.io;

import java.io.IOException;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Iterator;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.JobID;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.TaskAttemptID;
import org.apache.hadoop.mapreduce.TaskID;
import org.apache.hadoop.mapreduce.TaskType;
import org.apache.hadoop.mapreduce.task.TaskAttemptContextImpl;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.CatalystTypeConverters;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.catalog.ExternalCatalogUtils;
import org.apache.spark.sql.execution.datasources.OutputWriter;
import org.apache.spark.sql.execution.datasources.OutputWriterFactory;
import org.apache.spark.sql.execution.datasources.parquet.ParquetFileFormat;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.SerializableConfiguration;
import scala.Function1;

/**
 * Parquet files of one table, written the way {@code df.write().partitionBy(first column).parquet(dir)} writes
 * them, without a query plan or a commit protocol: Spark's own {@link ParquetFileFormat} writer (the same Parquet
 * schema, the same Spark metadata in the footer, the session's compression codec), one file per call, from a
 * task or from the driver. The table's first column is its partition column: its value names the file's
 * directory ({@code col=value}, escaped as Spark escapes it) and is not stored in the file, as Spark does.
 *
 * <p>Made on the driver ({@link #prepare}) and shipped to tasks; whoever writes a file decides where it goes and
 * which files count (a sweep's tasks return their files' names and the driver commits those).
 */
public final class ParquetFiles implements Serializable {

    private static final long serialVersionUID = 1L;

    private final StructType schema;
    private final StructType dataSchema;
    private final OutputWriterFactory factory;
    private final SerializableConfiguration conf;

    private ParquetFiles(StructType schema, StructType dataSchema, OutputWriterFactory factory,
                         SerializableConfiguration conf) {
        this.schema = schema;
        this.dataSchema = dataSchema;
        this.factory = factory;
        this.conf = conf;
    }

    /** The files of {@code schema}'s table (partitioned by its first column), with {@code spark}'s settings. */
    public static ParquetFiles prepare(SparkSession spark, StructType schema) {
        StructField[] fields = schema.fields();
        StructType dataSchema = new StructType(Arrays.copyOfRange(fields, 1, fields.length));
        try {
            Job job = Job.getInstance(spark.sessionState().newHadoopConf());
            OutputWriterFactory factory = new ParquetFileFormat().prepareWrite(spark, job,
                    scala.collection.immutable.Map$.MODULE$.<String, String>empty(), dataSchema);
            return new ParquetFiles(schema, dataSchema, factory, new SerializableConfiguration(job.getConfiguration()));
        } catch (IOException e) {
            throw new IllegalStateException("cannot set up Parquet writing: " + e.getMessage(), e);
        }
    }

    /**
     * Writes {@code rows} (of this table's schema, all with the same first column) to one file below {@code dir}:
     * {@code dir/col=value/name} + the codec's extension ({@code .zstd.parquet}). Returns the file's path relative
     * to {@code dir}, or null when there are no rows (and no file). {@code attempt} tells apart the files of two
     * attempts at the same work, which write the same name otherwise.
     */
    public String write(String dir, String name, int attempt, Iterator<Row> rows) {
        if (!rows.hasNext()) {
            return null;
        }
        Row first = rows.next();
        TaskAttemptContext context = new TaskAttemptContextImpl(conf.value(),
                new TaskAttemptID(new TaskID(new JobID("overparam", 0), TaskType.MAP, 0), attempt));
        String relative = ExternalCatalogUtils.getPartitionPathString(schema.fields()[0].name(), first.getString(0))
                + "/" + name + factory.getFileExtension(context);
        Function1<Object, Object> toInternal = CatalystTypeConverters.createToCatalystConverter(dataSchema);
        OutputWriter writer = factory.newInstance(dir + "/" + relative, dataSchema, context);
        try {
            for (Row row = first; row != null; row = rows.hasNext() ? rows.next() : null) {
                writer.write((InternalRow) toInternal.apply(withoutFirst(row)));
            }
        } catch (RuntimeException e) {
            try {
                writer.close();
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        writer.close();
        return relative;
    }

    private static Row withoutFirst(Row row) {
        Object[] values = new Object[row.length() - 1];
        for (int i = 1; i < row.length(); i++) {
            values[i - 1] = row.get(i);
        }
        return RowFactory.create(values);
    }
}
