package org.flowlab.workloads.disorder;

import org.apache.commons.math3.random.RandomGenerator;
import org.flowlab.workloads.spec.SpecReader;

/**
 * How late events arrive: {@code arrivalTime = eventTime + delay}, the delay drawn from
 * {@code delay}, or, with probability {@code lateFraction}, from {@code lateDelay} (the very late
 * ones). In JSON:
 * <pre>{@code {"delay": {"type":"exponential","mean":"200ms"},
 *  "lateFraction": 0.01, "lateDelay": {"type":"uniform","min":"1m","max":"10m"}}}</pre>
 * {@code lateFraction} and {@code lateDelay} go together and may both be left out.
 *
 * @param delay        the delay of ordinary events
 * @param lateFraction the probability that an event is very late, in [0, 1]
 * @param lateDelay    the delay of very late events
 */
public record Disorder(DelayDistribution delay, double lateFraction, DelayDistribution lateDelay) {

    /** Every event arrives when it happens. */
    public static final Disorder NONE = new Disorder(NoDelay.INSTANCE, 0, NoDelay.INSTANCE);

    public Disorder {
        if (delay == null || lateDelay == null) {
            throw new IllegalArgumentException("delay distributions must not be null");
        }
        if (!(lateFraction >= 0 && lateFraction <= 1)) {
            throw new IllegalArgumentException("lateFraction must be in [0, 1], got " + lateFraction);
        }
    }

    /** Parses a disorder object. */
    public static Disorder fromJson(SpecReader r) {
        r.rejectUnknown("delay", "lateFraction", "lateDelay");
        DelayDistribution delay = DelayDistribution.fromJson(r.object("delay"));
        if (!r.has("lateFraction") && !r.has("lateDelay")) {
            return new Disorder(delay, 0, NoDelay.INSTANCE);
        }
        if (!r.has("lateDelay")) {
            throw r.error("lateDelay", "is missing; lateFraction needs a lateDelay distribution");
        }
        if (!r.has("lateFraction")) {
            throw r.error("lateFraction", "is missing; lateDelay needs a lateFraction between 0 and 1");
        }
        return new Disorder(delay, r.probability("lateFraction"), DelayDistribution.fromJson(r.object("lateDelay")));
    }

    /** A sampler drawing from {@code rng}. */
    public DelaySampler sampler(RandomGenerator rng) {
        if (lateFraction == 0) {
            return delay.sampler(rng);
        }
        DelaySampler ordinary = delay.sampler(rng);
        DelaySampler late = lateDelay.sampler(rng);
        return () -> rng.nextDouble() < lateFraction ? late.nextDelay() : ordinary.nextDelay();
    }

    /** The mean delay over all events, nanoseconds. */
    public double meanNanos() {
        return (1 - lateFraction) * delay.meanNanos() + lateFraction * lateDelay.meanNanos();
    }
}
