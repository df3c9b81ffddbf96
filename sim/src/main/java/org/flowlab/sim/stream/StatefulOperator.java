package org.flowlab.sim.stream;

/**
 * The keyed, stateful step of a stage inside one task: a window aggregate or a process function.
 * It takes rows ({@link #add}), reacts to the task's watermark ({@link #advance}) by firing windows
 * and timers, and hands its state to checkpoints and back. Everything it outputs or drops goes
 * through the task, which charges the costs and keeps the order.
 */
interface StatefulOperator {

    /** One row, at the task's current watermark. */
    void add(StreamRecord record, long watermark, KeyedTask task);

    /** The task's watermark has advanced to {@code watermark}: fire what is due. */
    void advance(long watermark, KeyedTask task);

    /** With early firing: whether some result waits for the next early-fire time. */
    default boolean awaitsEarlyFire() {
        return false;
    }

    /** The early-fire time has come: emit the partial results that changed (only with early firing). */
    default void earlyFire(KeyedTask task) {
    }

    /** An immutable copy of the state, for a checkpoint. */
    Object snapshot();

    /** State entries (panes, keys, timers, buffered rows), for the checkpoint's cost. */
    int entries();

    /** Replaces the state with a checkpoint's. */
    void restore(Object snapshot);

    /** Adds {@code b} to {@code a}, saturating at the ends of time. */
    static long saturatedAdd(long a, long b) {
        long r = a + b;
        if (((a ^ r) & (b ^ r)) < 0) {
            return a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        return r;
    }
}
