package org.overparam.io;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.overparam.experiment.EndPoint;
import org.overparam.experiment.RunResult;

/**
 * The explicit schema of the end-point table ({@code DIR/endpoints}, README “End points”) and the record → Row
 * mapping: one row per kept end point, keyed by {@code point_id}.
 * <pre>
 *   sweep       string                                       the partition, as in the rows
 *   point_id    string                                       the run's row
 *   parameters  array&lt;struct&lt;matrix, n_rows, n_cols, entries&gt;&gt;   the family's matrices (U, V, W, Y,
 *                                                            theta), entries column-major: (i, j) at i + n_rows·j
 *   hess_lowest array&lt;double&gt;                                smallest Hessian eigenvalues, ascending; null
 *                                                            where the curvature was not computed
 * </pre>
 */
public final class EndPointSchema {

    /** One matrix of the parameters. */
    public static final StructType MATRIX = new StructType(new StructField[] {
        field("matrix", DataTypes.StringType, false),
        field("n_rows", DataTypes.IntegerType, false),
        field("n_cols", DataTypes.IntegerType, false),
        field("entries", DataTypes.createArrayType(DataTypes.DoubleType, false), false)});

    /** The table's columns. */
    public static final StructType SCHEMA = new StructType(new StructField[] {
        field("sweep", DataTypes.StringType, false),
        field("point_id", DataTypes.StringType, false),
        field("parameters", DataTypes.createArrayType(MATRIX, false), false),
        field("hess_lowest", DataTypes.createArrayType(DataTypes.DoubleType, false), true)});

    private EndPointSchema() {
    }

    /** The end point of {@code result}, which must have one. */
    public static Row row(String sweep, RunResult result) {
        EndPoint end = result.endPoint();
        Row[] matrices = end.parameters().stream()
                .map(m -> RowFactory.create(m.name(), m.rows(), m.cols(), boxed(m.values()))).toArray(Row[]::new);
        double[] lowest = end.hessianLowest();
        return RowFactory.create(sweep, result.config().pointId(), matrices, lowest.length == 0 ? null : boxed(lowest));
    }

    /** The end point a row holds. */
    public static EndPoint endPoint(Row row) {
        List<Row> matrices = row.getList(row.fieldIndex("parameters"));
        List<EndPoint.Matrix> parameters = matrices.stream().map(m -> new EndPoint.Matrix(m.getString(0), m.getInt(1),
                m.getInt(2), unboxed(m.getList(3)))).toList();
        int lowest = row.fieldIndex("hess_lowest");
        return new EndPoint(parameters, row.isNullAt(lowest) ? new double[0] : unboxed(row.getList(lowest)));
    }

    private static StructField field(String name, org.apache.spark.sql.types.DataType type, boolean nullable) {
        return new StructField(name, type, nullable, Metadata.empty());
    }

    private static Double[] boxed(double[] values) {
        return Arrays.stream(values).boxed().toArray(Double[]::new);
    }

    private static double[] unboxed(List<Object> values) {
        return values.stream().mapToDouble(v -> (Double) v).toArray();
    }
}
