package org.flowlab.sim.stream;

import java.util.Arrays;
import org.flowlab.sim.job.WindowAssigner;
import org.flowlab.sim.job.WindowConsumer;

/**
 * The windows a row belongs to, as a {@link WindowAssigner} gives them, collected without
 * allocating: {@code count} of them, in the assigner's order (ends grow with starts). They are kept
 * for every event time that has the same windows, so that rows there skip the assigner.
 */
final class AssignedWindows implements WindowConsumer {
    private final WindowAssigner assigner;
    long[] starts = new long[8];
    long[] ends = new long[8];
    int count;
    /** These are the windows of every event time in [from, until). */
    private long from = Long.MAX_VALUE;
    private long until = Long.MIN_VALUE;

    AssignedWindows(WindowAssigner assigner) {
        this.assigner = assigner;
    }

    /** Makes these the windows of {@code eventTime}, asking the assigner only if they may differ. */
    void assign(long eventTime) {
        if (eventTime < from || eventTime >= until) {
            count = 0;
            assigner.assign(eventTime, this);
            from = assigner.sameWindowsFrom(eventTime);
            until = assigner.sameWindowsUntil(eventTime);
        }
    }

    @Override
    public void accept(long start, long end) {
        if (count == starts.length) {
            starts = Arrays.copyOf(starts, count * 2);
            ends = Arrays.copyOf(ends, count * 2);
        }
        starts[count] = start;
        ends[count] = end;
        count++;
    }
}
