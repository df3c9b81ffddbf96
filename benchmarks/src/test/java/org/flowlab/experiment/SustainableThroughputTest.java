package org.flowlab.experiment;

import org.flowlab.sim.batch.BatchEngineTypes;
import org.flowlab.sim.stream.StreamEngineType;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.flowlab.report.SweepPointFiles;
import org.flowlab.sim.metrics.ThroughputTimeline;
import org.flowlab.workloads.Trace;
import org.flowlab.workloads.WorkloadGenerator;
import org.flowlab.workloads.text.RateText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bounded-backlog test and the bisection of the sustainable rate. */
class SustainableThroughputTest {
    static final long SECOND = 1_000_000_000L;

    @TempDir
    Path dir;

    /** A steady minute at 100 records a second, read at {@code readRate} a second from the start, or at each batch boundary. */
    static ThroughputTimeline reads(Trace trace, double readRate) {
        ThroughputTimeline.Builder b = ThroughputTimeline.builder(SECOND);
        long gap = (long) (SECOND / readRate);
        long last = Long.MIN_VALUE / 2;
        for (int i = 0; i < trace.size(); i++) {
            last = Math.max(trace.arrivalTime(i), last + gap);
            b.read(last, false);
        }
        return b.build(trace);
    }

    static Trace steadyMinute() {
        return WorkloadGenerator.generate(ComparisonPlan.of("stock-ticks").withDuration(60 * SECOND).withRate(100)
                .workload().merge("test", com.google.gson.JsonParser.parseString(
                        "{\"arrival\": {\"type\": \"constant\"}}").getAsJsonObject()), 1);
    }

    @Test
    void keepingUpIsBoundedFallingBehindIsNot() {
        Trace trace = steadyMinute();
        assertThat(SustainableThroughput.bounded(reads(trace, 150), trace)).isTrue();
        assertThat(SustainableThroughput.bounded(reads(trace, 101), trace)).isTrue();
        assertThat(SustainableThroughput.bounded(reads(trace, 80), trace)).isFalse();
        assertThat(SustainableThroughput.bounded(reads(trace, 95), trace)).isFalse();
    }

    @Test
    void batchRunsThatFinishWithinTheirIntervalAreBounded() {
        Trace trace = steadyMinute();
        ThroughputTimeline.Builder b = ThroughputTimeline.builder(SECOND);
        for (int i = 0; i < trace.size(); i++) {
            long boundary = (trace.arrivalTime(i) / (10 * SECOND) + 1) * 10 * SECOND;
            b.read(boundary, false);
        }
        ThroughputTimeline t = b.build(trace);
        assertThat(t.maxBacklog()).isGreaterThan(900);
        assertThat(SustainableThroughput.bounded(t, trace)).isTrue();
    }

    @Property(tries = 60)
    void theSearchBracketsTheLimitWithinItsPrecision(@ForAll @DoubleRange(min = 10, max = 1e6) double limit,
                                                     @ForAll @DoubleRange(min = 1, max = 1e6) double start) {
        // Within the doublings the search allows, from any start.
        SustainableThroughput.Result r = SustainableThroughput.search(StreamEngineType.STREAM, start,
                rate -> rate <= limit ? SustainableThroughput.Verdict.BOUNDED : SustainableThroughput.Verdict.GROWS);
        assertThat(r.rate()).isLessThanOrEqualTo(limit).isGreaterThan(0);
        assertThat(r.firstUnbounded()).isNotNull().isGreaterThan(limit);
        assertThat(r.firstUnbounded()).isLessThanOrEqualTo(r.rate() * (1 + SustainableThroughput.PRECISION_PERCENT / 100) * 1.01);
        assertThat(r.probes()).isLessThan(40);
        assertThat(r.limitedByCap()).isFalse();
    }

    @Test
    void aRateThatCannotBeJudgedEndsTheSearchWithALowerBound() {
        SustainableThroughput.Result r = SustainableThroughput.search(BatchEngineTypes.MICROBATCH, 1000,
                rate -> rate > 5000 ? SustainableThroughput.Verdict.UNTESTABLE : SustainableThroughput.Verdict.BOUNDED);
        assertThat(r.rate()).isEqualTo(4000);
        assertThat(r.firstUnbounded()).isNull();
        assertThat(r.limitedByCap()).isTrue();
        assertThat(r.probes()).isEqualTo(4);
    }

    @Test
    void aRateTheScenarioCannotGenerateEndsTheSearchBelow() {
        SustainableThroughput.Result r = SustainableThroughput.search(StreamEngineType.STREAM, 8000,
                rate -> rate < 2000 ? SustainableThroughput.Verdict.NOT_GENERATED : SustainableThroughput.Verdict.GROWS);
        assertThat(r.rate()).isZero();
        assertThat(r.firstUnbounded()).isEqualTo(2000);
        assertThat(r.limitedByCap()).isFalse();
        assertThat(r.probes()).isEqualTo(4);
    }

    @Test
    void theSweepStopsHalvingAtTheLeastRateTheScenarioGenerates() {
        // Each of the sine shape's ten 1 ms steps starts with an event: the slowest, at half the mean rate, holds one from 2000/s.
        ComparisonPlan plan = ComparisonPlan.of(ComparisonPlan.of("nexmark").withDuration(20 * SECOND).workload()
                        .merge("test", com.google.gson.JsonParser.parseString("{\"ratePeriod\": \"10ms\"}").getAsJsonObject()))
                .withRate(8000).withJob(JobChoice.named("q1")).withEngines(StreamEngineType.STREAM)
                .withSettings(EngineSettings.defaults().withWorkers(1));
        AtomicInteger runs = new AtomicInteger();
        SweepResult r = Sweep.run(new SweepPlan(plan, List.of(), true).withEnginesOf(IntervalEngine.factory(runs)),
                new SweepPointFiles(dir), SweepProgress.NONE);
        // One worker of the test double reads 1000 records a second: 8000, 4000 and 2000 grow, 1000 is not made.
        assertThat(r.sustainable()).singleElement().satisfies(s -> {
            assertThat(s.rate()).isZero();
            assertThat(s.firstUnbounded()).isEqualTo(2000);
            assertThat(s.limitedByCap()).isFalse();
        });
        assertThat(runs).hasValue(3);
        assertThat(r.points()).extracting(p -> p.parameters().get("rate")).containsExactly("8000/s", "4000/s", "2000/s");
    }

    @Test
    void aSearchWhoseRunsFailSaysSoRatherThanThatTheBacklogGrows() {
        ComparisonPlan plan = ComparisonPlan.of(steadyMinute().spec()).withRate(500)
                .withJob(JobChoice.named("vwap-1s")).withEngines(StreamEngineType.STREAM).withSettings(EngineSettings.defaults().withWorkers(1));
        AtomicInteger runs = new AtomicInteger();
        SweepResult r = Sweep.run(new SweepPlan(plan, List.of(), true).withEnginesOf(IntervalEngine.failing(runs, StreamEngineType.STREAM, 5 * SECOND)),
                new SweepPointFiles(dir), SweepProgress.NONE);
        SustainableThroughput.Result s = r.sustainable().get(0);
        assertThat(s.rate()).isZero();
        assertThat(s.firstUnboundedFailure()).isNotNull();
        assertThat(s.boundText()).startsWith(" (its run at " + RateText.format(s.firstUnbounded()) + " failed at 5 s");
        assertThat(r.points()).allSatisfy(p -> assertThat(p.failed()).isTrue());
    }

    @Test
    void theSweepFindsEachEnginesLimitAndKeepsItsProbes() {
        ComparisonPlan plan = ComparisonPlan.of(steadyMinute().spec()).withRate(500)
                .withJob(JobChoice.named("vwap-1s")).withEngines(StreamEngineType.STREAM).withSettings(EngineSettings.defaults().withWorkers(1));
        SweepPlan sweep = new SweepPlan(plan, List.of(), true);
        AtomicInteger runs = new AtomicInteger();
        SweepPointFiles store = new SweepPointFiles(dir);
        SweepResult r = Sweep.run(sweep.withEnginesOf(IntervalEngine.factory(runs)), store, SweepProgress.NONE);
        assertThat(r.sustainable()).singleElement().satisfies(s -> {
            assertThat(s.paradigm()).isEqualTo(StreamEngineType.STREAM);
            // One worker of the test double reads 1000 records a second; a minute's trace tells 4.4 % apart.
            assertThat(s.rate()).isBetween(900.0, IntervalEngine.CAPACITY_PER_WORKER * 1.045);
            assertThat(s.firstUnbounded()).isLessThanOrEqualTo(s.rate() * 1.06);
        });
        assertThat(runs.get()).isEqualTo(r.sustainable().get(0).probes()).isEqualTo(r.computed());
        assertThat(r.points()).allSatisfy(p -> assertThat(p.parameters()).containsKey("rate"));
        assertThat(r.recommendation()).isEmpty();
        AtomicInteger again = new AtomicInteger();
        SweepResult resumed = Sweep.run(sweep.withEnginesOf(IntervalEngine.factory(again)), store, SweepProgress.NONE);
        assertThat(again).hasValue(0);
        assertThat(resumed.sustainable()).isEqualTo(r.sustainable());
    }

    @Test
    void probesAreCappedInEvents() {
        assertThat(SustainableThroughput.probeDuration(60 * SECOND, 1_000)).isEqualTo(60 * SECOND);
        assertThat(SustainableThroughput.probeDuration(3600 * SECOND, 1_000_000)).isEqualTo(2 * SECOND);
        assertThat(SustainableThroughput.requiredSpan(0)).isEqualTo(10 * SECOND);
        assertThat(SustainableThroughput.requiredSpan(60 * SECOND)).isEqualTo(300 * SECOND);
        assertThat(SustainableThroughput.round(123_456)).isEqualTo(123_000);
    }

}
