package org.flowlab.sim.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.util.List;
import org.flowlab.workloads.Trace;
import org.flowlab.workloads.TraceBuilder;
import org.flowlab.workloads.TraceSchema;
import org.flowlab.workloads.WorkloadSpec;
import org.junit.jupiter.api.Test;

class StalenessTimelineTest {
    static final long MS = 1_000_000L;

    static Trace arrivals(long... times) {
        TraceBuilder b = new TraceBuilder(new WorkloadSpec("test", "test.json", new JsonObject()), 1,
                new TraceSchema(List.of("e"), "k", "v", null, null, null, List.of("none")));
        for (long t : times) {
            b.add(t, t, 0, 0, 0);
        }
        return b.build();
    }

    @Test
    void stalenessIsTheAgeOfTheOldestArrivedRecordNotYetVisible() {
        Trace trace = arrivals(0, 10 * MS, 20 * MS, 30 * MS);
        // Record 1 becomes visible late (at 45 ms), after records 2 and 3 (at 25 and 35 ms).
        long[] visible = {5 * MS, 45 * MS, 25 * MS, 35 * MS};
        StalenessTimeline s = StalenessTimeline.from(trace, visible, 5 * MS);
        assertThat(s.times()).containsExactly(0, 5 * MS, 10 * MS, 15 * MS, 20 * MS, 25 * MS, 30 * MS, 35 * MS,
                40 * MS, 45 * MS, 50 * MS);
        assertThat(s.stalenessNanos()).containsExactly(
                0,        // record 0 arrived at 0, not visible until 5 ms: 0 − 0
                0,        // record 0 visible; nothing else arrived
                0,        // record 1 arrives at 10 ms: age 0
                5 * MS,   // record 1 waits
                10 * MS,
                15 * MS,  // record 2 visible at 25 ms, but record 1 still waits: the prefix rule
                20 * MS,
                25 * MS,
                30 * MS,
                0,        // at 45 ms records 0–3 are all visible
                0);
        assertThat(s.maxMs()).isEqualTo(30.0);
        assertThat(s.meanMs()).isEqualTo((5 + 10 + 15 + 20 + 25 + 30) / 11.0);
        assertThat(s.at(17 * MS)).isEqualTo(5 * MS);
        assertThat(s.at(-1)).isZero();
        assertThat(s.firstAtMost(20 * MS, 0)).isEqualTo(45 * MS);
        assertThat(s.firstAtMost(20 * MS, 10 * MS)).isEqualTo(20 * MS);
    }

    @Test
    void aRecordNeverVisibleKeepsStalenessGrowingToTheEnd() {
        Trace trace = arrivals(0, 10 * MS);
        long[] visible = {-1, 12 * MS};
        StalenessTimeline s = StalenessTimeline.from(trace, visible, 10 * MS);
        assertThat(s.times()).containsExactly(0, 10 * MS, 20 * MS);
        assertThat(s.stalenessNanos()).containsExactly(0, 10 * MS, 20 * MS);
    }

    @Test
    void samplingStartsAtTheFirstArrivalRoundedDown() {
        Trace trace = arrivals(1_003 * MS, 1_004 * MS);
        StalenessTimeline s = StalenessTimeline.from(trace, new long[]{1_003 * MS, 1_010 * MS}, 5 * MS);
        assertThat(s.times()[0]).isEqualTo(1_000 * MS);
        assertThat(s.stalenessNanos()).containsExactly(0, 1 * MS, 0, 0);
    }

    @Test
    void anEmptyTraceHasNoSamples() {
        StalenessTimeline s = StalenessTimeline.from(arrivals(), new long[0], MS);
        assertThat(s.size()).isZero();
        assertThat(s.meanMs()).isZero();
        assertThat(s.maxMs()).isZero();
    }

    @Test
    void theDefaultStepGivesAboutTwoThousandSamplesInWholeMilliseconds() {
        assertThat(StalenessTimeline.defaultStep(0)).isEqualTo(MS);
        assertThat(StalenessTimeline.defaultStep(1_000 * MS)).isEqualTo(MS);
        assertThat(StalenessTimeline.defaultStep(3_600_000 * MS)).isEqualTo(1_800 * MS);
        assertThat(StalenessTimeline.defaultStep(3_600_001 * MS)).isEqualTo(1_801 * MS);
    }

    @Test
    void recoveryTimeRunsFromTheFailureUntilStalenessIsBackNearItsEarlierLevel() {
        long s = 1_000 * MS;
        Trace trace = arrivals(0, s, 2 * s, 3 * s, 4 * s, 5 * s, 6 * s, 7 * s);
        // Failure at 2.5 s; records 2..5 wait until 9 s, then everything is visible quickly.
        long[] visible = {100 * MS, s + 100 * MS, 9 * s, 9 * s, 9 * s, 9 * s, 9 * s, 9 * s + 100 * MS};
        StalenessTimeline timeline = StalenessTimeline.from(trace, visible, 100 * MS);
        // At the failure record 2 has waited 500 ms; the tolerance is then 1 s, so the bound 1.5 s.
        // At 9 s record 7 (arrived at 7 s) still waits 2 s; at 9.1 s nothing does.
        assertThat(timeline.at(2_500 * MS)).isEqualTo(500 * MS);
        assertThat(timeline.at(9 * s)).isEqualTo(2 * s);
        long recovery = RecoveryFigures.recoveryTime(timeline, 2_500 * MS, 5 * s);
        assertThat(recovery).isEqualTo(9_100 * MS - 2_500 * MS);
        assertThat(RecoveryFigures.recoveryTime(StalenessTimeline.empty(MS), 5, 9)).isEqualTo(4);
    }

    @Test
    void throughputCountsReadsPerBucketAndBacklogAgainstArrivals() {
        long s = 1_000 * MS;
        Trace trace = arrivals(0, 100 * MS, 200 * MS, 1_100 * MS, 2_500 * MS);
        ThroughputTimeline.Builder b = ThroughputTimeline.builder(s);
        b.read(10 * MS, false);
        b.read(1_500 * MS, false);
        b.read(1_600 * MS, 2, false);
        b.read(1_700 * MS, true);
        b.read(3_200 * MS, false);
        ThroughputTimeline t = b.build(trace);
        assertThat(t.processed()).containsExactly(1, 4, 0, 1);
        assertThat(t.backlog()).containsExactly(2, 0, 1, 0);
        assertThat(t.perSecond()).containsExactly(1.0, 4.0, 0.0, 1.0);
        assertThat(t.maxBacklog()).isEqualTo(2);
    }
}
