package org.flowlab.sim.metrics;

import java.util.Arrays;
import org.HdrHistogram.Histogram;
import org.flowlab.workloads.Trace;

/**
 * When each input record became visible: one time per trace position, -1 while not yet. A record
 * is visible once an output reflecting it is visible to consumers, or, for a record no output
 * reflects (filtered out, consumed by a detector's state, dropped as late), once its effect is
 * committed. Only the first time counts: later outputs that reflect it again change nothing.
 * The headline latency of a record is {@code visibleAt − arrivalTime} (DESIGN.md, "latency").
 */
public final class RecordVisibility {
    private final long[] visibleAt;
    private int visible;

    /** Nothing visible yet, for a trace of {@code size} records. */
    public RecordVisibility(int size) {
        visibleAt = new long[size];
        Arrays.fill(visibleAt, -1);
    }

    /** The record count. */
    public int size() {
        return visibleAt.length;
    }

    /** Marks record {@code i} visible at {@code t} unless it already is; says whether it was new. */
    public boolean mark(int i, long t) {
        if (visibleAt[i] >= 0) {
            return false;
        }
        if (t < 0) {
            throw new IllegalArgumentException("record " + i + ": visibility time " + t + " is negative");
        }
        visibleAt[i] = t;
        visible++;
        return true;
    }

    public boolean isVisible(int i) {
        return visibleAt[i] >= 0;
    }

    /** When record {@code i} became visible, or -1. */
    public long visibleAt(int i) {
        return visibleAt[i];
    }

    /** How many records are visible. */
    public int visibleCount() {
        return visible;
    }

    /** How many records are not visible (at the end of a run: lost, which must be 0). */
    public int invisibleCount() {
        return visibleAt.length - visible;
    }

    /** The first record not visible, or -1 if all are. */
    public int firstInvisible() {
        for (int i = 0; i < visibleAt.length; i++) {
            if (visibleAt[i] < 0) {
                return i;
            }
        }
        return -1;
    }

    /** A copy of the times, for {@link StalenessTimeline}. */
    public long[] toArray() {
        return visibleAt.clone();
    }

    /** The latest visibility time, or -1 if nothing is visible. */
    public long lastVisible() {
        long max = -1;
        for (long t : visibleAt) {
            max = Math.max(max, t);
        }
        return max;
    }

    /** The per-record latency, arrival to visible, over the visible records. */
    public LatencySummary latency(Trace trace) {
        if (trace.size() != visibleAt.length) {
            throw new IllegalArgumentException("the trace has " + trace.size() + " records, the visibility " + visibleAt.length);
        }
        Histogram h = LatencySummary.newHistogram();
        // Last record first: records made visible together then have rising latencies, in runs
        // that share a bucket of the histogram; the order changes nothing else.
        BucketRuns runs = new BucketRuns(h);
        for (int i = visibleAt.length - 1; i >= 0; i--) {
            if (visibleAt[i] >= 0) {
                runs.record(Math.max(0, visibleAt[i] - trace.arrivalTime(i)));
            }
        }
        runs.flush();
        return LatencySummary.of(h);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RecordVisibility v && Arrays.equals(visibleAt, v.visibleAt);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(visibleAt);
    }

    @Override
    public String toString() {
        return "RecordVisibility(" + visible + " of " + visibleAt.length + " visible)";
    }
}
