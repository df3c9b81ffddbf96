package org.flowlab.sim.stream;

import org.flowlab.sim.cluster.ClusterSpec;
import org.flowlab.sim.job.KeyedProcess;
import org.flowlab.sim.job.Operator;
import org.flowlab.sim.job.SessionWindows;
import org.flowlab.sim.job.WindowAggregate;
import org.flowlab.workloads.Trace;

/**
 * The tasks of one incarnation of a {@link StreamRun} and the channels between them: a source task
 * per partition, then each keyed stage's parallel tasks, every task of a stage fed by a channel from
 * every task of the one before, each placed on its slot's worker. Built from fresh function
 * instances, and restored from a checkpoint when the run restarts from one.
 */
final class TaskGraph {
    final SourceTask[] sources;
    /** The keyed stages after the sources, each its tasks by index. */
    final KeyedTask[][] stages;
    /** Every task, by slot: the sources, then the keyed stages in order. */
    final Task[] tasks;

    /** The tasks of {@code run}, made at {@code t}, restored from {@code from} if given; each source reads its log. */
    TaskGraph(StreamRun run, int[][] logs, CheckpointCoordinator.Completed from, long t) {
        StreamConfig config = run.config;
        ClusterSpec cluster = config.cluster();
        int partitions = config.sourcePartitions();
        int parallelism = config.parallelism();
        int stageCount = run.plan.stages();
        tasks = new Task[partitions + (stageCount - 1) * parallelism];
        sources = new SourceTask[partitions];
        for (int p = 0; p < partitions; p++) {
            sources[p] = new SourceTask(run, p, p, cluster.workerOfSlot(p), logs[p], t);
            tasks[p] = sources[p];
        }
        stages = new KeyedTask[stageCount - 1][];
        for (int s = 1; s < stageCount; s++) {
            KeyedTask[] stage = new KeyedTask[parallelism];
            for (int j = 0; j < parallelism; j++) {
                int slot = partitions + (s - 1) * parallelism + j;
                stage[j] = new KeyedTask(run, s, j, slot, cluster.workerOfSlot(j), newOperator(run, run.plan.stateful[s]));
                tasks[slot] = stage[j];
            }
            stages[s - 1] = stage;
            Task[] producers = s == 1 ? sources : stages[s - 2];
            for (Task producer : producers) {
                producer.outputs = new Channel[parallelism];
            }
            for (int j = 0; j < parallelism; j++) {
                Channel[] in = new Channel[producers.length];
                for (int i = 0; i < producers.length; i++) {
                    in[i] = new Channel(producers[i], stage[j], i, config.channelCapacity());
                    producers[i].outputs[j] = in[i];
                }
                stage[j].connect(in);
            }
        }
        if (from != null) {
            for (Task task : tasks) {
                Object snapshot = from.snapshots()[task.slot];
                if (task instanceof SourceTask s) {
                    s.restore((SourceTask.Snapshot) snapshot);
                } else {
                    ((KeyedTask) task).restore((KeyedTask.Snapshot) snapshot);
                }
                task.lastAckedCheckpoint = from.id();
            }
        }
    }

    /** The stateful step at {@code opIndex} of the plan, a fresh instance; null for -1. */
    private static StatefulOperator newOperator(StreamRun run, int opIndex) {
        if (opIndex < 0) {
            return null;
        }
        StreamConfig config = run.config;
        Operator op = run.plan.ops[opIndex];
        boolean last = run.job.isLast(opIndex);
        if (op instanceof WindowAggregate w) {
            if (w.window() instanceof SessionWindows session) {
                return new SessionOperator(w, session.gap(), opIndex, last, config.eventTime(), run.job.name());
            }
            return new WindowOperator(w, opIndex, last, config.eventTime(), config.output(), run.job.name(),
                    config.checkpointing() && run.restorable);
        }
        return new ProcessOperator((KeyedProcess) op, opIndex, last, opIndex == run.plan.lastStateful,
                config.eventTime(), config.output(), run.job.name(), config.checkpointing() && run.restorable);
    }

    /** Each partition's log: the trace positions of its records (by key hash), in the trace's order. */
    static int[][] partitionLogs(Trace trace, int partitions) {
        int[] counts = new int[partitions];
        int[] partitionOf = new int[trace.size()];
        for (int i = 0; i < trace.size(); i++) {
            partitionOf[i] = StreamRecord.partition(trace.key(i), partitions);
            counts[partitionOf[i]]++;
        }
        int[][] logs = new int[partitions][];
        for (int p = 0; p < partitions; p++) {
            logs[p] = new int[counts[p]];
        }
        int[] fill = new int[partitions];
        for (int i = 0; i < trace.size(); i++) {
            int p = partitionOf[i];
            logs[p][fill[p]++] = i;
        }
        return logs;
    }
}
