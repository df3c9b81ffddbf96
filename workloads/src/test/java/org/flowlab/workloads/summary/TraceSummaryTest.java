package org.flowlab.workloads.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import java.util.List;
import java.util.Map;
import org.flowlab.workloads.GroundTruth;
import org.flowlab.workloads.Trace;
import org.flowlab.workloads.TraceBuilder;
import org.flowlab.workloads.TraceSchema;
import org.flowlab.workloads.WorkloadSpec;
import org.junit.jupiter.api.Test;

class TraceSummaryTest {
    static final long S = 1_000_000_000L;
    static final long MS = 1_000_000L;

    static final TraceSchema SCHEMA = new TraceSchema(List.of("a", "b"), "key", "value", null, null, null,
            List.of("none", "x"));

    /**
     * Six events; in arrival order their delays are 0, 100 ms, 1.5 s, 2.1 s, 200 ms, 200 ms. The third
     * arrives 1 s behind the latest event time so far (out of order, not late); the fourth 1.5 s behind (late).
     */
    static Trace example() {
        WorkloadSpec spec = new WorkloadSpec("test", "test.json", new JsonObject());
        return new TraceBuilder(spec, 1, SCHEMA)
                .groundTruth(new GroundTruth(List.of(
                        new GroundTruth.Episode("burst", 1, 0, S),
                        new GroundTruth.Episode("incident", 2, S, 2 * S),
                        new GroundTruth.Episode("burst", 3, 2 * S, 3 * S))))
                .add(0, 0, 0, 1, 1.0)
                .add(2 * S, 2 * S + 100 * MS, 0, 2, 1.0)
                .add(S, 2 * S + 500 * MS, 0, 1, 1.0)
                .add(500 * MS, 2 * S + 600 * MS, 0, 1, 1.0)
                .add(3 * S, 3 * S + 200 * MS, 1, 3, 1.0, 0, 0, 0, 1)
                .add(3 * S + 100 * MS, 3 * S + 300 * MS, 1, 2, 1.0)
                .build();
    }

    @Test
    void figuresOfAHandBuiltTrace() {
        TraceSummary s = TraceSummary.of(example());
        assertThat(s.events()).isEqualTo(6);
        assertThat(s.minEventTime()).isZero();
        assertThat(s.maxEventTime()).isEqualTo(3 * S + 100 * MS);
        assertThat(s.eventTimeSpan()).isEqualTo(3 * S + 100 * MS);
        assertThat(s.firstArrival()).isZero();
        assertThat(s.lastArrival()).isEqualTo(3 * S + 300 * MS);
        assertThat(s.arrivalSpan()).isEqualTo(3 * S + 300 * MS);
        assertThat(s.meanRate()).isEqualTo(6 / 3.3);
        assertThat(s.peakRate()).isEqualTo(3.0);
        assertThat(s.peakBucketStart()).isEqualTo(2 * S);
        assertThat(s.distinctKeys()).isEqualTo(3);
        assertThat(s.topKey()).isEqualTo(1);
        assertThat(s.topKeyShare()).isEqualTo(0.5);
        assertThat(s.delayP50()).isEqualTo(200 * MS);
        assertThat(s.delayP99()).isEqualTo(2100 * MS);
        assertThat(s.delayMax()).isEqualTo(2100 * MS);
        assertThat(s.outOfOrderFraction()).isEqualTo(2 / 6.0);
        assertThat(s.lateFraction()).isEqualTo(1 / 6.0);
        assertThat(s.lateThreshold()).isEqualTo(S);
        assertThat(s.kindCounts()).containsExactly(Map.entry("a", 4L), Map.entry("b", 2L));
        assertThat(s.labelCounts()).containsExactly(Map.entry("none", 5L), Map.entry("x", 1L));
        assertThat(s.groundTruthCounts()).containsExactly(Map.entry("burst", 2L), Map.entry("incident", 1L));
    }

    @Test
    void lateThresholdIsAParameter() {
        assertThat(TraceSummary.of(example(), 0).lateFraction()).isEqualTo(2 / 6.0);
        assertThat(TraceSummary.of(example(), 999_999_999).lateFraction()).isEqualTo(2 / 6.0);
        assertThat(TraceSummary.of(example(), 1_500 * MS).lateFraction()).isZero();
        assertThat(TraceSummary.of(example(), 1_500 * MS - 1).lateFraction()).isEqualTo(1 / 6.0);
        assertThatThrownBy(() -> TraceSummary.of(example(), -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anEmptyTraceHasZeros() {
        Trace empty = new TraceBuilder(new WorkloadSpec("test", "test.json", new JsonObject()), 1, SCHEMA).build();
        TraceSummary s = TraceSummary.of(empty);
        assertThat(s.events()).isZero();
        assertThat(s.eventTimeSpan()).isZero();
        assertThat(s.meanRate()).isZero();
        assertThat(s.peakRate()).isZero();
        assertThat(s.distinctKeys()).isZero();
        assertThat(s.topKeyShare()).isZero();
        assertThat(s.delayMax()).isZero();
        assertThat(s.outOfOrderFraction()).isZero();
        assertThat(s.kindCounts()).containsExactly(Map.entry("a", 0L), Map.entry("b", 0L));
        assertThat(s.groundTruthCounts()).isEmpty();
    }

    @Test
    void ties() {
        // Keys 5 and 9 twice each: the smaller is the top key. Two busiest seconds: the earlier is the peak.
        Trace t = new TraceBuilder(new WorkloadSpec("test", "test.json", new JsonObject()), 1, SCHEMA)
                .add(0, 0, 0, 9, 0).add(0, 10, 0, 5, 0).add(3 * S, 3 * S, 0, 9, 0).add(3 * S, 3 * S + 1, 0, 5, 0)
                .build();
        TraceSummary s = TraceSummary.of(t);
        assertThat(s.topKey()).isEqualTo(5);
        assertThat(s.topKeyShare()).isEqualTo(0.5);
        assertThat(s.peakRate()).isEqualTo(2.0);
        assertThat(s.peakBucketStart()).isZero();
        assertThat(s.outOfOrderFraction()).isZero();
    }

    @Test
    void percentilesAreNearestRank() {
        long[] hundred = new long[100];
        for (int i = 0; i < 100; i++) {
            hundred[i] = i + 1;
        }
        assertThat(TraceSummary.percentile(hundred, 50)).isEqualTo(50);
        assertThat(TraceSummary.percentile(hundred, 99)).isEqualTo(99);
        assertThat(TraceSummary.percentile(new long[] {7}, 50)).isEqualTo(7);
        assertThat(TraceSummary.percentile(new long[] {1, 2, 3}, 50)).isEqualTo(2);
        assertThat(TraceSummary.percentile(new long[] {1, 2, 3}, 99)).isEqualTo(3);
    }

    @Test
    void countsAreReadOnlyAndKeepTheirOrder() {
        TraceSummary s = TraceSummary.of(example());
        assertThatThrownBy(() -> s.kindCounts().put("c", 1L)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(s.kindCounts().keySet()).containsExactly("a", "b");
    }
}
