package org.flowlab.workloads.disorder;

import org.apache.commons.math3.distribution.ExponentialDistribution;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * Exponentially distributed delays: most events nearly on time, a thin tail of slow ones.
 *
 * @param meanNanos the mean delay, {@code > 0}
 */
public record ExponentialDelay(double meanNanos) implements DelayDistribution {

    public ExponentialDelay {
        if (!(meanNanos > 0) || Double.isInfinite(meanNanos)) {
            throw new IllegalArgumentException("the mean delay must be > 0 ns, got " + meanNanos);
        }
    }

    @Override
    public DelaySampler sampler(RandomGenerator rng) {
        ExponentialDistribution d = new ExponentialDistribution(rng, meanNanos);
        return () -> Math.round(d.sample());
    }
}
