package org.flowlab.sim.job;

import org.flowlab.workloads.hash.LongHash;

/**
 * What identifies one output of a job, the same in every engine:
 * <ul>
 *   <li>a window aggregate: the key and the window, {@code seq} 0 ({@link #window});</li>
 *   <li>a process function: the key and {@code [t, t + 1)} for the current time t, and {@code seq}
 *       numbering its outputs at that key and time from 0 ({@link #at});</li>
 *   <li>a job with neither: the row's id as key and {@code [eventTime, eventTime + 1)} ({@link #row}).</li>
 * </ul>
 * Keys sort by window end, window start, key, then seq: the order in which a stream would fire them.
 */
public record ResultKey(long key, long windowStart, long windowEnd, long seq) implements Comparable<ResultKey> {

    /** The output of a window of a key. */
    public static ResultKey window(long key, long windowStart, long windowEnd) {
        return new ResultKey(key, windowStart, windowEnd, 0);
    }

    /** The output of a window of a key. */
    public static ResultKey window(long key, TimeWindow window) {
        return new ResultKey(key, window.start(), window.end(), 0);
    }

    /** The {@code seq}-th output at event time {@code time} for a key; the window's end saturates at +inf. */
    public static ResultKey at(long key, long time, long seq) {
        return new ResultKey(key, time, time == Long.MAX_VALUE ? time : time + 1, seq);
    }

    /** The output of a stateless job for one row: keyed by the row's id, at its event time. */
    public static ResultKey row(Row row) {
        return at(row.id(), row.eventTime(), 0);
    }

    @Override
    public int compareTo(ResultKey o) {
        // Written out rather than as a chain of comparator lambdas: tables of a million outputs sort by it.
        int c = Long.compare(windowEnd, o.windowEnd);
        if (c != 0) {
            return c;
        }
        c = Long.compare(windowStart, o.windowStart);
        if (c != 0) {
            return c;
        }
        c = Long.compare(key, o.key);
        return c != 0 ? c : Long.compare(seq, o.seq);
    }

    /**
     * Mixed (MurmurHash3's fmix64) rather than the record's default, which folds each long to an int
     * by xor: keys made of two ids in the high and low halves, and windows whose bounds cancel out,
     * then crowd a few buckets of the hash maps engines keep outputs in.
     */
    @Override
    public int hashCode() {
        long h = LongHash.fmix64(key + 31 * LongHash.fmix64(windowStart + 31 * LongHash.fmix64(windowEnd + 31 * seq)));
        return (int) (h ^ (h >>> 32));
    }

    /** For example {@code key 7 [10s, 20s)} or {@code key 3 at 1.5s #1}. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("key ").append(key);
        if (windowEnd - windowStart == 1 || (windowStart == Long.MAX_VALUE && windowEnd == Long.MAX_VALUE)) {
            s.append(" at ").append(EventTimeText.format(windowStart));
        } else {
            s.append(" [").append(EventTimeText.format(windowStart)).append(", ")
                    .append(EventTimeText.format(windowEnd)).append(')');
        }
        if (seq != 0) {
            s.append(" #").append(seq);
        }
        return s.toString();
    }
}
