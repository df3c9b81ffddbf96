package org.flowlab.sim.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.statistics.Statistics;
import org.flowlab.sim.engine.ContractTraces;
import org.flowlab.sim.job.Job;
import org.flowlab.sim.job.Row;
import org.flowlab.sim.job.Windows;
import org.flowlab.sim.job.aggregate.Aggregates;
import org.flowlab.workloads.Trace;
import org.flowlab.workloads.TraceBuilder;

/**
 * A sliding window kept in slices charges a checkpoint for the (key, window) panes the whole
 * windows would hold ({@link WindowOperator#entries}): after every row and every watermark, the
 * count is that of the (key, window end) pairs of the windows not fired yet (their last instant
 * after the watermark) over the rows taken, counted here window by window from the rows alone.
 */
class SlicedWindowEntriesProperties {
    private static final long MS = ContractTraces.MS;
    private static final long S = 1_000 * MS;

    /** A row of {@code key} {@code millis} after the watermark, or the watermark moved on by {@code millis}. */
    record Step(boolean advance, long key, long millis) {
    }

    @Provide
    Arbitrary<Step> steps() {
        Arbitrary<Step> row = Arbitraries.longs().between(0, 5).flatMap(key ->
                Arbitraries.longs().between(1, 40_000).map(millis -> new Step(false, key, millis)));
        Arbitrary<Step> advance = Arbitraries.longs().between(1, 20_000).map(millis -> new Step(true, 0, millis));
        return Arbitraries.frequencyOf(Tuple.of(4, row), Tuple.of(1, advance));
    }

    @Property(tries = 300)
    void aCheckpointCountsThePanesTheWholeWindowsWouldHold(@ForAll @IntRange(min = 2, max = 6) int slicesPerWindow,
                                                           @ForAll @IntRange(min = 1, max = 3) int slideSeconds,
                                                           @ForAll @Size(max = 60) List<@From("steps") Step> steps) {
        long slide = slideSeconds * S;
        long size = slicesPerWindow * slide;
        Job job = Job.named("sliced-count", "rows per key over sliding windows").keyBy(Row::key)
                .window(Windows.sliding(size, slide)).aggregate(Aggregates.count()).build();
        // The run is only a home for a keyed task; its trace gives the rows taken here their ids.
        TraceBuilder b = ContractTraces.builder();
        for (int i = 0; i <= steps.size(); i++) {
            b.add(i, i, ContractTraces.BID, 0, 1);
        }
        Trace trace = b.build();
        StreamRun run = StreamRun.start(job, trace, StreamConfig.defaults().withSourcePartitions(1).withParallelism(1));
        KeyedTask task = null;
        for (Task t : run.tasks()) {
            if (t instanceof KeyedTask keyed) {
                task = keyed;
            }
        }
        WindowOperator operator = (WindowOperator) task.operator;

        long watermark = 0;
        Set<List<Long>> panes = new HashSet<>();
        int id = 0;
        int largest = 0;
        for (Step step : steps) {
            if (step.advance()) {
                watermark += step.millis() * MS;
                operator.advance(watermark, task);
            } else {
                // After the watermark, so never late: every window over it is still open.
                long t = watermark + step.millis() * MS;
                Row row = new Row(id, t, ContractTraces.BID, step.key(), 1, 0, 0, 0);
                operator.add(new StreamRecord(row, null, id, null, t, Long.MIN_VALUE), watermark, task);
                id++;
                for (long end = Math.floorDiv(t, slide) * slide + slide; end - size <= t; end += slide) {
                    panes.add(List.of(step.key(), end));
                }
            }
            long open = watermark;
            int expected = (int) panes.stream().filter(p -> p.get(1) - 1 > open).count();
            assertThat(operator.entries()).as("after %s at watermark %d", step, watermark).isEqualTo(expected);
            largest = Math.max(largest, expected);
        }
        Statistics.label("most panes at once").collect(largest == 0 ? "none" : largest <= 10 ? "1 to 10" : "more than 10");
        Statistics.label("most panes at once").coverage(c -> c.check("more than 10").percentage(p -> p > 30));
    }
}
