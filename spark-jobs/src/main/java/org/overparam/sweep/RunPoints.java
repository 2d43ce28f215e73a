package org.overparam.sweep;

import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.util.LongAccumulator;
import org.overparam.experiment.Experiment;
import org.overparam.experiment.RunConfig;
import org.overparam.experiment.RunResult;
import org.overparam.io.ResultSchema;
import org.overparam.spec.SpecLoader;
import org.overparam.spec.SweepSpec;

/**
 * The work of a Spark task: for each task (an array of point indices) run every point with
 * {@link Experiment#run} and yield its row. Rows are produced one at a time as the writer pulls them, and each
 * instance is prepared once for the consecutive points that share it (the paired design).
 *
 * <p>Ships the spec as YAML text, not as objects: executors rebuild the points from the same text with the same
 * code, which is what makes a row a function of its point alone.
 */
public final class RunPoints implements FlatMapFunction<Iterator<long[]>, Row> {

    private static final long serialVersionUID = 1L;

    private final String specYaml;
    private final String codeVersion;
    private final LongAccumulator pointsDone;

    public RunPoints(String specYaml, String codeVersion, LongAccumulator pointsDone) {
        this.specYaml = specYaml;
        this.codeVersion = codeVersion;
        this.pointsDone = pointsDone;
    }

    @Override
    public Iterator<Row> call(Iterator<long[]> tasks) {
        SweepSpec spec = SpecLoader.parse(specYaml);
        return new Rows(spec, tasks);
    }

    /** Lazily runs the points of the partition's tasks. */
    private final class Rows implements Iterator<Row> {
        private final SweepSpec spec;
        private final Iterator<long[]> tasks;
        private long[] task = new long[0];
        private int next;
        private Experiment.Prepared prepared;
        private double preparedReferenceTol;

        Rows(SweepSpec spec, Iterator<long[]> tasks) {
            this.spec = spec;
            this.tasks = tasks;
        }

        @Override
        public boolean hasNext() {
            while (next == task.length && tasks.hasNext()) {
                task = tasks.next();
                next = 0;
            }
            return next < task.length;
        }

        @Override
        public Row next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            RunConfig config = spec.point(task[next++]);
            Row row = ResultSchema.row(spec.name(), codeVersion, runOrRecordFailure(config));
            pointsDone.add(1);
            return row;
        }

        /**
         * A point that throws becomes a FAILED row rather than a failed task: Spark's retries would throw
         * again (runs are deterministic) and abort the wave, losing every other point of the task.
         */
        private RunResult runOrRecordFailure(RunConfig config) {
            long start = System.nanoTime();
            try {
                FaultInjection.check(config.pointId());
                return Experiment.run(prepare(config), config);
            } catch (RuntimeException e) {
                prepared = null;
                return RunResult.failed(config, e, (System.nanoTime() - start) / 1_000_000);
            }
        }

        /** The instance of {@code config}, reused while consecutive points share it. */
        private Experiment.Prepared prepare(RunConfig config) {
            double referenceTol = config.solver().referenceTol();
            if (prepared == null || prepared.instanceSeed() != config.instanceSeed()
                    || preparedReferenceTol != referenceTol) {
                prepared = Experiment.prepare(config);
                preparedReferenceTol = referenceTol;
            }
            return prepared;
        }
    }
}
