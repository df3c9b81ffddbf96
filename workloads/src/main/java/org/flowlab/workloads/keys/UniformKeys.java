package org.flowlab.workloads.keys;

import org.apache.commons.math3.random.RandomGenerator;

/**
 * Every key equally likely: no skew, the easy case for partitioning.
 *
 * @param n the number of keys
 */
public record UniformKeys(int n) implements KeyDistribution {

    public UniformKeys {
        if (n < 1) {
            throw new IllegalArgumentException("n must be >= 1, got " + n);
        }
    }

    @Override
    public KeySampler sampler(RandomGenerator rng) {
        return () -> rng.nextInt(n);
    }

    @Override
    public int keyCount() {
        return n;
    }
}
