package org.flowlab.sim.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.flowlab.sim.batch.TestJobs.BID;
import static org.flowlab.sim.batch.TestJobs.S;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.flowlab.sim.engine.ContractJobs;
import org.flowlab.sim.engine.EventTimeContract;
import org.flowlab.sim.engine.OutputMode;
import org.flowlab.sim.job.Job;
import org.flowlab.sim.job.KeyedProcessFunction;
import org.flowlab.sim.job.ProcessContext;
import org.flowlab.sim.job.ResultKey;
import org.flowlab.sim.job.Row;
import org.flowlab.sim.job.Windows;
import org.flowlab.sim.job.aggregate.Aggregates;
import org.flowlab.sim.oracle.ReferenceOracle;
import org.flowlab.workloads.Trace;
import org.junit.jupiter.api.Test;

/** What each run changes, worked out by hand: sessions, detectors and later stages across runs. */
class IncrementalJobTest {

    private static List<String> changes(RunDelta delta) {
        List<String> out = new ArrayList<>();
        // In key order: a run makes its changes in whatever order its stages emit them.
        for (Map.Entry<ResultKey, RunDelta.Change> e : new TreeMap<>(delta.changes()).entrySet()) {
            out.add(e.getKey() + (e.getValue().value() == null ? " deleted" : " = " + e.getValue().value()));
        }
        return out;
    }

    @Test
    void aRowBridgingTwoSessionsOfEarlierRunsMergesThemAndDeletesTheirOutputs() {
        Trace trace = TestJobs.builder()
                .add(1 * S, 1 * S, BID, 7, 1)
                .add(6 * S, 6 * S, BID, 7, 1)
                .add(3500_000_000L, 7 * S, BID, 7, 1)
                .build();
        Job sessions = Job.named("s", "d").keyBy(Row::key).window(Windows.session("3s")).aggregate(Aggregates.count()).build();
        IncrementalJob runs = new IncrementalJob(sessions, trace, OutputMode.UPDATES, LatePolicy.CORRECT, EventTimeContract.DEFAULT);
        // A watermark past both sessions completes them (sessions are emitted only when complete, in both modes).
        assertThat(changes(runs.run(2, 9 * S))).containsExactly("key 7 [1s, 4s) = 1", "key 7 [6s, 9s) = 1");
        // The row at 3.5 s is late; the correction merges both sessions into one.
        assertThat(changes(runs.run(3, Long.MAX_VALUE)))
                .containsExactly("key 7 [1s, 4s) deleted", "key 7 [1s, 9s) = 3", "key 7 [6s, 9s) deleted");
        assertThat(runs.table()).isEqualTo(ReferenceOracle.run(sessions, trace).asMap());
    }

    /** Emits the key's running sum at each row and, from a timer 2 s later, the count so far. */
    static final class Probe implements KeyedProcessFunction {
        @Override
        public void processElement(Row row, ProcessContext ctx) {
            Double sum = ctx.state("sum");
            double s = (sum == null ? 0 : sum) + row.value();
            ctx.setState("sum", s);
            Long n = ctx.state("n");
            ctx.setState("n", (n == null ? 0 : n) + 1);
            ctx.emit("sum " + s);
            ctx.registerTimer(row.eventTime() + 2 * S);
        }

        @Override
        public void onTimer(long timestamp, ProcessContext ctx) {
            ctx.emit("count " + ctx.<Long>state("n"));
        }
    }

    @Test
    void aDetectorKeepsStateAndTimersBetweenRunsAndWaitsForItsWatermark() {
        Trace trace = TestJobs.builder()
                .add(1 * S, 1 * S, BID, 1, 1)
                .add(4 * S, 4 * S, BID, 1, 2)
                .add(5 * S, 5500_000_000L, BID, 1, 3)
                .add(9 * S, 9 * S, BID, 1, 4)
                .build();
        Job job = Job.named("probe", "d").keyBy(Row::key).process("probe", Probe::new).build();
        IncrementalJob runs = new IncrementalJob(job, trace, OutputMode.FINAL, LatePolicy.CORRECT, EventTimeContract.DEFAULT);
        // Watermark 4.5 s: the rows at 1 s and 4 s, and the timer at 3 s; the timer at 6 s waits.
        RunDelta first = runs.run(2, 4500_000_000L);
        assertThat(changes(first)).containsExactly("key 1 at 1s = sum 1.0", "key 1 at 3s = count 1", "key 1 at 4s = sum 3.0");
        assertThat(first.visibleCount()).isEqualTo(2);
        // The row at 5 s is read but beyond the watermark of 5 s − 1 ns: it waits, not yet visible.
        RunDelta second = runs.run(3, 5 * S - 1);
        assertThat(changes(second)).isEmpty();
        assertThat(second.visibleCount()).isZero();
        RunDelta last = runs.run(4, Long.MAX_VALUE);
        assertThat(changes(last)).containsExactly("key 1 at 5s = sum 6.0", "key 1 at 6s = count 3",
                "key 1 at 7s = count 3", "key 1 at 9s = sum 10.0", "key 1 at 11s = count 4");
        assertThat(last.visibleCount()).isEqualTo(2);
        assertThat(runs.table()).isEqualTo(ReferenceOracle.run(job, trace).asMap());
    }

    @Test
    void inUpdatesModeADetectorAlertsProvisionallyInArrivalOrderThenRetractsWhatTheFinalRunDoesNotConfirm() {
        Trace trace = TestJobs.builder()
                .add(2 * S, 2 * S, BID, 1, 5)
                .add(1 * S, 3 * S, BID, 1, 3) // before the row at 2 s in event time
                .add(3 * S, 3500_000_000L, BID, 1, 4)
                .build();
        Job job = Job.named("rising", "d").keyBy(Row::key).process("rising", ContractJobs.Rising::new).build();
        IncrementalJob runs = new IncrementalJob(job, trace, OutputMode.UPDATES, LatePolicy.CORRECT, EventTimeContract.DEFAULT);
        // Watermark 0: nothing is final yet. Run as they came (5, 3, 4), the rows rise at 3 s: put at once.
        RunDelta provisional = runs.run(3, 0);
        assertThat(changes(provisional)).containsExactly("key 1 at 3s = rise to 4.0");
        assertThat(provisional.visibleCount()).isEqualTo(3);
        assertThat(provisional.finalIds.size()).isZero();
        // In event-time order (3, 5, 4) they rise at 2 s and not at 3 s: that alert is retracted.
        RunDelta fin = runs.run(3, Long.MAX_VALUE);
        assertThat(changes(fin)).containsExactly("key 1 at 2s = rise to 5.0", "key 1 at 3s deleted");
        assertThat(fin.visibleCount()).isZero();
        assertThat(fin.finalIds.size()).isEqualTo(3);
        assertThat(runs.table()).isEqualTo(ReferenceOracle.run(job, trace).asMap());

        // Final mode: nothing before the watermark passes the rows, then the same table.
        IncrementalJob finalOnly = new IncrementalJob(job, trace, OutputMode.FINAL, LatePolicy.CORRECT, EventTimeContract.DEFAULT);
        assertThat(changes(finalOnly.run(3, 0))).isEmpty();
        assertThat(changes(finalOnly.run(3, Long.MAX_VALUE))).containsExactly("key 1 at 2s = rise to 5.0");
        assertThat(finalOnly.table()).isEqualTo(runs.table());
    }

    @Test
    void inUpdatesModeALateRowIsNotRunProvisionallyAndItsReplayedKeyStillReconciles() {
        Trace trace = TestJobs.builder()
                .add(2 * S, 2 * S, BID, 1, 5)
                .add(6 * S, 6 * S, BID, 1, 7)
                .add(1 * S, 7 * S, BID, 1, 6) // behind the first run's watermark of 3 s: late
                .build();
        Job job = Job.named("rising", "d").keyBy(Row::key).process("rising", ContractJobs.Rising::new).build();
        IncrementalJob runs = new IncrementalJob(job, trace, OutputMode.UPDATES, LatePolicy.CORRECT, EventTimeContract.DEFAULT);
        // The row at 2 s is final at once; the one at 6 s rises over it, provisionally.
        assertThat(changes(runs.run(2, 3 * S))).containsExactly("key 1 at 6s = rise to 7.0");
        // The late row is replayed with the key (6, 5, 7): the rise at 6 s stands, equal, so nothing
        // changes there; it is final only through the replay, so first visible then too.
        RunDelta replay = runs.run(3, Long.MAX_VALUE);
        assertThat(replay.corrections).isEqualTo(1);
        assertThat(changes(replay)).isEmpty();
        assertThat(replay.visibleCount()).isEqualTo(1);
        assertThat(runs.table()).isEqualTo(ReferenceOracle.run(job, trace).asMap());
    }

    @Test
    void aLateRowReplaysItsKeyAndRewritesOnlyTheOutputsThatChange() {
        Trace trace = TestJobs.builder()
                .add(1 * S, 1 * S, BID, 1, 1)
                .add(4 * S, 4 * S, BID, 1, 2)
                .add(9 * S, 9 * S, BID, 2, 5)
                .add(3 * S, 10 * S, BID, 1, 10) // behind the watermark of the first run
                .build();
        Job job = Job.named("probe", "d").keyBy(Row::key).process("probe", Probe::new).build();
        IncrementalJob reprocess = new IncrementalJob(job, trace, OutputMode.FINAL, LatePolicy.CORRECT, EventTimeContract.DEFAULT);
        reprocess.run(3, 8 * S);
        RunDelta replay = reprocess.run(4, Long.MAX_VALUE);
        assertThat(replay.corrections).isEqualTo(1);
        // Key 1 now reads 1, 10, 2: the sum at 1 s stands, everything after changes (the timer at 3 s
        // now fires after the row at 3 s, so it is the second output there); key 2 just goes on.
        assertThat(changes(replay)).containsExactly("key 1 at 3s = sum 11.0", "key 1 at 3s #1 = count 2",
                "key 1 at 4s = sum 13.0", "key 1 at 5s = count 3", "key 1 at 6s = count 3",
                "key 2 at 9s = sum 5.0", "key 2 at 11s = count 1");
        assertThat(reprocess.table()).isEqualTo(ReferenceOracle.run(job, trace).asMap());

        IncrementalJob drop = new IncrementalJob(job, trace, OutputMode.FINAL, LatePolicy.DROP, EventTimeContract.DEFAULT);
        drop.run(3, 8 * S);
        RunDelta dropped = drop.run(4, Long.MAX_VALUE);
        assertThat(dropped.late.size()).isEqualTo(1);
        assertThat(dropped.late.get(0)).isEqualTo(3);
        assertThat(changes(dropped)).containsExactly("key 2 at 9s = sum 5.0", "key 2 at 11s = count 1");
    }

    @Test
    void aLaterStageRecomputesTheGroupsItsInputChangesTouch() {
        // Bids per auction (attr1) per 10 s window, then the top auction per window end (a row at 10 s − 1 ns).
        Job q5 = Job.named("q5", "d").keyBy(Row::attr1).window(Windows.tumbling("10s"))
                .aggregate(Aggregates.count(), r -> r.row().withKey(r.window().end()).withAttr1(r.key()).withValue((Long) r.value()))
                .keyBy(Row::key).window(Windows.tumbling("10s")).aggregate(Aggregates.topN(1, Row::attr1, Row::value)).build();
        Trace trace = TestJobs.builder()
                .add(1 * S, 1 * S, BID, 0, 1, 100, 0, 0, 0)
                .add(2 * S, 2 * S, BID, 0, 1, 100, 0, 0, 0)
                .add(3 * S, 3 * S, BID, 0, 1, 200, 0, 0, 0)
                .add(4 * S, 4 * S, BID, 0, 1, 200, 0, 0, 0)
                .add(5 * S, 5 * S, BID, 0, 1, 200, 0, 0, 0)
                .build();
        IncrementalJob runs = new IncrementalJob(q5, trace, OutputMode.UPDATES, LatePolicy.CORRECT, EventTimeContract.DEFAULT);
        RunDelta first = runs.run(3, 10 * S - 1);
        assertThat(changes(first)).containsExactly("key 10000000000 [0s, 10s) = [Ranked[item=100, score=2.0]]");
        // Two late bids, corrected: auction 200 overtakes 100, its count changes, and the top of window end 10 s
        // is recomputed from both counts.
        RunDelta second = runs.run(5, Long.MAX_VALUE);
        assertThat(changes(second)).containsExactly("key 10000000000 [0s, 10s) = [Ranked[item=200, score=3.0]]");
        assertThat(second.work[2].rows).as("rows the later stage read again").isEqualTo(4);
        assertThat(runs.table()).isEqualTo(ReferenceOracle.run(q5, trace).asMap());
    }

    @Test
    void appendModeEmitsAWindowOnceTheWatermarkPassesItsEnd() {
        Trace trace = TestJobs.builder()
                .add(1 * S, 1 * S, BID, 1, 1)
                .add(9 * S, 9 * S, BID, 1, 1)
                .add(12 * S, 12 * S, BID, 1, 1)
                .build();
        Job count = Job.named("count", "d").keyBy(Row::key).window(Windows.tumbling("10s")).aggregate(Aggregates.count()).build();
        IncrementalJob runs = new IncrementalJob(count, trace, OutputMode.FINAL, LatePolicy.CORRECT, EventTimeContract.DEFAULT);
        RunDelta open = runs.run(2, 9 * S);
        assertThat(changes(open)).isEmpty();
        assertThat(open.visibleCount()).isZero();
        RunDelta closed = runs.run(3, 10 * S - 1);
        assertThat(changes(closed)).containsExactly("key 1 [0s, 10s) = 2");
        assertThat(closed.visibleCount()).isEqualTo(2);
        assertThat(changes(runs.run(3, Long.MAX_VALUE))).containsExactly("key 1 [10s, 20s) = 1");
    }

    @Test
    void aRowCountsOnceForEachSlidingWindowItGoesInto() {
        // As a later stage counts the rows of each window it recomputes, and as the stream charges a state
        // access per window: a sliding window of 10 s every 2 s puts each row into 5 windows.
        Trace trace = TestJobs.builder()
                .add(11 * S, 11 * S, BID, 7, 1)
                .add(12 * S, 12 * S, BID, 8, 1)
                .add(13 * S, 13 * S, BID, 7, 1)
                .build();
        Job sliding = Job.named("h", "d").keyBy(Row::key).window(Windows.sliding("10s", "2s")).aggregate(Aggregates.count()).build();
        Job tumbling = Job.named("t", "d").keyBy(Row::key).window(Windows.tumbling("10s")).aggregate(Aggregates.count()).build();
        RunDelta hop = new IncrementalJob(sliding, trace, OutputMode.FINAL, LatePolicy.DROP, EventTimeContract.DEFAULT)
                .run(3, Long.MAX_VALUE);
        RunDelta tumble = new IncrementalJob(tumbling, trace, OutputMode.FINAL, LatePolicy.DROP, EventTimeContract.DEFAULT)
                .run(3, Long.MAX_VALUE);
        assertThat(tumble.work[1].rows).isEqualTo(3);
        assertThat(hop.work[1].rows).as("rows folded into windows, one per (row, window)").isEqualTo(15);
        assertThat(hop.work[0].out).as("records shuffled to the window stage: each once").isEqualTo(3);
    }
}
