package org.flowlab.sim.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.flowlab.sim.batch.TestJobs.BID;
import static org.flowlab.sim.batch.TestJobs.S;

import org.flowlab.sim.engine.RunOutcome;
import org.flowlab.sim.job.Job;
import org.flowlab.sim.job.Row;
import org.flowlab.sim.job.Windows;
import org.flowlab.sim.job.aggregate.Aggregates;
import org.flowlab.sim.metrics.RunMetrics;
import org.flowlab.sim.stream.StreamConfig;
import org.flowlab.sim.stream.StreamEngine;
import org.flowlab.workloads.Trace;
import org.flowlab.workloads.TraceBuilder;
import org.junit.jupiter.api.Test;

/**
 * Every engine's throughput follows one rule ({@link RunMetrics#throughputPerSecond(long, long, long)}):
 * records read for the first time, over the trace's first arrival to the last first read, at least a second.
 */
class ThroughputFigureTest {
    private static final Job COUNT = Job.named("count", "rows per key per 10 s").keyBy(Row::key)
            .window(Windows.tumbling("10s")).aggregate(Aggregates.count()).build();

    @Test
    void recordsOverTheSpanToTheLastFirstReadAtLeastASecond() {
        assertThat(RunMetrics.throughputPerSecond(100, 5 * S, 15 * S)).isEqualTo(10.0);
        // A span under a second counts as one: a burst read at once is not an infinite rate.
        assertThat(RunMetrics.throughputPerSecond(100, 5 * S, 5 * S + 1)).isEqualTo(100.0);
        assertThat(RunMetrics.throughputPerSecond(0, 5 * S, 15 * S)).isZero();
    }

    @Test
    void aBatchReadingEverythingAtItsHourlyRunAndAStreamReadingAsRecordsArriveFollowTheSameRule() {
        TraceBuilder b = TestJobs.builder();
        for (int i = 0; i < 10; i++) {
            b.add((i + 1) * S, (i + 1) * S, BID, i % 3, 1);
        }
        Trace trace = b.build();
        RunOutcome stream = StreamEngine.run(COUNT, trace, StreamConfig.defaults());
        // The stream reads each record as it arrives: 10 records over the 9 s from the first arrival to the last.
        assertThat(stream.metrics().throughputPerSecond()).isBetween(10 / 9.5, 10 / 9.0);
        RunOutcome batch = new BatchEngine(BatchConfig.defaults().withSchedule("every 1h")).run(COUNT, trace);
        // The batch reads them all in its run at 1 h: 10 records over about the hour less a second.
        assertThat(batch.metrics().throughputPerSecond()).isBetween(10 / 3_700.0, 10 / 3_599.0);
    }
}
