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
    /** How many buckets the timeline spans. */
    private final int size;
    /** The buckets any record was read in, ascending, and how many were read in each. */
    private final int[] readBuckets;
    private final long[] readCounts;
    /** The backlog as runs: from bucket {@code backlogFrom[i]} on it is {@code backlogValues[i]}; 0 before the first. */
    private final int[] backlogFrom;
    private final long[] backlogValues;

    private ThroughputTimeline(long bucket, int size, int[] readBuckets, long[] readCounts, int[] backlogFrom,
                               long[] backlogValues) {
        this.bucket = bucket;
        this.size = size;
        this.readBuckets = readBuckets;
        this.readCounts = readCounts;
        this.backlogFrom = backlogFrom;
        this.backlogValues = backlogValues;
    }

    /** Collects reads into buckets of {@code bucket} nanoseconds. */
    public static Builder builder(long bucket) {
        return new Builder(bucket, Builder.MAX_BUCKETS);
    }

    /** {@link #builder(long)}, widening its buckets past {@code maxBuckets} of them: for tests. */
    static Builder builder(long bucket, long maxBuckets) {
        return new Builder(bucket, maxBuckets);
    }

    public long bucket() {
        return bucket;
    }

    public int size() {
        return size;
    }

    /** Records processed in each bucket (a copy). */
    public long[] processed() {
        long[] out = new long[size];
        for (int i = 0; i < readBuckets.length; i++) {
            out[readBuckets[i]] = readCounts[i];
        }
        return out;
    }

    /** Records processed per simulated second in each bucket. */
    public double[] perSecond() {
        double[] out = new double[size];
        for (int i = 0; i < readBuckets.length; i++) {
            out[readBuckets[i]] = readCounts[i] * 1e9 / bucket;
        }
        return out;
    }

    /** The backlog at the end of each bucket (a copy). */
    public long[] backlog() {
        long[] out = new long[size];
        for (int i = 0; i < backlogFrom.length; i++) {
            int to = i + 1 < backlogFrom.length ? backlogFrom[i + 1] : size;
            Arrays.fill(out, backlogFrom[i], to, backlogValues[i]);
        }
        return out;
    }

    /** The largest backlog at a bucket's end. */
    public long maxBacklog() {
        long max = 0;
        for (long b : backlogValues) {
            max = Math.max(max, b);
        }
        return max;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ThroughputTimeline t && bucket == t.bucket && size == t.size
                && Arrays.equals(processed(), t.processed()) && Arrays.equals(backlog(), t.backlog());
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(processed()) + Arrays.hashCode(backlog());
    }

    @Override
    public String toString() {
        return "ThroughputTimeline(" + size + " buckets of " + bucket + " ns, max backlog " + maxBacklog() + ")";
    }

    /**
     * Counts reads per bucket as a run goes. Only the buckets something is read in are kept (a
     * low-rate trace over weeks reads in few of its one-second buckets), in the order of their
     * times; reads come in time order, mostly into the bucket of the read before.
     */
    public static final class Builder {
        /** The most buckets a timeline spans before they are widened ({@link #widenToHold}), by default. */
        static final long MAX_BUCKETS = 50_000_000L;
        private final long maxBuckets;
        private long bucket;
        private int[] indices = new int[16];
        private long[] processed = new long[16];
        private long[] firstReads = new long[16];
        /** Entries in use, ascending by bucket. */
        private int entries;
        /** Where the bucket of the last entry starts, while the last read (at or after 0) went there; none at first. */
        private long lastStart = Long.MAX_VALUE;

        private Builder(long bucket, long maxBuckets) {
            if (bucket <= 0) {
                throw new IllegalArgumentException("bucket must be positive (got " + bucket + ")");
            }
            this.bucket = bucket;
            this.maxBuckets = maxBuckets;
        }

        /** A read at {@code t}; {@code replay} for a record read again after a restart. */
        public void read(long t, boolean replay) {
            read(t, 1, replay);
        }

        /** {@code n} reads at {@code t}, for engines that read in batches. */
        public void read(long t, long n, boolean replay) {
            int e = entry(t);
            processed[e] += n;
            if (!replay) {
                firstReads[e] += n;
            }
        }

        /** The entry of {@code t}'s bucket, made if there is none. */
        private int entry(long t) {
            if (t >= lastStart && t < lastStart + bucket) {
                return entries - 1;
            }
            long b = Math.max(0, t) / bucket;
            if (b > maxBuckets) {
                widenToHold(b);
                b = Math.max(0, t) / bucket;
            }
            int i = (int) b;
            int e;
            if (entries == 0 || indices[entries - 1] < i) {
                e = entries;
                insert(e, i);
            } else {
                // An earlier bucket than the last read's: rare (a read before 0 goes to bucket 0).
                e = Arrays.binarySearch(indices, 0, entries, i);
                if (e < 0) {
                    e = -e - 1;
                    insert(e, i);
                }
            }
            if (t >= 0 && e == entries - 1) {
                lastStart = b * bucket;
            } else {
                lastStart = Long.MAX_VALUE;
            }
            return e;
        }

        /**
         * Widens the buckets by a whole factor, so that bucket {@code far} of the present ones falls
         * within {@link #maxBuckets} of the new, and merges the entries that then share a bucket: a
         * run over years (a long-lived trace, or a fault that holds the sources for long) gets a
         * coarser timeline rather than none. Shorter runs keep their buckets as they are.
         */
        private void widenToHold(long far) {
            long factor = far / maxBuckets + 1;
            bucket = Math.multiplyExact(bucket, factor);
            int kept = 0;
            for (int e = 0; e < entries; e++) {
                int index = (int) (indices[e] / factor);
                if (kept > 0 && indices[kept - 1] == index) {
                    processed[kept - 1] += processed[e];
                    firstReads[kept - 1] += firstReads[e];
                } else {
                    indices[kept] = index;
                    processed[kept] = processed[e];
                    firstReads[kept] = firstReads[e];
                    kept++;
                }
            }
            entries = kept;
            lastStart = Long.MAX_VALUE;
        }

        private void insert(int e, int index) {
            if (entries == indices.length) {
                int capacity = entries * 2;
                indices = Arrays.copyOf(indices, capacity);
                processed = Arrays.copyOf(processed, capacity);
                firstReads = Arrays.copyOf(firstReads, capacity);
            }
            int moved = entries - e;
            System.arraycopy(indices, e, indices, e + 1, moved);
            System.arraycopy(processed, e, processed, e + 1, moved);
            System.arraycopy(firstReads, e, firstReads, e + 1, moved);
            indices[e] = index;
            processed[e] = 0;
            firstReads[e] = 0;
            entries++;
        }

        /**
         * The timeline, up to the last read or the last arrival of {@code trace}, whichever is
         * later (its buckets widened if that is more than {@link #maxBuckets} of them). The
         * backlog at a bucket's end counts the trace's records up to the first one not arrived by
         * then (in the trace's order), less the records first read by then.
         */
        public ThroughputTimeline build(Trace trace) {
            long lastArrival = trace.size() == 0 ? 0 : Math.max(0, trace.lastArrival());
            if (lastArrival / bucket > maxBuckets) {
                widenToHold(lastArrival / bucket);
            }
            int buckets = entries == 0 ? 0 : indices[entries - 1] + 1;
            int n = Math.max(buckets, trace.size() == 0 ? 0 : (int) (lastArrival / bucket) + 1);
            int[] from = new int[16];
            long[] values = new long[16];
            int runs = 0;
            long value = 0;
            int record = 0;
            int e = 0;
            long read = 0;
            long passed = Long.MIN_VALUE;
            // Walk the buckets where the backlog may change: where a record has arrived (with every
            // one before it), or where a record is first read.
            // A record has arrived, with every one before it, at the latest of their arrivals: `passed`.
            while (true) {
                long arrivalBucket = record < trace.size() ? arrivedBucket(trace, record, passed) : Long.MAX_VALUE;
                long readBucket = e < entries ? indices[e] : Long.MAX_VALUE;
                long b = Math.min(arrivalBucket, readBucket);
                if (b >= n) {
                    break;
                }
                while (record < trace.size() && arrivedBucket(trace, record, passed) <= b) {
                    passed = Math.max(passed, trace.arrivalTime(record));
                    record++;
                }
                while (e < entries && indices[e] <= b) {
                    read += firstReads[e++];
                }
                long backlog = Math.max(0, record - read);
                if (backlog != value) {
                    if (runs == from.length) {
                        from = Arrays.copyOf(from, runs * 2);
                        values = Arrays.copyOf(values, runs * 2);
                    }
                    from[runs] = (int) b;
                    values[runs++] = backlog;
                    value = backlog;
                }
            }
            return new ThroughputTimeline(bucket, n, Arrays.copyOf(indices, entries), Arrays.copyOf(processed, entries),
                    Arrays.copyOf(from, runs), Arrays.copyOf(values, runs));
        }

        /**
         * The bucket by whose end {@code record} has arrived with every record before it ({@code passed}:
         * their latest arrival).
         */
        private long arrivedBucket(Trace trace, int record, long passed) {
            return Math.max(0, Math.max(passed, trace.arrivalTime(record))) / bucket;
        }
    }
}
