package org.flowlab.sim.metrics;

import java.util.Arrays;
import org.flowlab.workloads.Trace;

/**
 * Throughput and backlog over simulated time, in buckets of {@code bucket} nanoseconds from 0:
 * how many records the first stage processed in each bucket (re-reads after a restart included:
 * they are work done), and the backlog at each bucket's end — records arrived minus records read
 * for the first time. Engines report each read to a {@link Builder}.
 */
public final class ThroughputTimeline {
    private final long bucket;
    private final long[] processed;
    private final long[] backlog;

    private ThroughputTimeline(long bucket, long[] processed, long[] backlog) {
        this.bucket = bucket;
        this.processed = processed;
        this.backlog = backlog;
    }

    /** Collects reads into buckets of {@code bucket} nanoseconds. */
    public static Builder builder(long bucket) {
        return new Builder(bucket);
    }

    public long bucket() {
        return bucket;
    }

    public int size() {
        return processed.length;
    }

    /** Records processed in each bucket (a copy). */
    public long[] processed() {
        return processed.clone();
    }

    /** Records processed per simulated second in each bucket. */
    public double[] perSecond() {
        double[] out = new double[processed.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = processed[i] * 1e9 / bucket;
        }
        return out;
    }

    /** The backlog at the end of each bucket (a copy). */
    public long[] backlog() {
        return backlog.clone();
    }

    /** The largest backlog at a bucket's end. */
    public long maxBacklog() {
        long max = 0;
        for (long b : backlog) {
            max = Math.max(max, b);
        }
        return max;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ThroughputTimeline t && bucket == t.bucket && Arrays.equals(processed, t.processed)
                && Arrays.equals(backlog, t.backlog);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(processed) + Arrays.hashCode(backlog);
    }

    @Override
    public String toString() {
        return "ThroughputTimeline(" + processed.length + " buckets of " + bucket + " ns, max backlog " + maxBacklog() + ")";
    }

    /** Counts reads per bucket as a run goes. */
    public static final class Builder {
        private final long bucket;
        private long[] processed = new long[16];
        private long[] firstReads = new long[16];
        private int buckets;
        /** The bucket of the last read at or after 0, and where it starts; none at first. */
        private int lastIndex = -1;
        private long lastStart = Long.MAX_VALUE;

        private Builder(long bucket) {
            if (bucket <= 0) {
                throw new IllegalArgumentException("bucket must be positive (got " + bucket + ")");
            }
            this.bucket = bucket;
        }

        /** A read at {@code t}; {@code replay} for a record read again after a restart. */
        public void read(long t, boolean replay) {
            int b = index(t);
            processed[b]++;
            if (!replay) {
                firstReads[b]++;
            }
        }

        /** {@code n} reads at {@code t}, for engines that read in batches. */
        public void read(long t, long n, boolean replay) {
            int b = index(t);
            processed[b] += n;
            if (!replay) {
                firstReads[b] += n;
            }
        }

        private int index(long t) {
            // Reads come in time order, mostly into the bucket of the one before: no division then.
            if (t >= lastStart && t < lastStart + bucket) {
                return lastIndex;
            }
            long b = Math.max(0, t) / bucket;
            if (b > 50_000_000L) {
                throw new IllegalArgumentException("time " + t + " ns is too far out for buckets of " + bucket + " ns");
            }
            int i = (int) b;
            if (i >= processed.length) {
                int capacity = Math.max(i + 1, processed.length * 2);
                processed = Arrays.copyOf(processed, capacity);
                firstReads = Arrays.copyOf(firstReads, capacity);
            }
            buckets = Math.max(buckets, i + 1);
            if (t >= 0) {
                lastIndex = i;
                lastStart = b * bucket;
            }
            return i;
        }

        /** The timeline, up to the last read or the last arrival of {@code trace}, whichever is later. */
        public ThroughputTimeline build(Trace trace) {
            int n = Math.max(buckets, trace.size() == 0 ? 0 : (int) (Math.max(0, trace.lastArrival()) / bucket) + 1);
            long[] p = Arrays.copyOf(processed, n);
            long[] reads = Arrays.copyOf(firstReads, n);
            long[] backlog = new long[n];
            int arrived = 0;
            long read = 0;
            for (int b = 0; b < n; b++) {
                long end = (b + 1) * bucket;
                while (arrived < trace.size() && trace.arrivalTime(arrived) < end) {
                    arrived++;
                }
                read += reads[b];
                backlog[b] = Math.max(0, arrived - read);
            }
            return new ThroughputTimeline(bucket, p, backlog);
        }
    }
}
