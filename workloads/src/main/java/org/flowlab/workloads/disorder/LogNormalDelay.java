package org.flowlab.workloads.disorder;

import org.apache.commons.math3.distribution.LogNormalDistribution;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * Log-normal delays, the measured shape of network and queueing delays: {@code ln(delay)} is
 * normal with mean {@code ln(median)} and standard deviation {@code sigma}.
 *
 * @param medianNanos the median delay, {@code > 0}
 * @param sigma       the standard deviation of {@code ln(delay)}, {@code > 0}
 */
public record LogNormalDelay(long medianNanos, double sigma) implements DelayDistribution {

    public LogNormalDelay {
        if (medianNanos <= 0 || !(sigma > 0) || Double.isInfinite(sigma)) {
            throw new IllegalArgumentException("need median > 0 ns and sigma > 0, got " + medianNanos + " ns, " + sigma);
        }
    }

    @Override
    public DelaySampler sampler(RandomGenerator rng) {
        LogNormalDistribution d = new LogNormalDistribution(rng, Math.log(medianNanos), sigma,
                LogNormalDistribution.DEFAULT_INVERSE_ABSOLUTE_ACCURACY);
        // Clamped because a huge sigma could overflow a long; a delay of ~292 years is "never".
        return () -> (long) Math.min(Math.rint(d.sample()), Long.MAX_VALUE / 4.0);
    }

    @Override
    public double meanNanos() {
        return medianNanos * Math.exp(sigma * sigma / 2);
    }
}
