package org.flowlab.sim.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.flowlab.sim.batch.TestJobs.BID;
import static org.flowlab.sim.batch.TestJobs.MS;
import static org.flowlab.sim.batch.TestJobs.S;

import java.util.BitSet;
import org.flowlab.sim.cluster.Bill;
import org.flowlab.sim.engine.EventTimeContract;
import org.flowlab.sim.engine.OutputMode;
import org.flowlab.sim.cluster.ClusterSpec;
import org.flowlab.sim.cluster.CostModel;
import org.flowlab.sim.engine.ExpectedResults;
import org.flowlab.sim.engine.RunOutcome;
import org.flowlab.sim.fault.FaultPlan;
import org.flowlab.sim.job.Job;
import org.flowlab.sim.job.ResultKey;
import org.flowlab.sim.job.Row;
import org.flowlab.sim.job.Windows;
import org.flowlab.sim.job.aggregate.Aggregates;
import org.flowlab.workloads.Trace;
import org.flowlab.workloads.TraceBuilder;
import org.flowlab.sim.job.ResultTable;
import org.flowlab.sim.oracle.ReferenceOracle;
import org.junit.jupiter.api.Test;

/** The batch engine on cases small enough to work out by hand, and its fault handling. */
class BatchEngineTest {
    private static final long H = 3600 * S;

    private static final Job COUNT = Job.named("count", "rows per key per 10 s").keyBy(Row::key)
            .window(Windows.tumbling("10s")).aggregate(Aggregates.count()).build();

    private static void assertAgrees(Job job, Trace trace, RunOutcome out) {
        String diff = ExpectedResults.disagreement(job, trace, out, 10);
        if (!diff.isEmpty()) {
            fail(diff);
        }
        assertThat(out.lostRecords()).isZero();
        assertThat(out.visibility().invisibleCount()).isZero();
    }

    /** Costs that are zero except where a test says otherwise. */
    private static CostModel costs(long startup, long taskOverhead, long record, long commit) {
        return CostModel.free().withBatchRunStartupNanos(startup).withBatchTaskOverheadNanos(taskOverhead)
                .withBatchRecordNanos(record).withBatchCommitNanos(commit);
    }

    @Test
    void eachRunCommitsWhatWasStagedSinceTheLastAndUpsertsPartialWindows() {
        Trace trace = TestJobs.builder()
                .add(1 * S, 1500 * MS, BID, 1, 1)
                .add(2 * S, 2500 * MS, BID, 1, 1)
                .add(6 * S, 7 * S, BID, 1, 1)
                .add(12 * S, 12500 * MS, BID, 1, 1)
                .build();
        BatchConfig config = BatchConfig.defaults().withSchedule("every 5s").withOutput(OutputMode.UPDATES)
                .withCosts(costs(100 * MS, 0, 0, 50 * MS));
        BatchRun run = new BatchEngine(config).runWithFigures(COUNT, trace);
        RunOutcome out = run.outcome();
        assertAgrees(COUNT, trace, out);
        assertThat(out.results().get(ResultKey.window(1, 0, 10 * S))).isEqualTo(3L);
        // Runs at 5 s, 10 s and 15 s, each committing 150 ms later; the trigger at 0 found nothing.
        assertThat(run.figures().history()).extracting(RunRecord::trigger).containsExactly(5 * S, 10 * S, 15 * S);
        assertThat(run.figures().history()).extracting(RunRecord::committed).containsExactly(5150 * MS, 10150 * MS, 15150 * MS);
        assertThat(run.figures().history()).extracting(RunRecord::records).containsExactly(2L, 1L, 1L);
        assertThat(run.figures().skippedTriggers()).isEqualTo(1);
        // A record is first visible at the commit of the run that read it: the window's partial count reflects it.
        assertThat(out.visibility().toArray()).containsExactly(5150 * MS, 5150 * MS, 10150 * MS, 15150 * MS);
        assertThat(out.metrics().firstVisibleLatency().maxMs()).isCloseTo(3650.0, org.assertj.core.data.Offset.offset(3.0));
        // It is final when its window last changes: [0 s, 10 s) took its third record at 10.15 s.
        assertThat(out.visibility().finalTimes()).containsExactly(10150 * MS, 10150 * MS, 10150 * MS, 15150 * MS);
        assertThat(out.metrics().latency().maxMs()).isCloseTo(8650.0, org.assertj.core.data.Offset.offset(9.0));
        assertThat(out.metrics().checkpoints()).isEqualTo(3);
        assertThat(out.metrics().endTime()).isEqualTo(15150 * MS);
        // The always-on cluster is billed from the trace's start, 0, to the last commit: three runs
        // of 150 ms on it, idle the rest of the time.
        assertThat(out.metrics().workerSecondsAllocated()).isEqualTo(4 * 15.15);
        assertThat(out.metrics().bill().runningNanos()).isEqualTo(450 * MS);
        assertThat(out.metrics().bill().idleNanos()).isEqualTo(14_700 * MS);
        assertThat(out.metrics().bill().startingNanos()).isZero();
        assertThat(run.figures().extraTimeNanos()).isZero();
    }

    private static Trace steady(int records, long every, int keys) {
        TraceBuilder b = TestJobs.builder();
        for (int i = 0; i < records; i++) {
            long t = (i + 1) * every;
            b.add(t, t + 10 * MS, BID, i % keys, i % 7, i % 3, 0, 0, 0);
        }
        return b.build();
    }

    @Test
    void withoutFaultsARunTakesExactlyItsPlannedTime() {
        Trace trace = steady(3_000, 20 * MS, 17);
        BatchConfig config = BatchConfig.defaults().withSchedule("every 10s")
                .withExecution(ExecutionSettings.defaults().withTargetTaskRecords(40)
                        .withBackgroundLoad(BackgroundLoad.peak(0, 1, 0.3)));
        BatchRun run = new BatchEngine(config).runWithFigures(COUNT, trace);
        assertAgrees(COUNT, trace, run.outcome());
        BatchFigures f = run.figures();
        assertThat(f.runs()).isEqualTo(7);
        assertThat(f.extraTimeNanos()).isZero();
        assertThat(f.wastedSlotNanos()).isZero();
        assertThat(f.taskAttempts()).isEqualTo(f.history().stream().mapToLong(RunRecord::tasks).sum());
        assertThat(f.reprocessedRecords()).isZero();
        assertThat(run.outcome().metrics().recovery().restarts()).isZero();
    }

    @Test
    void recoveryFiguresCountRetriesRerunsAndTheTimeFaultsCost() {
        Trace trace = steady(2_000, 50 * MS, 11);
        // The run at 40 s starts its tasks at 41 s: map tasks until 41.1 s, reduce tasks until 41.2 s.
        // Every worker fails its map attempts at 41.05 s, and their retries, a second after, at 42.1 s:
        // two failures of a task, so the run fails and is rerun 5 s later, at 47.1 s; its tasks start at 48.1 s, and
        // worker 1 crashes among its reduce tasks.
        FaultPlan faults = FaultPlan.parse("task-fail:worker=0@41050ms;task-fail:worker=1@41050ms;task-fail:worker=2@41050ms;"
                + "task-fail:worker=3@41050ms;task-fail:worker=0@42100ms;task-fail:worker=1@42100ms;task-fail:worker=2@42100ms;"
                + "task-fail:worker=3@42100ms;crash:worker=1@48250ms+20s");
        BatchConfig config = BatchConfig.defaults().withSchedule("every 10s")
                .withExecution(ExecutionSettings.defaults().withTargetTaskRecords(25)
                        .withCosts(costs(S, 50 * MS, 2 * MS, 200 * MS))
                        .withRetries(Retries.DEFAULT.withMaxAttempts(2).withRerunDelay(5 * S))
                        .withHeartbeatTimeout(2 * S)
                        .withFaults(faults).withSeed(3));
        BatchRun run = new BatchEngine(config).runWithFigures(COUNT, trace);
        RunOutcome out = run.outcome();
        assertAgrees(COUNT, trace, out);
        BatchFigures f = run.figures();
        assertThat(f.failedAttempts()).isPositive();
        assertThat(f.tasksRetried()).isPositive();
        assertThat(f.reruns()).as("runs re-executed").isPositive();
        assertThat(f.tasksKilledByCrash() + f.tasksRecomputed()).as("tasks the crash cost").isPositive();
        assertThat(f.extraTimeNanos()).as("extra time").isPositive();
        assertThat(f.wastedSlotNanos()).isPositive();
        assertThat(f.reprocessedRecords()).isPositive();
        assertThat(out.metrics().recovery().restarts()).isEqualTo(f.reruns());
        assertThat(out.metrics().recovery().reprocessed()).isEqualTo(f.reprocessedRecords());
        assertThat(out.metrics().recovery().timeNanos()).isPositive();
        assertThat(out.metrics().recovery().duplicates()).isZero();
        assertThat(out.metrics().faults().workerCrashes()).isEqualTo(1);
        assertThat(out.metrics().faults().taskFailures()).isEqualTo((int) f.failedAttempts());
        // Reruns overwrite: each run's outputs are committed once, so nothing is counted twice.
        assertThat(out.duplicateOutputs()).isZero();
        assertThat(f.history()).anySatisfy(r -> assertThat(r.attempts()).isGreaterThan(1));
    }

    @Test
    void aJobWhoseRunFailsMoreOftenThanItsRetriesAllowEndsAsAFailedOutcomeWithWhatItCommitted() {
        Trace trace = steady(2_000, 50 * MS, 11);
        BatchConfig config = everyWorkerFailsTheRunAt40s(2);
        BatchRun completed = new BatchEngine(config).runWithFigures(COUNT, trace);
        assertThat(completed.outcome().failed()).as("one rerun is allowed, and the rerun at 46.05 s meets no failure").isFalse();
        assertAgrees(COUNT, trace, completed.outcome());
        assertThat(completed.figures().reruns()).isEqualTo(1);

        BatchRun run = new BatchEngine(config.withExecution(config.execution()
                .withRetries(config.execution().retries().withMaxRunAttempts(1)))).runWithFigures(COUNT, trace);
        RunOutcome out = run.outcome();
        assertThat(out.failed()).isTrue();
        assertThat(out.status().failedAt()).isEqualTo(41_050 * MS);
        assertThat(out.status().restarts()).isZero();
        assertThat(out.status().reason()).isEqualTo("the run triggered at 40 s failed 1 time (a task failed all its 1 attempt)");
        // The runs at 10, 20 and 30 s committed; their outputs are visible, and right.
        assertThat(run.figures().history()).extracting(RunRecord::trigger).containsExactly(10 * S, 20 * S, 30 * S);
        ResultTable expected = ReferenceOracle.run(COUNT, trace);
        assertThat(out.results().isEmpty()).isFalse();
        for (var e : out.results().asMap().entrySet()) {
            if (e.getKey().windowEnd() <= 30 * S) {
                assertThat(e.getValue()).as("%s", e.getKey()).isEqualTo(expected.get(e.getKey()));
            }
        }
        assertThat(out.visibility().visibleCount()).isLessThan(trace.size());
        assertThat(new BatchEngine(config.withExecution(config.execution()
                .withRetries(config.execution().retries().withMaxRunAttempts(1)))).run(COUNT, trace)).isEqualTo(out);
    }

    @Test
    void aFailedJobsThroughputCountsOnlyTheRecordsItsMapTasksRead() {
        Trace trace = steady(2_000, 50 * MS, 11);
        // The run at 40 s fails for good at 41.05 s, before any of its map tasks (41 s to 41.1 s) has read.
        BatchRun run = new BatchEngine(everyWorkerFailsTheRunAt40s(1)).runWithFigures(COUNT, trace);
        assertThat(run.outcome().failed()).isTrue();
        long readByRunAt30 = 0;
        for (int i = 0; i < trace.size(); i++) {
            if (trace.arrivalTime(i) <= 30 * S) {
                readByRunAt30++;
            }
        }
        // The run at 30 s read them by about 31 s: the span to the last first read is at least 30 s less the first arrival.
        assertThat(run.outcome().metrics().throughputPerSecond()).as("records read / span, read <= %d", readByRunAt30)
                .isLessThanOrEqualTo(readByRunAt30 * 1e9 / (30 * S - trace.firstArrival()));
    }

    /**
     * Runs every 10 s with one attempt per task and {@code runAttempts} runs of the same input, over
     * {@code steady(2_000, 50 * MS, 11)}: the run at 40 s runs its map tasks from 41 s to 41.1 s, and every
     * worker fails at 41.05 s.
     */
    private static BatchConfig everyWorkerFailsTheRunAt40s(int runAttempts) {
        FaultPlan faults = FaultPlan.parse("task-fail:worker=0@41050ms;task-fail:worker=1@41050ms;task-fail:worker=2@41050ms;"
                + "task-fail:worker=3@41050ms");
        return BatchConfig.defaults().withSchedule("every 10s")
                .withExecution(ExecutionSettings.defaults().withTargetTaskRecords(25)
                        .withCosts(costs(S, 50 * MS, 2 * MS, 200 * MS))
                        .withRetries(Retries.DEFAULT.withMaxAttempts(1).withMaxRunAttempts(runAttempts).withRerunDelay(5 * S))
                        .withFaults(faults).withSeed(3));
    }

    /** 40 records, one each 100 ms from 0.1 s, each its own key: staged for the run at 10 s. */
    private static Trace fortyRecordsStagedBeforeTen() {
        TraceBuilder b = TestJobs.builder();
        for (int i = 0; i < 40; i++) {
            b.add((i + 1) * 100 * MS, (i + 1) * 100 * MS, BID, i, 1);
        }
        return b.build();
    }

    @Test
    void aCrashRecomputesOnlyTheMapOutputsTheDeadWorkerHeld() {
        // 40 records staged before the run at 10 s; 8 map tasks of 5 on 4 one-slot workers: tasks
        // 0-3 from 10.00 s to 10.06 s on workers 0-3, tasks 4-7 until 10.12 s on the same workers.
        Trace trace = fortyRecordsStagedBeforeTen();
        // Worker 2 dies at 10.13 s, during the reduce stage, when its map outputs (tasks 2 and 6) are still needed.
        FaultPlan crash = FaultPlan.parse("crash:worker=2@10130ms+1s");
        BatchConfig config = BatchConfig.defaults().withSchedule("every 10s")
                .withExecution(ExecutionSettings.defaults().withCluster(new ClusterSpec(4, 1, 1))
                        .withTargetTaskRecords(5).withCosts(costs(0, 10 * MS, 10 * MS, 0))
                        .withHeartbeatTimeout(500 * MS).withFaults(crash));
        BatchRun run = new BatchEngine(config).runWithFigures(COUNT, trace);
        assertAgrees(COUNT, trace, run.outcome());
        BatchFigures f = run.figures();
        assertThat(f.tasksRecomputed()).isEqualTo(2);
        assertThat(f.reprocessedRecords()).isEqualTo(10);
        assertThat(f.tasksKilledByCrash()).isEqualTo(1);
        assertThat(f.reruns()).isZero();
        assertThat(f.history().get(0).committed()).isGreaterThan(10_630 * MS);
        assertThat(run.outcome().metrics().faults().workerCrashes()).isEqualTo(1);
    }

    @Test
    void whatAnAttemptAFaultKillsHadReadIsReprocessed() {
        // As above: map tasks 0-3 of 5 records each from 10.00 s to 10.06 s on workers 0-3 (10 ms
        // to start, 10 ms a record). At 10.03 s task 1 has read half its records, by an even pace: 2.
        Trace trace = fortyRecordsStagedBeforeTen();
        for (String fault : new String[] {"task-fail:worker=1@10030ms", "crash:worker=1@10030ms+1s"}) {
            BatchConfig config = BatchConfig.defaults().withSchedule("every 10s")
                    .withExecution(ExecutionSettings.defaults().withCluster(new ClusterSpec(4, 1, 1))
                            .withTargetTaskRecords(5).withCosts(costs(0, 10 * MS, 10 * MS, 0))
                            .withHeartbeatTimeout(500 * MS).withFaults(FaultPlan.parse(fault)));
            BatchRun run = new BatchEngine(config).runWithFigures(COUNT, trace);
            assertAgrees(COUNT, trace, run.outcome());
            assertThat(run.figures().reruns()).as(fault).isZero();
            assertThat(run.figures().tasksRecomputed()).as(fault).isZero();
            assertThat(run.figures().reprocessedRecords()).as(fault).isEqualTo(2);
            assertThat(run.outcome().metrics().recovery().reprocessed()).as(fault).isEqualTo(2);
        }
    }

    @Test
    void aSpeculativeCopyAFaultKillsWhileItsOriginalRunsOnReadsNothingAgain() {
        // Worker 3 is ten times slower: its tasks get copies elsewhere. At 10.1 s every other worker's
        // attempts fail, copies among them, while their originals run on: no task is retried, and
        // what the copies had read is read again by nobody.
        TraceBuilder b = TestJobs.builder();
        for (int i = 0; i < 20; i++) {
            b.add((i + 1) * 400 * MS, (i + 1) * 400 * MS, BID, i, 1);
        }
        Trace trace = b.build();
        FaultPlan faults = FaultPlan.parse("slow:worker=3,x10@0s..100s;task-fail:worker=0@10100ms;"
                + "task-fail:worker=1@10100ms;task-fail:worker=2@10100ms");
        BatchConfig config = BatchConfig.defaults().withSchedule("every 10s")
                .withExecution(ExecutionSettings.defaults().withCluster(new ClusterSpec(4, 1, 1)).withTargetTaskRecords(5)
                        .withCosts(costs(10 * MS, 0, 10 * MS, 0)).withSpeculation(Speculation.SPARK).withFaults(faults));
        BatchRun run = new BatchEngine(config).runWithFigures(COUNT, trace);
        assertAgrees(COUNT, trace, run.outcome());
        assertThat(run.figures().failedAttempts()).as("copies failed").isPositive();
        assertThat(run.figures().tasksRetried()).as("their originals ran on").isZero();
        assertThat(run.figures().reprocessedRecords()).isZero();
    }

    @Test
    void aNewEphemeralClusterDoesNotInheritTheDeadWorkersOfTheOneReleased() {
        Trace trace = steady(30, S, 3);
        // Both workers die at 10.5 s, while the run at 10 s commits (0.5 s from 10.02 s); the cluster is
        // released at its commit. The run at 20 s starts a new cluster, whose workers are alive: it
        // commits at once, not after the old workers' 50 s detection delay.
        BatchConfig config = BatchConfig.defaults().withSchedule("every 10s")
                .withExecution(ExecutionSettings.defaults().withCluster(new ClusterSpec(2, 1, 1))
                        .withClusterMode(ClusterMode.EPHEMERAL).withWarmPool(0)
                        .withTargetTaskRecords(5).withCosts(costs(0, 10 * MS, MS, 500 * MS))
                        .withFaults(FaultPlan.parse("crash:worker=0@10500ms+10s;crash:worker=1@10500ms+10s")));
        BatchRun run = new BatchEngine(config).runWithFigures(COUNT, trace);
        assertAgrees(COUNT, trace, run.outcome());
        RunRecord second = run.figures().history().stream().filter(r -> r.trigger() == 20 * S).findFirst().orElseThrow();
        assertThat(second.coldStart()).isTrue();
        assertThat(second.committed()).isLessThan(25 * S);
    }

    @Test
    void aWorkerThatDiesInTheWarmPoolIsDeadForTheRunThatReusesTheCluster() {
        Trace trace = steady(30, S, 3);
        // Both workers die at 15 s, after the run at 10 s committed, while the cluster waits in its warm
        // pool. The run at 20 s reuses it, warm, and finds them dead: its tasks hang until the loss is
        // noticed at 65 s (the 50 s detection delay), and run once the workers are back at 75 s.
        FaultPlan crash = FaultPlan.parse("crash:worker=0@15s+10s;crash:worker=1@15s+10s");
        ExecutionSettings ephemeral = ExecutionSettings.defaults().withCluster(new ClusterSpec(2, 1, 1))
                .withClusterMode(ClusterMode.EPHEMERAL).withTargetTaskRecords(5).withCosts(costs(0, 10 * MS, MS, 500 * MS));
        BatchConfig config = BatchConfig.defaults().withSchedule("every 10s");
        BatchRun run = new BatchEngine(config.withExecution(ephemeral.withFaults(crash))).runWithFigures(COUNT, trace);
        assertAgrees(COUNT, trace, run.outcome());
        RunRecord second = run.figures().history().stream().filter(r -> r.trigger() == 20 * S).findFirst().orElseThrow();
        assertThat(second.coldStart()).isFalse();
        assertThat(second.committed()).isGreaterThan(75 * S);
        assertThat(run.outcome().metrics().faults().workerCrashes()).isEqualTo(2);
        assertThat(run.outcome().metrics().recovery().timeNanos()).as("the crash cost work: a failure to recover from")
                .isPositive();

        // Without a warm pool the cluster is gone at 15 s: the crash meets nothing, the next run starts cold.
        BatchRun noPool = new BatchEngine(config.withExecution(ephemeral.withWarmPool(0).withFaults(crash)))
                .runWithFigures(COUNT, trace);
        RunRecord cold = noPool.figures().history().stream().filter(r -> r.trigger() == 20 * S).findFirst().orElseThrow();
        assertThat(cold.coldStart()).isTrue();
        assertThat(cold.committed()).isLessThan(25 * S);
        assertThat(noPool.outcome().metrics().faults().workerCrashes()).isZero();
    }

    @Test
    void aCrashInAWarmPoolThatExpiresBeforeTheNextRunHitsNothing() {
        Trace trace = steady(30, S, 3);
        // The run at 10 s commits at about 10.5 s; the pool keeps the cluster to about 15.5 s; both workers
        // die at 12 s in it. The run at 20 s comes after the pool: it starts cold on a new cluster.
        FaultPlan crash = FaultPlan.parse("crash:worker=0@12s+10s;crash:worker=1@12s+10s");
        ExecutionSettings ephemeral = ExecutionSettings.defaults().withCluster(new ClusterSpec(2, 1, 1))
                .withClusterMode(ClusterMode.EPHEMERAL).withTargetTaskRecords(5).withCosts(costs(0, 10 * MS, MS, 500 * MS))
                .withWarmPool(5 * S);
        BatchConfig config = BatchConfig.defaults().withSchedule("every 10s");
        BatchRun run = new BatchEngine(config.withExecution(ephemeral.withFaults(crash))).runWithFigures(COUNT, trace);
        RunRecord second = run.figures().history().stream().filter(r -> r.trigger() == 20 * S).findFirst().orElseThrow();
        assertThat(second.coldStart()).isTrue();
        assertThat(second.committed()).isLessThan(25 * S);
        assertThat(run.outcome().metrics().recovery().timeNanos()).isZero();
        assertThat(run.outcome().metrics().faults().workerCrashes()).as("worker crashes that hit running work").isZero();
    }

    @Test
    void speculationRescuesARunFromASlowWorker() {
        Trace trace = steady(800, 10 * MS, 13);
        FaultPlan slow = FaultPlan.parse("slow:worker=3,x20@0s..2h");
        ExecutionSettings base = ExecutionSettings.defaults().withCluster(new ClusterSpec(4, 1, 1))
                .withTargetTaskRecords(50).withCosts(costs(0, 10 * MS, MS, 0)).withFaults(slow);
        BatchConfig config = BatchConfig.defaults().withSchedule("every 1h");
        BatchRun plain = new BatchEngine(config.withExecution(base)).runWithFigures(COUNT, trace);
        BatchRun speculative = new BatchEngine(config.withExecution(base.withSpeculation(Speculation.SPARK)))
                .runWithFigures(COUNT, trace);
        assertAgrees(COUNT, trace, plain.outcome());
        assertAgrees(COUNT, trace, speculative.outcome());
        assertThat(speculative.outcome().results()).isEqualTo(plain.outcome().results());
        assertThat(plain.figures().speculativeCopies()).isZero();
        assertThat(speculative.figures().speculativeCopies()).isPositive();
        assertThat(speculative.figures().speculativeWins()).isPositive();
        long slowRun = plain.figures().history().get(0).duration();
        long rescued = speculative.figures().history().get(0).duration();
        assertThat(rescued).isLessThan(slowRun / 2);
        // Both runs count the slow worker's cost as extra time; the copies win most of it back.
        assertThat(speculative.figures().extraTimeNanos()).isLessThan(plain.figures().extraTimeNanos());
    }

    @Test
    void anEphemeralClusterIsBilledWhileStartingRunningAndIdleInItsWarmPool() {
        Trace trace = steady(300, 30 * S, 5);
        CostModel c = costs(S, 10 * MS, MS, 200 * MS).withClusterStartupNanos(90 * S);
        BatchConfig fixed = BatchConfig.defaults().withSchedule("every 1h").withCosts(c);
        BatchRun always = new BatchEngine(fixed).runWithFigures(COUNT, trace);
        BatchRun ephemeral = new BatchEngine(fixed.withClusterMode(ClusterMode.EPHEMERAL)).runWithFigures(COUNT, trace);
        assertThat(ephemeral.outcome().results()).isEqualTo(always.outcome().results());
        // Hourly runs are further apart than the warm pool keeps capacity: every run starts cold.
        assertThat(ephemeral.figures().runs()).isEqualTo(3);
        assertThat(ephemeral.figures().coldStarts()).isEqualTo(3);
        assertThat(ephemeral.figures().history()).allSatisfy(r -> assertThat(r.coldStart()).isTrue());
        // Each run holds the cluster from its request (the cold start in it) to its commit, and the
        // idle pool 10 minutes after it: released before the next run, and after the last one too.
        long runs = ephemeral.figures().history().stream().mapToLong(RunRecord::duration).sum();
        long pool = ExecutionSettings.DEFAULT_WARM_POOL;
        Bill bill = ephemeral.outcome().metrics().bill();
        assertThat(bill.startingNanos()).isEqualTo(3 * 90 * S);
        assertThat(bill.runningNanos()).isEqualTo(runs - 3 * 90 * S);
        assertThat(bill.idleNanos()).isEqualTo(3 * pool);
        assertThat(bill.coldStarts()).isEqualTo(3);
        assertThat(ephemeral.outcome().metrics().workerSecondsAllocated()).isEqualTo(4 * (runs + 3 * pool) / 1e9);
        // The always-on cluster is held from the trace's start to the last commit, idle between runs.
        Bill allTheTime = always.outcome().metrics().bill();
        assertThat(allTheTime.heldNanos()).isEqualTo(always.outcome().metrics().endTime());
        assertThat(allTheTime.runningNanos()).isEqualTo(always.figures().history().stream().mapToLong(RunRecord::duration).sum());
        assertThat(always.outcome().metrics().workerSecondsAllocated())
                .isEqualTo(4 * always.outcome().metrics().endTime() / 1e9);
        // Three times a cold start, a run and the pool: about 35 minutes against the three hours to the last commit.
        assertThat(ephemeral.outcome().metrics().cost()).isLessThan(always.outcome().metrics().cost() / 5);
        // The cold start is part of each run's time, so of its records' latency.
        assertThat(ephemeral.figures().history().get(0).duration()).isGreaterThan(90 * S);
        assertThat(ephemeral.outcome().metrics().latency().p50Ms()).isGreaterThan(always.outcome().metrics().latency().p50Ms());
    }

    @Test
    void runningOffPeakIsCheaperThanRunningInThePeak() {
        Trace trace = steady(2_000, 40 * S, 9); // a day of steady records
        BackgroundLoad office = BackgroundLoad.peak(9, 17, 0.6);
        ExecutionSettings e = ExecutionSettings.defaults().withBackgroundLoad(office).withTargetTaskRecords(100)
                .withCosts(costs(S, 50 * MS, 10 * MS, 200 * MS));
        EventTimeContract noDelay = new EventTimeContract(0, 0);
        BatchRun peak = new BatchEngine(new BatchConfig(Schedule.parse("daily 10:00"), noDelay, OutputMode.FINAL, e))
                .runWithFigures(COUNT, trace);
        BatchRun offPeak = new BatchEngine(new BatchConfig(Schedule.parse("off-peak 18:00..23:00 below 0.3"), noDelay,
                OutputMode.FINAL, e)).runWithFigures(COUNT, trace);
        assertThat(peak.outcome().results()).isEqualTo(offPeak.outcome().results());
        assertThat(offPeak.figures().history()).extracting(r -> r.trigger() % (24 * H)).containsOnly(18 * H);
        // Tasks at 60 % background load take 2.5 times as long.
        double ratio = peak.outcome().metrics().workerSecondsBusy() / offPeak.outcome().metrics().workerSecondsBusy();
        assertThat(ratio).isBetween(2.3, 2.5);
    }

    @Test
    void aRecordForACompletePartitionIsCorrectedByTheNextRunNeverDropped() {
        Trace trace = TestJobs.builder()
                .add(1 * S, 1 * S, BID, 1, 1)
                .add(2 * S, 2 * S, BID, 1, 1)
                .add(15 * S, 15 * S, BID, 1, 1)
                .add(3 * S, 25 * S, BID, 1, 1)   // its window [0, 10) was covered by the run at 20 s
                .add(26 * S, 26 * S, BID, 1, 1)
                .build();
        BatchConfig config = BatchConfig.defaults().withSchedule("every 10s").withWatermarkDelay(S)
                .withCosts(costs(0, 0, 0, 100 * MS));
        BatchRun reprocessed = new BatchEngine(config).runWithFigures(COUNT, trace);
        assertAgrees(COUNT, trace, reprocessed.outcome());
        assertThat(reprocessed.outcome().lateRecords()).isZero();
        assertThat(reprocessed.figures().corrections()).isEqualTo(1);
        assertThat(reprocessed.outcome().results().get(ResultKey.window(1, 0, 10 * S))).isEqualTo(3L);
        // Corrected by the run at 30 s, which read it.
        assertThat(reprocessed.outcome().visibility().visibleAt(3)).isEqualTo(30_100 * MS);
    }

    @Test
    void batchSizeAndEndOfTraceSchedulesFireOnTheStagingArea() {
        Trace trace = steady(7, S, 2);
        BatchConfig config = BatchConfig.defaults().withCosts(costs(0, 0, 0, 100 * MS));
        BatchRun bySize = new BatchEngine(config.withSchedule("when 3 records staged")).runWithFigures(COUNT, trace);
        assertAgrees(COUNT, trace, bySize.outcome());
        // Records arrive at 1.01 s, 2.01 s, …: runs when the 3rd and 6th are staged, and once at the end.
        assertThat(bySize.figures().history()).extracting(RunRecord::trigger)
                .containsExactly(3010 * MS, 6010 * MS, 7010 * MS);
        assertThat(bySize.figures().history()).extracting(RunRecord::records).containsExactly(3L, 3L, 1L);
        BatchRun once = new BatchEngine(config.withSchedule("end of trace")).runWithFigures(COUNT, trace);
        assertThat(once.figures().history()).extracting(RunRecord::trigger).containsExactly(7010 * MS);
        assertThat(once.outcome().results()).isEqualTo(bySize.outcome().results());
    }

    @Test
    void aSourceStallDelaysStagingAndSoTheRunsThatSeeTheRecords() {
        Trace trace = steady(30, S, 3);
        BatchConfig config = BatchConfig.defaults().withSchedule("every 5s").withCosts(costs(0, 0, 0, 100 * MS))
                .withFaults(FaultPlan.parse("stall:source@4s..17s"));
        BatchRun run = new BatchEngine(config).runWithFigures(COUNT, trace);
        assertAgrees(COUNT, trace, run.outcome());
        // Nothing arriving from 4 s is staged before 17 s: the runs at 5, 10 and 15 s read nothing new.
        assertThat(run.figures().history()).extracting(RunRecord::trigger).startsWith(5 * S, 20 * S);
        assertThat(run.figures().history().get(1).records()).isEqualTo(16);
        assertThat(run.outcome().visibility().visibleAt(4)).isEqualTo(20_100 * MS);
    }

    @Test
    void theTaskSizeHasASweetSpotBetweenOverheadAndParallelism() {
        Trace trace = steady(200_000, MS, 1_000);
        long[] durations = new long[3];
        long[] targets = {500, 25_000, 10_000_000};
        for (int i = 0; i < targets.length; i++) {
            BatchConfig config = BatchConfig.defaults().withSchedule("end of trace")
                    .withExecution(ExecutionSettings.defaults().withTargetTaskRecords(targets[i]));
            durations[i] = new BatchEngine(config).runWithFigures(COUNT, trace).figures().history().get(0).duration();
        }
        // 400 map and 400 reduce tasks pay 50 ms each; 8 and 8 fill the 8 slots; 1 and 1 leave 7 idle.
        assertThat(durations[1]).isLessThan(durations[0]).isLessThan(durations[2]);
    }
}
