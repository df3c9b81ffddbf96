package org.flowlab.sim.metrics;

import java.util.Arrays;
import org.flowlab.workloads.Trace;

/**
 * Staleness over time (DESIGN.md): at time t it is {@code t − T}, where T is the latest arrival
 * time such that every record that arrived by T is visible by t — that is, the age of the oldest
 * record that has arrived and is not yet visible, or 0 when everything that arrived is visible.
 * A saw-tooth for batch, a low line for a stream.
 *
 * <p>Sampled every {@code step} from the first arrival (rounded down to a step) until every record
 * is visible, or until the last arrival if some never are. Computed in one pass over the arrival
 * order: as t grows, the visible prefix only grows (a running maximum of visibility times).
 */
public final class StalenessTimeline {
    private final long step;
    private final long[] times;
    private final long[] staleness;

    private StalenessTimeline(long step, long[] times, long[] staleness) {
        this.step = step;
        this.times = times;
        this.staleness = staleness;
    }

    /** No samples. */
    public static StalenessTimeline empty(long step) {
        return new StalenessTimeline(step, new long[0], new long[0]);
    }

    /** A sampling step giving about 2000 samples over {@code span}, at least 1 ms, in whole milliseconds. */
    public static long defaultStep(long span) {
        long ms = 1_000_000L;
        long raw = Math.max(1, span / 2000);
        return Math.max(ms, (raw + ms - 1) / ms * ms);
    }

    /**
     * The timeline of a run, from its trace and the visibility time of each record (-1 = never).
     *
     * @param step sampling interval, nanoseconds, positive
     */
    public static StalenessTimeline from(Trace trace, long[] visibleAt, long step) {
        if (step <= 0) {
            throw new IllegalArgumentException("step must be positive (got " + step + ")");
        }
        int n = trace.size();
        if (visibleAt.length != n) {
            throw new IllegalArgumentException("the trace has " + n + " records, the visibility array " + visibleAt.length);
        }
        if (n == 0) {
            return empty(step);
        }
        long end = trace.lastArrival();
        for (long v : visibleAt) {
            end = Math.max(end, v);
        }
        long start = Math.floorDiv(trace.firstArrival(), step) * step;
        long count = (end - start) / step + 2; // one sample at or after the end
        if (count > 50_000_000L) {
            throw new IllegalArgumentException("a step of " + step + " ns over " + (end - start) + " ns gives too many samples");
        }
        long[] times = new long[(int) count];
        long[] values = new long[(int) count];
        int k = 0;              // records [0, k) are visible by the current sample time
        long prefixMax = Long.MIN_VALUE;
        for (int s = 0; s < count; s++) {
            long t = start + s * step;
            while (k < n) {
                long v = visibleAt[k] < 0 ? Long.MAX_VALUE : visibleAt[k];
                long m = Math.max(prefixMax, v);
                if (m > t) {
                    break;
                }
                prefixMax = m;
                k++;
            }
            times[s] = t;
            values[s] = k < n && trace.arrivalTime(k) <= t ? t - trace.arrivalTime(k) : 0;
        }
        return new StalenessTimeline(step, times, values);
    }

    public long step() {
        return step;
    }

    public int size() {
        return times.length;
    }

    /** The sample times, nanoseconds (a copy). */
    public long[] times() {
        return times.clone();
    }

    /** The staleness at each sample time, nanoseconds (a copy). */
    public long[] stalenessNanos() {
        return staleness.clone();
    }

    /** The staleness at the last sample at or before {@code t}, or 0 before the first. */
    public long at(long t) {
        int i = Arrays.binarySearch(times, t);
        if (i < 0) {
            i = -i - 2;
        }
        return i < 0 ? 0 : staleness[i];
    }

    /** The first sample time at or after {@code from} whose staleness is at most {@code bound}, or -1. */
    public long firstAtMost(long from, long bound) {
        int i = Arrays.binarySearch(times, from);
        if (i < 0) {
            i = -i - 1;
        }
        for (; i < times.length; i++) {
            if (staleness[i] <= bound) {
                return times[i];
            }
        }
        return -1;
    }

    /** The mean over the samples, milliseconds; 0 without samples. */
    public double meanMs() {
        if (staleness.length == 0) {
            return 0;
        }
        double sum = 0;
        for (long v : staleness) {
            sum += v;
        }
        return sum / staleness.length / 1e6;
    }

    /** The largest sample, milliseconds. */
    public double maxMs() {
        long max = 0;
        for (long v : staleness) {
            max = Math.max(max, v);
        }
        return max / 1e6;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StalenessTimeline s && step == s.step && Arrays.equals(times, s.times)
                && Arrays.equals(staleness, s.staleness);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(times) + Arrays.hashCode(staleness);
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "StalenessTimeline(%d samples every %d ns, mean %.3f ms, max %.3f ms)",
                times.length, step, meanMs(), maxMs());
    }
}
