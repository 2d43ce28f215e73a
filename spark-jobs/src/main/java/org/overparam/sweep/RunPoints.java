package org.overparam.sweep;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.NoSuchElementException;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.util.CollectionAccumulator;
import org.apache.spark.util.LongAccumulator;
import org.overparam.certify.Outcome;
import org.overparam.experiment.Experiment;
import org.overparam.experiment.RunConfig;
import org.overparam.experiment.RunResult;
import org.overparam.io.EndPointSchema;
import org.overparam.io.ParquetFiles;
import org.overparam.io.ResultSchema;
import org.overparam.spec.CostModel;
import org.overparam.spec.SpecLoader;
import org.overparam.spec.SweepSpec;

/**
 * The work of a Spark task: run every point of its tasks (arrays of point indices in run order, see
 * {@link WavePlan}) and write their rows, one lock-step batch at a time as the writer pulls them, to one Parquet
 * file in the wave's staging directory; the task returns that file's name, and the driver commits the files of the
 * attempts that succeeded (a failed attempt's file, named by its attempt number, is never committed).
 *
 * <p>A task's points are taken an instance group at a time (the cells that share an instance, for a range of
 * replicates): each replicate's instance is prepared once, and all those points run as one lock-step batch
 * ({@link Experiment#runBatch}), in which the family shares what it can (a SIMD kernel for the runs of one shape
 * across replicates, one pass over an instance's data for its runs). Replicates are taken in chunks of at most
 * {@value #BATCH_REPLICATES} whose instances fit {@value #BATCH_BYTES} bytes, so a batch of large dense instances
 * does not hold them all at once.
 * Which points share a batch never changes a row: each lane computes exactly its run's scalar arithmetic.
 *
 * <p>Ships the spec as YAML text, not as objects: executors rebuild the points from the same text with the same
 * code, which is what makes a row a function of its point alone.
 */
public final class RunPoints implements FlatMapFunction<Iterator<long[]>, String> {

    private static final long serialVersionUID = 1L;

    /** Instance data a batch may hold at once (its lanes' operators and data). */
    static final long BATCH_BYTES = 256L << 20;

    /**
     * Replicates a batch takes at most: hundreds of lanes fill the SIMD kernels as well as thousands do (measured:
     * the same time for 90,000 quick-start runs), and a batch's rows, counted as it ends, keep progress moving.
     */
    static final long BATCH_REPLICATES = 256;

    private final String specYaml;
    private final String codeVersion;
    private final LongAccumulator pointsDone;
    private final Map<Outcome, LongAccumulator> outcomes;
    private final CollectionAccumulator<Row> endPoints;
    private final ParquetFiles files;
    private final String staging;
    private final String wave;

    /**
     * @param pointsDone counts the rows produced
     * @param outcomes   counts them per outcome (one accumulator for every outcome)
     * @param endPoints  collects the end points the runs keep ({@link EndPointSchema} rows): like the counts, a
     *                   task's are applied once, when it succeeds, so they are exactly those of the rows written
     * @param files      the rows' files ({@link ResultSchema})
     */
    public RunPoints(String specYaml, String codeVersion, LongAccumulator pointsDone,
                     Map<Outcome, LongAccumulator> outcomes, CollectionAccumulator<Row> endPoints, ParquetFiles files) {
        this(specYaml, codeVersion, pointsDone, outcomes, endPoints, files, null, null);
    }

    private RunPoints(String specYaml, String codeVersion, LongAccumulator pointsDone,
                      Map<Outcome, LongAccumulator> outcomes, CollectionAccumulator<Row> endPoints, ParquetFiles files,
                      String staging, String wave) {
        this.specYaml = specYaml;
        this.codeVersion = codeVersion;
        this.pointsDone = pointsDone;
        this.outcomes = outcomes;
        this.endPoints = endPoints;
        this.files = files;
        this.staging = staging;
        this.wave = wave;
    }

    /** This work for wave {@code id}, whose files go below {@code staging}. */
    RunPoints forWave(String staging, String id) {
        return new RunPoints(specYaml, codeVersion, pointsDone, outcomes, endPoints, files, staging, id);
    }

    /** File names in the wave: {@code part-PARTITION-WAVE-aATTEMPT}, unique across waves, drivers and attempts. */
    static String fileName(int partition, String wave, int attempt) {
        return String.format("part-%05d-%s-a%d", partition, wave, attempt);
    }

    @Override
    public Iterator<String> call(Iterator<long[]> tasks) {
        CompilerPolicy.install();
        SweepSpec spec = SpecLoader.parse(specYaml);
        TaskContext context = TaskContext.get();
        String file = files.write(staging, fileName(context.partitionId(), wave, context.attemptNumber()),
                context.attemptNumber(), new Rows(spec, tasks));
        return file == null ? Collections.emptyIterator() : List.of(file).iterator();
    }

    /** Lazily runs the points of the partition's tasks, a batch at a time. */
    private final class Rows implements Iterator<Row> {
        private final SweepSpec spec;
        private final Iterator<long[]> tasks;
        private final ArrayDeque<Row> ready = new ArrayDeque<>();
        private long[] task = new long[0];
        private int next;

        Rows(SweepSpec spec, Iterator<long[]> tasks) {
            this.spec = spec;
            this.tasks = tasks;
        }

        @Override
        public boolean hasNext() {
            while (ready.isEmpty()) {
                while (next == task.length && tasks.hasNext()) {
                    task = tasks.next();
                    next = 0;
                }
                if (next == task.length) {
                    return false;
                }
                runGroup();
            }
            return true;
        }

        @Override
        public Row next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return ready.poll();
        }

        /**
         * Runs the next stretch of the task that shares one instance group (consecutive points in run order whose
         * replicates' instances fit the batch budget) as one lock-step batch.
         */
        private void runGroup() {
            RunConfig first = spec.point(task[next]);
            long group = spec.instanceGroup(task[next]);
            long fit = Math.max(1, Math.min(BATCH_REPLICATES, BATCH_BYTES / CostModel.instanceBytes(first)));
            List<RunConfig> batch = new ArrayList<>();
            Set<Integer> replicates = new HashSet<>();
            while (next < task.length && spec.instanceGroup(task[next]) == group) {
                RunConfig config = spec.point(task[next]);
                if (!replicates.contains(config.replicate()) && replicates.size() == fit) {
                    break;
                }
                replicates.add(config.replicate());
                batch.add(config);
                next++;
            }
            runBatch(batch);
        }

        /**
         * The points as one lock-step batch (the family's batched objective shares what their lanes allow); a
         * point that throws becomes a FAILED row and the others keep theirs.
         */
        private void runBatch(List<RunConfig> points) {
            Map<String, Experiment.Prepared> instances = new HashMap<>();
            List<RunConfig> configs = new ArrayList<>(points.size());
            List<Experiment.Prepared> prepared = new ArrayList<>(points.size());
            for (RunConfig config : points) {
                long start = System.nanoTime();
                try {
                    FaultInjection.check(config.pointId());
                    prepared.add(prepare(config, instances));
                    configs.add(config);
                } catch (RuntimeException e) {
                    emit(RunResult.failed(config, e, (System.nanoTime() - start) / 1_000_000));
                }
            }
            if (configs.isEmpty()) {
                return;
            }
            List<RunResult> results;
            try {
                results = Experiment.runBatch(prepared, configs);
            } catch (RuntimeException batchFailed) {
                // Find the point that throws: alone, every other point still gets its row.
                for (int j = 0; j < configs.size(); j++) {
                    emit(runAlone(prepared.get(j), configs.get(j)));
                }
                return;
            }
            results.forEach(this::emit);
        }

        private RunResult runAlone(Experiment.Prepared prepared, RunConfig config) {
            long start = System.nanoTime();
            try {
                return Experiment.run(prepared, config);
            } catch (RuntimeException e) {
                return RunResult.failed(config, e, (System.nanoTime() - start) / 1_000_000);
            }
        }

        /** The instance of {@code config}'s replicate (and reference tolerance), prepared once per group. */
        private Experiment.Prepared prepare(RunConfig config, Map<String, Experiment.Prepared> instances) {
            String key = config.instanceSeed() + "|" + config.solver().referenceTol();
            Experiment.Prepared p = instances.get(key);
            if (p == null) {
                p = Experiment.prepare(config);
                instances.put(key, p);
            }
            return p;
        }

        private void emit(RunResult result) {
            ready.add(ResultSchema.row(spec.name(), codeVersion, result));
            if (result.endPoint() != null) {
                endPoints.add(EndPointSchema.row(spec.name(), result));
            }
            pointsDone.add(1);
            outcomes.get(result.outcome()).add(1);
        }
    }
}
