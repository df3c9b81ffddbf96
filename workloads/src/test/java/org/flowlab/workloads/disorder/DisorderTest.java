package org.flowlab.workloads.disorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.distribution.AbstractRealDistribution;
import org.apache.commons.math3.distribution.ExponentialDistribution;
import org.apache.commons.math3.distribution.LogNormalDistribution;
import org.apache.commons.math3.distribution.RealDistribution;
import org.apache.commons.math3.distribution.UniformRealDistribution;
import org.apache.commons.math3.random.Well19937c;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.flowlab.workloads.SpecText;
import org.junit.jupiter.api.Test;

/**
 * Delays follow their distributions (Kolmogorov-Smirnov at 0.01, each with a wrong model that
 * is rejected), and the late fraction mixes in the second distribution.
 */
class DisorderTest {
    private static final double ALPHA = 0.01;
    private static final double MS = 1e6;

    private static double[] delays(Disorder d, int n, long seed) {
        DelaySampler s = d.sampler(new Well19937c(seed));
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            long x = s.nextDelay();
            assertThat(x).isNotNegative();
            out[i] = x;
        }
        return out;
    }

    private static Disorder parse(String json) {
        return Disorder.fromJson(SpecText.reader(json));
    }

    private static double p(RealDistribution d, double[] xs) {
        return new KolmogorovSmirnovTest().kolmogorovSmirnovTest(d, xs);
    }

    @Test
    void exponentialDelaysAreExponential() {
        double[] xs = delays(parse("{\"delay\":{\"type\":\"exponential\",\"mean\":\"200ms\"}}"), 10_000, 41);
        assertThat(p(new ExponentialDistribution(200 * MS), xs)).isGreaterThan(ALPHA);
        assertThat(p(new ExponentialDistribution(212 * MS), xs)).isLessThan(ALPHA);
    }

    @Test
    void logNormalDelaysAreLogNormalAroundTheirMedian() {
        double[] xs = delays(parse("{\"delay\":{\"type\":\"lognormal\",\"median\":\"300ms\",\"sigma\":0.7}}"), 10_000, 42);
        assertThat(p(new LogNormalDistribution(Math.log(300 * MS), 0.7), xs)).isGreaterThan(ALPHA);
        assertThat(p(new LogNormalDistribution(Math.log(320 * MS), 0.7), xs)).isLessThan(ALPHA);
    }

    @Test
    void uniformDelaysAreUniform() {
        double[] xs = delays(parse("{\"delay\":{\"type\":\"uniform\",\"min\":\"1m\",\"max\":\"10m\"}}"), 10_000, 43);
        assertThat(p(new UniformRealDistribution(60_000 * MS, 600_000 * MS), xs)).isGreaterThan(ALPHA);
        assertThat(p(new UniformRealDistribution(60_000 * MS, 630_000 * MS), xs)).isLessThan(ALPHA);
    }

    @Test
    void noneAndFixedAreConstant() {
        assertThat(delays(parse("{\"delay\":{\"type\":\"none\"}}"), 3, 44)).containsExactly(0, 0, 0);
        assertThat(delays(parse("{\"delay\":{\"type\":\"fixed\",\"delay\":\"250ms\"}}"), 2, 44))
                .containsExactly(250 * MS, 250 * MS);
        assertThat(delays(Disorder.NONE, 2, 44)).containsExactly(0, 0);
    }

    @Test
    void lateFractionMixesInTheLateDistribution() {
        Disorder d = parse("{\"delay\":{\"type\":\"exponential\",\"mean\":\"100ms\"},\"lateFraction\":0.05,"
                + "\"lateDelay\":{\"type\":\"uniform\",\"min\":\"1m\",\"max\":\"5m\"}}");
        double[] xs = delays(d, 20_000, 45);
        RealDistribution early = new ExponentialDistribution(100 * MS);
        RealDistribution late = new UniformRealDistribution(60_000 * MS, 300_000 * MS);
        assertThat(p(new Mixture(early, late, 0.05), xs)).isGreaterThan(ALPHA);
        assertThat(p(new Mixture(early, late, 0.06), xs)).isLessThan(ALPHA);
        assertThat(d.meanNanos()).isCloseTo(0.95 * 100 * MS + 0.05 * 180_000 * MS, within(1.0));
    }

    /** The distribution of a delay that comes from {@code late} with probability {@code f}, else from {@code early}. */
    private static final class Mixture extends AbstractRealDistribution {
        private static final long serialVersionUID = 1L;
        private final RealDistribution early;
        private final RealDistribution late;
        private final double f;

        Mixture(RealDistribution early, RealDistribution late, double f) {
            super(new Well19937c(0));
            this.early = early;
            this.late = late;
            this.f = f;
        }

        @Override
        public double cumulativeProbability(double x) {
            return (1 - f) * early.cumulativeProbability(x) + f * late.cumulativeProbability(x);
        }

        @Override
        public double density(double x) {
            return (1 - f) * early.density(x) + f * late.density(x);
        }

        @Override
        public double getNumericalMean() {
            return (1 - f) * early.getNumericalMean() + f * late.getNumericalMean();
        }

        @Override
        public double getNumericalVariance() {
            throw new UnsupportedOperationException("not needed by the KS test");
        }

        @Override
        public double getSupportLowerBound() {
            return 0;
        }

        @Override
        public double getSupportUpperBound() {
            return Double.POSITIVE_INFINITY;
        }

        @Override
        @SuppressWarnings("deprecation")
        public boolean isSupportLowerBoundInclusive() {
            return true;
        }

        @Override
        @SuppressWarnings("deprecation")
        public boolean isSupportUpperBoundInclusive() {
            return false;
        }

        @Override
        public boolean isSupportConnected() {
            return true;
        }
    }
}
