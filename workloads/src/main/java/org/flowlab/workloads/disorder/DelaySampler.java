package org.flowlab.workloads.disorder;

/** Draws delays, in nanoseconds, never negative. */
@FunctionalInterface
public interface DelaySampler {

    /** The next delay, {@code >= 0} nanoseconds. */
    long nextDelay();
}
