package org.flowlab.workloads.hash;

/**
 * The 64-bit mixers used across Flowlab, each a bijection on {@code long}: {@link #fmix64}
 * (MurmurHash3's finaliser) for hashing keys, and {@link #splitMix64} (one SplitMix64 step) for
 * deriving seeds. Their bits decide hash-table layouts, partitions and seeds, and so simulated
 * numbers: they must never change.
 */
public final class LongHash {
    /** SplitMix64's increment, the odd 64-bit integer nearest 2^64 divided by the golden ratio. */
    public static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private LongHash() {
    }

    /** MurmurHash3's fmix64: every input bit affects every output bit, so keys that differ only in their high bits still spread. */
    public static long fmix64(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    /** The output of SplitMix64 whose previous state is {@code state}: {@link #mix64} of {@code state + GOLDEN_GAMMA}. */
    public static long splitMix64(long state) {
        return mix64(state + GOLDEN_GAMMA);
    }

    /** SplitMix64's finaliser (Stafford's variant 13), without the step that adds {@link #GOLDEN_GAMMA}. */
    public static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
