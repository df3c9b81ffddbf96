package org.flowlab.workloads.arrival;

import org.apache.commons.math3.random.RandomGenerator;
import org.flowlab.workloads.text.DurationText;

/**
 * Evenly spaced events, the first at the start: event {@code k} at {@code start + k / rate}. It
 * draws nothing, which makes it the baseline against which the random shapes are compared.
 *
 * @param ratePerSecond events per second
 */
public record ConstantRate(double ratePerSecond) implements ArrivalProcess {

    public ConstantRate {
        checkRate(ratePerSecond);
    }

    @Override
    public ArrivalClock clock(RandomGenerator rng, long startNanos) {
        double gap = DurationText.NANOS_PER_SECOND / ratePerSecond;
        return new ArrivalClock() {
            private long k;

            @Override
            public long next() {
                // Multiplying rather than adding keeps rounding from drifting over long traces.
                return startNanos + Math.round(k++ * gap);
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
