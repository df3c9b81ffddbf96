package org.flowlab.sim.stream;

import org.flowlab.sim.job.ResultKey;

/**
 * An output became visible to consumers: one change of the result table as the sink made it, at
 * the moment it made it — a window's pane as it fires (early, on time or late), an alert, a
 * retraction. A consumer that upserts by {@link #at} ends with the run's result table; one that
 * appends every event sees each update as a row of its own.
 *
 * @param time     virtual time it became visible
 * @param at       where it belongs in the result table
 * @param value    its value; null for a {@link Change#RETRACTED retraction}
 * @param previous the value visible at {@code at} just before, or null if there was none
 */
public record OutputEvent(long time, ResultKey at, Object value, Object previous) {

    /** How an output changed the result table. */
    public enum Change {
        /** The first value at its key (Spark's append mode emits only these). */
        NEW,
        /** A value that replaces another at its key: an early or late pane updating the one before. */
        UPDATED,
        /** The value already visible, again: it reflects records not yet visible, or it is an at-least-once repeat. */
        UNCHANGED,
        /** The value at its key deleted: a provisional alert the final evaluation did not confirm. */
        RETRACTED
    }

    /** How this output changed the result table. */
    public Change change() {
        if (value == null) {
            return Change.RETRACTED;
        }
        if (previous == null) {
            return Change.NEW;
        }
        return value.equals(previous) ? Change.UNCHANGED : Change.UPDATED;
    }
}
