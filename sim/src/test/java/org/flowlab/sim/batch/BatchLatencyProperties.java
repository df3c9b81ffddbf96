package org.flowlab.sim.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.statistics.Statistics;
import org.flowlab.sim.engine.OutputMode;
import org.flowlab.sim.cluster.CostModel;
import org.flowlab.sim.job.Job;
import org.flowlab.sim.job.Row;
import org.flowlab.sim.job.Windows;
import org.flowlab.sim.job.aggregate.Aggregates;
import org.flowlab.sim.metrics.StalenessTimeline;
import org.flowlab.workloads.Trace;
import org.flowlab.workloads.TraceBuilder;

/**
 * DESIGN.md's batch latency, as properties over the interval I with steady arrivals: the median
 * record is first visible between I/2 and I plus the run's duration after it arrives (in the
 * {@code updates} output mode a run upserts the partial windows it touches), and staleness is a
 * saw-tooth of period I.
 */
class BatchLatencyProperties {
    private static final long MS = 1_000_000L;
    private static final Job COUNT = Job.named("count", "d").keyBy(Row::key).window(Windows.tumbling("1m"))
            .aggregate(Aggregates.count()).build();

    /** 15 intervals of steady arrivals, 50 an interval, starting at {@code offset}. */
    private static Trace steady(long interval, long offset) {
        TraceBuilder b = TestJobs.builder();
        long gap = interval / 50;
        for (int i = 0; i < 15 * 50; i++) {
            long t = offset + i * gap;
            b.add(t, t, TestJobs.BID, i % 3, 1);
        }
        return b.build();
    }

    private static BatchRun run(long interval, Trace trace) {
        CostModel costs = CostModel.defaults().withBatchRecordNanos(10_000);
        BatchConfig config = BatchConfig.defaults().withSchedule(new Schedule.FixedInterval(interval))
                .withOutput(OutputMode.UPDATES).withCosts(costs);
        return new BatchEngine(config).runWithFigures(COUNT, trace);
    }

    /**
     * The tolerance: one gap between arrivals (I/50: the median record sits up to a gap off the
     * middle of its interval, since arrivals are discrete), plus 0.5 % of I for the histogram's
     * three significant digits and the first and last intervals, which the phase may cut short.
     */
    @Property(tries = 40)
    void theMedianLatencyLiesBetweenHalfTheIntervalAndTheIntervalPlusTheRun(
            @ForAll @LongRange(min = 2_000, max = 7_200_000) long intervalMs, @ForAll @LongRange(min = 0, max = 999) long phase) {
        long interval = intervalMs * MS;
        Trace trace = steady(interval, phase * interval / 1000);
        BatchRun run = run(interval, trace);
        double p50 = run.outcome().metrics().firstVisibleLatency().p50Ms();
        double longestRun = run.figures().runDurations().maxMs();
        double tolerance = intervalMs / 50.0 + intervalMs / 200.0;
        Statistics.label("run duration / interval").collect(longestRun / intervalMs < 0.01 ? "< 1 %" : ">= 1 %");
        assertThat(p50).isBetween(intervalMs / 2.0 - tolerance, intervalMs + longestRun + tolerance);
        // Tighter, as steady arrivals give it: half an interval plus the run.
        assertThat(p50).isBetween(intervalMs / 2.0 + run.figures().runDurations().p50Ms() - tolerance,
                intervalMs / 2.0 + longestRun + intervalMs / 200.0);
    }

    @Property(tries = 25)
    void stalenessIsASawToothThatDropsAtEachCommitAndPeaksOneIntervalApart(
            @ForAll @LongRange(min = 2_000, max = 3_600_000) long intervalMs, @ForAll @LongRange(min = 0, max = 999) long phase) {
        long interval = intervalMs * MS;
        Trace trace = steady(interval, phase * interval / 1000);
        BatchRun run = run(interval, trace);
        StalenessTimeline staleness = run.outcome().metrics().staleness();
        long[] times = staleness.times();
        long[] values = staleness.stalenessNanos();
        long step = staleness.step();
        List<Long> drops = new ArrayList<>();
        List<Long> peaks = new ArrayList<>();
        for (int i = 1; i < values.length; i++) {
            if (values[i] < values[i - 1]) {
                drops.add(times[i]);
                peaks.add(values[i - 1]);
            } else if (values[i - 1] > 0) {
                // Between commits it only grows, by exactly the time that passed.
                assertThat(values[i] - values[i - 1]).isEqualTo(times[i] - times[i - 1]);
            }
        }
        List<RunRecord> runs = run.figures().history();
        // Every drop is a commit, seen at the first sample after it. Every commit drops it, except
        // perhaps the first (its few records may arrive and become visible between two samples)
        // and the last (after which nothing waits).
        assertThat(drops).hasSizeBetween(runs.size() - 2, runs.size());
        for (long drop : drops) {
            assertThat(runs).as("a commit just before the drop at %d", drop)
                    .anySatisfy(r -> assertThat(drop).isBetween(r.committed(), r.committed() + step));
        }
        // Peaks one interval apart: the sample grid blurs each by at most a step.
        for (int k = 1; k < drops.size(); k++) {
            assertThat(drops.get(k) - drops.get(k - 1)).isBetween(interval - step, interval + step);
        }
        // A full interval's peak is the interval plus the run, less up to a sample step and an arrival gap.
        long fullPeak = peaks.get(peaks.size() / 2);
        long d = runs.get(peaks.size() / 2).duration();
        assertThat(fullPeak).isBetween(interval + d - step - interval / 50, interval + d);
    }
}
