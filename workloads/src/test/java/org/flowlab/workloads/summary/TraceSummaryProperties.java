package org.flowlab.workloads.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.statistics.Statistics;
import org.flowlab.workloads.Trace;
import org.flowlab.workloads.trace.TraceArbitraries;

class TraceSummaryProperties {
    private static final long S = 1_000_000_000L;

    /**
     * On a 100 ms grain too, so that events tie and fall exactly on the late threshold; half of the
     * traces built with an event arriving 3.5 s behind a later one, late for every threshold drawn
     * (3 s at most). jqwik mixes in an edge case in at most one try in six, so a try has a late
     * event with probability 5/6 × 1/2 at least, and 10 % or fewer of 500 tries have one with
     * probability 1.2e-55 (the binomial tail).
     */
    @Provide
    Arbitrary<Trace> traces() {
        long grain = 100_000_000L;
        long lead = 3_500_000_000L;
        return Arbitraries.frequencyOf(
                Tuple.of(1, TraceArbitraries.withOvertaking(0, 30 * S, 5 * S, 60, 1, lead)),
                Tuple.of(1, TraceArbitraries.withOvertaking(0, 10 * S, 3 * S, 60, grain, lead)),
                Tuple.of(1, TraceArbitraries.traces(0, 30 * S, 5 * S, 60)),
                Tuple.of(1, TraceArbitraries.traces(0, 10 * S, 3 * S, 60, grain)));
    }

    @Property(tries = 500)
    void countsAndFractionsAreConsistent(@ForAll("traces") Trace trace, @ForAll @LongRange(min = 0, max = 3_000_000_000L) long threshold) {
        TraceSummary s = TraceSummary.of(trace, threshold);
        int n = trace.size();
        assertThat(s.events()).isEqualTo(n);
        assertThat(s.kindCounts().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(n);
        assertThat(s.labelCounts().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(n);
        assertThat(s.kindCounts().keySet()).containsExactlyElementsOf(trace.schema().kinds());
        assertThat(s.groundTruthCounts().values().stream().mapToLong(Long::longValue).sum())
                .isEqualTo(trace.groundTruth().episodes().size());
        assertThat(s.outOfOrderFraction()).isBetween(0.0, 1.0);
        assertThat(s.lateFraction()).isBetween(0.0, s.outOfOrderFraction());
        assertThat(s.topKeyShare()).isBetween(0.0, 1.0);
        assertThat(s.delayP50()).isBetween(0L, s.delayP99());
        assertThat(s.delayP99()).isLessThanOrEqualTo(s.delayMax());
        assertThat(s.distinctKeys()).isBetween(n == 0 ? 0 : 1, n);
        assertThat(s.peakRate()).isBetween(n == 0 ? 0.0 : 1.0, (double) n);
        assertThat(s.eventTimeSpan()).isNotNegative();
        Statistics.label("late").collect(s.lateFraction() > 0);
        Statistics.label("late").coverage(c -> c.check(true).percentage(p -> p > 10));
    }

    /** Every figure against a slow, obvious computation of its definition. */
    @Property(tries = 500)
    void figuresMatchTheirDefinitions(@ForAll("traces") Trace trace) {
        TraceSummary s = TraceSummary.of(trace);
        int n = trace.size();
        long outOfOrder = 0;
        long late = 0;
        List<Long> delays = new ArrayList<>();
        Map<Long, Integer> perKey = new HashMap<>();
        Map<Long, Integer> perSecond = new HashMap<>();
        for (int i = 0; i < n; i++) {
            long latestBefore = Long.MIN_VALUE;
            for (int j = 0; j < i; j++) {
                latestBefore = Math.max(latestBefore, trace.eventTime(j));
            }
            if (i > 0 && trace.eventTime(i) < latestBefore) {
                outOfOrder++;
                if (latestBefore - trace.eventTime(i) > S) {
                    late++;
                }
            }
            delays.add(trace.arrivalTime(i) - trace.eventTime(i));
            perKey.merge(trace.key(i), 1, Integer::sum);
            perSecond.merge(Math.floorDiv(trace.arrivalTime(i), S), 1, Integer::sum);
        }
        Collections.sort(delays);
        assertThat(s.outOfOrderFraction()).isEqualTo(n == 0 ? 0 : outOfOrder / (double) n);
        assertThat(s.lateFraction()).isEqualTo(n == 0 ? 0 : late / (double) n);
        assertThat(s.distinctKeys()).isEqualTo(perKey.size());
        int top = perKey.values().stream().max(Integer::compare).orElse(0);
        assertThat(s.topKeyShare()).isEqualTo(n == 0 ? 0 : top / (double) n);
        if (n > 0) {
            assertThat(perKey.get(s.topKey())).isEqualTo(top);
            assertThat(s.delayMax()).isEqualTo(delays.get(n - 1));
            assertThat(s.delayP50()).isEqualTo(delays.get((int) Math.ceil(n * 0.5) - 1));
            assertThat(delays.stream().filter(d -> d <= s.delayP99()).count()).isGreaterThanOrEqualTo((long) Math.ceil(n * 0.99));
            assertThat(delays.stream().filter(d -> d < s.delayP99()).count()).isLessThan((long) Math.ceil(n * 0.99));
            assertThat(s.peakRate()).isEqualTo((double) perSecond.values().stream().max(Integer::compare).orElseThrow());
            assertThat(perSecond.get(s.peakBucketStart() / S)).isEqualTo((int) s.peakRate());
        }
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < n; i++) {
            seen.add(trace.key(i));
        }
        assertThat(seen).hasSize(s.distinctKeys());
    }

    @Property(tries = 300)
    void seriesAccountForEveryEvent(@ForAll("traces") Trace trace, @ForAll @IntRange(min = 1, max = 40) int bins,
                                    @ForAll @LongRange(min = 1_000_000, max = 10_000_000_000L) long bucket) {
        RateSeries rate = TraceSeries.of(trace).arrivalRate(bucket);
        double events = 0;
        for (double perSecond : rate.perSecond()) {
            events += perSecond * bucket / 1e9;
        }
        assertThat(events).isCloseTo(trace.size(), org.assertj.core.data.Offset.offset(1e-6 * (trace.size() + 1)));
        long[] starts = rate.bucketStarts();
        for (int b = 1; b < starts.length; b++) {
            assertThat(starts[b] - starts[b - 1]).isEqualTo(bucket);
        }
        if (trace.size() > 0) {
            assertThat(starts[0]).isLessThanOrEqualTo(trace.firstArrival());
            assertThat(starts[starts.length - 1] + bucket).isGreaterThan(trace.lastArrival());
            assertThat(TraceSeries.of(trace).arrivalRate(S).perSecond()).contains(TraceSummary.of(trace).peakRate());
        }
        DelayHistogram h = TraceSeries.of(trace).delayHistogram(bins);
        assertThat(h.total()).isEqualTo(trace.size());
        double[] edges = h.edges();
        for (int b = 1; b < edges.length; b++) {
            assertThat(edges[b]).isGreaterThanOrEqualTo(edges[b - 1]);
        }
        for (int i = 0; i < trace.size(); i++) {
            long d = trace.arrivalTime(i) - trace.eventTime(i);
            if (d > 0) {
                assertThat((double) d).isBetween(edges[0], Math.nextDown(edges[edges.length - 1]));
            }
        }
    }
}
