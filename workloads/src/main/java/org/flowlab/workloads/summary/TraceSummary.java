package org.flowlab.workloads.summary;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.flowlab.workloads.GroundTruth;
import org.flowlab.workloads.Trace;

/**
 * The figures that describe a trace at a glance: how many events, over what span, how fast
 * (mean and peak), how skewed (distinct keys, the top key's share), how disordered (delays,
 * out-of-order and late fractions), and how many of each kind, label and ground-truth episode.
 * All times are nanoseconds of virtual time; rates are events per second.
 *
 * @param events             number of events
 * @param minEventTime       earliest event time (0 for an empty trace)
 * @param maxEventTime       latest event time (0 for an empty trace)
 * @param firstArrival       arrival time of the first event (0 for an empty trace)
 * @param lastArrival        arrival time of the last event (0 for an empty trace)
 * @param meanRate           events per second over the arrival span; 0 when the span is 0
 * @param peakRate           events per second in the busiest {@link #PEAK_BUCKET} of arrival
 *                           time; buckets are aligned to whole multiples of it
 * @param peakBucketStart    start of that busiest bucket (the earliest, on ties)
 * @param distinctKeys       number of distinct keys
 * @param topKey             the most frequent key (the smallest, on ties; 0 for an empty trace)
 * @param topKeyShare        the fraction of events that have the top key
 * @param delayP50           median delay (arrival − event time), nearest-rank
 * @param delayP99           99th percentile delay, nearest-rank
 * @param delayMax           largest delay
 * @param outOfOrderFraction fraction of events whose event time is earlier than the latest event
 *                           time among the events that arrived before them
 * @param lateFraction       fraction of events more than {@code lateThreshold} behind that
 *                           latest event time
 * @param lateThreshold      how far behind counts as late
 * @param kindCounts         events per kind, in the schema's kind order (zeros included)
 * @param labelCounts        events per label, in the schema's label order (zeros included)
 * @param groundTruthCounts  ground-truth episodes per episode kind, in name order
 */
public record TraceSummary(
        int events,
        long minEventTime,
        long maxEventTime,
        long firstArrival,
        long lastArrival,
        double meanRate,
        double peakRate,
        long peakBucketStart,
        int distinctKeys,
        long topKey,
        double topKeyShare,
        long delayP50,
        long delayP99,
        long delayMax,
        double outOfOrderFraction,
        double lateFraction,
        long lateThreshold,
        Map<String, Long> kindCounts,
        Map<String, Long> labelCounts,
        Map<String, Long> groundTruthCounts) {

    private static final long SECOND = 1_000_000_000L;

    /** The width of the arrival-time buckets over which {@link #peakRate} is taken: one second. */
    public static final long PEAK_BUCKET = SECOND;

    /** How far behind the latest event time an event must be to count as late, unless told: one second. */
    public static final long DEFAULT_LATE_THRESHOLD = SECOND;

    public TraceSummary {
        kindCounts = ordered(kindCounts);
        labelCounts = ordered(labelCounts);
        groundTruthCounts = ordered(groundTruthCounts);
    }

    private static Map<String, Long> ordered(Map<String, Long> counts) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(counts));
    }

    /** The span of event times, {@code maxEventTime − minEventTime}. */
    public long eventTimeSpan() {
        return maxEventTime - minEventTime;
    }

    /** The span of arrival times, {@code lastArrival − firstArrival}. */
    public long arrivalSpan() {
        return lastArrival - firstArrival;
    }

    /** The summary with late meaning more than {@link #DEFAULT_LATE_THRESHOLD} behind. */
    public static TraceSummary of(Trace trace) {
        return of(trace, DEFAULT_LATE_THRESHOLD);
    }

    /**
     * The summary of {@code trace}: one pass over its columns in arrival order, plus sorting a copy
     * of the delays (exact percentiles) and of the keys (distinct count and top key).
     *
     * @param lateThreshold nanoseconds, at least 0
     */
    public static TraceSummary of(Trace trace, long lateThreshold) {
        if (lateThreshold < 0) {
            throw new IllegalArgumentException("lateThreshold must be >= 0 ns, got " + lateThreshold);
        }
        int n = trace.size();
        List<String> kinds = trace.schema().kinds();
        List<String> labels = trace.schema().labels();
        long[] perKind = new long[kinds.size()];
        long[] perLabel = new long[labels.size()];
        long[] delays = new long[n];
        long[] keys = new long[n];
        long minEventTime = Long.MAX_VALUE;
        long maxEventTime = Long.MIN_VALUE;
        long outOfOrder = 0;
        long late = 0;
        long bucket = 0;
        long bucketCount = 0;
        long peakCount = 0;
        long peakBucket = 0;
        for (int i = 0; i < n; i++) {
            long eventTime = trace.eventTime(i);
            long arrival = trace.arrivalTime(i);
            // maxEventTime is, here, the latest event time among the events that arrived before this one.
            if (i > 0 && eventTime < maxEventTime) {
                outOfOrder++;
                if (maxEventTime - eventTime > lateThreshold) {
                    late++;
                }
            }
            minEventTime = Math.min(minEventTime, eventTime);
            maxEventTime = Math.max(maxEventTime, eventTime);
            long b = Math.floorDiv(arrival, PEAK_BUCKET);
            if (i == 0 || b != bucket) {
                bucket = b;
                bucketCount = 0;
            }
            bucketCount++;
            if (bucketCount > peakCount) {
                peakCount = bucketCount;
                peakBucket = bucket;
            }
            perKind[trace.kind(i)]++;
            perLabel[trace.label(i)]++;
            delays[i] = arrival - eventTime;
            keys[i] = trace.key(i);
        }
        Arrays.sort(delays);
        Arrays.sort(keys);
        int distinct = 0;
        long topKey = 0;
        long topCount = 0;
        for (int i = 0; i < n; ) {
            int j = i;
            while (j < n && keys[j] == keys[i]) {
                j++;
            }
            distinct++;
            if (j - i > topCount) {
                topCount = j - i;
                topKey = keys[i];
            }
            i = j;
        }
        long firstArrival = trace.firstArrival();
        long lastArrival = trace.lastArrival();
        long span = lastArrival - firstArrival;
        return new TraceSummary(
                n,
                n == 0 ? 0 : minEventTime,
                n == 0 ? 0 : maxEventTime,
                firstArrival,
                lastArrival,
                span > 0 ? n / (span / (double) SECOND) : 0,
                peakCount * (SECOND / (double) PEAK_BUCKET),
                peakBucket * PEAK_BUCKET,
                distinct,
                topKey,
                fraction(topCount, n),
                percentile(delays, 50),
                percentile(delays, 99),
                n == 0 ? 0 : delays[n - 1],
                fraction(outOfOrder, n),
                fraction(late, n),
                lateThreshold,
                named(kinds, perKind),
                named(labels, perLabel),
                groundTruthCounts(trace.groundTruth()));
    }

    private static double fraction(long part, int whole) {
        return whole == 0 ? 0 : part / (double) whole;
    }

    /**
     * The nearest-rank percentile of sorted values: the smallest value with at least
     * {@code percent} % of them at or below it (integer arithmetic, so 99 % of 100 is exactly rank 99).
     */
    static long percentile(long[] sorted, int percent) {
        if (sorted.length == 0) {
            return 0;
        }
        long rank = ((long) percent * sorted.length + 99) / 100;
        return sorted[(int) Math.max(rank, 1) - 1];
    }

    private static Map<String, Long> named(List<String> names, long[] counts) {
        Map<String, Long> map = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            map.put(names.get(i), counts[i]);
        }
        return map;
    }

    private static Map<String, Long> groundTruthCounts(GroundTruth truth) {
        Map<String, Long> counts = new TreeMap<>();
        for (GroundTruth.Episode e : truth.episodes()) {
            counts.merge(e.kind(), 1L, Long::sum);
        }
        return counts;
    }
}
