package org.flowlab.workloads.values;

import org.apache.commons.math3.distribution.ExponentialDistribution;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * Exponential: positive, memoryless, most values small.
 *
 * @param mean the mean, {@code > 0}
 */
public record ExponentialValues(double mean) implements ValueDistribution {

    public ExponentialValues {
        if (!(mean > 0) || Double.isInfinite(mean)) {
            throw new IllegalArgumentException("mean must be > 0, got " + mean);
        }
    }

    @Override
    public ValueSampler sampler(RandomGenerator rng) {
        ExponentialDistribution d = new ExponentialDistribution(rng, mean);
        return d::sample;
    }
}
