package org.flowlab.sim.batch;

import java.util.Comparator;
import org.flowlab.sim.job.ResultKey;
import org.flowlab.workloads.hash.LongHash;

/**
 * One (key, window) of a window aggregate. Sorted by window end first, so a watermark finalises
 * a prefix of a sorted set of them.
 */
record SlotKey(long key, long start, long end) {

    static final Comparator<SlotKey> BY_END = SlotKey::compareByEnd;

    private static int compareByEnd(SlotKey a, SlotKey b) {
        int c = Long.compare(a.end, b.end);
        if (c != 0) {
            return c;
        }
        c = Long.compare(a.start, b.start);
        return c != 0 ? c : Long.compare(a.key, b.key);
    }

    ResultKey at() {
        return ResultKey.window(key, start, end);
    }

    /** Whether a watermark at {@code watermark} has passed the window's last instant. */
    boolean finalAt(long watermark) {
        return end - 1 <= watermark;
    }

    /**
     * Mixed (MurmurHash3's fmix64 over the fields) rather than the record's default: keys built of
     * two ids in the high and low halves fold to few {@code int} values, and the global window's
     * bounds cancel out, which left hash maps of slots in long collision chains.
     */
    @Override
    public int hashCode() {
        return hash(key, start, end);
    }

    /** The hash of the slot (key, start, end), well spread over all 32 bits. */
    static int hash(long key, long start, long end) {
        long h = LongHash.fmix64(key + 31 * LongHash.fmix64(start + 31 * end));
        return (int) (h ^ (h >>> 32));
    }
}
