package org.flowlab.workloads.values;

import org.apache.commons.math3.distribution.UniformRealDistribution;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * Uniform on {@code [min, max)}.
 *
 * @param min the smallest value
 * @param max the bound above every value, {@code > min}
 */
public record UniformValues(double min, double max) implements ValueDistribution {

    public UniformValues {
        if (!(max > min) || !Double.isFinite(min) || !Double.isFinite(max)) {
            throw new IllegalArgumentException("need finite min < max, got [" + min + ", " + max + ")");
        }
    }

    @Override
    public ValueSampler sampler(RandomGenerator rng) {
        UniformRealDistribution d = new UniformRealDistribution(rng, min, max);
        return d::sample;
    }

    @Override
    public double mean() {
        return (min + max) / 2;
    }
}
