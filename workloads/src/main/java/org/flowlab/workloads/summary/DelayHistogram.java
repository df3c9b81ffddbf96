package org.flowlab.workloads.summary;

import java.util.Arrays;

/**
 * How delays (arrival − event time) are distributed, for charting. The bins are log-spaced,
 * because delays span orders of magnitude (milliseconds of jitter, minutes for a straggler) and
 * equal-width bins would put nearly every event in the first one. Bin {@code i} counts the delays
 * {@code d} with {@code edges[i] <= d < edges[i + 1]}; the edges run from the smallest positive
 * delay to just above the largest, or to twice the smallest if that is more (so that the bins
 * have width even when every delay is the same). Delays of exactly 0 have no place on a log scale and are
 * counted apart in {@code zeroDelays}; when no delay is positive there are no bins.
 *
 * @param zeroDelays events that arrived the instant they happened
 * @param edges      bin edges in nanoseconds, one more than there are bins
 * @param counts     events per bin
 */
public record DelayHistogram(long zeroDelays, double[] edges, long[] counts) {

    public DelayHistogram {
        if (counts.length == 0 ? edges.length != 0 : edges.length != counts.length + 1) {
            throw new IllegalArgumentException(edges.length + " edges for " + counts.length + " bins");
        }
        edges = edges.clone();
        counts = counts.clone();
    }

    public int bins() {
        return counts.length;
    }

    @Override
    public double[] edges() {
        return edges.clone();
    }

    @Override
    public long[] counts() {
        return counts.clone();
    }

    /** The events counted: those in the bins plus the zero delays. */
    public long total() {
        long total = zeroDelays;
        for (long c : counts) {
            total += c;
        }
        return total;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DelayHistogram h && h.zeroDelays == zeroDelays
                && Arrays.equals(h.edges, edges) && Arrays.equals(h.counts, counts);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Long.hashCode(zeroDelays) + Arrays.hashCode(edges)) + Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        return "DelayHistogram[zeroDelays=" + zeroDelays + ", edges=" + Arrays.toString(edges)
                + ", counts=" + Arrays.toString(counts) + "]";
    }
}
