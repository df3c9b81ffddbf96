package org.flowlab.sim.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.flowlab.sim.cluster.Bill;
import org.flowlab.sim.cluster.ClusterSpec;
import org.flowlab.sim.cluster.CostModel;
import org.flowlab.sim.engine.ContractJobs;
import org.flowlab.sim.engine.ContractTraces;
import org.flowlab.sim.job.Job;
import org.flowlab.workloads.Trace;

/**
 * The bill of the batch and micro-batch engines against the rule, recomputed from the runs they
 * report: every worker is billed for every instant it is held, busy or idle.
 */
class BillProperties {
    private static final long MS = 1_000_000L;

    private static BatchRun run(Job job, Trace trace, boolean micro, long interval, ClusterMode mode, long warmPool,
                                long startup) {
        CostModel costs = CostModel.defaults().withClusterStartupNanos(startup)
                .withBatchRunStartupNanos(100 * MS).withBatchTaskOverheadNanos(20 * MS).withBatchRecordNanos(2 * MS)
                .withBatchCommitNanos(300 * MS)
                .withMicroBatchStartupNanos(50 * MS).withMicroBatchTaskOverheadNanos(20 * MS).withMicroBatchCommitNanos(100 * MS);
        ExecutionSettings settings = ExecutionSettings.defaults().withCluster(new ClusterSpec(3, 2, 0.2))
                .withClusterMode(mode).withCosts(costs).withTargetTaskRecords(4).withWarmPool(warmPool);
        return micro
                ? new MicroBatchEngine(MicroBatchConfig.defaults().withInterval(interval).withWatermarkDelay(2_000 * MS)
                        .withExecution(settings)).runWithFigures(job, trace)
                : new BatchEngine(BatchConfig.defaults().withSchedule(new Schedule.FixedInterval(interval))
                        .withWatermarkDelay(2_000 * MS).withExecution(settings)).runWithFigures(job, trace);
    }

    /**
     * An ephemeral cluster bills, over the runs, start-up and run (request to commit) of each, plus
     * for every gap between two runs the part of it the warm pool was held — min(gap, warm pool) —
     * plus the pool after the last run; a run starts cold exactly when the gap before it was longer
     * than the pool.
     */
    @Property(tries = 80)
    void anEphemeralClusterBillsEachRunAndTheWarmPoolUpToTheNextRun(@ForAll(supplier = ContractTraces.UpToSixty.class) Trace trace,
                                                                      @ForAll(supplier = ContractJobs.AnyJob.class) Job job, @ForAll boolean micro,
                                                                      @ForAll @IntRange(min = 200, max = 6000) int intervalMs,
                                                                      @ForAll @IntRange(min = 0, max = 5000) int poolMs,
                                                                      @ForAll @IntRange(min = 0, max = 3000) int startupMs) {
        long pool = poolMs * MS;
        BatchRun r = run(job, trace, micro, intervalMs * MS, ClusterMode.EPHEMERAL, pool, startupMs * MS);
        List<RunRecord> runs = r.figures().history();
        long held = 0;
        int cold = 1;
        for (int i = 0; i < runs.size(); i++) {
            held += runs.get(i).duration();
            if (i > 0) {
                long gap = runs.get(i).trigger() - runs.get(i - 1).committed();
                held += Math.min(gap, pool);
                cold += gap > pool ? 1 : 0;
                assertThat(runs.get(i).coldStart()).isEqualTo(gap > pool);
            }
        }
        held += pool;
        Bill bill = r.outcome().metrics().bill();
        assertThat(bill.holding()).isEqualTo(Bill.Holding.EPHEMERAL);
        assertThat(bill.heldNanos()).isEqualTo(held);
        assertThat(bill.coldStarts()).isEqualTo(cold).isEqualTo(r.figures().coldStarts());
        assertThat(bill.startingNanos()).isEqualTo(cold * startupMs * MS);
        assertThat(r.outcome().metrics().workerSecondsAllocated()).isEqualTo(3 * held / 1e9);
        assertThat(r.outcome().metrics().cost()).isEqualTo(3 * held / 1e9 / 3600 * 0.2);
    }

    /**
     * On a trace without a pause longer than the interval, runs are never more than two intervals
     * apart (a trigger that finds nothing new is skipped, the next one finds something); with a warm
     * pool at least that long the cluster is held from the first run's request to the last commit
     * plus the pool, with one cold start — never less than the workers over the trace's arrival span,
     * since the first run asks at most an interval after the first arrival and the last commits after
     * the last arrival.
     */
    @Property(tries = 80)
    void anIntervalWithinTheWarmPoolHoldsTheClusterForTheWholeTrace(@ForAll(supplier = ContractTraces.UpToSixty.class) Trace trace,
                                                                      @ForAll(supplier = ContractJobs.AnyJob.class) Job job, @ForAll boolean micro,
                                                                      @ForAll @IntRange(min = 200, max = 3000) int intervalMs,
                                                                      @ForAll @IntRange(min = 0, max = 3000) int extraPoolMs) {
        long longestPause = 0;
        for (int i = 1; i < trace.size(); i++) {
            longestPause = Math.max(longestPause, trace.arrivalTime(i) - trace.arrivalTime(i - 1));
        }
        long interval = Math.max(intervalMs * MS, longestPause);
        long pool = 2 * interval + extraPoolMs * MS;
        BatchRun r = run(job, trace, micro, interval, ClusterMode.EPHEMERAL, pool, 1_000 * MS);
        List<RunRecord> runs = r.figures().history();
        Bill bill = r.outcome().metrics().bill();
        assertThat(bill.coldStarts()).isEqualTo(1);
        assertThat(bill.heldNanos()).isEqualTo(runs.get(runs.size() - 1).committed() + pool - runs.get(0).trigger());
        assertThat(bill.heldNanos()).isGreaterThanOrEqualTo(trace.lastArrival() - trace.firstArrival());
    }

    /** An always-on cluster is held from the trace's start to the last commit: the runs on it running, the rest idle. */
    @Property(tries = 40)
    void anAlwaysOnClusterIsHeldFromTheTracesStartToTheLastCommit(@ForAll(supplier = ContractTraces.UpToSixty.class) Trace trace, @ForAll(supplier = ContractJobs.AnyJob.class) Job job,
                                                                   @ForAll boolean micro,
                                                                   @ForAll @IntRange(min = 200, max = 6000) int intervalMs) {
        BatchRun r = run(job, trace, micro, intervalMs * MS, ClusterMode.FIXED, 0, 1_000 * MS);
        Bill bill = r.outcome().metrics().bill();
        assertThat(bill.holding()).isEqualTo(Bill.Holding.ALWAYS_ON);
        assertThat(bill.heldNanos()).isEqualTo(r.outcome().metrics().endTime() - Math.min(0, trace.firstArrival()));
        assertThat(bill.runningNanos()).isEqualTo(r.figures().history().stream().mapToLong(RunRecord::duration).sum());
        assertThat(bill.coldStarts()).isZero();
    }
}
