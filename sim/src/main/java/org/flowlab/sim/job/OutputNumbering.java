package org.flowlab.sim.job;

/**
 * The numbering of one key's process-function outputs: the n-th output at event time t is at
 * {@link ResultKey#at}(key, t, n), n counting from 0 (see {@link ProcessContext#emit}). An engine
 * that keeps each key's state in one object extends this class, so the numbering lives in that
 * object rather than in one of its own; one that numbers a key at a time holds an instance.
 */
public class OutputNumbering {

    // No output yet reads as zero outputs at time 0, which numbers the first output 0 as well.
    private long time;
    private long count;

    /** The key of the next output of {@code key} at event time {@code time}. */
    public final ResultKey nextAt(long key, long time) {
        if (this.time != time) {
            this.time = time;
            count = 0;
        }
        return ResultKey.at(key, time, count++);
    }

    /** Starts the numbering again, as for a key with no outputs yet. */
    public final void resetNumbering() {
        count = 0;
    }

    /** Continues from where {@code other} is, for a copy of a key's state. */
    public final void copyNumbering(OutputNumbering other) {
        time = other.time;
        count = other.count;
    }
}
