package org.flowlab.workloads.values;

import org.apache.commons.math3.random.RandomGenerator;

/**
 * Always the same value; draws nothing.
 *
 * @param value the value
 */
public record FixedValue(double value) implements ValueDistribution {

    public FixedValue {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("value must be finite, got " + value);
        }
    }

    @Override
    public ValueSampler sampler(RandomGenerator rng) {
        return () -> value;
    }

    @Override
    public double mean() {
        return value;
    }
}
