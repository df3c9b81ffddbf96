package org.flowlab.workloads.nexmark;

/**
 * The event time of every Nexmark event number, after Beam's
 * {@code GeneratorConfig.timestampAndInterEventDelayUsForEvent}: the rate shape is a cycle of
 * equally long steps, each with its own rate; within a step the n-th event happens at
 * {@code n / rate} after the step starts, as many as fit before the step ends; the cycle repeats.
 * Times are virtual nanoseconds from the scenario's base time. Beam rounds the inter-event delay to
 * whole microseconds and lets a step end early; we keep the rate exact (to the nanosecond) and
 * every step exactly its length, so a constant 3000/s for 10 s gives exactly 30 000 events.
 * Times strictly increase with the event number, so event-number order is event-time order.
 */
final class EventTimeline {
    /** The fastest rate at which consecutive events still get distinct nanoseconds. */
    static final double MAX_RATE = 1e9;

    private static final double NANOS_PER_SECOND = 1e9;
    private static final long SATURATED = Long.MAX_VALUE / 2;

    private final double[] rate;
    private final long stepLength;
    private final long[] eventsInStep;
    private final long eventsPerCycle;
    private final long cycleLength;

    /**
     * @param stepRates  events per second of each step (one step: a constant rate)
     * @param stepLength nanoseconds of event time each step lasts; ignored for a constant rate
     * @throws IllegalArgumentException if a rate is not in (0, 1e9] or a step has no length
     */
    EventTimeline(double[] stepRates, long stepLength) {
        this.rate = stepRates.clone();
        this.stepLength = stepLength;
        for (double r : rate) {
            if (!(r > 0 && r <= MAX_RATE)) {
                throw new IllegalArgumentException("a rate must be in (0, 1e9] events per second, got " + r);
            }
        }
        eventsInStep = new long[rate.length];
        long events = 0;
        if (rate.length > 1) {
            if (stepLength < 1) {
                throw new IllegalArgumentException("a step must last at least 1 ns, got " + stepLength);
            }
            for (int i = 0; i < rate.length; i++) {
                eventsInStep[i] = countWithin(stepLength, rate[i]);
                events += eventsInStep[i];
            }
        }
        eventsPerCycle = events;
        cycleLength = rate.length * stepLength;
    }

    /** The event time of event number {@code m >= 0}; saturates at {@code Long.MAX_VALUE / 2} instead of overflowing. */
    long eventTime(long m) {
        if (rate.length == 1) {
            return at(m, rate[0]);
        }
        long cycle = m / eventsPerCycle;
        long n = m - cycle * eventsPerCycle;
        long offset = cycle > SATURATED / cycleLength ? SATURATED : cycle * cycleLength;
        for (int i = 0; i < rate.length; i++) {
            if (n < eventsInStep[i]) {
                return Math.min(SATURATED, offset + at(n, rate[i]));
            }
            n -= eventsInStep[i];
            offset += stepLength;
        }
        throw new IllegalStateException("event " + m + " fell outside its cycle");
    }

    /** How many event numbers have an event time before {@code limit}. */
    long countBefore(long limit) {
        if (rate.length == 1) {
            return countWithin(limit, rate[0]);
        }
        if (limit <= 0) {
            return 0;
        }
        long cycles = limit / cycleLength;
        long rest = limit - cycles * cycleLength;
        long count = cycles * eventsPerCycle;
        for (int i = 0; i < rate.length && rest > 0; i++) {
            if (rest >= stepLength) {
                count += eventsInStep[i];
                rest -= stepLength;
            } else {
                count += countWithin(rest, rate[i]);
                rest = 0;
            }
        }
        return count;
    }

    /** The offset of the n-th event of a step at {@code rate}: dividing rather than multiplying by a rounded delay keeps it exact. */
    private static long at(long n, double rate) {
        double t = n * NANOS_PER_SECOND / rate;
        return t >= SATURATED ? SATURATED : (long) t;
    }

    /** How many n >= 0 have {@code at(n, rate) < limit}: an estimate corrected against {@link #at} itself. */
    private static long countWithin(long limit, double rate) {
        if (limit <= 0) {
            return 0;
        }
        long c = (long) Math.ceil(limit / NANOS_PER_SECOND * rate);
        while (c > 0 && at(c - 1, rate) >= limit) {
            c--;
        }
        while (at(c, rate) < limit) {
            c++;
        }
        return c;
    }
}
