package org.flowlab.workloads.disorder;

import java.util.List;
import org.apache.commons.math3.random.RandomGenerator;
import org.flowlab.workloads.spec.SpecReader;

/**
 * The distribution of a delay between an event happening and it arriving; a closed family:
 * <ul>
 *   <li>{@code {"type":"none"}}: no delay, see {@link NoDelay};</li>
 *   <li>{@code {"type":"fixed","delay":"200ms"}}: see {@link FixedDelay};</li>
 *   <li>{@code {"type":"exponential","mean":"200ms"}}: see {@link ExponentialDelay};</li>
 *   <li>{@code {"type":"uniform","min":"1m","max":"10m"}}: see {@link UniformDelay};</li>
 *   <li>{@code {"type":"lognormal","median":"300ms","sigma":0.7}}: see {@link LogNormalDelay}.</li>
 * </ul>
 */
public sealed interface DelayDistribution permits NoDelay, FixedDelay, ExponentialDelay, UniformDelay, LogNormalDelay {

    /** The JSON {@code type} names. */
    List<String> TYPES = List.of("none", "fixed", "exponential", "uniform", "lognormal");

    /** Parses a delay object. */
    static DelayDistribution fromJson(SpecReader r) {
        String type = r.oneOf("type", TYPES);
        return switch (type) {
            case "none" -> {
                r.rejectUnknown("type");
                yield NoDelay.INSTANCE;
            }
            case "fixed" -> {
                r.rejectUnknown("type", "delay");
                yield new FixedDelay(r.durationOrZero("delay"));
            }
            case "exponential" -> {
                r.rejectUnknown("type", "mean");
                yield new ExponentialDelay(r.duration("mean"));
            }
            case "uniform" -> {
                r.rejectUnknown("type", "min", "max");
                long min = r.durationOrZero("min");
                long max = r.duration("max");
                if (max <= min) {
                    throw r.error("max", "must be longer than min (got \"" + r.string("max") + "\" <= \"" + r.string("min") + "\")");
                }
                yield new UniformDelay(min, max);
            }
            case "lognormal" -> {
                r.rejectUnknown("type", "median", "sigma");
                yield new LogNormalDelay(r.duration("median"), r.positive("sigma"));
            }
            default -> throw new IllegalStateException(type);
        };
    }

    /** A sampler drawing from {@code rng}. */
    DelaySampler sampler(RandomGenerator rng);

    /** The mean delay, nanoseconds. */
    double meanNanos();
}
