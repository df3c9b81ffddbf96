package org.flowlab.sim.batch;

import java.util.ArrayList;
import java.util.List;
import org.flowlab.sim.cluster.CostModel;

/**
 * A run's physical plan: start-up, then stages of tasks — map (the steps before the first keyBy),
 * then one stage per stateful step after its shuffle — then the commit. Each task's cost is its
 * service time before slowdowns, from the cost model: per-task overhead, per record, per record
 * written to the next shuffle. Map tasks split the run's records evenly by the target task size;
 * a reduce stage's tasks each take the keys of some hash buckets, so a hot key makes a big task.
 *
 * @param startup     the run's start-up, nanoseconds
 * @param commit      the commit, nanoseconds
 * @param stages      each stage's task costs, in dispatch order
 * @param mapRecords  the records each map task reads (stage 0), for throughput
 */
record RunPlan(long startup, long commit, List<long[]> stages, long[] mapRecords) {

    /** Whether stage {@code s}'s outputs live on its workers (every stage but the last). */
    boolean intermediate(int s) {
        return s < stages.size() - 1;
    }

    int taskCount() {
        int n = 0;
        for (long[] s : stages) {
            n += s.length;
        }
        return n;
    }

    /** The costs that apply: a batch run's or a micro-batch trigger's start-up, task overhead and commit. */
    record Costs(long startup, long taskOverhead, long commit, long record, long shuffleRecord) {
        static Costs batch(CostModel c) {
            return new Costs(c.batchRunStartupNanos(), c.batchTaskOverheadNanos(), c.batchCommitNanos(),
                    c.batchRecordNanos(), c.batchShuffleRecordNanos());
        }

        static Costs microBatch(CostModel c) {
            return new Costs(c.microBatchStartupNanos(), c.microBatchTaskOverheadNanos(), c.microBatchCommitNanos(),
                    c.batchRecordNanos(), c.batchShuffleRecordNanos());
        }
    }

    /** The plan of a run that does {@code delta}'s work. */
    static RunPlan of(RunDelta delta, Costs costs, long targetTaskRecords) {
        List<long[]> stages = new ArrayList<>();
        int last = delta.work.length - 1;
        // Map: even splits of the run's records; its output is shuffled only if a stateful step follows.
        RunDelta.StageWork map = delta.work[0];
        long[] mapRecords = new long[0];
        if (map.rows > 0) {
            int tasks = (int) Math.min(Integer.MAX_VALUE, ceilDiv(map.rows, targetTaskRecords));
            mapRecords = new long[tasks];
            long[] cost = new long[tasks];
            for (int t = 0; t < tasks; t++) {
                long records = share(map.rows, tasks, t);
                long out = last > 0 ? share(map.out, tasks, t) : 0;
                mapRecords[t] = records;
                cost[t] = costs.taskOverhead() + records * costs.record() + out * costs.shuffleRecord();
            }
            stages.add(cost);
        }
        for (int s = 1; s <= last; s++) {
            RunDelta.StageWork w = delta.work[s];
            if (w.rows == 0 && w.out == 0) {
                continue;
            }
            int tasks = (int) Math.max(1, Math.min(RunDelta.StageWork.BUCKETS, ceilDiv(w.rows, targetTaskRecords)));
            long[] rows = new long[tasks];
            if (tasks == 1) {
                rows[0] = w.rows;
            } else {
                // Bucket b goes to task b mod tasks.
                for (int b = 0, t = 0; b < RunDelta.StageWork.BUCKETS; b++) {
                    rows[t] += w.rows(b);
                    t = t + 1 == tasks ? 0 : t + 1;
                }
            }
            long[] cost = new long[tasks];
            for (int t = 0; t < tasks; t++) {
                long out = s < last && w.rows > 0 ? Math.round((double) w.out * rows[t] / w.rows) : 0;
                cost[t] = costs.taskOverhead() + rows[t] * costs.record() + out * costs.shuffleRecord();
            }
            stages.add(cost);
        }
        return new RunPlan(costs.startup(), costs.commit(), stages, mapRecords);
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }

    /** The {@code i}-th of {@code parts} near-equal shares of {@code total}. */
    private static long share(long total, int parts, int i) {
        return total / parts + (i < total % parts ? 1 : 0);
    }
}
