package org.flowlab.workloads.arrival;

import org.apache.commons.math3.distribution.ExponentialDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.flowlab.workloads.spec.SpecReader;
import org.flowlab.workloads.text.DurationText;

/**
 * On/off bursts (a Markov-modulated Poisson process): the process alternates between a high and a
 * low period, each lasting an exponentially distributed time, and inside a period events are
 * Poisson at that period's rate.
 *
 * <p>In JSON, {@code highRate} and {@code lowRate} set the <em>shape</em>; the scenario's
 * {@code rate} sets the level. Both rates are multiplied by one factor so that the long-run mean,
 * {@code (highRate * meanHigh + lowRate * meanLow) / (meanHigh + meanLow)}, equals the scenario's
 * rate. Written with rates whose mean is the scenario's rate, they are used as written; doubling
 * the scenario's rate doubles both.
 *
 * @param highRatePerSecond events per second in a high period
 * @param lowRatePerSecond  events per second in a low period
 * @param meanHighNanos     mean length of a high period
 * @param meanLowNanos      mean length of a low period
 */
public record BurstyOnOff(double highRatePerSecond, double lowRatePerSecond, long meanHighNanos, long meanLowNanos)
        implements ArrivalProcess {

    public BurstyOnOff {
        checkRate(highRatePerSecond);
        checkRate(lowRatePerSecond);
        if (meanHighNanos <= 0 || meanLowNanos <= 0) {
            throw new IllegalArgumentException("period lengths must be positive, got " + meanHighNanos + " and " + meanLowNanos + " ns");
        }
    }

    static BurstyOnOff fromJson(SpecReader r, double meanRatePerSecond) {
        r.rejectUnknown("type", "highRate", "lowRate", "meanHigh", "meanLow");
        double high = r.rate("highRate");
        double low = r.rate("lowRate");
        if (high < low) {
            throw r.error("highRate", "must be at least lowRate (got " + high + "/s < " + low + "/s)");
        }
        long meanHigh = r.duration("meanHigh");
        long meanLow = r.duration("meanLow");
        double written = (high * meanHigh + low * meanLow) / ((double) meanHigh + meanLow);
        double scale = meanRatePerSecond / written;
        return new BurstyOnOff(high * scale, low * scale, meanHigh, meanLow);
    }

    /** The long-run fraction of time spent in high periods. */
    public double highShare() {
        return meanHighNanos / ((double) meanHighNanos + meanLowNanos);
    }

    @Override
    public double meanRatePerSecond() {
        double h = highShare();
        return h * highRatePerSecond + (1 - h) * lowRatePerSecond;
    }

    /**
     * The variance of the number of events in a window of {@code durationNanos}, from the
     * stationary state: the Poisson part ({@code mean * T}) plus what the switching adds,
     * {@code 2 (high - low)^2 pHigh pLow tau (T - tau (1 - e^(-T / tau)))} with
     * {@code tau = 1 / (1 / meanHigh + 1 / meanLow)}. Dividing it by the mean count gives the
     * index of dispersion, 1 for Poisson and far above for bursts.
     */
    public double countVariance(long durationNanos) {
        double seconds = durationNanos / (double) DurationText.NANOS_PER_SECOND;
        double tau = 1 / (DurationText.NANOS_PER_SECOND / (double) meanHighNanos + DurationText.NANOS_PER_SECOND / (double) meanLowNanos);
        double diff = highRatePerSecond - lowRatePerSecond;
        double h = highShare();
        return meanRatePerSecond() * seconds
                + 2 * diff * diff * h * (1 - h) * tau * (seconds - tau * -Math.expm1(-seconds / tau));
    }

    @Override
    public double expectedCount(long fromNanos, long toNanos) {
        // The clock starts in the stationary state, so the expected rate is the mean rate at every instant.
        return Math.max(0, toNanos - fromNanos) / (double) DurationText.NANOS_PER_SECOND * meanRatePerSecond();
    }

    @Override
    public ArrivalClock clock(RandomGenerator rng, long startNanos) {
        ExponentialDistribution unit = new ExponentialDistribution(rng, 1.0);
        double highGap = DurationText.NANOS_PER_SECOND / highRatePerSecond;
        double lowGap = DurationText.NANOS_PER_SECOND / lowRatePerSecond;
        // Starting in the stationary state makes the process look the same from its first second on.
        boolean startHigh = rng.nextDouble() < highShare();
        double firstEnd = unit.sample() * (startHigh ? meanHighNanos : meanLowNanos);
        return new ArrivalClock() {
            private boolean high = startHigh;
            private double offset;
            private double periodEnd = firstEnd;

            @Override
            public long next() {
                while (true) {
                    double candidate = offset + unit.sample() * (high ? highGap : lowGap);
                    if (candidate < periodEnd) {
                        offset = candidate;
                        return startNanos + (long) offset;
                    }
                    // Gaps are memoryless, so a gap cut by a period change is redrawn at the new rate.
                    offset = periodEnd;
                    high = !high;
                    periodEnd = offset + unit.sample() * (high ? meanHighNanos : meanLowNanos);
                }
            }
        };
    }

    private static void checkRate(double perSecond) {
        if (!(perSecond > 0) || Double.isInfinite(perSecond)) {
            throw new IllegalArgumentException("a rate must be positive and finite, got " + perSecond + "/s");
        }
    }
}
