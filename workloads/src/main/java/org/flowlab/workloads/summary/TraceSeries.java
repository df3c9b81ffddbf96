package org.flowlab.workloads.summary;

import org.flowlab.workloads.Trace;

/**
 * The series a trace is charted with: its arrival rate over time and the histogram of its
 * delays. {@code TraceSeries.of(trace).arrivalRate(1_000_000_000L)} gives events per second,
 * second by second.
 */
public final class TraceSeries {
    /** More buckets than any chart can show; asking for more is a mistake in the bucket width. */
    public static final int MAX_BUCKETS = 10_000_000;

    private final Trace trace;

    private TraceSeries(Trace trace) {
        this.trace = trace;
    }

    public static TraceSeries of(Trace trace) {
        return new TraceSeries(trace);
    }

    /**
     * Events per second in each {@code bucket} of arrival time (see {@link RateSeries}); an empty
     * trace gives an empty series.
     *
     * @throws IllegalArgumentException if {@code bucket} is not positive or would make more than
     *                                  {@link #MAX_BUCKETS} buckets
     */
    public RateSeries arrivalRate(long bucket) {
        if (bucket <= 0) {
            throw new IllegalArgumentException("bucket must be > 0 ns, got " + bucket);
        }
        int n = trace.size();
        if (n == 0) {
            return new RateSeries(bucket, new long[0], new double[0]);
        }
        long first = Math.floorDiv(trace.firstArrival(), bucket);
        long last = Math.floorDiv(trace.lastArrival(), bucket);
        if (last - first + 1 > MAX_BUCKETS || last - first + 1 <= 0) {
            throw new IllegalArgumentException("a bucket of " + bucket + " ns makes more than " + MAX_BUCKETS
                    + " buckets over this trace's arrivals; choose a wider one");
        }
        int buckets = (int) (last - first + 1);
        long[] starts = new long[buckets];
        double[] perSecond = new double[buckets];
        for (int i = 0; i < n; i++) {
            perSecond[(int) (Math.floorDiv(trace.arrivalTime(i), bucket) - first)]++;
        }
        double perNano = 1e9 / bucket;
        for (int b = 0; b < buckets; b++) {
            starts[b] = (first + b) * bucket;
            perSecond[b] *= perNano;
        }
        return new RateSeries(bucket, starts, perSecond);
    }

    /**
     * The delays in {@code bins} log-spaced bins from the smallest positive delay to the largest
     * (see {@link DelayHistogram}).
     *
     * @throws IllegalArgumentException if {@code bins} is not positive
     */
    public DelayHistogram delayHistogram(int bins) {
        if (bins <= 0) {
            throw new IllegalArgumentException("bins must be > 0, got " + bins);
        }
        int n = trace.size();
        long zero = 0;
        long min = Long.MAX_VALUE;
        long max = 0;
        for (int i = 0; i < n; i++) {
            long delay = trace.arrivalTime(i) - trace.eventTime(i);
            if (delay == 0) {
                zero++;
            } else {
                min = Math.min(min, delay);
                max = Math.max(max, delay);
            }
        }
        if (zero == n) {
            return new DelayHistogram(zero, new double[0], new long[0]);
        }
        double[] edges = new double[bins + 1];
        double lo = min;
        // At least a factor of two, so that bins have width even when every delay is the same.
        double hi = Math.max(Math.nextUp((double) max), 2.0 * min);
        double logLo = Math.log(lo);
        double logHi = Math.log(hi);
        edges[0] = lo;
        for (int b = 1; b < bins; b++) {
            edges[b] = Math.max(edges[b - 1], Math.exp(logLo + (logHi - logLo) * b / bins));
        }
        edges[bins] = hi;
        long[] counts = new long[bins];
        for (int i = 0; i < n; i++) {
            long delay = trace.arrivalTime(i) - trace.eventTime(i);
            if (delay != 0) {
                counts[bin(edges, delay)]++;
            }
        }
        return new DelayHistogram(zero, edges, counts);
    }

    /** The last bin whose lower edge is at or below d; d lies within [edges[0], edges[bins]). */
    private static int bin(double[] edges, double d) {
        int lo = 0;
        int hi = edges.length - 2;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (edges[mid] <= d) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }
}
