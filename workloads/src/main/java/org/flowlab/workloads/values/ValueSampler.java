package org.flowlab.workloads.values;

/** Draws values from a {@link ValueDistribution}. */
@FunctionalInterface
public interface ValueSampler {

    /** The next value. */
    double next();
}
