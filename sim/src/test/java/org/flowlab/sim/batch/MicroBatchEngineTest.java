package org.flowlab.sim.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.flowlab.sim.batch.TestJobs.BID;
import static org.flowlab.sim.batch.TestJobs.MS;
import static org.flowlab.sim.batch.TestJobs.S;

import org.flowlab.sim.engine.EventTimeContract;
import org.flowlab.sim.cluster.ClusterSpec;
import org.flowlab.sim.cluster.CostModel;
import org.flowlab.sim.engine.ExpectedResults;
import org.flowlab.sim.engine.RunOutcome;
import org.flowlab.sim.job.Job;
import org.flowlab.sim.job.ResultKey;
import org.flowlab.sim.job.Row;
import org.flowlab.sim.job.Windows;
import org.flowlab.sim.job.aggregate.Aggregates;
import org.flowlab.workloads.Trace;
import org.flowlab.workloads.TraceBuilder;
import org.junit.jupiter.api.Test;

/** The micro-batch engine by hand: watermark-driven emission, overruns, late data. */
class MicroBatchEngineTest {

    private static final Job COUNT = Job.named("count", "rows per key per 10 s").keyBy(Row::key)
            .window(Windows.tumbling("10s")).aggregate(Aggregates.count()).build();

    private static CostModel costs(long startup, long record, long commit) {
        return CostModel.free().withMicroBatchStartupNanos(startup).withBatchRecordNanos(record).withMicroBatchCommitNanos(commit);
    }

    /** {@code n} records, one a second, each at half past, over three keys. */
    private static Trace oneRecordASecond(int n) {
        TraceBuilder b = TestJobs.builder();
        for (int i = 0; i < n; i++) {
            b.add(i * S + 500 * MS, i * S + 500 * MS, BID, i % 3, 1);
        }
        return b.build();
    }

    @Test
    void aWindowBecomesVisibleWithTheFirstTriggerAfterTheWatermarkPassesItsEnd() {
        Trace trace = TestJobs.builder()
                .add(1 * S, 1200 * MS, BID, 1, 1)
                .add(5 * S, 5200 * MS, BID, 1, 1)
                .add(12 * S, 12200 * MS, BID, 1, 1)
                .add(13 * S, 13200 * MS, BID, 1, 1)
                .add(17 * S, 17200 * MS, BID, 1, 1)
                .build();
        MicroBatchConfig config = MicroBatchConfig.defaults().withInterval("1s").withWatermarkDelay(2 * S)
                .withCosts(costs(10 * MS, 0, 10 * MS));
        BatchRun run = new MicroBatchEngine(config).runWithFigures(COUNT, trace);
        RunOutcome out = run.outcome();
        assertThat(ExpectedResults.disagreement(COUNT, trace, out, 5)).isEmpty();
        // Watermark = largest event time read − 2 s − 1 ns: it passes 10 s − 1 ns once the row at 12 s
        // is read, by the trigger at 13 s, which commits at 13.02 s.
        assertThat(out.visibility().visibleAt(0)).isEqualTo(13_020 * MS);
        assertThat(out.visibility().visibleAt(1)).isEqualTo(13_020 * MS);
        // [10 s, 20 s) never closes before the end: the trigger at 18 s reads the last row and finishes everything.
        assertThat(out.visibility().visibleAt(2)).isEqualTo(18_020 * MS);
        assertThat(out.visibility().visibleAt(4)).isEqualTo(18_020 * MS);
        assertThat(run.figures().history()).extracting(RunRecord::trigger).containsExactly(2 * S, 6 * S, 13 * S, 14 * S, 18 * S);
        assertThat(run.figures().history()).extracting(RunRecord::outputChanges).containsExactly(0, 0, 1, 0, 1);
        // The window's output appears once: append mode.
        assertThat(out.metrics().processingLatency().count()).isEqualTo(2);
        assertThat(out.metrics().eventTimeLatency().maxMs()).isBetween(3019.0, 3022.0);
    }

    @Test
    void aRunThatOverrunsItsIntervalDelaysTheNextTriggerAndIsCounted() {
        TraceBuilder b = TestJobs.builder();
        for (int i = 0; i < 200; i++) {
            b.add(i * 10 * MS, i * 10 * MS + MS, BID, i % 3, 1);
        }
        Trace trace = b.build();
        // Each run takes 150 ms plus 1 ms per record: longer than the 100 ms interval.
        MicroBatchConfig config = MicroBatchConfig.defaults().withInterval("100ms").withCosts(costs(100 * MS, MS, 50 * MS));
        BatchRun run = new MicroBatchEngine(config).runWithFigures(COUNT, trace);
        assertThat(ExpectedResults.disagreement(COUNT, trace, run.outcome(), 5)).isEmpty();
        BatchFigures f = run.figures();
        assertThat(f.overruns()).isPositive();
        assertThat(f.triggerDelayNanos()).isPositive();
        assertThat(f.maxTriggerDelayNanos()).isGreaterThanOrEqualTo(50 * MS);
        // The next trigger is the next multiple of the interval after the previous one, or the previous
        // run's end if that is later (Spark's processing-time trigger): here always the end.
        for (int i = 1; i < f.history().size(); i++) {
            RunRecord before = f.history().get(i - 1);
            long nextMultiple = (before.trigger() / (100 * MS) + 1) * 100 * MS;
            assertThat(f.history().get(i).trigger()).isEqualTo(Math.max(nextMultiple, before.committed()));
        }
        assertThat(f.history().get(1).trigger()).isEqualTo(f.history().get(0).committed());
        // With a cheap trigger, nothing overruns.
        BatchRun quick = new MicroBatchEngine(config.withCosts(costs(10 * MS, 0, 10 * MS))).runWithFigures(COUNT, trace);
        assertThat(quick.figures().overruns()).isZero();
        assertThat(quick.figures().history()).extracting(r -> r.trigger() % (100 * MS)).containsOnly(0L);
        assertThat(quick.outcome().metrics().latency().p50Ms()).isLessThan(run.outcome().metrics().latency().p50Ms());
    }

    @Test
    void recordsBehindTheWatermarkAreDroppedLikeSparkUnlessTheAllowedLatenessKeepsTheirWindow() {
        Trace trace = TestJobs.builder()
                .add(1 * S, 1 * S, BID, 1, 1)
                .add(12 * S, 12 * S, BID, 1, 1)
                .add(4 * S, 15 * S, BID, 1, 1)  // its window closed when the row at 12 s was read
                .add(16 * S, 16 * S, BID, 1, 1)
                .build();
        MicroBatchConfig config = MicroBatchConfig.defaults().withWatermarkDelay(S).withCosts(costs(10 * MS, 0, 10 * MS));
        RunOutcome dropped = MicroBatchEngine.run(COUNT, trace, config);
        assertThat(ExpectedResults.disagreement(COUNT, trace, dropped, 5)).isEmpty();
        assertThat(dropped.lateRecords()).isEqualTo(1);
        assertThat(dropped.results().get(ResultKey.window(1, 0, 10 * S))).isEqualTo(1L);
        // With 5 s of allowed lateness the window [0, 10 s) takes rows until the watermark passes 15 s.
        BatchRun kept = new MicroBatchEngine(config.withAllowedLateness(5 * S)).runWithFigures(COUNT, trace);
        assertThat(ExpectedResults.disagreement(COUNT, trace, kept.outcome(), 5)).isEmpty();
        assertThat(kept.outcome().lateRecords()).isZero();
        assertThat(kept.outcome().results().get(ResultKey.window(1, 0, 10 * S))).isEqualTo(2L);
        assertThat(kept.figures().corrections()).isZero();
        // The window already emitted is emitted again, updated, by the trigger that read the late row.
        assertThat(kept.outcome().visibility().visibleAt(2)).isEqualTo(15_020 * MS);
    }

    @Test
    void tasksSpreadOverTheWorkersSoEveryWorkersCrashMeetsSomeRun() {
        // Runs of one map task each, every second: as Spark shuffles its offers, they land on every
        // worker in turn, not always on worker 0, so a crash of any worker, unnoticed for 5 s, makes
        // some run's task hang on it.
        Trace trace = oneRecordASecond(40);
        MicroBatchConfig base = MicroBatchConfig.defaults().withInterval("1s").withCosts(costs(10 * MS, 0, 10 * MS))
                .withCluster(new ClusterSpec(4, 1, 1));
        for (int worker = 0; worker < 4; worker++) {
            MicroBatchConfig config = base.withExecution(base.execution().withHeartbeatTimeout(5 * S))
                    .withFaults("crash:worker=" + worker + "@10200ms+1s");
            BatchRun run = new MicroBatchEngine(config).runWithFigures(COUNT, trace);
            assertThat(ExpectedResults.disagreement(COUNT, trace, run.outcome(), 5)).isEmpty();
            assertThat(run.figures().tasksKilledByCrash()).as("worker %d", worker).isPositive();
        }
    }

    @Test
    void theDriverPlacesTasksOnADeadWorkerUntilItNoticesTheCrash() {
        Trace trace = oneRecordASecond(20);
        // Worker 0 dies at 5.5 s, between the runs at 5 s and 6 s; the driver notices at 8.5 s, and the
        // worker is back at 10.5 s. The run at 6 s has its map task offered to worker 0 (the offers'
        // order is drawn from the seed), as the driver still takes it for alive: the task hangs until
        // 8.5 s, then runs on worker 1.
        MicroBatchConfig base = MicroBatchConfig.defaults().withInterval("1s").withCosts(costs(10 * MS, 0, 10 * MS))
                .withCluster(new ClusterSpec(2, 1, 1));
        MicroBatchConfig config = base.withExecution(base.execution().withHeartbeatTimeout(3 * S))
                .withFaults("crash:worker=0@5500ms+2s");
        BatchRun run = new MicroBatchEngine(config).runWithFigures(COUNT, trace);
        assertThat(ExpectedResults.disagreement(COUNT, trace, run.outcome(), 5)).isEmpty();
        RunRecord hit = run.figures().history().stream().filter(r -> r.trigger() == 6 * S).findFirst().orElseThrow();
        assertThat(hit.committed()).as("the run at 6 s commits once the crash is noticed").isGreaterThan(8_500 * MS);
        assertThat(run.figures().tasksKilledByCrash()).isPositive();
        assertThat(run.outcome().metrics().faults().workerCrashes()).isEqualTo(1);
        // Noticed sooner, the run is held up less: the restart delay counts from the detection.
        BatchRun sooner = new MicroBatchEngine(config.withExecution(config.execution().withHeartbeatTimeout(S)))
                .runWithFigures(COUNT, trace);
        RunRecord soonerHit = sooner.figures().history().stream().filter(r -> r.trigger() == 6 * S).findFirst().orElseThrow();
        assertThat(soonerHit.committed()).isBetween(6_500 * MS, 7 * S);
    }

    @Test
    void aRetriedTaskFailureAndACrashBetweenRunsCountInTheRecoveryTime() {
        Trace trace = oneRecordASecond(20);
        // One worker of one slot; a run every second reads one record, its map task from 10 ms to 110 ms after the trigger.
        MicroBatchConfig base = MicroBatchConfig.defaults().withInterval("1s").withCosts(costs(10 * MS, 100 * MS, 10 * MS))
                .withCluster(new ClusterSpec(1, 1, 1));
        BatchRun undisturbed = new MicroBatchEngine(base).runWithFigures(COUNT, trace);
        assertThat(undisturbed.outcome().metrics().recovery().timeNanos()).isZero();
        // The map task of the run at 6 s fails at 6.05 s and is retried after a second: the commit moves by a second.
        BatchRun retried = new MicroBatchEngine(base.withFaults("task-fail:worker=0@6050ms")).runWithFigures(COUNT, trace);
        assertThat(retried.figures().tasksRetried()).isEqualTo(1);
        assertThat(ExpectedResults.disagreement(COUNT, trace, retried.outcome(), 5)).isEmpty();
        assertThat(retried.outcome().metrics().recovery().timeNanos()).isBetween(S, 2 * S);
        // Worker 0 dies at 5.5 s, between runs (it used to count only if a run was executing); the run
        // at 6 s hangs on it until the crash is noticed at 8.5 s, then waits for it until 10.5 s: the job
        // stands still for 5 s and more. Staleness here follows the 10 s windows, so it is back to its
        // level at the crash only once the window after it is committed, at 16.22 s: the measure the
        // stream's recovery takes too, from the failure to staleness back at its level.
        MicroBatchConfig crashing = base.withExecution(base.execution().withHeartbeatTimeout(3 * S))
                .withFaults("crash:worker=0@5500ms+2s");
        BatchRun crashed = new MicroBatchEngine(crashing).runWithFigures(COUNT, trace);
        assertThat(ExpectedResults.disagreement(COUNT, trace, crashed.outcome(), 5)).isEmpty();
        assertThat(crashed.outcome().metrics().recovery().timeNanos()).isEqualTo(16_220 * MS - 5_500 * MS);
    }
}
