package org.flowlab.sim.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class LatencySummaryTest {
    static final long MS = 1_000_000L;

    @Test
    void percentilesOfAHundredEvenlySpacedLatencies() {
        long[] nanos = new long[100];
        for (int i = 0; i < 100; i++) {
            nanos[i] = (i + 1) * MS;
        }
        LatencySummary s = LatencySummary.ofNanos(nanos);
        assertThat(s.count()).isEqualTo(100);
        // Three significant digits: each figure within 0.1 % of the exact value.
        assertThat(s.p50Ms()).isCloseTo(50, within(0.05));
        assertThat(s.p90Ms()).isCloseTo(90, within(0.09));
        assertThat(s.p99Ms()).isCloseTo(99, within(0.1));
        assertThat(s.p999Ms()).isCloseTo(100, within(0.1));
        assertThat(s.maxMs()).isCloseTo(100, within(0.1));
        assertThat(s.meanMs()).isCloseTo(50.5, within(0.06));
    }

    @Test
    void emptyAndNegativeValues() {
        assertThat(LatencySummary.of(new Histogram(3))).isEqualTo(LatencySummary.EMPTY);
        assertThat(LatencySummary.EMPTY).hasToString("no values");
        LatencySummary zero = LatencySummary.ofNanos(-5);
        assertThat(zero.count()).isEqualTo(1);
        assertThat(zero.maxMs()).isZero();
    }

    @Test
    void largeLatenciesAreKeptToThreeDigits() {
        LatencySummary s = LatencySummary.ofNanos(3_600_000 * MS, 1);
        assertThat(s.maxMs()).isCloseTo(3_600_000, within(3_600.0));
        assertThat(s.p50Ms()).isCloseTo(0, within(1e-5));
        assertThat(s.toString()).startsWith("p50 0.000 ms").contains("(n=2)");
    }

    @Test
    void recordVisibilityMarksOnceAndMeasuresFromArrival() {
        RecordVisibility v = new RecordVisibility(3);
        assertThat(v.mark(1, 50 * MS)).isTrue();
        assertThat(v.mark(1, 70 * MS)).isFalse();
        assertThat(v.visibleAt(1)).isEqualTo(50 * MS);
        assertThat(v.visibleCount()).isEqualTo(1);
        assertThat(v.invisibleCount()).isEqualTo(2);
        assertThat(v.firstInvisible()).isZero();
        v.mark(0, 10 * MS);
        v.mark(2, 90 * MS);
        assertThat(v.firstInvisible()).isEqualTo(-1);
        assertThat(v.lastVisible()).isEqualTo(90 * MS);
        LatencySummary l = v.firstVisibleLatency(StalenessTimelineTest.arrivals(0, 40 * MS, 50 * MS));
        assertThat(l.count()).isEqualTo(3);
        assertThat(l.maxMs()).isCloseTo(40, within(0.05));
        assertThat(l.p50Ms()).isCloseTo(10, within(0.01));
    }
}
