package org.flowlab.workloads.values;

import org.apache.commons.math3.distribution.LogNormalDistribution;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * Log-normal: {@code ln(value)} is normal with mean {@code mu = ln(median)} and standard
 * deviation {@code sigma}. The usual shape of money amounts and latencies: positive, a long right
 * tail. Given by its median rather than {@code mu} because the median is in the value's own unit.
 *
 * @param median the median value, {@code e^mu}, {@code > 0}
 * @param sigma  the standard deviation of {@code ln(value)} (Commons Math's "shape"), {@code > 0}
 */
public record LogNormalValues(double median, double sigma) implements ValueDistribution {

    public LogNormalValues {
        if (!(median > 0) || Double.isInfinite(median) || !(sigma > 0) || Double.isInfinite(sigma)) {
            throw new IllegalArgumentException("need median > 0 and sigma > 0, got median " + median + ", sigma " + sigma);
        }
    }

    /** The mean of {@code ln(value)} (Commons Math's "scale"). */
    public double mu() {
        return Math.log(median);
    }

    @Override
    public ValueSampler sampler(RandomGenerator rng) {
        LogNormalDistribution d = new LogNormalDistribution(rng, mu(), sigma,
                LogNormalDistribution.DEFAULT_INVERSE_ABSOLUTE_ACCURACY);
        return d::sample;
    }

    @Override
    public double mean() {
        return median * Math.exp(sigma * sigma / 2);
    }
}
