package org.flowlab.workloads.values;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.apache.commons.math3.distribution.ExponentialDistribution;
import org.apache.commons.math3.distribution.LogNormalDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.RealDistribution;
import org.apache.commons.math3.distribution.UniformRealDistribution;
import org.apache.commons.math3.random.Well19937c;
import org.apache.commons.math3.stat.StatUtils;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.flowlab.workloads.SpecText;
import org.junit.jupiter.api.Test;

/** Each value distribution draws what its JSON says (Kolmogorov-Smirnov at 0.01) and knows its mean. */
class ValueDistributionTest {
    private static final double ALPHA = 0.01;

    private static double[] draw(String json, int n, long seed) {
        ValueSampler s = ValueDistribution.fromJson(SpecText.reader(json)).sampler(new Well19937c(seed));
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = s.next();
        }
        return out;
    }

    private static void assertFits(String json, RealDistribution expected, long seed) {
        double[] xs = draw(json, 10_000, seed);
        assertThat(new KolmogorovSmirnovTest().kolmogorovSmirnovTest(expected, xs)).as(json).isGreaterThan(ALPHA);
        double mean = ValueDistribution.fromJson(SpecText.reader(json)).mean();
        assertThat(mean).isCloseTo(expected.getNumericalMean(), within(1e-9 * Math.max(1, Math.abs(mean))));
        double se = Math.sqrt(expected.getNumericalVariance() / xs.length);
        assertThat(StatUtils.mean(xs)).as(json).isCloseTo(mean, within(4 * se));
    }

    @Test
    void uniformNormalLogNormalAndExponentialFitTheirDistributions() {
        assertFits("{\"type\":\"uniform\",\"min\":-2,\"max\":8}", new UniformRealDistribution(-2, 8), 31);
        assertFits("{\"type\":\"normal\",\"mean\":50,\"sd\":5}", new NormalDistribution(50, 5), 32);
        assertFits("{\"type\":\"lognormal\",\"median\":35,\"sigma\":1.0}", new LogNormalDistribution(Math.log(35), 1.0), 33);
        assertFits("{\"type\":\"exponential\",\"mean\":3}", new ExponentialDistribution(3), 34);
    }

    @Test
    void logNormalIsGivenByItsMedian() {
        double[] xs = draw("{\"type\":\"lognormal\",\"median\":35,\"sigma\":1.0}", 20_000, 35);
        // Half the draws fall below the median; the standard error of that share is 0.0035.
        long below = Arrays.stream(xs).filter(x -> x < 35).count();
        assertThat(below / 20_000.0).isCloseTo(0.5, within(0.015));
        assertThat(new LogNormalValues(35, 1.0).mu()).isCloseTo(Math.log(35), within(1e-12));
    }

    @Test
    void fixedIsFixed() {
        assertThat(draw("{\"type\":\"fixed\",\"value\":2.5}", 3, 36)).containsExactly(2.5, 2.5, 2.5);
    }
}
