package org.flowlab.sim.job;

/**
 * A window of event time, {@code [start, end)}: it contains {@code t} iff {@code start <= t < end}.
 * It fires when the watermark reaches {@link #maxTimestamp()}, Flink's rule.
 */
public record TimeWindow(long start, long end) implements Comparable<TimeWindow> {

    /** The window of a global assigner: all of time, firing only at the end of input. */
    public static final TimeWindow ALL_TIME = new TimeWindow(Long.MIN_VALUE, Long.MAX_VALUE);

    public TimeWindow {
        if (end <= start) {
            throw new IllegalArgumentException("window [" + EventTimeText.format(start) + ", "
                    + EventTimeText.format(end) + ") is empty: its end must be after its start");
        }
    }

    public boolean contains(long t) {
        return start <= t && t < end;
    }

    /** The last instant inside the window; the window fires once the watermark reaches it. */
    public long maxTimestamp() {
        return end - 1;
    }

    /** Whether the two windows share an instant; overlapping session windows merge. */
    public boolean overlaps(TimeWindow other) {
        return start < other.end && other.start < end;
    }

    /** The smallest window covering both. */
    public TimeWindow cover(TimeWindow other) {
        return new TimeWindow(Math.min(start, other.start), Math.max(end, other.end));
    }

    @Override
    public int compareTo(TimeWindow o) {
        int c = Long.compare(start, o.start);
        return c != 0 ? c : Long.compare(end, o.end);
    }

    @Override
    public String toString() {
        return "[" + EventTimeText.format(start) + ", " + EventTimeText.format(end) + ")";
    }
}
