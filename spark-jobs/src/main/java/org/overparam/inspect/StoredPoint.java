package org.overparam.inspect;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.overparam.aggregate.AggregateJob;
import org.overparam.cli.BadInputException;
import org.overparam.experiment.EndPoint;
import org.overparam.io.EndPointSchema;
import org.overparam.io.Storage;
import org.overparam.sweep.CommittedRows;

/**
 * What a sweep directory holds of one point: its committed row and, when the sweep kept it, its end point.
 *
 * @param dir      the sweep directory as the user named it
 * @param storage  the sweep directory
 * @param pointId  the point's id
 * @param row      its row
 * @param endPoint its stored end point, or null when the directory holds none for it
 */
public record StoredPoint(String dir, Storage storage, String pointId, StoredRow row, EndPoint endPoint) {

    /**
     * Reads the row of {@code pointId} from the committed rows of {@code dir}, and its end point from
     * {@code dir/endpoints}.
     *
     * @throws BadInputException when {@code dir} is no sweep directory or holds no row with that id
     */
    public static StoredPoint read(SparkSession spark, String dir, String pointId) {
        Storage storage = AggregateJob.sweepDirectory(dir);
        SparkSession session = AggregateJob.session(spark);
        Row row = first(rows(session, storage, dir), pointId).orElseThrow(() -> new BadInputException(dir
                + " has no row with point_id " + pointId + (pointId.matches("[0-9a-f]{16}") ? ""
                : " (point ids are 16 lower-case hex digits, as in the point_id column)")));
        Optional<Row> end;
        try {
            end = CommittedRows.readEndPoints(session, storage).flatMap(e -> first(e, pointId));
        } catch (IOException e) {
            throw new BadInputException("cannot read the end points in " + storage.uri(CommittedRows.ENDPOINTS)
                    + ": " + e.getMessage());
        }
        return new StoredPoint(dir, storage, pointId, StoredRow.of(row), end.map(EndPointSchema::endPoint)
                .orElse(null));
    }

    private static Dataset<Row> rows(SparkSession session, Storage storage, String dir) {
        try {
            return CommittedRows.read(session, storage).orElseThrow(() -> new BadInputException(dir
                    + " holds no committed rows"));
        } catch (IOException e) {
            throw new BadInputException("cannot read the rows in " + storage.uri(CommittedRows.ROWS) + ": "
                    + e.getMessage());
        }
    }

    /** The first row with this point id (an older version may have left duplicates: each is the same run). */
    private static Optional<Row> first(Dataset<Row> rows, String pointId) {
        List<Row> found = rows.filter(col("point_id").equalTo(pointId)).limit(1).collectAsList();
        return found.stream().findFirst();
    }

    /** The sweep's name, as its row says. */
    public String sweep() {
        return row.text("sweep");
    }
}
