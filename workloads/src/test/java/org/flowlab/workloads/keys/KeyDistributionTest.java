package org.flowlab.workloads.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.apache.commons.math3.random.Well19937c;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.flowlab.workloads.SpecText;
import org.junit.jupiter.api.Test;

/** Distribution fidelity of the key distributions on fixed seeds, at significance level 0.01. */
class KeyDistributionTest {
    private static final double ALPHA = 0.01;

    private static KeyDistribution parse(String json) {
        return KeyDistribution.fromJson(SpecText.reader(json));
    }

    private static long[] frequencies(KeyDistribution d, int draws, long seed) {
        KeySampler s = d.sampler(new Well19937c(seed));
        long[] counts = new long[d.keyCount()];
        for (int i = 0; i < draws; i++) {
            counts[(int) s.next()]++;
        }
        return counts;
    }

    /** Expected Zipf probabilities of ranks 1..top, then the pooled tail of ranks top+1..n. */
    private static double[] zipfTopAndTail(int n, double s, int top) {
        double norm = 0;
        for (int k = 1; k <= n; k++) {
            norm += Math.pow(k, -s);
        }
        double[] p = new double[top + 1];
        double head = 0;
        for (int k = 1; k <= top; k++) {
            p[k - 1] = Math.pow(k, -s) / norm;
            head += p[k - 1];
        }
        p[top] = 1 - head;
        return p;
    }

    private static long[] topAndTail(long[] counts, int top) {
        long[] out = Arrays.copyOf(counts, top + 1);
        out[top] = Arrays.stream(counts, top, counts.length).sum();
        return out;
    }

    @Test
    void zipfFrequenciesFollowTheExponent() {
        KeyDistribution zipf = parse("{\"type\":\"zipf\",\"n\":1000,\"s\":1.1}");
        int top = 30;
        long[] observed = topAndTail(frequencies(zipf, 200_000, 21), top);
        ChiSquareTest chi = new ChiSquareTest();

        assertThat(chi.chiSquareTest(zipfTopAndTail(1000, 1.1, top), observed)).isGreaterThan(ALPHA);
        // Power: an exponent 0.05 off is rejected.
        assertThat(chi.chiSquareTest(zipfTopAndTail(1000, 1.05, top), observed)).isLessThan(ALPHA);
        assertThat(chi.chiSquareTest(zipfTopAndTail(1000, 1.15, top), observed)).isLessThan(ALPHA);
    }

    @Test
    void zipfRankOneIsKeyZeroAndAMillionDrawsOverAMillionKeysStayInRange() {
        KeyDistribution zipf = new ZipfKeys(1_000_000, 0.9);
        KeySampler s = zipf.sampler(new Well19937c(22));
        long zeros = 0;
        long max = 0;
        for (int i = 0; i < 1_000_000; i++) {
            long k = s.next();
            assertThat(k).isBetween(0L, 999_999L);
            zeros += k == 0 ? 1 : 0;
            max = Math.max(max, k);
        }
        // Key 0 is rank 1, the most frequent; with s < 1 the tail reaches far.
        assertThat(zeros).isGreaterThan(1_000);
        assertThat(max).isGreaterThan(900_000);
    }

    @Test
    void uniformKeysAreUniform() {
        KeyDistribution u = parse("{\"type\":\"uniform\",\"n\":50}");
        long[] observed = frequencies(u, 100_000, 23);
        double[] expected = new double[50];
        Arrays.fill(expected, 1.0 / 50);
        assertThat(new ChiSquareTest().chiSquareTest(expected, observed)).isGreaterThan(ALPHA);
    }

    @Test
    void hotKeysCarryTheHotFractionAndTheRestIsUniform() {
        HotKeys hot = (HotKeys) parse("{\"type\":\"hot\",\"n\":1000,\"hotKeys\":5,\"hotFraction\":0.5}");
        int draws = 200_000;
        long[] counts = frequencies(hot, draws, 24);
        long onHot = Arrays.stream(counts, 0, 5).sum();
        double sd = Math.sqrt(draws * 0.5 * 0.5);
        assertThat((double) onHot).isBetween(draws * 0.5 - 4 * sd, draws * 0.5 + 4 * sd);

        double[] uniformCold = new double[995];
        Arrays.fill(uniformCold, 1.0 / 995);
        assertThat(new ChiSquareTest().chiSquareTest(uniformCold, Arrays.copyOfRange(counts, 5, 1000)))
                .isGreaterThan(ALPHA);
    }
}
