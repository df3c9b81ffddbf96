package org.flowlab.workloads.hash;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.SplittableRandom;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * The mixers compute the published functions, bit for bit: SplitMix64 agrees with the JDK's
 * {@link SplittableRandom}, fmix64 is undone by its published inverse, and a few values are pinned
 * so that no edit can silently change an iteration order or a seed.
 */
class LongHashProperties {
    private static final BigInteger TWO_TO_64 = BigInteger.ONE.shiftLeft(64);

    @Property
    void splitMix64IsTheFirstDrawOfASplittableRandom(@ForAll long seed) {
        assertThat(LongHash.splitMix64(seed)).isEqualTo(new SplittableRandom(seed).nextLong());
    }

    @Property
    void splitMix64IsMix64OfTheNextState(@ForAll long state) {
        assertThat(LongHash.splitMix64(state)).isEqualTo(LongHash.mix64(state + LongHash.GOLDEN_GAMMA));
    }

    @Property
    void fmix64IsABijection(@ForAll long x) {
        assertThat(unfmix64(LongHash.fmix64(x))).isEqualTo(x);
    }

    @Example
    void pinnedValues() {
        assertThat(LongHash.fmix64(0)).isZero();
        assertThat(LongHash.fmix64(1)).isEqualTo(0xb456bcfc34c2cb2cL);
        assertThat(LongHash.fmix64(-1)).isEqualTo(0x64b5720b4b825f21L);
        assertThat(LongHash.fmix64(1L << 32)).isEqualTo(0xba3a9e160a5f1419L);
        assertThat(LongHash.splitMix64(0)).isEqualTo(0xe220a8397b1dcdafL);
        assertThat(LongHash.splitMix64(42)).isEqualTo(0xbdd732262feb6e95L);
    }

    /** fmix64 run backwards: a shift by 33 or more is its own inverse, and each odd multiplier has one mod 2^64. */
    private static long unfmix64(long h) {
        h ^= h >>> 33;
        h *= inverse(0xc4ceb9fe1a85ec53L);
        h ^= h >>> 33;
        h *= inverse(0xff51afd7ed558ccdL);
        h ^= h >>> 33;
        return h;
    }

    private static long inverse(long odd) {
        BigInteger n = new BigInteger(Long.toUnsignedString(odd));
        return n.modInverse(TWO_TO_64).longValue();
    }
}
