package org.flowlab.sim.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.flowlab.sim.batch.TestJobs.BID;
import static org.flowlab.sim.batch.TestJobs.MS;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.statistics.Statistics;
import org.flowlab.sim.cluster.ClusterSpec;
import org.flowlab.sim.cluster.CostModel;
import org.flowlab.sim.job.Job;
import org.flowlab.sim.job.Row;
import org.flowlab.sim.job.Windows;
import org.flowlab.sim.job.aggregate.Aggregates;
import org.flowlab.workloads.Trace;
import org.flowlab.workloads.TraceBuilder;

/**
 * A fault that strikes no work changes nothing: a task failure at an instant when the worker runs
 * no task leaves every run where it was. (Each placement of tasks orders the workers by a draw from
 * the run's seed; a call that places nothing must draw nothing, or a harmless fault would move
 * where every later task lands.) Micro-batch runs every second of one-record tasks, on four workers
 * of one slot, one of them slow, so that tasks start and end at many instants.
 */
class HarmlessFaultProperties {
    private static final Job COUNT = Job.named("count", "rows per key per 10 s").keyBy(Row::key)
            .window(Windows.tumbling("10s")).aggregate(Aggregates.count()).build();
    private static final String SLOW = "slow:worker=2,x5@0s..60s";

    private static Trace trace() {
        TraceBuilder b = TestJobs.builder();
        for (int i = 0; i < 200; i++) {
            b.add(i * 200 * MS + 1, i * 200 * MS + 1, BID, i % 7, 1);
        }
        return b.build();
    }

    private static MicroBatchConfig config(String faults) {
        CostModel costs = CostModel.free().withBatchRunStartupNanos(10 * MS).withBatchRecordNanos(20 * MS)
                .withBatchShuffleRecordNanos(10 * MS);
        MicroBatchConfig c = MicroBatchConfig.defaults().withInterval("1s").withCosts(costs).withCluster(new ClusterSpec(4, 1, 1));
        return c.withExecution(c.execution().withTargetTaskRecords(1)).withFaults(faults);
    }

    private static List<Long> commits(BatchRun run) {
        return run.figures().history().stream().map(RunRecord::committed).toList();
    }

    @Property(tries = 80)
    void aTaskFailureThatFailsNoAttemptMovesNoRun(@ForAll @IntRange(min = 0, max = 3) int worker,
                                                  @ForAll @LongRange(min = 1_000, max = 30_000) long atMs) {
        Trace trace = trace();
        BatchRun without = new MicroBatchEngine(config(SLOW)).runWithFigures(COUNT, trace);
        BatchRun with = new MicroBatchEngine(config(SLOW + ";task-fail:worker=" + worker + "@" + atMs + "ms"))
                .runWithFigures(COUNT, trace);
        boolean harmless = with.figures().failedAttempts() == 0;
        Statistics.label("the failure struck no attempt").collect(harmless);
        Statistics.label("the failure struck no attempt").coverage(c -> c.check(true).percentage(p -> p > 30));
        if (harmless) {
            assertThat(commits(with)).isEqualTo(commits(without));
            assertThat(with.outcome().visibility().toArray()).isEqualTo(without.outcome().visibility().toArray());
        }
    }
}
