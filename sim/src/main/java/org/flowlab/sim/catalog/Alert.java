package org.flowlab.sim.catalog;

/**
 * What a detector job outputs when its condition becomes true, at the key it watches (a card, a
 * host). Detection latency is measured from {@link #triggerTime()}.
 */
public interface Alert {

    /** The event time of the record that made the condition true, nanoseconds. */
    long triggerTime();

    /** Why the alert was raised, in a word or two ({@code amount}, {@code country}, {@code cpu-p95}). */
    String reason();
}
