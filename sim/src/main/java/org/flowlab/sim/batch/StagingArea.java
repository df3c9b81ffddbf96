package org.flowlab.sim.batch;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.flowlab.sim.fault.FaultPlan;
import org.flowlab.workloads.Trace;
import org.flowlab.workloads.TraceSchema;
import org.flowlab.workloads.text.DurationText;

/**
 * Where ingestion lands each record before a batch run reads it: record i is staged at its arrival
 * time, or, if a source stall covers that time, when the stall ends. Records are partitioned by
 * arrival hour, like a data lake's {@code day=0/hour=05} folders. Staging keeps arrival order, so
 * what is staged at any moment is a prefix of the trace, and a run reads the part of that prefix
 * the runs before it have not read.
 */
public final class StagingArea {
    private final Trace trace;
    /** When each record is staged, if a stall delays some; null when each is staged at its arrival. */
    private final long[] stagedAt;
    private final long bytesPerRecord;

    /** The staging of {@code trace} under the source stalls of {@code faults}. */
    public StagingArea(Trace trace, FaultPlan faults) {
        this.trace = trace;
        this.bytesPerRecord = bytesPerRecord(trace.schema());
        int n = trace.size();
        if (faults.stalls().isEmpty()) {
            // A trace is in arrival order, so its arrival times are the staging times as they are.
            stagedAt = null;
            return;
        }
        stagedAt = new long[n];
        long previous = Long.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            // Stalls only push times later, never reorder them; the maximum keeps that explicit.
            previous = Math.max(previous, faults.stallEnd(trace.arrivalTime(i)));
            stagedAt[i] = previous;
        }
    }

    /**
     * The estimated size of one staged record: 8 bytes for each of id, event time, arrival time, key
     * and value, 1 for the kind and 1 for the label, and 8 for each attribute the schema uses — a
     * columnar file's size before compression.
     */
    public static long bytesPerRecord(TraceSchema schema) {
        long bytes = 5 * 8 + 2;
        for (String attr : new String[]{schema.attr1(), schema.attr2(), schema.attr3()}) {
            if (attr != null) {
                bytes += 8;
            }
        }
        return bytes;
    }

    /** How many records the trace has. */
    public int size() {
        return trace.size();
    }

    public long bytesPerRecord() {
        return bytesPerRecord;
    }

    /** When record {@code i} is staged. */
    public long stagedAt(int i) {
        return stagedAt == null ? trace.arrivalTime(i) : stagedAt[i];
    }

    /** How many records are staged at or before {@code t}: they are records {@code [0, stagedBy(t))}. */
    public int stagedBy(long t) {
        int lo = 0;
        int hi = size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (stagedAt(mid) <= t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** When the last record is staged, or {@link Long#MIN_VALUE} for an empty trace. */
    public long lastStaged() {
        return size() == 0 ? Long.MIN_VALUE : stagedAt(size() - 1);
    }

    /** The bytes of {@code records} staged records. */
    public long bytes(long records) {
        return records * bytesPerRecord;
    }

    /** The partitions by arrival hour, in time order, each with its records and bytes. */
    public List<Partition> partitions() {
        List<Partition> out = new ArrayList<>();
        int first = 0;
        while (first < size()) {
            long hour = Math.floorDiv(trace.arrivalTime(first), DurationText.NANOS_PER_HOUR);
            int end = first;
            while (end < size() && Math.floorDiv(trace.arrivalTime(end), DurationText.NANOS_PER_HOUR) == hour) {
                end++;
            }
            out.add(new Partition(hour * DurationText.NANOS_PER_HOUR, first, end - first, bytes(end - first)));
            first = end;
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * One folder of the staging area: the records that arrived in one hour.
     *
     * @param hourStart   the start of the hour, virtual nanoseconds
     * @param firstRecord the trace position of its first record
     * @param records     how many records
     * @param bytes       their estimated size
     */
    public record Partition(long hourStart, int firstRecord, int records, long bytes) {

        /** For example {@code day=0/hour=05}. */
        public String path() {
            long hour = Math.floorDiv(hourStart, DurationText.NANOS_PER_HOUR);
            return String.format(Locale.ROOT, "day=%d/hour=%02d", Math.floorDiv(hour, 24), Math.floorMod(hour, 24));
        }
    }

    @Override
    public String toString() {
        return "StagingArea(" + size() + " records of ~" + bytesPerRecord + " bytes)";
    }
}
