package org.flowlab.sim.stream;

import java.util.Arrays;
import org.flowlab.sim.job.ResultKey;

/**
 * The provisional outputs of one key of a {@link ProcessOperator} not yet reconciled with the final
 * evaluation, in the order they were sent. A key has few at a time, so they sit in an array that
 * is scanned; a key gets one of these at its first provisional output (the {@code updates} output
 * mode only).
 */
final class ProvisionalOutputs {
    private ResultKey[] pendingAt = new ResultKey[2];
    private int count;

    /** A copy that shares nothing this one may change, for a checkpoint or a restore. */
    ProvisionalOutputs copy() {
        ProvisionalOutputs c = new ProvisionalOutputs();
        c.pendingAt = Arrays.copyOf(pendingAt, Math.max(2, count));
        c.count = count;
        return c;
    }

    int size() {
        return count;
    }

    /** How many are at event time {@code time}: the next one's seq there. */
    int countAt(long time) {
        int n = 0;
        for (int i = 0; i < count; i++) {
            if (pendingAt[i].windowStart() == time) {
                n++;
            }
        }
        return n;
    }

    /** A provisional output was sent at {@code at}. */
    void add(ResultKey at) {
        if (count == pendingAt.length) {
            pendingAt = Arrays.copyOf(pendingAt, count * 2);
        }
        pendingAt[count++] = at;
    }

    /**
     * The final evaluation emits at {@code at}: takes the provisional output there, if any, out of
     * the pending ones; says whether there was one.
     */
    boolean confirm(ResultKey at) {
        for (int i = 0; i < count; i++) {
            if (pendingAt[i].equals(at)) {
                System.arraycopy(pendingAt, i + 1, pendingAt, i, count - i - 1);
                pendingAt[--count] = null;
                return true;
            }
        }
        return false;
    }

    /**
     * Drops those at event times up to {@code upTo}, which the final evaluation, now run past them,
     * did not confirm; returns how many.
     */
    int dropUpTo(long upTo) {
        int kept = 0;
        for (int i = 0; i < count; i++) {
            if (pendingAt[i].windowStart() > upTo) {
                pendingAt[kept++] = pendingAt[i];
            }
        }
        int dropped = count - kept;
        Arrays.fill(pendingAt, kept, count, null);
        count = kept;
        return dropped;
    }
}
