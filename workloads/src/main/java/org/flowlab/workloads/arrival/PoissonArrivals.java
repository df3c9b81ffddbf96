package org.flowlab.workloads.arrival;

import org.apache.commons.math3.distribution.ExponentialDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.flowlab.workloads.text.DurationText;

/**
 * A homogeneous Poisson process: independent, exponentially distributed gaps with mean
 * {@code 1 / rate}, the model of many independent users.
 *
 * @param ratePerSecond events per second
 */
public record PoissonArrivals(double ratePerSecond) implements ArrivalProcess {

    public PoissonArrivals {
        checkRate(ratePerSecond);
    }

    @Override
    public ArrivalClock clock(RandomGenerator rng, long startNanos) {
        ExponentialDistribution gaps = new ExponentialDistribution(rng, DurationText.NANOS_PER_SECOND / ratePerSecond);
        return new ArrivalClock() {
            // The offset is kept in double precision so that sub-nanosecond gaps still add up.
            private double offset;

            @Override
            public long next() {
                offset += gaps.sample();
                return startNanos + (long) offset;
            }
        };
    }

    @Override
    public double meanRatePerSecond() {
        return ratePerSecond;
    }

    @Override
    public double expectedCount(long fromNanos, long toNanos) {
        return Math.max(0, toNanos - fromNanos) / (double) DurationText.NANOS_PER_SECOND * ratePerSecond;
    }

    private static void checkRate(double perSecond) {
        if (!(perSecond > 0) || Double.isInfinite(perSecond)) {
            throw new IllegalArgumentException("a rate must be positive and finite, got " + perSecond + "/s");
        }
    }
}
