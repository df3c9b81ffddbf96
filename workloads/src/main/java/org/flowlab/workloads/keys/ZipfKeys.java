package org.flowlab.workloads.keys;

import org.apache.commons.math3.distribution.ZipfDistribution;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * Zipf's law: key {@code k} is drawn with probability proportional to {@code 1 / (k + 1)^s}, so
 * key 0 (rank 1) is the most frequent. {@code s} near 1 is the classic web-traffic skew; larger is
 * more skewed. Sampling is Commons Math's rejection-inversion, constant time per draw whatever
 * {@code n} is.
 *
 * @param n the number of keys
 * @param s the exponent, {@code > 0}
 */
public record ZipfKeys(int n, double s) implements KeyDistribution {

    public ZipfKeys {
        if (n < 1) {
            throw new IllegalArgumentException("n must be >= 1, got " + n);
        }
        if (!(s > 0) || Double.isInfinite(s)) {
            throw new IllegalArgumentException("the Zipf exponent s must be > 0, got " + s);
        }
    }

    @Override
    public KeySampler sampler(RandomGenerator rng) {
        ZipfDistribution zipf = new ZipfDistribution(rng, n, s);
        return () -> zipf.sample() - 1L;
    }

    @Override
    public int keyCount() {
        return n;
    }
}
