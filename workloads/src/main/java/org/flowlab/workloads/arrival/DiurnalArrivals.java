package org.flowlab.workloads.arrival;

import org.apache.commons.math3.distribution.ExponentialDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.flowlab.workloads.spec.SpecReader;
import org.flowlab.workloads.text.DurationText;

/**
 * A day-shaped Poisson process: the rate is a sinusoid over 24 hours, highest at
 * {@code peakHour}, lowest twelve hours later, and averages to the scenario's rate over whole
 * days. Virtual time 0 is midnight, so the hour of day of time {@code t} is
 * {@code (t mod 1 d) / 1 h}. A trace shorter than a day sees only the rates of its hours (at
 * 03:00 a day-peaking process is slow); {@link #expectedCount} says how many events to expect.
 *
 * <p>The rate is {@code mean * (1 + a * cos(2 pi (hour - peakHour) / 24))} with
 * {@code a = (1 - troughFraction) / (1 + troughFraction)}, so the trough rate is
 * {@code troughFraction} times the peak rate. Events are drawn by thinning: candidates from a
 * Poisson process at the peak rate, each kept with probability {@code rate(t) / peak}.
 *
 * @param meanRatePerSecond the mean over a whole day, events per second
 * @param peakHour          the hour of day with the highest rate, in [0, 24]
 * @param troughFraction    the lowest rate as a fraction of the highest, in [0, 1]
 */
public record DiurnalArrivals(double meanRatePerSecond, double peakHour, double troughFraction) implements ArrivalProcess {

    private static final double DAY = DurationText.NANOS_PER_DAY;

    public DiurnalArrivals {
        checkRate(meanRatePerSecond);
        if (!(peakHour >= 0 && peakHour <= 24)) {
            throw new IllegalArgumentException("peakHour must be in [0, 24], got " + peakHour);
        }
        if (!(troughFraction >= 0 && troughFraction <= 1)) {
            throw new IllegalArgumentException("troughFraction must be in [0, 1], got " + troughFraction);
        }
    }

    static DiurnalArrivals fromJson(SpecReader r, double meanRatePerSecond) {
        r.rejectUnknown("type", "peakHour", "troughFraction");
        return new DiurnalArrivals(meanRatePerSecond, r.between("peakHour", 0, 24), r.probability("troughFraction"));
    }

    /** The relative amplitude {@code a} of the sinusoid. */
    public double amplitude() {
        return (1 - troughFraction) / (1 + troughFraction);
    }

    /** The highest rate, at the peak hour, events per second. */
    public double peakRatePerSecond() {
        return meanRatePerSecond * (1 + amplitude());
    }

    /** The rate at virtual time {@code nanos}, events per second. */
    public double rateAt(long nanos) {
        return meanRatePerSecond * (1 + amplitude() * Math.cos(phase(nanos)));
    }

    private double phase(double nanos) {
        return 2 * Math.PI * (nanos / DAY - peakHour / 24);
    }

    @Override
    public double expectedCount(long fromNanos, long toNanos) {
        if (toNanos <= fromNanos) {
            return 0;
        }
        // The integral of the rate: the mean part plus the sine's antiderivative over the interval.
        double seconds = (toNanos - fromNanos) / (double) DurationText.NANOS_PER_SECOND;
        double wave = amplitude() * (Math.sin(phase(toNanos)) - Math.sin(phase(fromNanos))) * DAY / (2 * Math.PI)
                / DurationText.NANOS_PER_SECOND;
        return meanRatePerSecond * (seconds + wave);
    }

    @Override
    public ArrivalClock clock(RandomGenerator rng, long startNanos) {
        double peak = peakRatePerSecond();
        ExponentialDistribution gaps = new ExponentialDistribution(rng, DurationText.NANOS_PER_SECOND / peak);
        return new ArrivalClock() {
            private double offset;

            @Override
            public long next() {
                while (true) {
                    offset += gaps.sample();
                    long t = startNanos + (long) offset;
                    if (rng.nextDouble() * peak < rateAt(t)) {
                        return t;
                    }
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
