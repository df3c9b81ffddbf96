package org.flowlab.sim.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.flowlab.sim.engine.ContractTraces.BID;
import static org.flowlab.sim.engine.ContractTraces.PERSON;

import java.util.List;
import org.flowlab.sim.cluster.ClusterSpec;
import org.flowlab.sim.cluster.CostModel;
import org.flowlab.sim.engine.ContractJobs;
import org.flowlab.sim.engine.ContractTraces;
import org.flowlab.sim.engine.ExpectedResults;
import org.flowlab.sim.engine.OutputMode;
import org.flowlab.sim.engine.RunOutcome;
import org.flowlab.sim.fault.FaultPlan;
import org.flowlab.sim.job.Job;
import org.flowlab.sim.job.ResultKey;
import org.flowlab.sim.job.ResultTable;
import org.flowlab.sim.job.Row;
import org.flowlab.sim.job.RowFilter;
import org.flowlab.sim.job.Windows;
import org.flowlab.sim.job.aggregate.Aggregates;
import org.flowlab.sim.oracle.ReferenceOracle;
import org.flowlab.workloads.Trace;
import org.flowlab.workloads.TraceBuilder;
import org.flowlab.workloads.WorkloadGenerator;
import org.flowlab.workloads.WorkloadSpec;
import org.junit.jupiter.api.Test;

/** The stream engine on cases small enough to work out by hand, and the effects each knob must have. */
class StreamEngineTest {
    static final long MS = 1_000_000L;
    static final long S = 1_000_000_000L;

    /** One worker, one task per stage, every cost zero: times can be worked out by hand. */
    static StreamConfig handCheckable() {
        return StreamConfig.defaults().withCluster(new ClusterSpec(1, 1, 3.6)).withTasks(1).withCosts(CostModel.free())
                .withWatermarkDelay(0).withWatermarkInterval(100 * MS).withIdleTimeout(0).withCheckpointing(false);
    }

    static Job tumblingCount() {
        return Job.named("count", "rows per key per 10 s").keyBy(Row::key).window(Windows.tumbling("10s"))
                .aggregate(Aggregates.count()).build();
    }

    static void assertAgrees(Job job, Trace trace, RunOutcome out) {
        String diff = ExpectedResults.disagreement(job, trace, out, 10);
        if (!diff.isEmpty()) {
            fail(job.name() + ": " + diff);
        }
    }

    static Trace nexmark(long seconds, double rate, long seed) {
        return WorkloadGenerator.generate(WorkloadSpec.defaults("nexmark").withDuration(seconds * S).withRate(rate), seed);
    }

    @Test
    void inUpdatesModeAWindowFiresEarlyEveryIntervalThenOnTimeAndRecordsAreFinalAtItsLastChange() {
        Trace trace = ContractTraces.builder()
                .add(1 * S, 1 * S, BID, 1, 0).add(5 * S, 5 * S, BID, 1, 0)
                .add(12 * S, 12 * S, BID, 1, 0).add(25 * S, 25 * S, BID, 1, 0).build();
        StreamConfig updates = handCheckable().withOutput(OutputMode.UPDATES).withEarlyFireInterval(2 * S);
        RunOutcome out = StreamEngine.run(tumblingCount(), trace, updates);
        RunOutcome fin = StreamEngine.run(tumblingCount(), trace, handCheckable());
        assertThat(out.results()).isEqualTo(fin.results()).isEqualTo(ReferenceOracle.run(tumblingCount(), trace));
        // Early fires at the next multiple of 2 s after a row: the row at 1 s is visible at 2 s, the one
        // at 5 s at 6 s; the window [0, 10 s) took its last row at 5 s, so both are final at 6 s (the
        // on-time fire at 12.1 s finds the value sent already and sends nothing).
        assertThat(out.visibility().toArray()).containsExactly(2 * S, 6 * S, 14 * S, 25 * S);
        assertThat(out.visibility().finalTimes()).containsExactly(6 * S, 6 * S, 14 * S, 25 * S);
        assertThat(out.metrics().firstVisibleLatency().p50Ms()).isLessThan(fin.metrics().firstVisibleLatency().p50Ms());
        assertThat(out.duplicateOutputs()).isZero();
        // In final mode both are first visible and final at the on-time fire.
        assertThat(fin.visibility().finalTimes()).isEqualTo(fin.visibility().toArray());
    }

    @Test
    void inUpdatesModeADetectorAlertsAtOnceInArrivalOrderThenRetractsWhatTheFinalEvaluationDoesNotConfirm() {
        // Key 1's rows come as 5, 3, 4 (the 3 is earlier in event time); key 2's row ends the input.
        Trace trace = ContractTraces.builder()
                .add(2 * S, 2 * S, BID, 1, 5).add(1 * S, 3 * S, BID, 1, 3).add(3 * S, 3500 * MS, BID, 1, 4)
                .add(10 * S, 10 * S, BID, 2, 1).build();
        Job job = Job.named("rising", "d").keyBy(Row::key).process("rising", ContractJobs.Rising::new).build();
        StreamConfig config = handCheckable().withWatermarkDelay(2 * S).withOutput(OutputMode.UPDATES);
        StreamRun run = new StreamEngine(config).start(job, trace);
        run.advanceTo(5 * S);
        // Run as they came, the rows rise at 3 s: an alert visible at once, before the watermark.
        assertThat(run.visibleResults().asMap()).containsOnlyKeys(ResultKey.at(1, 3 * S, 0));
        RunOutcome out = run.finish();
        // In event-time order (3, 5, 4) they rise at 2 s, not at 3 s: the early alert is retracted.
        assertThat(out.results()).isEqualTo(ReferenceOracle.run(job, trace));
        assertThat(out.results().asMap()).containsOnlyKeys(ResultKey.at(1, 2 * S, 0));
        assertThat(run.sink.retractions()).isEqualTo(1);
        assertThat(out.duplicateOutputs()).isZero();
        // Key 1's rows are visible as they come and final when the end of the input passes them.
        assertThat(out.visibility().toArray()).containsExactly(2 * S, 3 * S, 3500 * MS, 10 * S);
        assertThat(out.visibility().finalTimes()).containsExactly(10 * S, 10 * S, 10 * S, 10 * S);

        RunOutcome fin = StreamEngine.run(job, trace, config.withOutput(OutputMode.FINAL));
        assertThat(fin.results()).isEqualTo(out.results());
        assertThat(fin.visibility().toArray()).isEqualTo(fin.visibility().finalTimes()).containsExactly(10 * S, 10 * S, 10 * S, 10 * S);
    }

    @Test
    void onOutputTellsEveryOutputAsItBecomesVisibleWithItsTimeAndWhatItChanged() {
        Trace trace = ContractTraces.builder()
                .add(1 * S, 1 * S, BID, 1, 0).add(5 * S, 5 * S, BID, 1, 0)
                .add(12 * S, 12 * S, BID, 1, 0).add(25 * S, 25 * S, BID, 1, 0).build();
        StreamRun updates = new StreamEngine(handCheckable().withOutput(OutputMode.UPDATES).withEarlyFireInterval(2 * S))
                .start(tumblingCount(), trace);
        List<OutputEvent> events = new java.util.ArrayList<>();
        updates.onOutput(events::add);
        RunOutcome out = updates.finish();
        ResultKey first = ResultKey.window(1, 0, 10 * S);
        // The window [0, 10 s) fires early at 2 s (count 1) and 6 s (count 2); [10 s, 20 s) early at 14 s; the end of input fires [20 s, 30 s).
        assertThat(events).containsExactly(new OutputEvent(2 * S, first, 1L, null), new OutputEvent(6 * S, first, 2L, 1L),
                new OutputEvent(14 * S, ResultKey.window(1, 10 * S, 20 * S), 1L, null),
                new OutputEvent(25 * S, ResultKey.window(1, 20 * S, 30 * S), 1L, null));
        assertThat(events).extracting(OutputEvent::change).containsExactly(OutputEvent.Change.NEW, OutputEvent.Change.UPDATED,
                OutputEvent.Change.NEW, OutputEvent.Change.NEW);
        // Upserted by key, the events are the result table.
        ResultTable.Builder upserted = ResultTable.builder();
        events.forEach(e -> upserted.upsert(e.at(), e.value()));
        assertThat(upserted.build()).isEqualTo(out.results());

        // A detector's provisional alert that the final evaluation does not confirm is retracted.
        Trace rising = ContractTraces.builder()
                .add(2 * S, 2 * S, BID, 1, 5).add(1 * S, 3 * S, BID, 1, 3).add(3 * S, 3500 * MS, BID, 1, 4)
                .add(10 * S, 10 * S, BID, 2, 1).build();
        Job job = Job.named("rising", "d").keyBy(Row::key).process("rising", ContractJobs.Rising::new).build();
        StreamRun detector = new StreamEngine(handCheckable().withWatermarkDelay(2 * S).withOutput(OutputMode.UPDATES))
                .start(job, rising);
        List<OutputEvent> alerts = new java.util.ArrayList<>();
        detector.onOutput(alerts::add);
        detector.finish();
        assertThat(alerts).filteredOn(e -> e.change() == OutputEvent.Change.RETRACTED).singleElement()
                .satisfies(e -> assertThat(e.at()).isEqualTo(ResultKey.at(1, 3 * S, 0)));
    }

    @Test
    void anEarlyFireShowsARowThatLeftTheValueAsItWasAsABatchRunWould() {
        // A max per 10 s: the second row (value 1) leaves the max at 5.
        Trace trace = ContractTraces.builder()
                .add(1 * S, 1 * S, BID, 1, 5).add(3 * S, 3 * S, BID, 1, 1).add(25 * S, 25 * S, BID, 1, 0).build();
        Job max = Job.named("max", "max per key per 10 s").keyBy(Row::key).window(Windows.tumbling("10s"))
                .aggregate(Aggregates.max()).build();
        RunOutcome out = StreamEngine.run(max, trace, handCheckable().withOutput(OutputMode.UPDATES).withEarlyFireInterval(2 * S));
        assertAgrees(max, trace, out);
        assertThat(out.visibility().toArray()).containsExactly(2 * S, 4 * S, 25 * S);
        assertThat(out.duplicateOutputs()).isZero();
    }

    @Test
    void aWindowFiresWhenTheWatermarkPassesItsEndAndTheEndOfInputFiresTheRest() {
        Trace trace = ContractTraces.builder()
                .add(1 * S, 1 * S, BID, 1, 0).add(5 * S, 5 * S, BID, 1, 0)
                .add(12 * S, 12 * S, BID, 1, 0).add(25 * S, 25 * S, BID, 1, 0).build();
        RunOutcome out = StreamEngine.run(tumblingCount(), trace, handCheckable());
        assertThat(out.results()).isEqualTo(ReferenceOracle.run(tumblingCount(), trace));
        // The watermark tick at 12 s is the last action of its instant, after the read at 12 s: it makes
        // the watermark 12 s − 1 ns, and [0, 10 s) fires. Reading the last record ends the partition: its
        // +inf watermark fires the rest.
        assertThat(out.visibility().visibleAt(0)).isEqualTo(12 * S);
        assertThat(out.visibility().visibleAt(1)).isEqualTo(12 * S);
        assertThat(out.visibility().visibleAt(2)).isEqualTo(25 * S);
        assertThat(out.visibility().visibleAt(3)).isEqualTo(25 * S);
        assertThat(out.metrics().latency().maxMs()).isEqualTo(13_000, org.assertj.core.api.Assertions.within(13.0));
        assertThat(out.metrics().eventTimeLatency().count()).isEqualTo(3);
        assertThat(out.metrics().eventTimeLatency().maxMs()).isEqualTo(5_000, org.assertj.core.api.Assertions.within(5.0));
        assertThat(out.metrics().eventTimeLatency().p50Ms()).isEqualTo(2_000, org.assertj.core.api.Assertions.within(2.0));
        assertThat(out.metrics().processingLatency().count()).isEqualTo(3);
        assertThat(out.metrics().endTime()).isEqualTo(25 * S);
        // The cluster is held from the trace's start, 0, to the job's end, with the job running all along.
        assertThat(out.metrics().bill().runningNanos()).isEqualTo(25 * S);
        assertThat(out.metrics().bill().idleNanos()).isZero();
        assertThat(out.metrics().workerSecondsAllocated()).isEqualTo(25.0);
        assertThat(out.metrics().cost()).isEqualTo(0.025, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(out.duplicateOutputs()).isZero();
        assertThat(out.lateRecords()).isZero();
    }

    @Test
    void exactlyOnceOutputsWaitForTheCheckpointAfterThem() {
        Trace trace = ContractTraces.builder()
                .add(1 * S, 1 * S, BID, 1, 0).add(5 * S, 5 * S, BID, 1, 0)
                .add(12 * S, 12 * S, BID, 1, 0).add(25 * S, 25 * S, BID, 1, 0).build();
        StreamConfig eo = handCheckable().withCheckpointing(true).withCheckpointInterval(1 * S).withDelivery(Delivery.EXACTLY_ONCE);
        RunOutcome out = StreamEngine.run(tumblingCount(), trace, eo);
        assertThat(out.results()).isEqualTo(ReferenceOracle.run(tumblingCount(), trace));
        // [0, 10 s) fires at 12 s, after checkpoint 12 s's barrier (the tick is the last action of its
        // instant), so checkpoint 13 s commits it;
        // the rest fires at the end, and the final checkpoint commits it at once (no costs).
        assertThat(out.visibility().visibleAt(0)).isEqualTo(13 * S);
        assertThat(out.visibility().visibleAt(1)).isEqualTo(13 * S);
        assertThat(out.visibility().visibleAt(2)).isEqualTo(25 * S);
        // Checkpoints are skipped while nothing happens (no read, no watermark advance).
        assertThat(out.metrics().checkpoints()).isBetween(3L, 25L);
        assertThat(out.duplicateOutputs()).isZero();
    }

    @Test
    void aRecordLaterThanTheOutOfOrdernessIsCountedLateAndLeftOutOfTheResults() {
        Trace trace = ContractTraces.builder()
                .add(1 * S, 1 * S, BID, 1, 0)
                .add(12 * S, 12 * S, BID, 1, 0)
                .add(3 * S, 13 * S, BID, 1, 0)     // after the watermark passed [0, 10 s)
                .add(30 * S, 30 * S, BID, 1, 0).build();
        Job job = tumblingCount();
        RunOutcome out = StreamEngine.run(job, trace, handCheckable());
        assertThat(out.lateRecords()).isEqualTo(1);
        int late = out.lateRecordIds().nextSetBit(0);
        assertThat(trace.eventTime(late)).isEqualTo(3 * S);
        assertThat(out.visibility().visibleAt(late)).as("committed when dropped").isEqualTo(13 * S);
        assertThat(out.results().get(ResultKey.window(1, 0, 10 * S))).isEqualTo(1L);
        assertAgrees(job, trace, out);
        assertThat(ReferenceOracle.run(job, trace).get(ResultKey.window(1, 0, 10 * S))).isEqualTo(2L);

        // Allowed lateness that covers it: the window fires again with the record, nothing is late.
        RunOutcome lenient = StreamEngine.run(job, trace, handCheckable().withAllowedLateness(5 * S));
        assertThat(lenient.lateRecords()).isZero();
        assertThat(lenient.results()).isEqualTo(ReferenceOracle.run(job, trace));
        assertThat(lenient.visibility().visibleAt(late)).isEqualTo(13 * S);
        // [0, 10 s) was output twice, and counts once, at its corrected value, as in every engine.
        assertThat(lenient.metrics().eventTimeLatency().count()).isEqualTo(3);
    }

    @Test
    void lateRowsOfSessionsAndProcessFunctionsAreThoseAtOrBeforeTheirPartitionsWatermark() {
        Trace trace = ContractTraces.builder()
                .add(1 * S, 1 * S, BID, 1, 1)
                .add(10 * S, 10 * S, BID, 1, 1)
                .add(8 * S, 11 * S, BID, 1, 1)      // 8 s > 10 s − 2 s − 1 ns: on time
                .add(7 * S, 12 * S, BID, 1, 1)      // 7 s ≤ the bound: late
                .add(20 * S, 20 * S, BID, 1, 1).build();
        StreamConfig config = handCheckable().withWatermarkDelay(2 * S);
        for (Job job : List.of(
                Job.named("sessions", "d").keyBy(Row::key).window(Windows.session("1s")).aggregate(Aggregates.count()).build(),
                ContractJobs.detector())) {
            RunOutcome out = StreamEngine.run(job, trace, config);
            assertThat(out.lateRecords()).as(job.name()).isEqualTo(1);
            assertThat(trace.eventTime(out.lateRecordIds().nextSetBit(0))).isEqualTo(7 * S);
            assertAgrees(job, trace, out);
        }
    }

    @Test
    void atLeastOnceRepeatsOutputsAfterACrashAndExactlyOnceDoesNot() {
        Trace trace = nexmark(30, 500, 3);
        Job job = ContractJobs.hotItems();
        // A checkpoint every 8 s and a crash at 15 s: the windows fired since the checkpoint at 8 s fire again.
        StreamConfig crashing = StreamConfig.defaults().withCheckpointInterval(8 * S).withHeartbeatTimeout(2 * S)
                .withFaults(FaultPlan.parse("crash:worker=1@15s+1s"));
        Job hot = Job.named("hot", "most bids per auction per 6 s every 2 s").from(RowFilter.kind("bid")).keyBy(Row::key)
                .window(Windows.sliding("6s", "2s"))
                .aggregate(Aggregates.count(), r -> r.row().withKey(r.window().end()).withAttr1(r.key()).withValue((Long) r.value()))
                .keyBy(Row::key).window(Windows.tumbling("2s")).aggregate(Aggregates.topN(3, Row::attr1, Row::value)).build();
        for (Job j : List.of(job, hot)) {
            RunOutcome alo = StreamEngine.run(j, trace, crashing);
            assertThat(alo.metrics().faults().workerCrashes()).isEqualTo(1);
            assertThat(alo.metrics().recovery().restarts()).isEqualTo(1);
            assertThat(alo.metrics().recovery().reprocessed()).isPositive();
            assertThat(alo.duplicateOutputs()).as(j.name() + " duplicates").isPositive();
            assertThat(alo.lostRecords()).isZero();
            assertAgrees(j, trace, alo);

            RunOutcome eo = StreamEngine.run(j, trace, crashing.withDelivery(Delivery.EXACTLY_ONCE));
            assertThat(eo.duplicateOutputs()).isZero();
            assertThat(eo.lostRecords()).isZero();
            assertThat(eo.metrics().recovery().reprocessed()).isPositive();
            assertThat(eo.results()).isEqualTo(alo.results());
            assertAgrees(j, trace, eo);
        }
    }

    @Test
    void exactlyOnceCostsLatencyAndMoreSoWithALongerCheckpointInterval() {
        Trace trace = nexmark(60, 1_000, 5);
        Job job = Job.named("bids", "bids per auction per 2 s").from(RowFilter.kind("bid")).keyBy(Row::key)
                .window(Windows.tumbling("2s")).aggregate(Aggregates.count()).build();
        double[] gap = new double[2];
        long[] intervals = {1 * S, 10 * S};
        for (int i = 0; i < 2; i++) {
            StreamConfig c = StreamConfig.defaults().withCheckpointInterval(intervals[i]);
            RunOutcome alo = StreamEngine.run(job, trace, c);
            RunOutcome eo = StreamEngine.run(job, trace, c.withDelivery(Delivery.EXACTLY_ONCE));
            assertAgrees(job, trace, alo);
            assertThat(eo.results()).isEqualTo(alo.results());
            gap[i] = eo.metrics().latency().p50Ms() - alo.metrics().latency().p50Ms();
            assertThat(gap[i]).as("exactly-once p50 minus at-least-once p50, checkpoints every %d s", intervals[i] / S)
                    .isPositive();
        }
        // Records wait on average half an interval for the checkpoint that commits them.
        assertThat(gap[1]).isGreaterThan(gap[0] + 2_000);
    }

    @Test
    void aSlowConsumerBackPressuresItsProducersWithoutLosingAnything() {
        Trace trace = nexmark(10, 2_000, 9);
        Job job = Job.named("bids", "bids per auction per 2 s").from(RowFilter.kind("bid")).keyBy(Row::key)
                .window(Windows.tumbling("2s")).aggregate(Aggregates.count()).build();
        StreamConfig fast = StreamConfig.defaults().withChannelCapacity(4).withCheckpointInterval(1 * S);
        // Each state access takes 1 ms: 4 tasks handle about 4000 records a second, less than the 2000/s
        // arriving bids need... plus the five-fold hot auction on one task.
        StreamConfig slow = fast.withCosts(CostModel.defaults().withStateAccessNanos(1 * MS));
        RunOutcome quick = StreamEngine.run(job, trace, fast);
        RunOutcome congested = StreamEngine.run(job, trace, slow);
        assertThat(congested.metrics().backPressuredNanos()).isGreaterThan(100 * quick.metrics().backPressuredNanos() + S);
        assertThat(congested.metrics().throughput().maxBacklog()).isGreaterThan(quick.metrics().throughput().maxBacklog());
        assertThat(congested.metrics().latency().p50Ms()).isGreaterThan(quick.metrics().latency().p50Ms());
        assertThat(congested.metrics().checkpointDurations().maxMs()).isGreaterThan(quick.metrics().checkpointDurations().maxMs());
        assertThat(congested.lostRecords()).isZero();
        assertThat(congested.results()).isEqualTo(quick.results());
        assertAgrees(job, trace, congested);
    }

    @Test
    void anIdlePartitionDoesNotHoldTheWatermarkBackForever() {
        // Key 1 sends at 1 s and then only at 100 s; key 2 sends every second. Two partitions.
        TraceBuilder b = ContractTraces.builder().add(1 * S, 1 * S, BID, 1, 0);
        for (long t = 1; t <= 100; t++) {
            b.add(t * S, t * S, BID, 2, 0);
        }
        b.add(100 * S, 100 * S, BID, 1, 0);
        Trace trace = b.build();
        StreamConfig two = handCheckable().withCluster(new ClusterSpec(2, 1, 0)).withTasks(2);
        assertThat(StreamRecord.partition(1, 2)).isNotEqualTo(StreamRecord.partition(2, 2));
        Job job = tumblingCount();
        RunOutcome idle = StreamEngine.run(job, trace, two.withIdleTimeout(5 * S));
        RunOutcome never = StreamEngine.run(job, trace, two.withIdleTimeout(0));
        assertAgrees(job, trace, idle);
        assertAgrees(job, trace, never);
        int first = 0; // key 1's record at 1 s
        assertThat(trace.key(first)).isEqualTo(1);
        // Without idleness the silent partition holds the watermark at 1 s − 1 ns until 100 s.
        assertThat(never.visibility().visibleAt(first)).isEqualTo(100 * S);
        // With it, the partition is idle from the tick at 6 s (5 s after its read), and [0, 10 s) fires at
        // the tick at 10 s, which comes after the read at 10 s (a tick is the last action of its instant).
        assertThat(idle.visibility().visibleAt(first)).isEqualTo(10 * S);
        assertThat(idle.metrics().stalenessMaxMs()).isLessThan(never.metrics().stalenessMaxMs());
    }

    @Test
    void aSlowWorkerAndAStalledSourceDelayOutputs() {
        Trace trace = nexmark(40, 1_000, 11);
        Job job = ContractJobs.hotItems();
        StreamConfig base = StreamConfig.defaults();
        RunOutcome normal = StreamEngine.run(job, trace, base);
        RunOutcome slow = StreamEngine.run(job, trace, base.withFaults("slow:worker=0,x2000@10s..20s"));
        RunOutcome stalled = StreamEngine.run(job, trace, base.withFaults("stall:source@10s..25s"));
        for (RunOutcome out : List.of(normal, slow, stalled)) {
            assertAgrees(job, trace, out);
            assertThat(out.lostRecords()).isZero();
        }
        assertThat(slow.metrics().latency().p99Ms()).isGreaterThan(normal.metrics().latency().p99Ms());
        assertThat(slow.metrics().workerSecondsBusy()).isGreaterThan(normal.metrics().workerSecondsBusy());
        assertThat(stalled.metrics().stalenessMaxMs()).isGreaterThan(normal.metrics().stalenessMaxMs() + 10_000);
        assertThat(stalled.metrics().throughput().maxBacklog()).isGreaterThan(10_000);
    }

    @Test
    void detectorsReportDetectionLatencyAndCommitEveryRowTheyConsume() {
        Trace trace = ContractTraces.builder()
                .add(1 * S, 1 * S, BID, 1, 10).add(2 * S, 2 * S, BID, 1, 10).add(3 * S, 3 * S, BID, 1, 100)
                .add(4 * S, 4 * S, PERSON, 2, 1).add(20 * S, 20 * S, BID, 3, 1).build();
        Job job = ContractJobs.detector();
        RunOutcome out = StreamEngine.run(job, trace, handCheckable().withWatermarkDelay(500 * MS));
        assertAgrees(job, trace, out);
        assertThat(out.results().asMap().values()).contains("spike 100.0 over mean 10.0");
        assertThat(out.metrics().detectionLatency().count()).isEqualTo(out.results().size());
        assertThat(out.metrics().eventTimeLatency().count()).isZero();
        // Every row is visible once processed: the 1 s row when the watermark passes it, at the tick at
        // 2 s, which comes after reading the 2 s row there.
        assertThat(out.visibility().visibleAt(0)).isEqualTo(2 * S);
        assertThat(out.visibility().invisibleCount()).isZero();
    }

    @Test
    void aStatelessJobOutputsEveryRowAsItIsRead() {
        Trace trace = nexmark(5, 200, 2);
        Job job = ContractJobs.stateless();
        RunOutcome out = StreamEngine.run(job, trace, StreamConfig.defaults());
        assertAgrees(job, trace, out);
        // A read, a filter, a map and a sink write: well under a millisecond, no window to wait for.
        assertThat(out.metrics().latency().maxMs()).isLessThan(1.0);
        assertThat(out.metrics().eventTimeLatency().count()).isZero();
    }

    @Test
    void everyScenarioOfTheCatalogRunsThroughWindowsAndAgreesWithTheOracle() {
        for (String scenario : org.flowlab.workloads.scenario.ScenarioCatalog.names()) {
            WorkloadSpec spec = WorkloadSpec.defaults(scenario);
            long duration = (long) (1_500 / spec.rate() * S);
            Trace trace = WorkloadGenerator.generate(spec.withDuration(Math.min(duration, spec.duration())), 17);
            long window = Math.max(1 * S, trace.lastArrival() / 20 / S * S);
            Job job = Job.named(scenario + "-sums", "value per key per window").keyBy(Row::key)
                    .window(Windows.tumbling(window)).aggregate(Aggregates.sum()).build();
            StreamConfig base = StreamConfig.defaults().withCheckpointInterval(window / 2 + 1)
                    .withHeartbeatTimeout(window / 4 + 1).withWatermarkDelay(window / 4);
            for (StreamConfig c : List.of(base,
                    base.withDelivery(Delivery.EXACTLY_ONCE),
                    base.withFaults(FaultPlan.parse("crash:worker=2@" + (trace.lastArrival() / 2 / MS) + "ms+1s")),
                    base.withDelivery(Delivery.EXACTLY_ONCE)
                            .withFaults(FaultPlan.parse("crash:worker=2@" + (trace.lastArrival() / 2 / MS) + "ms+1s")))) {
                RunOutcome out = StreamEngine.run(job, trace, c);
                assertThat(out.lostRecords()).as(scenario).isZero();
                assertAgrees(job, trace, out);
                if (c.delivery() == Delivery.EXACTLY_ONCE) {
                    assertThat(out.duplicateOutputs()).isZero();
                }
            }
        }
    }

    @Test
    void allowedLatenessCoveringTheDisorderGivesTheOraclesResultsExactly() {
        Trace trace = WorkloadGenerator.generate(WorkloadSpec.defaults("card-fraud").withDuration(600 * S).withRate(20), 4);
        Job job = Job.named("spend", "amount per card per minute").keyBy(Row::key).window(Windows.tumbling("1m"))
                .aggregate(Aggregates.sum()).build();
        RunOutcome strict = StreamEngine.run(job, trace, StreamConfig.defaults());
        RunOutcome lenient = StreamEngine.run(job, trace, StreamConfig.defaults().withAllowedLateness(10 * 60 * S));
        assertThat(strict.lateRecords()).isPositive();
        assertAgrees(job, trace, strict);
        assertThat(lenient.lateRecords()).isZero();
        assertThat(lenient.results()).isEqualTo(ReferenceOracle.run(job, trace));
    }

    @Test
    void theRunCanBeSteppedAndWatched() {
        Trace trace = nexmark(20, 300, 8);
        Job job = ContractJobs.hotItems();
        StreamRun run = new StreamEngine(StreamConfig.defaults().withHeartbeatTimeout(1 * S)).start(job, trace);
        List<WatermarkEvent> events = new java.util.ArrayList<>();
        run.onWatermark(events::add);
        run.advanceTo(8 * S);
        assertThat(run.now()).isEqualTo(8 * S);
        assertThat(run.isFinished()).isFalse();
        long[] before = run.watermarks();
        assertThat(before).hasSize(8);
        assertThat(run.visibleRecords()).isPositive();
        run.crashWorker(0, 500 * MS);
        run.advanceBy(3 * S);
        assertThat(run.restarts()).isEqualTo(1);
        assertThat(run.incarnation()).isEqualTo(1);
        RunOutcome out = run.finish();
        assertThat(run.isFinished()).isTrue();
        assertThat(run.finish()).isSameAs(out);
        assertAgrees(job, trace, out);
        assertThat(events).anyMatch(WatermarkEvent::restored);
        assertThat(out.metrics().recovery().timeNanos()).isPositive();
    }

    @Test
    void sourcePartitionsAndParallelismMayDiffer() {
        Trace trace = nexmark(20, 400, 21);
        for (Job job : ContractJobs.all()) {
            for (int[] pn : new int[][]{{1, 3}, {3, 1}, {5, 2}}) {
                StreamConfig c = StreamConfig.defaults().withSourcePartitions(pn[0]).withParallelism(pn[1])
                        .withFaults("crash:worker=0@9s+1s").withHeartbeatTimeout(S);
                RunOutcome out = StreamEngine.run(job, trace, c);
                assertAgrees(job, trace, out);
                assertThat(out.lostRecords()).isZero();
            }
        }
    }

    @Test
    void sameInputsGiveTheSameOutcome() {
        Trace trace = nexmark(20, 500, 12);
        StreamConfig c = StreamConfig.defaults().withFaults("crash:worker=1@7s+1s;task-fail:mtbf=5s").withHeartbeatTimeout(S)
                .withSeed(99);
        RunOutcome a = StreamEngine.run(ContractJobs.hotItems(), trace, c);
        RunOutcome b = StreamEngine.run(ContractJobs.hotItems(), trace, c);
        assertThat(a).isEqualTo(b);
        assertThat(a.metrics().faults().taskFailures()).isPositive();
        RunOutcome other = StreamEngine.run(ContractJobs.hotItems(), trace, c.withSeed(100));
        assertThat(other.results()).isEqualTo(a.results());
        assertThat(other.metrics()).isNotEqualTo(a.metrics());
    }

    @Test
    void theOutcomeTableIsTheFinalVisibleTable() {
        Trace trace = nexmark(10, 300, 1);
        Job job = tumblingCount();
        RunOutcome out = StreamEngine.run(job, trace, StreamConfig.defaults());
        ResultTable oracle = ReferenceOracle.run(job, trace);
        assertThat(out.results()).isEqualTo(oracle);
        assertThat(out.engine()).isEqualTo("stream");
        assertThat(new StreamEngine(StreamConfig.defaults()).name()).isEqualTo("stream");
        assertThat(out.metrics().recordsIn()).isEqualTo(trace.size());
        assertThat(out.metrics().staleness().size()).isPositive();
        assertThat(out.metrics().throughputPerSecond()).isPositive();
    }
}
