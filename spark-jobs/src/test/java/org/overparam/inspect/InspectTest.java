package org.overparam.inspect;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.SparkSession;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.overparam.aggregate.AggregateJob;
import org.overparam.cli.Cli;
import org.overparam.cli.Overparam;
import org.overparam.experiment.EndPoint;
import org.overparam.experiment.EndPoints;
import org.overparam.experiment.Experiment;
import org.overparam.experiment.RunConfig;
import org.overparam.experiment.RunResult;
import org.overparam.io.Storage;
import org.overparam.spec.SpecLoader;
import org.overparam.spec.SweepSpec;
import org.overparam.sweep.CommittedRows;
import org.overparam.sweep.SweepJob;
import org.overparam.testing.TestSpark;
import org.overparam.testing.TinySweep;

/**
 * {@code overparam inspect DIR POINT_ID} on tiny sweeps that keep the default end points (those of the runs that did
 * not end GLOBAL): a stored end point, a GLOBAL point re-run and reproduced, bad input, and the figure of a sensing
 * and of a ReLU teacher–student point.
 */
class InspectTest {

    /** Two ReLU points of a few hundred population-loss steps: too few to converge, so their end points are kept. */
    static final String RELU = """
            name: relu-tiny
            seed: 3
            replicates: 1
            problem: {family: relu-teacher-student, d: 4, r: 2}
            solver: {max_iters: 300}
            grid:
              R: [2, 3]
              alpha: 1
              n: 0
            """;

    @TempDir
    static Path sweeps;

    static SparkSession spark;
    static Path tiny;
    static Path relu;

    @TempDir
    Path tmp;

    @BeforeAll
    static void runSweeps() {
        spark = TestSpark.session();
        tiny = sweeps.resolve("tiny");
        relu = sweeps.resolve("relu");
        sweep(TinySweep.SPEC, tiny);
        sweep(RELU, relu);
    }

    private static void sweep(String yaml, Path out) {
        SweepJob.run(SpecLoader.parse(yaml), yaml, new SweepJob.Options(out.toString(), "local[2]", 0, false),
                new PrintWriter(Writer.nullWriter()));
    }

    /** A point id of {@code dir} whose row matches {@code where}. */
    private static String pointWhere(Path dir, Column where) throws IOException {
        Storage storage = Storage.open(dir.toString(), new Configuration());
        return CommittedRows.read(AggregateJob.session(spark), storage).orElseThrow().filter(where)
                .select("point_id").orderBy("point_id").first().getString(0);
    }

    private static RunConfig point(String yaml, String pointId) {
        SweepSpec spec = SpecLoader.parse(yaml);
        return spec.points().stream().filter(p -> p.pointId().equals(pointId)).findFirst().orElseThrow();
    }

    private static Inspection inspect(Path dir, String pointId, List<String> progress) {
        return Inspection.of(StoredPoint.read(spark, dir.toString(), pointId)).complete(progress::add);
    }

    private static void assertFigure(Path png) throws IOException {
        assertTrue(Files.isRegularFile(png), png + " written");
        BufferedImage image = ImageIO.read(png.toFile());
        assertNotNull(image, "a PNG ImageIO decodes");
        assertEquals(InspectFigure.WIDTH, image.getWidth());
        assertEquals(InspectFigure.HEIGHT, image.getHeight());
    }

    private static Cli inspectCli(Path dir, String pointId, Path png) {
        return Cli.run("inspect", dir.toString(), pointId, "--out", png.toString(), "--master", "local[2]");
    }

    @Test
    void aStoredEndPointIsShownWithItsEvidenceAndDrawn() throws IOException {
        String id = pointWhere(tiny, col("outcome").equalTo("BAD_LOCAL_MIN"));
        Path png = tmp.resolve("bad.png");
        Cli cli = inspectCli(tiny, id, png);
        assertEquals(Overparam.OK, cli.exit(), cli::toString);
        assertEquals("", cli.err(), cli::toString);
        for (String expected : List.of("point_id            " + id, "family              quadratic-network",
                "outcome             BAD_LOCAL_MIN", "end point           stored in", "parameters          U 4×",
                "hess_lowest", "figure              " + png)) {
            assertTrue(cli.out().contains(expected), () -> expected + " in\n" + cli);
        }
        assertFalse(cli.out().contains("re-running"), cli::toString);
        assertFigure(png);

        List<String> progress = new ArrayList<>();
        Inspection in = inspect(tiny, id, progress);
        assertEquals(Inspection.Source.STORED, in.source(), "a BAD_LOCAL_MIN run computed its curvature");
        assertEquals(List.of(), progress);
        StoredRow row = in.stored().row();
        assertEquals(row.real("hess_min_eig"), in.endPoint().hessianLowest()[0]);
        RunResult alone = Experiment.run(point(TinySweep.SPEC, id));
        assertEquals(alone.endPoint(), in.endPoint());
    }

    /** A GLOBAL point kept no end point: it is run again, checked against its row, and drawn. */
    @Test
    void aGlobalPointIsReRunAndReproduced() throws IOException {
        String id = pointWhere(tiny, col("outcome").equalTo("GLOBAL"));
        Path png = tmp.resolve("global.png");
        Cli cli = inspectCli(tiny, id, png);
        assertEquals(Overparam.OK, cli.exit(), cli::toString);
        assertTrue(cli.out().contains("end point           not stored (the sweep keeps the end points of the runs"
                + " that did not end GLOBAL"), cli::toString);
        assertTrue(cli.out().contains("re-running the point in-process"), cli::toString);
        assertTrue(cli.out().contains("reproduced          the re-run's row equals the stored one"), cli::toString);
        assertFalse(cli.out().contains("NOT REPRODUCED"), cli::toString);
        assertFigure(png);

        List<String> progress = new ArrayList<>();
        Inspection in = inspect(tiny, id, progress);
        assertEquals(Inspection.Source.RERUN, in.source());
        assertEquals(1, progress.size(), progress::toString);
        assertTrue(in.reproduction().reproduced(), () -> in.reproduction().differences().toString());
        RunConfig config = point(TinySweep.SPEC, id);
        assertEquals(config, in.config());
        RunConfig keepAll = new RunConfig(config.masterSeed(), config.replicate(), config.problem(),
                config.solver().withEndPoints(EndPoints.ALL), config.rank(), config.alpha());
        EndPoint kept = Experiment.run(keepAll).endPoint();
        assertEquals(kept.parameters(), in.endPoint().parameters(), "the end point the sweep would have kept");
        assertEquals(Experiment.run(Inspection.rerunConfig(config)).endPoint(), in.endPoint(),
                "its spectrum is that of curvature: always");
        assertTrue(in.endPoint().hessianLowest().length > 0);
    }

    @Test
    void aReluPointShowsItsNeuronsAndGetsItsSpectrumComputed() throws IOException {
        String id = pointWhere(relu, col("R").equalTo(3));
        Path png = tmp.resolve("relu.png");
        Cli cli = inspectCli(relu, id, png);
        assertEquals(Overparam.OK, cli.exit(), cli::toString);
        assertTrue(cli.out().contains("family              relu-teacher-student"), cli::toString);
        assertTrue(cli.out().contains("parameters          W 4×3"), cli::toString);
        assertFigure(png);

        Inspection in = inspect(relu, id, new ArrayList<>());
        assertEquals("NOT_CONVERGED", in.stored().row().text("outcome"), "300 steps do not converge");
        assertEquals(Inspection.Source.STORED_SPECTRUM_COMPUTED, in.source());
        assertArrayEquals(Experiment.run(Inspection.rerunConfig(point(RELU, id))).endPoint().hessianLowest(),
                in.endPoint().hessianLowest(), "the spectrum the run computes with curvature: always");
    }

    @Test
    void anUnknownPointIdIsBadInputInOneLine() {
        Path png = tmp.resolve("none.png");
        Cli cli = inspectCli(tiny, "0123456789abcdef", png);
        assertEquals(Overparam.BAD_INPUT, cli.exit(), cli::toString);
        assertEquals("overparam: " + tiny + " has no row with point_id 0123456789abcdef", cli.err().strip(),
                cli::toString);
        assertEquals("", cli.out(), cli::toString);
        assertFalse(Files.exists(png));
    }

    @Test
    void aDirectoryThatIsNoSweepIsBadInputInOneLine() throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        Cli cli = inspectCli(empty, "0123456789abcdef", tmp.resolve("x.png"));
        assertEquals(Overparam.BAD_INPUT, cli.exit(), cli::toString);
        assertEquals(1, cli.err().lines().count(), cli::toString);
        assertTrue(cli.err().startsWith("overparam: " + empty + " holds no sweep"), cli::toString);

        Cli missing = inspectCli(tmp.resolve("nope"), "0123456789abcdef", tmp.resolve("x.png"));
        assertEquals(Overparam.BAD_INPUT, missing.exit(), missing::toString);
        assertTrue(missing.err().strip().endsWith("does not exist"), missing::toString);
    }

    @Test
    void aFigurePathInAMissingDirectoryIsRefusedBeforeAnythingIsRead() {
        Path png = tmp.resolve("no/such/dir/x.png");
        Cli cli = inspectCli(tiny, "0123456789abcdef", png);
        assertEquals(Overparam.BAD_INPUT, cli.exit(), cli::toString);
        assertEquals(1, cli.err().lines().count(), cli::toString);
        assertTrue(cli.err().contains("--out " + png + ": directory"), cli::toString);
    }

    /** A row the code no longer reproduces is named column by column (the command then warns). */
    @Test
    void aDifferentRowIsNotReproduced() {
        RunConfig config = point(TinySweep.SPEC, SpecLoader.parse(TinySweep.SPEC).point(0).pointId());
        RunResult result = Experiment.run(config);
        java.util.Map<String, Object> columns = new java.util.LinkedHashMap<>(org.overparam.io.Columns.toMap("tiny",
                "dev", result));
        columns.put("objective", result.objective() * 1.5);
        columns.put("wall_ms", result.wallMillis() + 1000);
        Reproduction r = Reproduction.of(new StoredRow(columns), result);
        assertFalse(r.reproduced());
        assertEquals(1, r.differences().size(), r.differences()::toString);
        assertTrue(r.differences().get(0).startsWith("objective: stored "), r.differences()::toString);
        columns.put("objective", result.objective());
        assertTrue(Reproduction.of(new StoredRow(columns), result).reproduced(), "wall_ms is not compared");
    }
}
