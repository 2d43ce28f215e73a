package org.overparam.sweep;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.scheduler.AccumulableInfo;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorMetricsUpdate;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.util.LongAccumulator;
import scala.Tuple4;
import scala.collection.Iterator;

/**
 * Points done by tasks still running, from the executors' heartbeats: an executor reports its running tasks'
 * accumulator values every {@code spark.executor.heartbeatInterval}, while Spark merges them into the accumulator
 * only when a task ends. Progress adds the two, so it moves during a wave of long tasks instead of waiting for the
 * first to finish. A task's count leaves this map when it ends (succeeded: it is in the accumulator; failed: its
 * points are not done).
 */
final class RunningPoints extends SparkListener {

    private final long accumulatorId;
    private final Map<Long, Long> byTask = new ConcurrentHashMap<>();

    RunningPoints(LongAccumulator pointsDone) {
        this.accumulatorId = pointsDone.id();
    }

    /** Points the running tasks have done so far. */
    long count() {
        return byTask.values().stream().mapToLong(Long::longValue).sum();
    }

    @Override
    public void onExecutorMetricsUpdate(SparkListenerExecutorMetricsUpdate update) {
        Iterator<Tuple4<Object, Object, Object, scala.collection.immutable.Seq<AccumulableInfo>>> tasks =
                update.accumUpdates().iterator();
        while (tasks.hasNext()) {
            Tuple4<Object, Object, Object, scala.collection.immutable.Seq<AccumulableInfo>> task = tasks.next();
            long taskId = (Long) task._1();
            Iterator<AccumulableInfo> infos = task._4().iterator();
            while (infos.hasNext()) {
                AccumulableInfo info = infos.next();
                if (info.id() == accumulatorId && info.update().isDefined()) {
                    byTask.put(taskId, ((Number) info.update().get()).longValue());
                }
            }
        }
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd end) {
        byTask.remove(end.taskInfo().taskId());
    }
}
