package org.flowlab.sim.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.HdrHistogram.Histogram;

class LatencySummaryProperties {

    @Provide
    Arbitrary<List<Long>> latencies() {
        Arbitrary<Long> nanos = Arbitraries.oneOf(
                Arbitraries.longs().between(0, 3_000),
                Arbitraries.longs().between(0, 10_000_000_000L),
                Arbitraries.longs().between(3_590_000_000_000L, 3_600_000_000_000L),
                Arbitraries.longs().between(0, 400_000_000_000_000L),
                Arbitraries.of(0L, 1L, 2047L, 2048L, 4096L));
        return nanos.list().ofMaxSize(300);
    }

    /** The one-walk summary gives, to the bit, the figures of the histogram's own methods. */
    @Property(tries = 300)
    void theSummaryIsWhatTheHistogramsOwnMethodsGive(@ForAll("latencies") List<Long> values) {
        Histogram h = LatencySummary.newHistogram();
        for (long v : values) {
            h.recordValue(v);
        }
        LatencySummary expected = h.getTotalCount() == 0 ? LatencySummary.EMPTY
                : new LatencySummary(h.getTotalCount(), h.getValueAtPercentile(50) / 1e6, h.getValueAtPercentile(90) / 1e6,
                h.getValueAtPercentile(99) / 1e6, h.getValueAtPercentile(99.9) / 1e6, h.getMaxValue() / 1e6,
                h.getMean() / 1e6);
        assertThat(LatencySummary.of(h)).isEqualTo(expected);
    }

    /** A histogram made big at once reports what one grown a bucket at a time does, to the bit. */
    @Property(tries = 300)
    void aHistogramMadeBigAtOnceReportsTheSame(@ForAll("latencies") List<Long> values,
                                               @ForAll("largest") long largest) {
        Histogram grown = LatencySummary.newHistogram();
        Histogram big = LatencySummary.newHistogram(largest);
        for (long v : values) {
            grown.recordValue(v);
            big.recordValue(v);
        }
        assertThat(LatencySummary.of(big)).isEqualTo(LatencySummary.of(grown));
        assertThat(big.getMaxValue()).isEqualTo(grown.getMaxValue());
        assertThat(big.getMinNonZeroValue()).isEqualTo(grown.getMinNonZeroValue());
        long[] all = values.stream().mapToLong(Long::longValue).toArray();
        assertThat(LatencySummary.ofNanos(all)).isEqualTo(LatencySummary.of(grown));
    }

    /** Sizes below, at and above the values, up to days. */
    @Provide
    Arbitrary<Long> largest() {
        return Arbitraries.oneOf(Arbitraries.of(0L, 1L, 2L, 2047L, 2048L), Arbitraries.longs().between(0, 400_000_000_000_000L));
    }

    /** Recording in runs per bucket leaves what the histogram reports as it is with one value at a time. */
    @Property(tries = 300)
    void runsPerBucketRecordTheSameHistogram(@ForAll("latencies") List<Long> values) {
        Histogram one = LatencySummary.newHistogram();
        Histogram runs = LatencySummary.newHistogram();
        BucketRuns recorder = new BucketRuns(runs);
        for (long v : values) {
            one.recordValue(v);
            recorder.record(v);
            // Neighbours in one bucket, as a batch run's records give.
            one.recordValue(v + 1);
            recorder.record(v + 1);
        }
        recorder.flush();
        assertThat(LatencySummary.of(runs)).isEqualTo(LatencySummary.of(one));
        assertThat(runs.getTotalCount()).isEqualTo(one.getTotalCount());
        assertThat(runs.getMaxValue()).isEqualTo(one.getMaxValue());
        assertThat(runs.getMinNonZeroValue()).isEqualTo(one.getMinNonZeroValue());
        assertThat(runs.getMinValue()).isEqualTo(one.getMinValue());
        for (long v : values) {
            assertThat(runs.getCountAtValue(v)).isEqualTo(one.getCountAtValue(v));
        }
    }
}
