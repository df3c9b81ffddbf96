package org.flowlab.workloads.values;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * Normal (Gaussian); values may be negative, so clip in the scenario where that is meaningless.
 *
 * @param mean the mean
 * @param sd   the standard deviation, {@code > 0}
 */
public record NormalValues(double mean, double sd) implements ValueDistribution {

    public NormalValues {
        if (!Double.isFinite(mean) || !(sd > 0) || Double.isInfinite(sd)) {
            throw new IllegalArgumentException("need a finite mean and sd > 0, got mean " + mean + ", sd " + sd);
        }
    }

    @Override
    public ValueSampler sampler(RandomGenerator rng) {
        NormalDistribution d = new NormalDistribution(rng, mean, sd, NormalDistribution.DEFAULT_INVERSE_ABSOLUTE_ACCURACY);
        return d::sample;
    }
}
