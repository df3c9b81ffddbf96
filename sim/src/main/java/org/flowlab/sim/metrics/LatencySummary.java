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

    /**
     * {@link #newHistogram()}, made at once big enough for values up to {@code largest} (it still
     * grows past it): the same buckets, so the same figures, without growing a bucket at a time as
     * larger values come — each step copies every count, which for latencies of days (some forty
     * buckets of 1,024 counts) costs megabytes a histogram.
     */
    public static Histogram newHistogram(long largest) {
        Histogram h = new Histogram(1, Math.max(2, largest), 3);
        h.setAutoResize(true);
        return h;
    }

    /** The percentiles a summary reports, in rising order. */
    private static final double[] PERCENTILES = {50, 90, 99, 99.9};

    /**
     * The summary of a histogram of nanoseconds: the figures {@link Histogram#getValueAtPercentile}
     * and {@link Histogram#getMean} give, computed in one walk over the buckets from the smallest
     * recorded value to the largest. Those methods each scan the histogram from zero (the mean
     * through a costly iterator), and a batch run's latencies sit in a few buckets near hours.
     * The rank and mean arithmetic follow HdrHistogram 2.2.2's; LatencySummaryProperties checks the
     * figures against its own methods, so an upgrade that changes them fails there.
     */
    public static LatencySummary of(Histogram nanos) {
        long total = nanos.getTotalCount();
        if (total == 0) {
            return EMPTY;
        }
        long[] thresholds = new long[PERCENTILES.length];
        for (int p = 0; p < PERCENTILES.length; p++) {
            // As getValueAtPercentile rounds the rank, to the value's own bits.
            double requested = Math.min(Math.max(Math.nextAfter(PERCENTILES[p], Double.NEGATIVE_INFINITY), 0.0), 100.0);
            thresholds[p] = Math.max(1, (long) Math.ceil(requested * total / 100.0));
        }
        long[] values = new long[PERCENTILES.length];
        int next = 0;
        long seen = nanos.getCountAtValue(0);
        while (next < thresholds.length && seen >= thresholds[next]) {
            values[next++] = nanos.highestEquivalentValue(0);
        }
        // The mean as getMean sums it: each bucket's median times its count, in rising order.
        double totalValue = 0;
        long max = nanos.getMaxValue();
        long v = seen < total ? nanos.lowestEquivalentValue(nanos.getMinNonZeroValue()) : max + 1;
        for (; v <= max && seen < total; v = nanos.nextNonEquivalentValue(v)) {
            long count = nanos.getCountAtValue(v);
            if (count == 0) {
                continue;
            }
            long highest = nanos.highestEquivalentValue(v);
            totalValue += nanos.medianEquivalentValue(highest) * (double) count;
            seen += count;
            while (next < thresholds.length && seen >= thresholds[next]) {
                values[next++] = highest;
            }
        }
        return new LatencySummary(total, values[0] / NANOS_PER_MS, values[1] / NANOS_PER_MS, values[2] / NANOS_PER_MS,
                values[3] / NANOS_PER_MS, max / NANOS_PER_MS, totalValue * 1.0 / total / NANOS_PER_MS);
    }

    /** The summary of these latencies in nanoseconds; negative ones count as 0. */
    public static LatencySummary ofNanos(long... nanos) {
        long largest = 0;
        for (long n : nanos) {
            largest = Math.max(largest, n);
        }
        Histogram h = newHistogram(largest);
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
