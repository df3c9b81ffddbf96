package org.flowlab.workloads.keys;

import org.apache.commons.math3.random.RandomGenerator;
import org.flowlab.workloads.spec.SpecReader;

/**
 * A few hot keys: with probability {@code hotFraction} an event goes to one of the keys
 * {@code 0 .. hotKeys-1} (uniformly), otherwise to one of the other {@code n - hotKeys} keys
 * (uniformly). The hot keys' share of the traffic is exactly {@code hotFraction}.
 *
 * @param n           the number of keys
 * @param hotKeys     how many keys are hot, in {@code [1, n)}
 * @param hotFraction the share of events on the hot keys, in [0, 1]
 */
public record HotKeys(int n, int hotKeys, double hotFraction) implements KeyDistribution {

    public HotKeys {
        if (hotKeys < 1 || hotKeys >= n) {
            throw new IllegalArgumentException("hotKeys must be in [1, n) = [1, " + n + "), got " + hotKeys);
        }
        if (!(hotFraction >= 0 && hotFraction <= 1)) {
            throw new IllegalArgumentException("hotFraction must be in [0, 1], got " + hotFraction);
        }
    }

    static HotKeys fromJson(SpecReader r) {
        r.rejectUnknown("type", "n", "hotKeys", "hotFraction");
        int n = (int) r.integer("n", 2, Integer.MAX_VALUE);
        int hot = (int) r.integer("hotKeys", 1, n - 1L);
        return new HotKeys(n, hot, r.probability("hotFraction"));
    }

    @Override
    public KeySampler sampler(RandomGenerator rng) {
        int cold = n - hotKeys;
        return () -> rng.nextDouble() < hotFraction ? rng.nextInt(hotKeys) : hotKeys + (long) rng.nextInt(cold);
    }

    @Override
    public int keyCount() {
        return n;
    }
}
