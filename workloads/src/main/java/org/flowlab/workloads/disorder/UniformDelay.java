package org.flowlab.workloads.disorder;

import org.apache.commons.math3.distribution.UniformRealDistribution;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * Delays uniform on {@code [min, max)}: the usual model of very late events (a device that was
 * offline for somewhere between a minute and ten).
 *
 * @param minNanos the shortest delay, {@code >= 0}
 * @param maxNanos the bound above every delay, {@code > minNanos}
 */
public record UniformDelay(long minNanos, long maxNanos) implements DelayDistribution {

    public UniformDelay {
        if (minNanos < 0 || maxNanos <= minNanos) {
            throw new IllegalArgumentException("need 0 <= min < max, got [" + minNanos + ", " + maxNanos + ") ns");
        }
    }

    @Override
    public DelaySampler sampler(RandomGenerator rng) {
        UniformRealDistribution d = new UniformRealDistribution(rng, minNanos, maxNanos);
        // Flooring keeps every delay below max, as the half-open interval promises.
        return () -> Math.min(maxNanos - 1, (long) Math.floor(d.sample()));
    }

    @Override
    public double meanNanos() {
        return (minNanos + (double) maxNanos) / 2;
    }
}
