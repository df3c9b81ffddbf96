package org.flowlab.workloads.arrival;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.distribution.ExponentialDistribution;
import org.apache.commons.math3.random.Well19937c;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.flowlab.workloads.SpecText;
import org.flowlab.workloads.text.DurationText;
import org.junit.jupiter.api.Test;

/**
 * Distribution fidelity of the arrival processes on fixed seeds. Goodness-of-fit tests use
 * significance level 0.01, and each is paired with a check that the same test rejects a slightly
 * wrong model, so a pass means something.
 */
class ArrivalProcessTest {
    private static final double ALPHA = 0.01;
    private static final long SECOND = DurationText.NANOS_PER_SECOND;
    private static final long HOUR = DurationText.NANOS_PER_HOUR;
    private static final long DAY = DurationText.NANOS_PER_DAY;

    private static ArrivalProcess parse(String json, double rate) {
        return ArrivalProcess.fromJson(SpecText.reader(json), rate);
    }

    private static double[] gapsOf(long[] times, long start) {
        double[] gaps = new double[times.length];
        long previous = start;
        for (int i = 0; i < times.length; i++) {
            gaps[i] = times[i] - previous;
            previous = times[i];
        }
        return gaps;
    }

    @Test
    void poissonInterArrivalTimesAreExponential() {
        ArrivalProcess p = parse("{\"type\":\"poisson\"}", 1000);
        long[] times = ArrivalBound.events(20_000).times(p.clock(new Well19937c(11), 0));
        double[] gaps = gapsOf(times, 0);
        KolmogorovSmirnovTest ks = new KolmogorovSmirnovTest();
        double meanGap = SECOND / 1000.0;

        assertThat(ks.kolmogorovSmirnovTest(new ExponentialDistribution(meanGap), gaps)).isGreaterThan(ALPHA);
        // Power: a mean gap only 5 % off is rejected.
        assertThat(ks.kolmogorovSmirnovTest(new ExponentialDistribution(meanGap * 1.05), gaps)).isLessThan(ALPHA);
    }

    @Test
    void poissonCountsPerWindowHaveDispersionNearOne() {
        ArrivalProcess p = new PoissonArrivals(100);
        long[] times = ArrivalBound.duration(0, 2000 * SECOND).times(p.clock(new Well19937c(12), 0));
        SummaryStatistics perSecond = countsPerWindow(times, 2000, SECOND);
        // For Poisson counts variance / mean = 1; with 2000 windows its standard error is about 0.03.
        assertThat(perSecond.getVariance() / perSecond.getMean()).isCloseTo(1.0, within(0.15));
    }

    @Test
    void constantRateIsEvenlySpacedFromTheStart() {
        long[] times = ArrivalBound.events(5).times(new ConstantRate(4).clock(new Well19937c(1), 7 * SECOND));
        assertThat(times).containsExactly(7 * SECOND, 7 * SECOND + 250_000_000L, 7 * SECOND + 500_000_000L,
                7 * SECOND + 750_000_000L, 8 * SECOND);
        // A third of a nanosecond per event must not drift: the millionth event is exactly where it belongs.
        long[] dense = ArrivalBound.events(1_000_001).times(new ConstantRate(3e9 / 1000).clock(new Well19937c(1), 0));
        assertThat(dense[1_000_000]).isEqualTo(Math.round(1_000_000 * (1000 / 3.0)));
    }

    @Test
    void boundStopsAtTheEndOrTheCountWhicheverComesFirst() {
        ArrivalClock c = new ConstantRate(10).clock(new Well19937c(1), 0);
        assertThat(ArrivalBound.duration(0, SECOND).times(c)).hasSize(10);
        ArrivalBound both = new ArrivalBound(SECOND, 3);
        assertThat(both.times(new ConstantRate(10).clock(new Well19937c(1), 0))).hasSize(3);
        assertThat(both.admits(SECOND - 1, 2)).isTrue();
        assertThat(both.admits(SECOND, 0)).isFalse();
        assertThat(both.admits(0, 3)).isFalse();
    }

    @Test
    void burstyRatesAreScaledToTheSpecRate() {
        String json = "{\"type\":\"bursty\",\"highRate\":\"300/s\",\"lowRate\":\"60/s\",\"meanHigh\":\"1s\",\"meanLow\":\"5s\"}";
        BurstyOnOff asWritten = (BurstyOnOff) parse(json, 100);
        assertThat(asWritten.highRatePerSecond()).isCloseTo(300, within(1e-9));
        assertThat(asWritten.lowRatePerSecond()).isCloseTo(60, within(1e-9));
        BurstyOnOff doubled = (BurstyOnOff) parse(json, 200);
        assertThat(doubled.highRatePerSecond()).isCloseTo(600, within(1e-9));
        assertThat(doubled.lowRatePerSecond()).isCloseTo(120, within(1e-9));
        assertThat(doubled.meanRatePerSecond()).isCloseTo(200, within(1e-9));
    }

    @Test
    void burstyMeanRateIsRightAndCountsAreOverdispersed() {
        BurstyOnOff p = (BurstyOnOff) parse(
                "{\"type\":\"bursty\",\"highRate\":\"300/s\",\"lowRate\":\"60/s\",\"meanHigh\":\"1s\",\"meanLow\":\"5s\"}", 100);
        int seconds = 3600;
        long[] times = ArrivalBound.duration(0, seconds * SECOND).times(p.clock(new Well19937c(13), 0));
        // Long-run variance of an on/off count: mean*T + 2 (hi-lo)^2 pH pL tau T, tau = 1/(1/meanHigh + 1/meanLow).
        double pHigh = p.highShare();
        double tau = 1 / (1.0 / 1 + 1.0 / 5);
        double diff = p.highRatePerSecond() - p.lowRatePerSecond();
        double longRun = 100.0 * seconds + 2 * diff * diff * pHigh * (1 - pHigh) * tau * seconds;
        assertThat(p.countVariance(seconds * SECOND)).isCloseTo(longRun, within(0.001 * longRun));
        assertThat((double) times.length).isCloseTo(100.0 * seconds, within(4 * Math.sqrt(longRun)));

        SummaryStatistics perSecond = countsPerWindow(times, seconds, SECOND);
        // Bursts make counts per second far more variable than Poisson counts (dispersion 1).
        assertThat(perSecond.getVariance() / perSecond.getMean()).isGreaterThan(10);
        assertThat(perSecond.getMax()).isGreaterThan(200);
    }

    @Test
    void diurnalPeaksAtThePeakHourAndFollowsTheSinusoid() {
        DiurnalArrivals p = (DiurnalArrivals) parse("{\"type\":\"diurnal\",\"peakHour\":14,\"troughFraction\":0.2}", 0.5);
        int days = 8;
        long[] times = ArrivalBound.duration(0, days * DAY).times(p.clock(new Well19937c(14), 0));
        long[] perHour = new long[24];
        for (long t : times) {
            perHour[(int) ((t % DAY) / HOUR)]++;
        }
        int busiest = 0;
        int quietest = 0;
        for (int h = 1; h < 24; h++) {
            busiest = perHour[h] > perHour[busiest] ? h : busiest;
            quietest = perHour[h] < perHour[quietest] ? h : quietest;
        }
        // The hour bins [13,14) and [14,15) straddle the peak at 14:00 and expect the same count.
        assertThat(busiest).isBetween(13, 14);
        assertThat(quietest).isBetween(1, 2);

        double[] expected = new double[24];
        double[] shifted = new double[24];
        DiurnalArrivals wrongPeak = new DiurnalArrivals(0.5, 16, 0.2);
        for (int h = 0; h < 24; h++) {
            expected[h] = days * p.expectedCount(h * HOUR, (h + 1) * HOUR);
            shifted[h] = days * wrongPeak.expectedCount(h * HOUR, (h + 1) * HOUR);
        }
        ChiSquareTest chi = new ChiSquareTest();
        assertThat(chi.chiSquareTest(expected, perHour)).isGreaterThan(ALPHA);
        // Power: a peak two hours off is rejected.
        assertThat(chi.chiSquareTest(shifted, perHour)).isLessThan(ALPHA);
    }

    @Test
    void diurnalAveragesToTheSpecRateOverWholeDays() {
        DiurnalArrivals p = new DiurnalArrivals(3, 9.5, 0.05);
        assertThat(p.expectedCount(0, DAY)).isCloseTo(3.0 * 86_400, within(1e-6));
        assertThat(p.expectedCount(5 * HOUR, 5 * HOUR + 3 * DAY)).isCloseTo(3.0 * 3 * 86_400, within(1e-6));
        assertThat(p.rateAt((long) (9.5 * HOUR))).isCloseTo(p.peakRatePerSecond(), within(1e-9));
        assertThat(p.rateAt((long) (21.5 * HOUR)) / p.peakRatePerSecond()).isCloseTo(0.05, within(1e-9));
    }

    private static SummaryStatistics countsPerWindow(long[] times, int windows, long width) {
        long[] counts = new long[windows];
        for (long t : times) {
            counts[(int) (t / width)]++;
        }
        SummaryStatistics s = new SummaryStatistics();
        for (long c : counts) {
            s.addValue(c);
        }
        return s;
    }
}
