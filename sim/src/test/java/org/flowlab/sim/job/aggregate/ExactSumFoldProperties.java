package org.flowlab.sim.job.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.flowlab.sim.job.Row;

class ExactSumFoldProperties {

    @Provide
    Arbitrary<List<Double>> values() {
        Arbitrary<Double> v = Arbitraries.oneOf(
                Arbitraries.doubles().between(-1e6, 1e6).ofScale(2),
                Arbitraries.doubles().between(-1e300, 1e300),
                Arbitraries.longs().between(-(1L << 62), 1L << 62).map(l -> (double) l),
                Arbitraries.of(0.0, -0.0, 0.1, -0.1, Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE,
                        1e-300, 1e18, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY));
        return v.list().ofMaxSize(60);
    }

    /** A sum's fold ends where a chain of plus from zero ends: the same sum, the same form, the same double. */
    @Property(tries = 500)
    void aFoldIsTheChainOfPlus(@ForAll("values") List<Double> values) {
        Fold<ExactSum> fold = Aggregates.sum().newFold();
        AggregateFunction<ExactSum, Double> sum = Aggregates.sum();
        ExactSum chain = sum.create();
        for (double v : values) {
            Row row = new Row(0, 0, 0, 0, v, 0, 0, 0);
            fold.add(row);
            chain = sum.add(chain, row);
        }
        ExactSum folded = fold.accumulator();
        assertThat(folded).isEqualTo(chain);
        assertThat(folded.isFixedPoint()).isEqualTo(chain.isFixedPoint());
        assertThat(Double.doubleToRawLongBits(sum.result(folded))).isEqualTo(Double.doubleToRawLongBits(sum.result(chain)));
        assertThat(folded.toString()).isEqualTo(chain.toString());
        // The same fields: adding more to both still agrees.
        assertThat(folded.plus(0.3).plus(-1e-200)).isEqualTo(chain.plus(0.3).plus(-1e-200));
    }

    /** Two values at once end where two plus end: the same sum and the same form, from any sum. */
    @Property(tries = 500)
    void twoAtOnceIsTwoPlus(@ForAll("values") List<Double> values, @ForAll("values") List<Double> pairs) {
        ExactSum start = ExactSum.ZERO;
        for (double v : values) {
            start = start.plus(v);
        }
        ExactSum once = start;
        ExactSum twice = start;
        for (int i = 0; i + 1 < pairs.size(); i += 2) {
            once = once.plus(pairs.get(i), pairs.get(i + 1));
            twice = twice.plus(pairs.get(i)).plus(pairs.get(i + 1));
        }
        assertThat(once).isEqualTo(twice);
        assertThat(once.isFixedPoint()).isEqualTo(twice.isFixedPoint());
        assertThat(once.toString()).isEqualTo(twice.toString());
        assertThat(Double.doubleToRawLongBits(once.toDouble())).isEqualTo(Double.doubleToRawLongBits(twice.toDouble()));
        assertThat(once.plus(0.3).plus(-1e-200)).isEqualTo(twice.plus(0.3).plus(-1e-200));
    }
}
