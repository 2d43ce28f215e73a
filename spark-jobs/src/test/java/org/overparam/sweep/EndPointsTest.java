package org.overparam.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.overparam.experiment.EndPoint;
import org.overparam.experiment.Experiment;
import org.overparam.experiment.RunResult;
import org.overparam.io.EndPointSchema;
import org.overparam.io.Storage;
import org.overparam.spec.SpecLoader;
import org.overparam.spec.SweepSpec;
import org.overparam.testing.TestSpark;
import org.overparam.testing.TinySweep;

/** The end-point table beside the rows: which runs keep one, what it holds, and that it commits with its wave. */
class EndPointsTest {

    /** The tiny sweep keeping every run's end point, several waves. */
    static final String ALL = TinySweep.SPEC.replace("solver: {", "solver: {endpoints: all, ");

    static SparkSession spark;

    @TempDir
    Path tmp;

    @BeforeAll
    static void startSpark() {
        spark = TestSpark.session();
    }

    private static void sweep(String yaml, Path out, int wavePoints) {
        SweepJob.run(SpecLoader.parse(yaml), yaml, new SweepJob.Options(out.toString(), "local[2]", wavePoints, false),
                new PrintWriter(Writer.nullWriter()));
    }

    private static String table(Path out, String name) {
        return "read_parquet('" + out.resolve(name) + "/**/*.parquet', hive_partitioning = true)";
    }

    @Test
    void byDefaultExactlyTheRunsThatDidNotEndGlobalKeepTheirEndPoint() throws Exception {
        Path out = tmp.resolve("default");
        sweep(TinySweep.SPEC, out, 4);
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement()) {
            ResultSet rs = st.executeQuery("select count(*) filter (where outcome <> 'GLOBAL'), count(*) from "
                    + table(out, "rows"));
            rs.next();
            long nonGlobal = rs.getLong(1);
            assertTrue(nonGlobal > 0 && nonGlobal < rs.getLong(2), "the tiny sweep has both kinds of run");
            rs = st.executeQuery("select count(*), count(distinct e.point_id), count(*) filter (where r.outcome ="
                    + " 'GLOBAL') from " + table(out, "endpoints") + " e join " + table(out, "rows")
                    + " r using (point_id)");
            rs.next();
            assertEquals(nonGlobal, rs.getLong(1));
            assertEquals(nonGlobal, rs.getLong(2));
            assertEquals(0, rs.getLong(3));
        }
    }

    /**
     * With {@code endpoints: all} every run has one end point, its matrices shaped as the family's (U, d×R, for a
     * quadratic network), its spectrum starting at the row's λ_min; DuckDB reads it as typed nested columns, and
     * it is the end point of the point run alone.
     */
    @Test
    void everyRunKeepsItsEndPointAsTypedMatricesThatAreThoseOfThePointRunAlone() throws Exception {
        Path out = tmp.resolve("all");
        sweep(ALL, out, 4);
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement()) {
            ResultSet rs = st.executeQuery("select count(*), count(distinct e.point_id),"
                    + " count(*) filter (where e.parameters[1].matrix = 'U' and e.parameters[1].n_rows = r.d"
                    + "   and e.parameters[1].n_cols = r.R and len(e.parameters[1].entries) = r.d * r.R"
                    + "   and len(e.parameters) = 1),"
                    + " count(*) filter (where r.hess_min_eig is not null),"
                    + " count(*) filter (where e.hess_lowest[1] = r.hess_min_eig)"
                    + " from " + table(out, "endpoints") + " e join " + table(out, "rows") + " r using (point_id)");
            rs.next();
            assertEquals(TinySweep.POINTS, rs.getLong(1));
            assertEquals(TinySweep.POINTS, rs.getLong(2));
            assertEquals(TinySweep.POINTS, rs.getLong(3));
            assertTrue(rs.getLong(4) > 0, "some runs computed their curvature");
            assertEquals(rs.getLong(4), rs.getLong(5));
            rs = st.executeQuery("describe select parameters, hess_lowest from " + table(out, "endpoints"));
            rs.next();
            assertEquals("STRUCT(matrix VARCHAR, n_rows INTEGER, n_cols INTEGER, entries DOUBLE[])[]",
                    rs.getString("column_type"));
            rs.next();
            assertEquals("DOUBLE[]", rs.getString("column_type"));
        }
        SweepSpec spec = SpecLoader.parse(ALL);
        List<Row> stored = CommittedRows.readEndPoints(spark, Storage.open(out.toString(), new Configuration()))
                .orElseThrow().collectAsList();
        for (Row row : stored) {
            String id = row.getString(row.fieldIndex("point_id"));
            RunResult alone = Experiment.run(spec.points().stream().filter(p -> p.pointId().equals(id)).findFirst()
                    .orElseThrow());
            EndPoint end = EndPointSchema.endPoint(row);
            assertEquals(alone.endPoint(), end, id);
        }
    }

    /**
     * A driver killed after committing a wave's log entry but before moving its files leaves rows and end points in
     * the wave's staging directory: readers count them there, and the next driver moves them into rows/ and
     * endpoints/, one per point.
     */
    @Test
    void aCommittedWaveLeftInItsStagingDirectoryIsReadThereAndMovedByTheNextDriver() throws Exception {
        Path out = tmp.resolve("unmoved");
        sweep(ALL, out, 4);
        Storage storage = Storage.open(out.toString(), new Configuration());
        CommitLog.Wave last = CommitLog.read(storage).waves().get(CommitLog.read(storage).waves().size() - 1);
        assertTrue(!last.files().isEmpty() && !last.endpoints().isEmpty(), last::toString);
        String staged = CommittedRows.WAVES + "/" + last.id();
        for (String file : last.files()) {
            assertTrue(storage.move(CommittedRows.ROWS + "/" + file, staged + "/" + file));
        }
        for (String file : last.endpoints()) {
            assertTrue(storage.move(CommittedRows.ENDPOINTS + "/" + file, staged + "/"
                    + CommittedRows.STAGED_ENDPOINTS + "/" + file));
        }
        assertEquals(TinySweep.POINTS, CommittedRows.read(spark, storage).orElseThrow().count());
        assertEquals(TinySweep.POINTS, CommittedRows.readEndPoints(spark, storage).orElseThrow().count());

        sweep(ALL, out, 4);
        assertTrue(java.nio.file.Files.notExists(out.resolve(CommittedRows.WAVES)), "staging cleaned");
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement()) {
            ResultSet rs = st.executeQuery("select count(*), count(distinct point_id) from " + table(out,
                    "endpoints"));
            rs.next();
            assertEquals(TinySweep.POINTS, rs.getLong(1));
            assertEquals(TinySweep.POINTS, rs.getLong(2));
        }
    }
}
