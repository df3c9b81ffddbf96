package org.flowlab.workloads.disorder;

import org.apache.commons.math3.random.RandomGenerator;

/** Every event arrives the instant it happens: a perfectly ordered, punctual source. */
public record NoDelay() implements DelayDistribution {

    public static final NoDelay INSTANCE = new NoDelay();

    @Override
    public DelaySampler sampler(RandomGenerator rng) {
        return () -> 0L;
    }

    @Override
    public double meanNanos() {
        return 0;
    }
}
