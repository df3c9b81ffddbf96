package org.flowlab.workloads.values;

import java.util.List;
import org.apache.commons.math3.random.RandomGenerator;
import org.flowlab.workloads.spec.SpecReader;

/**
 * The distribution of a numeric value; a closed family of values:
 * <ul>
 *   <li>{@code {"type":"fixed","value":1}}: always the same, see {@link FixedValue};</li>
 *   <li>{@code {"type":"uniform","min":0,"max":10}}: see {@link UniformValues};</li>
 *   <li>{@code {"type":"normal","mean":50,"sd":5}}: see {@link NormalValues};</li>
 *   <li>{@code {"type":"lognormal","median":35,"sigma":1.0}}: a value whose logarithm is normal,
 *       with mean {@code ln(median)} and standard deviation {@code sigma}, see
 *       {@link LogNormalValues};</li>
 *   <li>{@code {"type":"exponential","mean":3}}: see {@link ExponentialValues}.</li>
 * </ul>
 */
public sealed interface ValueDistribution
        permits FixedValue, UniformValues, NormalValues, LogNormalValues, ExponentialValues {

    /** The JSON {@code type} names. */
    List<String> TYPES = List.of("fixed", "uniform", "normal", "lognormal", "exponential");

    /** Parses a value-distribution object. */
    static ValueDistribution fromJson(SpecReader r) {
        String type = r.oneOf("type", TYPES);
        return switch (type) {
            case "fixed" -> {
                r.rejectUnknown("type", "value");
                yield new FixedValue(r.number("value"));
            }
            case "uniform" -> {
                r.rejectUnknown("type", "min", "max");
                double min = r.number("min");
                double max = r.number("max");
                if (!(max > min)) {
                    throw r.error("max", "must be greater than min = " + min + " (got " + max + ")");
                }
                yield new UniformValues(min, max);
            }
            case "normal" -> {
                r.rejectUnknown("type", "mean", "sd");
                yield new NormalValues(r.number("mean"), r.positive("sd"));
            }
            case "lognormal" -> {
                r.rejectUnknown("type", "median", "sigma");
                yield new LogNormalValues(r.positive("median"), r.positive("sigma"));
            }
            case "exponential" -> {
                r.rejectUnknown("type", "mean");
                yield new ExponentialValues(r.positive("mean"));
            }
            default -> throw new IllegalStateException(type);
        };
    }

    /** A sampler drawing from {@code rng}. */
    ValueSampler sampler(RandomGenerator rng);

    /** The distribution's mean. */
    double mean();
}
