package org.flowlab.workloads.summary;

import java.util.Arrays;

/**
 * Arrival rate over time, for charting: one point per bucket of arrival time, empty buckets
 * included. Buckets are aligned to whole multiples of {@code bucket} and run from the one that
 * holds the first arrival to the one that holds the last.
 *
 * @param bucket       bucket width, nanoseconds
 * @param bucketStarts each bucket's start, nanoseconds of arrival time
 * @param perSecond    events that arrived in each bucket, per second
 */
public record RateSeries(long bucket, long[] bucketStarts, double[] perSecond) {

    public RateSeries {
        if (bucketStarts.length != perSecond.length) {
            throw new IllegalArgumentException(bucketStarts.length + " bucket starts but " + perSecond.length + " rates");
        }
        bucketStarts = bucketStarts.clone();
        perSecond = perSecond.clone();
    }

    public int size() {
        return bucketStarts.length;
    }

    @Override
    public long[] bucketStarts() {
        return bucketStarts.clone();
    }

    @Override
    public double[] perSecond() {
        return perSecond.clone();
    }

    /** The bucket starts in seconds, the x axis of a chart. */
    public double[] bucketStartSeconds() {
        double[] seconds = new double[bucketStarts.length];
        for (int i = 0; i < seconds.length; i++) {
            seconds[i] = bucketStarts[i] / 1e9;
        }
        return seconds;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RateSeries r && r.bucket == bucket
                && Arrays.equals(r.bucketStarts, bucketStarts) && Arrays.equals(r.perSecond, perSecond);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Long.hashCode(bucket) + Arrays.hashCode(bucketStarts)) + Arrays.hashCode(perSecond);
    }

    @Override
    public String toString() {
        return "RateSeries[bucket=" + bucket + ", bucketStarts=" + Arrays.toString(bucketStarts)
                + ", perSecond=" + Arrays.toString(perSecond) + "]";
    }
}
