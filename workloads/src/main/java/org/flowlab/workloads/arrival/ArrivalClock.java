package org.flowlab.workloads.arrival;

/**
 * An endless sequence of event times, in virtual nanoseconds, never decreasing. Obtained from
 * {@link ArrivalProcess#clock}; cut it off with an {@link ArrivalBound}.
 */
@FunctionalInterface
public interface ArrivalClock {

    /** The next event time, at or after the previous one. */
    long next();
}
