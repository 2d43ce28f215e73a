package org.overparam.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.overparam.testing.TestSpark;

/** Files written by {@link ParquetFiles} against what Spark's DataFrame writer makes of the same rows. */
class ParquetFilesTest {

    static final StructType SCHEMA = new StructType(new StructField[] {
        DataTypes.createStructField("sweep", DataTypes.StringType, false),
        DataTypes.createStructField("id", DataTypes.StringType, false),
        DataTypes.createStructField("count", DataTypes.LongType, false),
        DataTypes.createStructField("value", DataTypes.DoubleType, true),
        DataTypes.createStructField("values", DataTypes.createArrayType(DataTypes.DoubleType, true), true)});

    static SparkSession spark;

    @TempDir
    Path tmp;

    @BeforeAll
    static void startSpark() {
        spark = TestSpark.session();
    }

    static List<Row> rows() {
        return List.of(
                RowFactory.create("a b/c", "p0", 1L, 0.5, new Double[] {1.0, null, -0.0}),
                RowFactory.create("a b/c", "p1", -7L, null, null),
                RowFactory.create("a b/c", "p2", Long.MAX_VALUE, Double.NaN, new Double[0]));
    }

    @Test
    void aFileReadsBackAsTheDataFrameWritersFilesDo() throws Exception {
        ParquetFiles files = ParquetFiles.prepare(spark, SCHEMA);
        String relative = files.write(tmp.resolve("ours").toString(), "part-00000-x-a0", 0, rows().iterator());
        spark.createDataFrame(rows(), SCHEMA).coalesce(1).write().mode(SaveMode.ErrorIfExists).partitionBy("sweep")
                .parquet(tmp.resolve("spark").toString());

        String sparksDirectory;
        try (Stream<Path> dirs = Files.list(tmp.resolve("spark"))) {
            sparksDirectory = dirs.filter(Files::isDirectory).findFirst().orElseThrow().getFileName().toString();
        }
        assertEquals(sparksDirectory + "/part-00000-x-a0.zstd.parquet", relative, "Spark's escaping and extension");
        assertTrue(Files.isRegularFile(tmp.resolve("ours").resolve(relative)));
        Dataset<Row> ours = spark.read().parquet(tmp.resolve("ours").toString());
        Dataset<Row> theirs = spark.read().parquet(tmp.resolve("spark").toString());
        assertEquals(theirs.schema(), ours.schema());
        assertEquals(theirs.orderBy("id").collectAsList().toString(), ours.orderBy("id").collectAsList().toString());
        assertEquals(3, ours.where("sweep = 'a b/c'").count(), "the partition column comes from the directory");
    }

    @Test
    void noRowsWriteNoFile() throws Exception {
        ParquetFiles files = ParquetFiles.prepare(spark, SCHEMA);
        assertNull(files.write(tmp.resolve("empty").toString(), "part-0", 0, Collections.emptyIterator()));
        assertFalse(Files.exists(tmp.resolve("empty")));
    }
}
