package org.flowlab.workloads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.statistics.Statistics;
import org.apache.commons.math3.random.Well19937c;
import org.flowlab.workloads.arrival.ArrivalBound;
import org.flowlab.workloads.arrival.ArrivalClock;
import org.flowlab.workloads.arrival.ArrivalProcess;
import org.flowlab.workloads.arrival.BurstyOnOff;
import org.flowlab.workloads.arrival.ConstantRate;
import org.flowlab.workloads.arrival.DiurnalArrivals;
import org.flowlab.workloads.arrival.PoissonArrivals;
import org.flowlab.workloads.disorder.DelayDistribution;
import org.flowlab.workloads.disorder.DelaySampler;
import org.flowlab.workloads.disorder.Disorder;
import org.flowlab.workloads.disorder.ExponentialDelay;
import org.flowlab.workloads.disorder.FixedDelay;
import org.flowlab.workloads.disorder.LogNormalDelay;
import org.flowlab.workloads.disorder.UniformDelay;
import org.flowlab.workloads.keys.HotKeys;
import org.flowlab.workloads.keys.KeyDistribution;
import org.flowlab.workloads.keys.KeySampler;
import org.flowlab.workloads.keys.UniformKeys;
import org.flowlab.workloads.keys.ZipfKeys;
import org.flowlab.workloads.text.DurationText;

/** Properties of the generic parts over random parameters and seeds. */
class PartsProperties {
    private static final long SECOND = DurationText.NANOS_PER_SECOND;

    @Provide
    Arbitrary<ArrivalProcess> arrivals() {
        Arbitrary<Double> rates = Arbitraries.doubles().between(0.5, 5000);
        return Arbitraries.oneOf(
                rates.map(ConstantRate::new),
                rates.map(PoissonArrivals::new),
                Combinators.combine(rates, Arbitraries.doubles().between(0.01, 1),
                        Arbitraries.longs().between(SECOND / 10, 60 * SECOND),
                        Arbitraries.longs().between(SECOND / 10, 60 * SECOND))
                        .as((high, lowShare, meanHigh, meanLow) -> new BurstyOnOff(high, high * lowShare, meanHigh, meanLow)),
                Combinators.combine(rates, Arbitraries.doubles().between(0, 24), Arbitraries.doubles().between(0, 1))
                        .as(DiurnalArrivals::new));
    }

    @Property(tries = 60)
    void arrivalTimesNeverGoBackAndStartAtTheStart(@ForAll("arrivals") ArrivalProcess p, @ForAll long seed,
                                                    @ForAll @LongRange(min = 0, max = 1_000_000 * SECOND) long start) {
        ArrivalClock clock = p.clock(new Well19937c(seed), start);
        long previous = start;
        for (int i = 0; i < 2_000; i++) {
            long t = clock.next();
            assertThat(t).isGreaterThanOrEqualTo(previous);
            previous = t;
        }
        Statistics.collect(p.getClass().getSimpleName());
    }

    @Property(tries = 40)
    void theCountInADurationIsCloseToTheExpectedCount(@ForAll("arrivals") ArrivalProcess p, @ForAll long seed) {
        // Long enough for bursts to average out: 2000 mean periods of the slower state, or a day.
        long duration = p instanceof BurstyOnOff b ? 2000 * Math.max(b.meanHighNanos(), b.meanLowNanos())
                : p instanceof DiurnalArrivals ? DurationText.NANOS_PER_DAY : 200 * SECOND;
        double expected = p.expectedCount(0, duration);
        if (expected > 3_000_000) {
            duration = (long) (duration * (3_000_000 / expected));
            expected = p.expectedCount(0, duration);
        }
        long count = ArrivalBound.duration(0, duration).times(p.clock(new Well19937c(seed), 0)).length;
        // Six standard deviations: Poisson counts have variance = mean, bursty ones their own.
        double variance = p instanceof BurstyOnOff b ? b.countVariance(duration) : expected;
        double slack = 6 * Math.sqrt(variance) + 2;
        assertThat((double) count).isCloseTo(expected, within(slack));
    }

    @Provide
    Arbitrary<KeyDistribution> keyDistributions() {
        Arbitrary<Integer> n = Arbitraries.integers().between(2, 2_000_000);
        return Arbitraries.oneOf(
                n.map(UniformKeys::new),
                Combinators.combine(n, Arbitraries.doubles().between(0.01, 5)).as(ZipfKeys::new),
                n.flatMap(size -> Combinators.combine(Arbitraries.integers().between(1, size - 1),
                        Arbitraries.doubles().between(0, 1)).as((hot, f) -> new HotKeys(size, hot, f))));
    }

    @Property(tries = 60)
    void keysAreInRange(@ForAll("keyDistributions") KeyDistribution d, @ForAll long seed) {
        KeySampler s = d.sampler(new Well19937c(seed));
        for (int i = 0; i < 2_000; i++) {
            assertThat(s.next()).isBetween(0L, d.keyCount() - 1L);
        }
    }

    @Provide
    Arbitrary<DelayDistribution> delays() {
        Arbitrary<Long> nanos = Arbitraries.longs().between(1, 1_000 * SECOND);
        return Arbitraries.oneOf(
                nanos.map(FixedDelay::new),
                nanos.map(m -> new ExponentialDelay(m)),
                Combinators.combine(nanos, nanos).as((a, b) -> new UniformDelay(a - 1, a + b)),
                Combinators.combine(nanos, Arbitraries.doubles().between(0.01, 5)).as(LogNormalDelay::new));
    }

    @Property(tries = 60)
    void delaysAreNeverNegative(@ForAll("delays") DelayDistribution early, @ForAll("delays") DelayDistribution late,
                                @ForAll @DoubleRange(min = 0, max = 1) double lateFraction,
                                @ForAll long seed) {
        DelaySampler s = new Disorder(early, lateFraction, late).sampler(new Well19937c(seed));
        for (int i = 0; i < 2_000; i++) {
            assertThat(s.nextDelay()).isNotNegative();
        }
    }
}
