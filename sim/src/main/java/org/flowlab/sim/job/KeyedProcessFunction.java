package org.flowlab.sim.job;

/**
 * Handles the rows of one key at a time, in {@link Row#ORDER} (event time, then id), with state and
 * timers through the context. A timer at t fires after every row of the key with event time
 * {@code <= t} and before any row with event time {@code > t}; at the end of the input every
 * remaining timer fires, in time order.
 */
public interface KeyedProcessFunction {

    /** One row of the context's key; {@code ctx.currentTime()} is its event time. */
    void processElement(Row row, ProcessContext ctx);

    /** A timer of the context's key fires; {@code ctx.currentTime()} is {@code timestamp}. */
    default void onTimer(long timestamp, ProcessContext ctx) {
    }
}
