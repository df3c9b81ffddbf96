package org.flowlab.workloads.disorder;

import org.apache.commons.math3.random.RandomGenerator;

/**
 * The same delay for every event: late, but never out of order.
 *
 * @param delayNanos the delay, {@code >= 0}
 */
public record FixedDelay(long delayNanos) implements DelayDistribution {

    public FixedDelay {
        if (delayNanos < 0) {
            throw new IllegalArgumentException("a delay must be >= 0 ns, got " + delayNanos);
        }
    }

    @Override
    public DelaySampler sampler(RandomGenerator rng) {
        return () -> delayNanos;
    }

    @Override
    public double meanNanos() {
        return delayNanos;
    }
}
