package org.flowlab.workloads.arrival;

import java.util.Arrays;

/**
 * Where a stream of arrivals stops: at an end time (exclusive), after a number of events, or
 * whichever comes first.
 *
 * @param endNanos  event times at or after this are not produced; {@code Long.MAX_VALUE} for no end
 * @param maxEvents at most this many events; {@code Long.MAX_VALUE} for no limit
 */
public record ArrivalBound(long endNanos, long maxEvents) {

    public ArrivalBound {
        if (maxEvents < 0) {
            throw new IllegalArgumentException("maxEvents must be >= 0, got " + maxEvents);
        }
        if (endNanos == Long.MAX_VALUE && maxEvents == Long.MAX_VALUE) {
            throw new IllegalArgumentException("an arrival bound needs an end time or an event count");
        }
    }

    /** Events in {@code [startNanos, startNanos + durationNanos)}. */
    public static ArrivalBound duration(long startNanos, long durationNanos) {
        if (durationNanos <= 0) {
            throw new IllegalArgumentException("duration must be > 0 ns, got " + durationNanos);
        }
        return new ArrivalBound(Math.addExact(startNanos, durationNanos), Long.MAX_VALUE);
    }

    /** The first {@code count} events. */
    public static ArrivalBound events(long count) {
        return new ArrivalBound(Long.MAX_VALUE, count);
    }

    /** Whether an event at {@code timeNanos}, after {@code producedSoFar} others, is still inside the bound. */
    public boolean admits(long timeNanos, long producedSoFar) {
        return timeNanos < endNanos && producedSoFar < maxEvents;
    }

    /** Every event time {@code clock} produces inside this bound, ascending. */
    public long[] times(ArrivalClock clock) {
        long[] out = new long[1024];
        int n = 0;
        while (n < maxEvents) {
            long t = clock.next();
            if (t >= endNanos) {
                break;
            }
            if (n == out.length) {
                if (out.length == Integer.MAX_VALUE - 8) {
                    throw new IllegalStateException("more than " + n + " arrivals do not fit in one array");
                }
                out = Arrays.copyOf(out, (int) Math.min(Integer.MAX_VALUE - 8L, out.length * 2L));
            }
            out[n++] = t;
        }
        return Arrays.copyOf(out, n);
    }
}
