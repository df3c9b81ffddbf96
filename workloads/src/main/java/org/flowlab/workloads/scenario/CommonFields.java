package org.flowlab.workloads.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.distribution.EnumeratedIntegerDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.flowlab.workloads.keys.KeyDistribution;
import org.flowlab.workloads.spec.SpecReader;
import org.flowlab.workloads.text.DurationText;

/**
 * The fields every scenario has ({@code scenario}, {@code description}, {@code duration},
 * {@code rate}), read and checked in one place, and the readers the catalog's generators share.
 *
 * @param durationNanos the span of event time to generate, {@code [0, duration)}
 * @param ratePerSecond the mean input rate over the whole trace, events per second
 */
record CommonFields(long durationNanos, double ratePerSecond) {

    /** More events than this would not fit comfortably in memory; a trace this large is a mistake. */
    static final long MAX_EVENTS = 100_000_000L;

    private static final List<String> NAMES = List.of("scenario", "description", "duration", "rate");

    /** Reads the common fields, after rejecting any field of the top level not in them or {@code own}. */
    static CommonFields read(SpecReader r, String... own) {
        List<String> allowed = new ArrayList<>(NAMES);
        allowed.addAll(List.of(own));
        r.rejectUnknown(allowed);
        r.string("scenario");
        r.string("description");
        long duration = r.duration("duration");
        double rate = r.rate("rate");
        double expected = rate * duration / DurationText.NANOS_PER_SECOND;
        if (expected > MAX_EVENTS) {
            throw r.error(List.of("rate", "duration"), String.format(Locale.ROOT,
                    "rate x duration is about %.3g events, more than the %,d a trace may hold; lower the rate or the duration",
                    expected, MAX_EVENTS));
        }
        return new CommonFields(duration, rate);
    }

    /** Scenarios keep a little state per key (a home country, a price); more keys than this is a mistake. */
    static final int MAX_KEYS_WITH_STATE = 10_000_000;

    /** A key distribution for keys the generator keeps state for, at most {@link #MAX_KEYS_WITH_STATE} of them. */
    static KeyDistribution keysWithState(SpecReader r, String field) {
        KeyDistribution keys = KeyDistribution.fromJson(r.object(field));
        if (keys.keyCount() > MAX_KEYS_WITH_STATE) {
            throw r.error(field + ".n", String.format(Locale.ROOT, "must be at most %,d here (got %,d)",
                    MAX_KEYS_WITH_STATE, keys.keyCount()));
        }
        return keys;
    }

    /** The expected number of events, for sizing builders. */
    int expectedEvents() {
        return (int) Math.min(Integer.MAX_VALUE - 8L, Math.round(ratePerSecond * durationNanos / DurationText.NANOS_PER_SECOND));
    }

    /**
     * Reads an object of relative weights with exactly the given names (each {@code >= 0}, not all
     * zero) and returns them normalised to shares, in the order of {@code names}.
     */
    static double[] shares(SpecReader r, List<String> names) {
        r.rejectUnknown(names);
        double[] w = new double[names.size()];
        double sum = 0;
        for (int i = 0; i < w.length; i++) {
            w[i] = r.nonNegative(names.get(i));
            sum += w[i];
        }
        if (!(sum > 0)) {
            throw r.error(names.get(0), "the weights of " + String.join(", ", names) + " must not all be 0");
        }
        for (int i = 0; i < w.length; i++) {
            w[i] /= sum;
        }
        return w;
    }

    /** A sampler of indexes {@code 0 .. shares.length-1} with the given probabilities. */
    static EnumeratedIntegerDistribution choice(RandomGenerator rng, double[] shares) {
        int[] indexes = new int[shares.length];
        for (int i = 0; i < indexes.length; i++) {
            indexes[i] = i;
        }
        return new EnumeratedIntegerDistribution(rng, indexes, shares);
    }

    /** Rounds money to cents, as a ledger would record it. */
    static double cents(double amount) {
        return Math.round(amount * 100) / 100.0;
    }
}
