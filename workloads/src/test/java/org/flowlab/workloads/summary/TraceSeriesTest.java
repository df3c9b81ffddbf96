package org.flowlab.workloads.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.flowlab.workloads.summary.TraceSummaryTest.MS;
import static org.flowlab.workloads.summary.TraceSummaryTest.S;

import com.google.gson.JsonObject;
import org.flowlab.workloads.Trace;
import org.flowlab.workloads.TraceBuilder;
import org.flowlab.workloads.WorkloadSpec;
import org.junit.jupiter.api.Test;

class TraceSeriesTest {

    @Test
    void arrivalRatePerSecond() {
        RateSeries r = TraceSeries.of(TraceSummaryTest.example()).arrivalRate(S);
        assertThat(r.bucket()).isEqualTo(S);
        assertThat(r.bucketStarts()).containsExactly(0, S, 2 * S, 3 * S);
        assertThat(r.perSecond()).containsExactly(1, 0, 3, 2);
        assertThat(r.bucketStartSeconds()).containsExactly(0, 1, 2, 3);
    }

    @Test
    void arrivalRateInHalfSeconds() {
        RateSeries r = TraceSeries.of(TraceSummaryTest.example()).arrivalRate(500 * MS);
        assertThat(r.bucketStarts()).containsExactly(0, 500 * MS, S, 1500 * MS, 2 * S, 2500 * MS, 3 * S);
        assertThat(r.perSecond()).containsExactly(2, 0, 0, 0, 2, 4, 4);
    }

    @Test
    void bucketsAlignToMultiplesOfTheirWidth() {
        Trace t = trace(new long[] {2_500 * MS, 4_100 * MS});
        RateSeries r = TraceSeries.of(t).arrivalRate(S);
        assertThat(r.bucketStarts()).containsExactly(2 * S, 3 * S, 4 * S);
        assertThat(r.perSecond()).containsExactly(1, 0, 1);
    }

    @Test
    void badBucketsAreRefused() {
        TraceSeries series = TraceSeries.of(TraceSummaryTest.example());
        assertThatThrownBy(() -> series.arrivalRate(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bucket must be > 0 ns, got 0");
        assertThatThrownBy(() -> series.arrivalRate(1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("choose a wider one");
        assertThat(TraceSeries.of(trace(new long[0])).arrivalRate(S).size()).isZero();
    }

    @Test
    void delayHistogramIsLogSpaced() {
        DelayHistogram h = TraceSeries.of(TraceSummaryTest.example()).delayHistogram(2);
        assertThat(h.zeroDelays()).isEqualTo(1);
        double[] edges = h.edges();
        assertThat(edges).hasSize(3);
        assertThat(edges[0]).isEqualTo(100 * MS);
        assertThat(edges[1]).isCloseTo(Math.sqrt(100.0 * MS * 2100 * MS), org.assertj.core.data.Offset.offset(1.0));
        assertThat(edges[2]).isEqualTo(Math.nextUp(2100.0 * MS));
        assertThat(h.counts()).containsExactly(3, 2); // 0.1, 0.2, 0.2 s | 1.5, 2.1 s
        assertThat(h.total()).isEqualTo(6);
    }

    @Test
    void delayHistogramWithoutPositiveDelaysHasNoBins() {
        Trace t = trace(new long[] {0, 5, 9});
        DelayHistogram h = TraceSeries.of(t).delayHistogram(10);
        assertThat(h.zeroDelays()).isEqualTo(3);
        assertThat(h.bins()).isZero();
        assertThat(h.edges()).isEmpty();
        assertThatThrownBy(() -> TraceSeries.of(t).delayHistogram(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void delayHistogramOfOneDelayValue() {
        TraceBuilder b = new TraceBuilder(new WorkloadSpec("test", "test.json", new JsonObject()), 1, TraceSummaryTest.SCHEMA);
        for (int i = 0; i < 4; i++) {
            b.add(i * S, i * S + 7 * MS, 0, 1, 0);
        }
        DelayHistogram h = TraceSeries.of(b.build()).delayHistogram(5);
        assertThat(h.counts()).containsExactly(4, 0, 0, 0, 0);
    }

    /** Events that arrive the moment they happen, at the given times. */
    private static Trace trace(long[] times) {
        TraceBuilder b = new TraceBuilder(new WorkloadSpec("test", "test.json", new JsonObject()), 1, TraceSummaryTest.SCHEMA);
        for (long t : times) {
            b.add(t, t, 0, 1, 0);
        }
        return b.build();
    }
}
