package org.overparam.sweep;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.CollectionAccumulator;
import org.apache.spark.util.LongAccumulator;
import org.overparam.certify.Outcome;
import org.overparam.cli.BadInputException;
import org.overparam.experiment.EndPoints;
import org.overparam.experiment.RunConfig;
import org.overparam.io.CodeVersion;
import org.overparam.io.EndPointSchema;
import org.overparam.io.HadoopConf;
import org.overparam.io.ParquetFiles;
import org.overparam.io.ResultSchema;
import org.overparam.spec.CostModel;
import org.overparam.spec.PointMap;
import org.overparam.spec.SpecError;
import org.overparam.spec.SpecLoader;
import org.overparam.spec.SweepSpec;

/**
 * {@code overparam sweep}: expand the grid, drop the points already in DIR, run the rest on Spark in committed
 * waves, and record the manifest. Reads like its plan (README, “How a sweep runs fast” and “Running on a
 * cluster”).
 */
public final class SweepJob {

    /** How often progress is logged when the output is not a terminal. */
    private static final Duration LOG_EVERY = Duration.ofSeconds(10);

    private SweepJob() {
    }

    /**
     * What a sweep run did.
     *
     * @param points          points in the spec
     * @param alreadyDone     of those, points whose rows were already in DIR
     * @param computed        points computed by this run
     * @param countsByOutcome rows per outcome in DIR at the end
     */
    public record Summary(long points, long alreadyDone, long computed, Map<String, Long> countsByOutcome) {
    }

    /**
     * Settings of a sweep run.
     *
     * @param out        the output directory DIR: a local path or a Hadoop file system URI
     * @param master     Spark master URL, or null for spark-submit's or embedded local mode
     * @param wavePoints points per committed wave, 0 for the default
     * @param terminal   whether progress may redraw a bar
     * @param refines    for {@code refine}: the experiment's spec that this spec refines (some of its cells with
     *                   more replicates, or axis values between its grid's), which the directory and its manifest
     *                   keep describing; null for a sweep of its own
     */
    public record Options(String out, String master, int wavePoints, boolean terminal, SweepSpec refines) {

        public Options(String out, String master, int wavePoints, boolean terminal) {
            this(out, master, wavePoints, terminal, null);
        }
    }

    public static Summary run(SweepSpec spec, String specYaml, Options options, PrintWriter log) {
        KernelWarmup.startIfUseful(spec, options.master());
        SweepDirectory dir = SweepDirectory.open(options.out(), spec, HadoopConf.fromSystemProperties());
        String started = Instant.now().toString();
        SparkSession spark = start(options.master(), spec.name());
        WriterLease lease = take(dir, options.out());
        try (lease) {
            dir.recover(lease);
            return run(spec, specYaml, options, log, spark, dir, lease, started);
        } catch (IOException e) {
            throw new SweepFailure("cannot write " + dir.root() + ": " + e.getMessage() + "; the waves committed"
                    + " before stay; fix the output and rerun the same command to compute the rest", e);
        }
    }

    /** A Spark session for the sweep; a master that cannot be used ends the command in one line. */
    private static SparkSession start(String master, String name) {
        SparkSession spark;
        try {
            spark = SparkSessions.get(master, "overparam sweep " + name);
        } catch (SweepFailure e) {
            throw e;
        } catch (Exception e) { // Spark's failures are Scala exceptions, checked or not
            throw new SweepFailure("cannot start Spark on " + (master != null ? master : "the default master")
                    + ": " + rootCause(e) + "; nothing was written", e);
        }
        // The session's queries (reading DIR's rows to resume, --report's aggregation) touch a few small rows per run:
        // compiling Spark's generated code (Janino, about a second per JVM) costs more than interpreting them saves.
        spark.conf().set("spark.sql.codegen.wholeStage", "false");
        spark.conf().set("spark.sql.codegen.factoryMode", "NO_CODEGEN");
        return spark;
    }

    /** The directory's lease; an output that cannot be written is bad input. */
    private static WriterLease take(SweepDirectory dir, String out) {
        try {
            return dir.lease();
        } catch (IOException e) {
            throw new BadInputException("--out " + out + " cannot be written: " + e.getMessage()
                    + "; choose a directory this user can write");
        }
    }

    /** The spec a run entry of the log recorded under this hash, if one did and it still reads. */
    private static Optional<SweepSpec> recorded(CommitLog log, String hash) {
        return log.runs().stream().filter(r -> hash.equals(r.specHash())).findFirst().flatMap(r -> {
            try {
                return Optional.of(SpecLoader.parse(r.normalizedSpec()));
            } catch (SpecError e) {
                return Optional.empty();
            }
        });
    }

    private static Summary run(SweepSpec spec, String specYaml, Options options, PrintWriter log,
                               SparkSession spark, SweepDirectory dir, WriterLease lease, String started)
            throws IOException {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        String master = spark.sparkContext().master();
        SweepSpec refines = options.refines();
        lease.append(new CommitLog.Run(spec.hash(), spec.normalized(), CodeVersion.get(), master, spec.count(),
                started, refines == null ? null : refines.hash()));

        // Points already done: from the log alone when every committed wave recorded its positions, under this spec
        // or one it extends (a rerun, a grown grid); else from the committed rows' point ids.
        long[] pending;
        Map<String, Long> doneCounts = new TreeMap<>();
        Optional<Coverage> coverage = Coverage.of(lease.log().waves(), spec, hash -> recorded(lease.log(), hash)
                .flatMap(earlier -> PointMap.between(earlier, spec)));
        if (coverage.isPresent()) {
            pending = coverage.get().uncovered(spec.count()).map(spec::indexAt).toArray();
            doneCounts.putAll(coverage.get().outcomes());
        } else {
            SweepDirectory.Done done = dir.doneOutcomes(spark, lease.log());
            Map<String, String> doneOutcomes = done.outcomes();
            // In run order without sorting (indexAt inverts runOrder); point ids only when something is to skip.
            pending = LongStream.range(0, spec.count()).map(spec::indexAt)
                    .filter(i -> doneOutcomes.isEmpty() || !doneOutcomes.containsKey(spec.point(i).pointId()))
                    .toArray();
            doneOutcomes.values().forEach(o -> doneCounts.merge(o, 1L, Long::sum));
            if (done.duplicates() > 0) {
                log.printf("note: %,d rows in %s repeat a point (written by an older version); each point counts"
                        + " once%n", done.duplicates(), dir.rows());
            }
        }
        long alreadyDone = spec.count() - pending.length;
        log.printf("sweep %s: %,d points, %,d already in %s, %,d to run on %s%n", spec.name(), spec.count(),
                alreadyDone, dir.root(), pending.length, master);

        List<Manifest.Run> history = lease.log().runs().stream().map(r -> new Manifest.Run(r.started(),
                r.specHash(), r.codeVersion(), r.master(), r.points(), r.refines())).toList();
        // A refinement's manifest describes the experiment it refines, and counts every row in the directory.
        SweepSpec experiment = refines == null ? spec : refines;
        long rowsBefore = doneCounts.values().stream().mapToLong(Long::longValue).sum();
        Manifest manifest = new Manifest(experiment.name(), experiment.seed(), experiment.hash(),
                experiment.normalized(), CodeVersion.get(), spark.version(), master, started, null,
                refines == null ? spec.count() : rowsBefore + pending.length,
                refines == null ? alreadyDone : rowsBefore, Map.of(), history);
        dir.write(manifest);

        // A point's cost is its cell's (replicates differ only in their seeds): one estimate per cell.
        double[] cellFlops = new double[Math.toIntExact(spec.cellCount())];
        double[] cellEndPointBytes = new double[cellFlops.length];
        for (int c = 0; c < cellFlops.length; c++) {
            RunConfig point = spec.point(c);
            cellFlops[c] = CostModel.runFlops(point);
            cellEndPointBytes[c] = point.solver().endPoints() == EndPoints.NONE ? 0 : CostModel.endPointBytes(point);
        }
        WavePlan plan = WavePlan.of(pending, spark.sparkContext().defaultParallelism(), options.wavePoints(),
                i -> cellFlops[(int) (i % cellFlops.length)], i -> cellEndPointBytes[(int) (i % cellFlops.length)],
                spec::instanceOf);
        // Rows and outcomes of committed tasks: Spark applies a task's accumulator updates once, and only when the
        // task succeeded, so after the last wave they count exactly the rows committed (no re-read of DIR needed).
        LongAccumulator pointsDone = spark.sparkContext().longAccumulator("points done");
        Map<Outcome, LongAccumulator> outcomes = new EnumMap<>(Outcome.class);
        for (Outcome o : Outcome.values()) {
            outcomes.put(o, spark.sparkContext().longAccumulator("outcome " + o.name()));
        }
        // Unnamed, so that Spark's UI and event logs do not show (and print) every end point of a task.
        CollectionAccumulator<Row> endPoints = new CollectionAccumulator<>();
        spark.sparkContext().register(endPoints);
        RunPoints work = new RunPoints(specYaml, CodeVersion.get(), pointsDone, outcomes, endPoints,
                ParquetFiles.prepare(spark, ResultSchema.SCHEMA));
        RunningPoints running = new RunningPoints(pointsDone);
        spark.sparkContext().addSparkListener(running);
        try {
            runWaves(spec, options, log, dir, lease, jsc, plan, work, ParquetFiles.prepare(spark, EndPointSchema.SCHEMA),
                    pointsDone, outcomes, endPoints, running, alreadyDone, pending.length);
        } finally {
            spark.sparkContext().removeSparkListener(running);
        }

        if (pointsDone.value() != pending.length) {
            throw new IllegalStateException("after the last wave " + (pending.length - pointsDone.value()) + " of "
                    + spec.count() + " points have no row in " + dir.rows());
        }
        Map<String, Long> counts = new TreeMap<>(doneCounts);
        outcomes.forEach((o, n) -> {
            if (n.value() > 0) {
                counts.merge(o.name(), n.value(), Long::sum);
            }
        });
        dir.write(manifest.finish(Instant.now().toString(),
                refines == null ? spec.count() : rowsBefore + pending.length, counts));
        log.printf("done: %,d rows for %,d points in %s; outcomes %s%n", alreadyDone + pointsDone.value(),
                spec.count(), dir.rows(), counts);
        return new Summary(spec.count(), alreadyDone, pending.length, counts);
    }

    /**
     * The waves of {@code plan}, each written to its staging directory (a file per task, and the driver writes the
     * wave's end points), committed, and moved into rows/.
     */
    private static void runWaves(SweepSpec spec, Options options, PrintWriter log, SweepDirectory dir,
                                 WriterLease lease, JavaSparkContext jsc, WavePlan plan, RunPoints work,
                                 ParquetFiles endPointFiles, LongAccumulator pointsDone,
                                 Map<Outcome, LongAccumulator> outcomes, CollectionAccumulator<Row> endPoints,
                                 RunningPoints running, long alreadyDone, long pending) {
        AtomicLong committed = new AtomicLong(alreadyDone);
        try (Interruption interruption = Interruption.install(System.err, options.terminal(), committed::get,
                     spec.count(), lease);
             Progress progress = new Progress(log, pending, () -> pointsDone.value() + running.count(),
                     options.terminal(), LOG_EVERY, interruption::fired)) {
            List<List<long[]>> waves = plan.waves();
            for (int w = 0; w < waves.size(); w++) {
                List<long[]> tasks = waves.get(w);
                String id = "e" + lease.epoch() + "-w" + (w + 1);
                jsc.setJobDescription("overparam " + spec.name() + " wave " + (w + 1) + "/" + waves.size());
                JavaRDD<String> files = jsc.parallelize(tasks, tasks.size())
                        .mapPartitions(work.forWave(dir.staging(id), id));
                long before = pointsDone.value();
                Map<Outcome, Long> outcomesBefore = snapshot(outcomes);
                endPoints.reset();
                try {
                    List<String> rowFiles = files.collect();
                    List<Row> ends = endPoints.value();
                    List<String> endFiles = ends.isEmpty() ? List.of() : List.of(endPointFiles.write(
                            dir.stagingEndPoints(id), RunPoints.fileName(0, id, 0), 0, ends.iterator()));
                    Map<String, Long> waveOutcomes = new TreeMap<>();
                    outcomes.forEach((o, n) -> {
                        long added = n.value() - outcomesBefore.get(o);
                        if (added > 0) {
                            waveOutcomes.put(o.name(), added);
                        }
                    });
                    long[] positions = tasks.stream().flatMapToLong(LongStream::of).map(spec::runOrder).toArray();
                    dir.commit(lease, id, rowFiles, endFiles, pointsDone.value() - before, spec.hash(),
                            Coverage.ranges(positions), waveOutcomes);
                    committed.addAndGet(tasks.stream().mapToInt(t -> t.length).sum());
                } catch (Exception e) { // Spark's failures are Scala exceptions, checked or not
                    if (interruption.fired()) {
                        throw new SweepInterrupted();
                    }
                    if (e instanceof SweepFailure failure) {
                        throw failure;
                    }
                    throw new SweepFailure("cannot write wave " + (w + 1) + "/" + waves.size() + " to " + dir.rows()
                            + " (staged in " + dir.staging(id) + "): " + rootCause(e) + "; the " + w + " waves"
                            + " committed before stay; fix the output and rerun the same command to compute the"
                            + " rest", e);
                }
                log.printf("%swave %d/%d committed (%,d points)%n", options.terminal() ? Progress.REDRAW : "", w + 1,
                        waves.size(), tasks.stream().mapToInt(t -> t.length).sum());
            }
        }
    }

    private static Map<Outcome, Long> snapshot(Map<Outcome, LongAccumulator> outcomes) {
        Map<Outcome, Long> values = new EnumMap<>(Outcome.class);
        outcomes.forEach((o, n) -> values.put(o, n.value()));
        return values;
    }

    private static String rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return String.valueOf(t.getMessage() == null ? t : t.getMessage()).lines().findFirst().orElse("");
    }

}
