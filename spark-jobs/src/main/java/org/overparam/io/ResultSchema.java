package org.overparam.io;

import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.overparam.experiment.RunResult;

/** The explicit Spark/Parquet schema of a result row and the record → Row mapping, both from {@link Columns}. */
public final class ResultSchema {

    /** Every column of {@link Columns#ALL}, typed (R INTEGER, alpha DOUBLE, seeds BIGINT, …). */
    public static final StructType SCHEMA = new StructType(Columns.ALL.stream()
            .map(c -> new StructField(c.name(), sparkType(c.type()), c.nullable(),
                    org.apache.spark.sql.types.Metadata.empty()))
            .toArray(StructField[]::new));

    private ResultSchema() {
    }

    /** The row of one run. */
    public static Row row(String sweep, String codeVersion, RunResult result) {
        return RowFactory.create(Columns.values(sweep, codeVersion, result));
    }

    /** Column names of {@link #SCHEMA}, in order. */
    public static List<String> names() {
        return Columns.names();
    }

    private static DataType sparkType(ColumnType type) {
        return switch (type) {
            case STRING -> DataTypes.StringType;
            case INT -> DataTypes.IntegerType;
            case LONG -> DataTypes.LongType;
            case DOUBLE -> DataTypes.DoubleType;
            case BOOLEAN -> DataTypes.BooleanType;
            case INT_ARRAY -> DataTypes.createArrayType(DataTypes.IntegerType, false);
            case DOUBLE_ARRAY -> DataTypes.createArrayType(DataTypes.DoubleType, true);
        };
    }
}
