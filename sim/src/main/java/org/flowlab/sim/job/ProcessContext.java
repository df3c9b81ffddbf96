package org.flowlab.sim.job;

/**
 * What a {@link KeyedProcessFunction} may see and do for the current key. Engines implement it; the
 * rules below are part of the semantics every engine reproduces.
 */
public interface ProcessContext {

    /** The key being processed. */
    long key();

    /** The event time of the current row, or the timestamp of the firing timer. */
    long currentTime();

    /**
     * The key's state under {@code name}, or null. Values are treated as immutable: engines keep
     * references to them in checkpoints, so change state by {@link #setState} with a new value.
     */
    <T> T state(String name);

    /** Sets the key's state under {@code name}; null clears it. */
    void setState(String name, Object value);

    void clearState(String name);

    /**
     * Asks for {@link KeyedProcessFunction#onTimer} at event time {@code timestamp}; one timer per
     * key and time, however often it is registered. From {@code processElement} the time may be the
     * current time or later; from {@code onTimer} it must be later than the current time.
     *
     * @throws IllegalArgumentException for a time in the past
     */
    void registerTimer(long timestamp);

    /** Cancels the key's timer at {@code timestamp}, if there is one. */
    void deleteTimer(long timestamp);

    /**
     * Emits a job output at {@link ResultKey#at}(key, currentTime, seq), seq counting this key's
     * outputs at this time from 0. Only the job's last step may emit.
     *
     * @throws IllegalStateException when the function is not the job's last step
     */
    void emit(Object value);

    /**
     * Passes a row to the next step, or, for the job's last step, outputs it like {@link #emit}
     * (sharing the seq count). When only stateless steps follow, their result for this row keeps
     * that same output key. Its event time must not be before {@link #currentTime()}, or it would
     * be late downstream; its id should be the id of the row that caused it.
     *
     * @throws IllegalArgumentException for a row earlier than the current time
     */
    void forward(Row row);
}
