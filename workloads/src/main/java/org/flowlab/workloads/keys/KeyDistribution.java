package org.flowlab.workloads.keys;

import java.util.List;
import org.apache.commons.math3.random.RandomGenerator;
import org.flowlab.workloads.spec.SpecReader;

/**
 * How events spread over keys {@code 0 .. n-1}; a closed family of values:
 * <ul>
 *   <li>{@code {"type":"uniform","n":1000}}: every key equally likely, see {@link UniformKeys};</li>
 *   <li>{@code {"type":"zipf","n":100000,"s":1.1}}: key {@code k} with weight {@code 1/(k+1)^s},
 *       see {@link ZipfKeys};</li>
 *   <li>{@code {"type":"hot","n":1000,"hotKeys":5,"hotFraction":0.5}}: a fraction of the traffic
 *       on a few keys, see {@link HotKeys}.</li>
 * </ul>
 */
public sealed interface KeyDistribution permits UniformKeys, ZipfKeys, HotKeys {

    /** The JSON {@code type} names. */
    List<String> TYPES = List.of("uniform", "zipf", "hot");

    /** Parses a key-distribution object. */
    static KeyDistribution fromJson(SpecReader r) {
        String type = r.oneOf("type", TYPES);
        return switch (type) {
            case "uniform" -> {
                r.rejectUnknown("type", "n");
                yield new UniformKeys(r.positiveInt("n"));
            }
            case "zipf" -> {
                r.rejectUnknown("type", "n", "s");
                yield new ZipfKeys(r.positiveInt("n"), r.positive("s"));
            }
            case "hot" -> HotKeys.fromJson(r);
            default -> throw new IllegalStateException(type);
        };
    }

    /** A sampler drawing from {@code rng}. */
    KeySampler sampler(RandomGenerator rng);

    /** The number of keys {@code n}; keys are {@code 0 .. n-1}. */
    int keyCount();
}
