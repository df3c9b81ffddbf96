package org.flowlab.workloads.keys;

/** Draws keys from a {@link KeyDistribution}, each in {@code [0, keyCount)}. */
@FunctionalInterface
public interface KeySampler {

    /** The next key. */
    long next();
}
