package org.flowlab.sim.metrics;

import org.HdrHistogram.Histogram;

/**
 * A latency distribution in milliseconds: how many values, the usual percentiles, the maximum and
 * the mean. Made from an HdrHistogram of nanoseconds kept to three significant digits, so the
 * percentiles are exact to 0.1 %. An empty distribution has count 0 and every figure 0.
 *
 * @param count how many latencies
 * @param p50Ms median
 * @param p90Ms 90th percentile
 * @param p99Ms 99th percentile
 * @param p999Ms 99.9th percentile
 * @param maxMs largest
 * @param meanMs mean
 */
public record LatencySummary(long count, double p50Ms, double p90Ms, double p99Ms, double p999Ms, double maxMs,
                             double meanMs) {

    /** No values. */
    public static final LatencySummary EMPTY = new LatencySummary(0, 0, 0, 0, 0, 0, 0);

    private static final double NANOS_PER_MS = 1_000_000.0;

    /** A histogram for latencies in nanoseconds: three significant digits, growing as needed. */
    public static Histogram newHistogram() {
        return new Histogram(3);
    }

    /** The summary of a histogram of nanoseconds. */
    public static LatencySummary of(Histogram nanos) {
        if (nanos.getTotalCount() == 0) {
            return EMPTY;
        }
        return new LatencySummary(nanos.getTotalCount(),
                nanos.getValueAtPercentile(50) / NANOS_PER_MS,
                nanos.getValueAtPercentile(90) / NANOS_PER_MS,
                nanos.getValueAtPercentile(99) / NANOS_PER_MS,
                nanos.getValueAtPercentile(99.9) / NANOS_PER_MS,
                nanos.getMaxValue() / NANOS_PER_MS,
                nanos.getMean() / NANOS_PER_MS);
    }

    /** The summary of these latencies in nanoseconds; negative ones count as 0. */
    public static LatencySummary ofNanos(long... nanos) {
        Histogram h = newHistogram();
        for (long n : nanos) {
            h.recordValue(Math.max(0, n));
        }
        return of(h);
    }

    /** For example {@code p50 12.3 ms, p99 80.1 ms, max 95 ms (n=1000)}. */
    @Override
    public String toString() {
        if (count == 0) {
            return "no values";
        }
        return String.format(java.util.Locale.ROOT, "p50 %.3f ms, p90 %.3f ms, p99 %.3f ms, p99.9 %.3f ms, max %.3f ms, mean %.3f ms (n=%d)",
                p50Ms, p90Ms, p99Ms, p999Ms, maxMs, meanMs, count);
    }
}
