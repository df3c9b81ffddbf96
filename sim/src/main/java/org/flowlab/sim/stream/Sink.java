package org.flowlab.sim.stream;

import org.HdrHistogram.Histogram;
import org.flowlab.sim.job.ResultTable;
import org.flowlab.sim.metrics.LatencySummary;

/**
 * The job's outputs as consumers see them: a table upserted by result key. At-least-once, an output
 * is visible when a sink task writes it; exactly-once, when the checkpoint after it completes
 * ({@link StreamRun#commit}). An output equal to the one already visible at its key that reflects no
 * record not yet visible is a duplicate (an at-least-once replay): counted, not shown twice. One
 * that reflects new records — an early-fired window whose value did not change — makes them
 * visible. Making an output visible marks the input records it reflects and records its latencies.
 */
final class Sink {
    private final StreamRun run;
    private final ResultTable.Builder visible = ResultTable.builder();
    private long duplicates;
    private final Histogram processingLatency = LatencySummary.newHistogram();
    private final Histogram eventTimeLatency = LatencySummary.newHistogram();
    private final Histogram detectionLatency = LatencySummary.newHistogram();

    Sink(StreamRun run) {
        this.run = run;
    }

    /** A sink task writes {@code out} at {@code t}. */
    void deliver(Task task, SinkOutput out, long t) {
        if (run.config.delivery() == Delivery.AT_LEAST_ONCE) {
            publish(out, t);
        } else {
            task.epoch.outputs.add(out);
        }
    }

    /** {@code out} becomes visible at {@code t}. */
    void publish(SinkOutput out, long t) {
        Object previous = visible.upsert(out.at(), out.value());
        boolean changed = !out.value().equals(previous);
        if (changed) {
            run.visibility.outputChanged(out.at(), t);
        }
        int visibleBefore = run.visibility.visibleCount();
        if (out.sourceId() >= 0) {
            run.visibility.mark(out.sourceId(), t, out.at());
        }
        if (out.lineage() != null) {
            out.lineage().mark(run.visibility, t, out.at());
        }
        if (!changed && run.visibility.visibleCount() == visibleBefore) {
            duplicates++;
            return;
        }
        if (out.maxArrival() >= 0) {
            processingLatency.recordValue(Math.max(0, t - out.maxArrival()));
        }
        if (run.plan.outputsWindows() && out.at().windowEnd() != Long.MAX_VALUE) {
            eventTimeLatency.recordValue(Math.max(0, t - out.at().windowEnd()));
        }
        if (run.plan.outputsDetections()) {
            detectionLatency.recordValue(Math.max(0, t - out.at().windowStart()));
        }
    }

    ResultTable table() {
        return visible.build();
    }

    long duplicates() {
        return duplicates;
    }

    LatencySummary processingLatency() {
        return LatencySummary.of(processingLatency);
    }

    LatencySummary eventTimeLatency() {
        return LatencySummary.of(eventTimeLatency);
    }

    LatencySummary detectionLatency() {
        return LatencySummary.of(detectionLatency);
    }
}
