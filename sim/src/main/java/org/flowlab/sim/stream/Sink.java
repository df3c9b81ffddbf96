package org.flowlab.sim.stream;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.HdrHistogram.Histogram;
import org.flowlab.sim.job.Output;
import org.flowlab.sim.job.ResultKey;
import org.flowlab.sim.job.ResultTable;
import org.flowlab.sim.metrics.LatencySummary;

/**
 * The job's outputs as consumers see them: a table upserted by result key. At-least-once, an output
 * is visible when a sink task writes it; exactly-once, when the checkpoint after it completes
 * ({@link StreamRun#commit}). An output equal to the one already visible at its key that reflects no
 * record not yet visible is a duplicate (an at-least-once replay): counted, not shown twice. One
 * that reflects new records — an early-fired window whose value did not change — makes them
 * visible. Making an output visible marks the input records it reflects and records its latencies.
 * Provisional outputs (a detector's, in the {@code updates} output mode) are upserted too, and
 * remembered until an output at the same key confirms them — an equal one is then no duplicate —
 * or a reconciliation deletes them: a retraction, which counts as a change of that output.
 */
final class Sink {
    private final StreamRun run;
    /** What is visible; by place for a stateless job, whose output for a row is keyed by the row's id, its trace position. */
    private final ResultTable.Builder visible;
    private long duplicates;
    private long retractions;
    /** The provisional outputs shown and not yet confirmed or retracted, by key; made at the first. */
    private Map<Long, List<ResultKey>> provisional;
    private final Histogram processingLatency = LatencySummary.newHistogram();
    private final Histogram detectionLatency = LatencySummary.newHistogram();
    /** Told of every output made visible, or null: no event is made while nobody listens. */
    private Consumer<OutputEvent> listener;

    Sink(StreamRun run) {
        this.run = run;
        this.visible = run.plan.lastStateful < 0 ? ResultTable.builderByPlace(run.trace.size()) : ResultTable.builder();
    }

    void onOutput(Consumer<OutputEvent> listener) {
        this.listener = listener;
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
        boolean confirmed = false;
        switch (out.kind()) {
            case RECONCILE -> {
                reconcile(out.at().key(), out.at().windowStart(), t);
                return;
            }
            case PROVISIONAL -> remember(out.at());
            case OUTPUT -> confirmed = provisional != null && forget(out.at());
        }
        Object previous = visible.upsert(out.at(), out.value());
        if (listener != null) {
            listener.accept(new OutputEvent(t, out.at(), out.value(), previous));
        }
        boolean changed = !out.value().equals(previous);
        int output = run.visibility.outputId(out.at());
        if (changed) {
            run.visibility.outputChanged(output, t);
        }
        int visibleBefore = run.visibility.visibleCount();
        if (out.sourceId() >= 0) {
            run.visibility.mark(out.sourceId(), t, output);
        }
        if (out.lineage() != null) {
            out.lineage().mark(run.visibility, t, output);
        }
        if (!changed && run.visibility.visibleCount() == visibleBefore) {
            if (!confirmed) {
                duplicates++; // a final output that confirms the provisional value shown is no repeat
            }
            return;
        }
        if (out.maxArrival() >= 0) {
            processingLatency.recordValue(Math.max(0, t - out.maxArrival()));
        }
        if (run.plan.outputsDetections() && previous == null) {
            // Once per alert: a provisional alert confirmed with another value was detected already.
            detectionLatency.recordValue(Math.max(0, t - out.at().windowStart()));
        }
    }

    // ---------------------------------------------------------------- provisional outputs

    /**
     * Remembers a provisional output by its key. Kept here, with what is visible, rather than only
     * in the operator's state: an at-least-once attempt that a restart discards may have shown
     * provisional outputs that the replay, in another order, does not emit again, and the
     * reconciliation must retract them too.
     */
    private void remember(ResultKey at) {
        if (provisional == null) {
            provisional = new HashMap<>();
        }
        List<ResultKey> keys = provisional.computeIfAbsent(at.key(), k -> new ArrayList<>(2));
        if (!keys.contains(at)) {
            keys.add(at);
        }
    }

    /** A final output at {@code at}: whether it confirms a provisional one, no longer provisional then. */
    private boolean forget(ResultKey at) {
        List<ResultKey> keys = provisional.get(at.key());
        if (keys == null || !keys.remove(at)) {
            return false;
        }
        if (keys.isEmpty()) {
            provisional.remove(at.key());
        }
        return true;
    }

    /** Deletes {@code key}'s provisional outputs at or before {@code upTo}: no final output confirmed them. */
    private void reconcile(long key, long upTo, long t) {
        List<ResultKey> keys = provisional == null ? null : provisional.get(key);
        if (keys == null) {
            return;
        }
        keys.removeIf(at -> {
            if (at.windowStart() > upTo) {
                return false;
            }
            // It reflects no record; deleting an output already gone changes nothing.
            Object removed = visible.remove(at);
            if (removed != null) {
                retractions++;
                if (listener != null) {
                    listener.accept(new OutputEvent(t, at, null, removed));
                }
                run.visibility.outputChanged(at, t);
            }
            return true;
        });
        if (keys.isEmpty()) {
            provisional.remove(key);
        }
    }

    ResultTable table() {
        return visible.build();
    }

    long duplicates() {
        return duplicates;
    }

    /** Outputs deleted: provisional outputs the final evaluation did not confirm. */
    long retractions() {
        return retractions;
    }

    LatencySummary processingLatency() {
        return LatencySummary.of(processingLatency);
    }

    /** The event-time latency of the outputs in {@code table}, what is visible at the end, if the job's are windows. */
    LatencySummary eventTimeLatency(ResultTable table) {
        return run.plan.outputsWindows()
                ? run.visibility.eventTimeLatency(table.outputs().stream().map(Output::at).toList()) : LatencySummary.EMPTY;
    }

    LatencySummary detectionLatency() {
        return LatencySummary.of(detectionLatency);
    }
}
