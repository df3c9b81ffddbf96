package org.flowlab.sim.batch;

import java.util.Comparator;
import org.flowlab.sim.job.ResultKey;

/**
 * One (key, window) of a window aggregate. Sorted by window end first, so a watermark finalises
 * a prefix of a sorted set of them.
 */
record SlotKey(long key, long start, long end) {

    static final Comparator<SlotKey> BY_END = Comparator.comparingLong(SlotKey::end)
            .thenComparingLong(SlotKey::start).thenComparingLong(SlotKey::key);

    ResultKey at() {
        return ResultKey.window(key, start, end);
    }

    /** Whether a watermark at {@code watermark} has passed the window's last instant. */
    boolean finalAt(long watermark) {
        return end - 1 <= watermark;
    }
}
