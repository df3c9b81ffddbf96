package org.flowlab.workloads.random;

import java.nio.charset.StandardCharsets;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.flowlab.workloads.hash.LongHash;

/**
 * Named random streams split from one run seed. Each consumer asks for its own stream by name
 * ({@code streams.stream("arrivals")}); a stream's draws depend only on the seed and its name, so
 * adding a consumer never changes another consumer's draws.
 */
public final class RandomStreams {
    private final long seed;

    public RandomStreams(long seed) {
        this.seed = seed;
    }

    public long seed() {
        return seed;
    }

    /** A fresh generator for the named stream; asking twice gives two generators with the same draws. */
    public RandomGenerator stream(String name) {
        return new Well19937c(seedOf(name));
    }

    /** Streams for a sub-component, all of whose names are prefixed by {@code name}. */
    public RandomStreams child(String name) {
        return new RandomStreams(seedOf(name));
    }

    /** The seed of the named stream: SplitMix64 of the run seed mixed with a 64-bit FNV-1a hash of the name. */
    public long seedOf(String name) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        return LongHash.splitMix64(seed ^ LongHash.splitMix64(hash));
    }
}
