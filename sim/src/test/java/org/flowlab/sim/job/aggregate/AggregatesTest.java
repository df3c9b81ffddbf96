package org.flowlab.sim.job.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.flowlab.sim.job.Row;
import org.junit.jupiter.api.Test;

class AggregatesTest {

    private static Row row(long id, double value) {
        return new Row(id, id * 10, 0, 1, value, 0, 0, 0);
    }

    private static Row row(long id, int kind, double value, long attr1) {
        return new Row(id, id * 10, kind, 1, value, attr1, 0, 0);
    }

    /** Folds the rows with add only, as the oracle does. */
    private static <A, R> R fold(AggregateFunction<A, R> f, Row... rows) {
        A acc = f.create();
        for (Row r : rows) {
            acc = f.add(acc, r);
        }
        return f.result(acc);
    }

    @Test
    void countCountsRows() {
        assertThat(fold(Aggregates.count())).isEqualTo(0L);
        assertThat(fold(Aggregates.count(), row(1, 5), row(2, 5), row(3, -1))).isEqualTo(3L);
    }

    @Test
    void sumIsExactThenRoundedOnce() {
        // Left to right in doubles, 0.1 + 0.2 + 0.3 is 0.6000000000000001; the exact sum rounds to 0.6.
        assertThat(0.1 + 0.2 + 0.3).isEqualTo(0.6000000000000001);
        assertThat(fold(Aggregates.sum(), row(1, 0.1), row(2, 0.2), row(3, 0.3))).isEqualTo(0.6);
        assertThat(fold(Aggregates.sum(), row(1, 0.3), row(2, 0.2), row(3, 0.1))).isEqualTo(0.6);
        // Catastrophic cancellation: doubles lose the 1 in one order and keep it in another.
        assertThat(fold(Aggregates.sum(), row(1, 1e16), row(2, 1.0), row(3, -1e16))).isEqualTo(1.0);
        assertThat(fold(Aggregates.sum(), row(1, 1.0), row(2, 1e16), row(3, -1e16))).isEqualTo(1.0);
        assertThat(fold(Aggregates.sum(), row(1, 3), row(2, 4))).isEqualTo(7.0);
        assertThat(fold(Aggregates.sum())).isEqualTo(0.0);
        assertThat(fold(Aggregates.sum(r -> r.value() * 2), row(1, 1.5), row(2, 2))).isEqualTo(7.0);
    }

    @Test
    void sumFollowsIeeeForNonFiniteValuesAndReadsZeroAsPositive() {
        assertThat(fold(Aggregates.sum(), row(1, Double.POSITIVE_INFINITY), row(2, 1))).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(fold(Aggregates.sum(), row(1, Double.NEGATIVE_INFINITY), row(2, 1))).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(fold(Aggregates.sum(), row(1, Double.POSITIVE_INFINITY), row(2, Double.NEGATIVE_INFINITY))).isNaN();
        assertThat(fold(Aggregates.sum(), row(1, Double.NaN), row(2, 1))).isNaN();
        assertThat(fold(Aggregates.sum(), row(1, -0.0))).isEqualTo(0.0);
        assertThat(fold(Aggregates.sum(), row(1, Double.MAX_VALUE), row(2, Double.MAX_VALUE))).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(fold(Aggregates.sum(), row(1, Double.MAX_VALUE), row(2, Double.MAX_VALUE), row(3, -Double.MAX_VALUE)))
                .isEqualTo(Double.MAX_VALUE);
    }

    @Test
    void exactSumSurvivesLongOverflowOfIntegralValues() {
        double big = 0x1p53;
        ExactSum s = ExactSum.ZERO;
        for (int i = 0; i < 2048; i++) {
            s = s.plus(big);
        }
        assertThat(s.toDouble()).isEqualTo(0x1p64);
        assertThat(s.plus(-0x1p64).toDouble()).isEqualTo(0.0);
        assertThat(s).isEqualTo(ExactSum.of(0x1p63, 0x1p63));
        assertThat(ExactSum.of(0.5, 0.25)).hasToString("0.75");
    }

    @Test
    void exactSumRatiosRoundOnce() {
        ExactSum priceTimesVolume = ExactSum.of(10.1 * 3, 10.2 * 1);
        ExactSum volume = ExactSum.of(3, 1);
        assertThat(priceTimesVolume.dividedBy(volume)).isEqualTo(10.125);
        assertThat(ExactSum.of(1).dividedBy(ExactSum.ZERO)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(ExactSum.of(1, 2).dividedBy(0)).isNaN();
    }

    @Test
    void minAndMaxFollowMathMinAndMax() {
        assertThat(fold(Aggregates.min(), row(1, 3), row(2, -2), row(3, 7))).isEqualTo(-2.0);
        assertThat(fold(Aggregates.max(), row(1, 3), row(2, -2), row(3, 7))).isEqualTo(7.0);
        assertThat(fold(Aggregates.min(), row(1, 0.0), row(2, -0.0))).isEqualTo(-0.0);
        assertThat(fold(Aggregates.max(), row(1, -0.0), row(2, 0.0))).isEqualTo(0.0);
        assertThat(fold(Aggregates.max(), row(1, 1), row(2, Double.NaN))).isNaN();
        assertThat(fold(Aggregates.min())).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(fold(Aggregates.max())).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(fold(Aggregates.max(Row::attr1), row(1, 0, 1, 40), row(2, 0, 9, 30))).isEqualTo(40.0);
    }

    @Test
    void meanIsTheExactSumOverTheCount() {
        assertThat(fold(Aggregates.mean(), row(1, 1), row(2, 2), row(3, 4))).isEqualTo(7.0 / 3);
        assertThat(fold(Aggregates.mean(), row(1, 0.1), row(2, 0.2), row(3, 0.3))).isEqualTo(0.2);
        assertThat(fold(Aggregates.mean(), row(1, 1e16), row(2, 1), row(3, -1e16), row(4, 1))).isEqualTo(0.5);
        assertThat(fold(Aggregates.mean())).isNaN();
    }

    @Test
    void distinctCountIsExact() {
        assertThat(fold(Aggregates.distinctCount(Row::attr1),
                row(1, 0, 0, 5), row(2, 0, 0, 7), row(3, 0, 0, 5), row(4, 0, 0, -1), row(5, 0, 0, 7))).isEqualTo(3L);
        assertThat(fold(Aggregates.distinctCount(Row::attr1))).isEqualTo(0L);
    }

    @Test
    void distinctLongsIsPersistent() {
        DistinctLongs a = DistinctLongs.of(3, 1, 2);
        DistinctLongs b = a.with(10);
        assertThat(a.size()).isEqualTo(3);
        assertThat(a.contains(10)).isFalse();
        assertThat(b.toSortedArray()).containsExactly(1, 2, 3, 10);
        assertThat(a.with(2)).isSameAs(a);
        assertThat(a.union(DistinctLongs.of(2, 4))).isEqualTo(DistinctLongs.of(1, 2, 3, 4));
        assertThat(DistinctLongs.of(1, 2, 3)).isEqualTo(DistinctLongs.of(3, 2, 1)).hasToString("[1, 2, 3]");
    }

    @Test
    void topNKeepsTheHighestScoresWithTiesBrokenByTheSmallerItem() {
        List<Ranked> top = fold(Aggregates.topN(3, Row::attr1, Row::value),
                row(1, 0, 5, 100), row(2, 0, 9, 200), row(3, 0, 5, 50), row(4, 0, 1, 300), row(5, 0, 9, 150));
        assertThat(top).containsExactly(new Ranked(150, 9), new Ranked(200, 9), new Ranked(50, 5));
        assertThat(fold(Aggregates.topN(5, Row::attr1, Row::value), row(1, 0, 2, 1))).containsExactly(new Ranked(1, 2));
        assertThat(fold(Aggregates.topN(1, Row::attr1, Row::value))).isEmpty();
    }

    @Test
    void maxByAndMinByReturnTheRowWithTheEarliestWinningTies() {
        Row a = row(1, 0, 5, 0);
        Row b = row(2, 0, 8, 0);
        Row c = row(3, 0, 8, 0);
        Row d = row(4, 0, 1, 0);
        Row e = row(5, 0, 1, 0);
        assertThat(fold(Aggregates.maxBy(Row::value), c, a, b, d)).isEqualTo(b);
        assertThat(fold(Aggregates.minBy(Row::value), e, a, d, c)).isEqualTo(d);
        assertThat(fold(Aggregates.maxBy(Row::value))).isNull();
        AggregateFunction<Optional<Row>, Row> maxBy = Aggregates.maxBy(Row::value);
        assertThat(maxBy.result(maxBy.merge(maxBy.add(maxBy.create(), c), maxBy.add(maxBy.create(), b)))).isEqualTo(b);
    }

    @Test
    void joinPairsEveryLeftRowWithEveryRightRowInOrder() {
        Row p1 = row(1, 0, 0, 0);
        Row a1 = row(2, 1, 0, 0);
        Row p2 = row(3, 0, 0, 0);
        Row a2 = row(4, 1, 0, 0);
        Row bid = row(5, 2, 0, 0);
        List<JoinedPair> pairs = fold(Aggregates.join(0, 1), a2, bid, p2, a1, p1);
        assertThat(pairs).containsExactly(new JoinedPair(p1, a1), new JoinedPair(p1, a2),
                new JoinedPair(p2, a1), new JoinedPair(p2, a2));
        assertThat(fold(Aggregates.join(0, 1), p1, p2)).isEmpty();
        assertThatThrownBy(() -> Aggregates.join(1, 1)).hasMessage("join: the left and right kinds must differ (both are 1)");
    }

    @Test
    void joinBuffersArePersistent() {
        JoinBuffer empty = JoinBuffer.empty();
        JoinBuffer one = empty.withLeft(row(1, 0, 0, 0));
        JoinBuffer merged = one.merge(empty.withRight(row(2, 1, 0, 0))).merge(one);
        assertThat(empty.leftCount()).isZero();
        assertThat(one.leftCount()).isEqualTo(1);
        assertThat(merged.leftCount()).isEqualTo(2);
        assertThat(merged.rightCount()).isEqualTo(1);
        assertThat(merged.pairs()).hasSize(2);
    }

    @Test
    void userAggregatesAreTheirFourFunctions() {
        // The range of the values: a (min, max) pair merged component-wise.
        AggregateFunction<double[], Double> range = Aggregates.of("range",
                () -> new double[] {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY},
                (acc, r) -> new double[] {Math.min(acc[0], r.value()), Math.max(acc[1], r.value())},
                (x, y) -> new double[] {Math.min(x[0], y[0]), Math.max(x[1], y[1])},
                acc -> acc[1] - acc[0]);
        assertThat(fold(range, row(1, 4), row(2, -1), row(3, 2))).isEqualTo(5.0);
        assertThat(range).hasToString("range");
        assertThat(Aggregates.of(() -> 0L, (n, r) -> n + 1, Long::sum, n -> n)).hasToString("custom");
    }

    @Test
    void builtInsNameThemselves() {
        List<String> names = new ArrayList<>();
        for (AggregateFunction<?, ?> f : List.of(Aggregates.count(), Aggregates.sum(), Aggregates.min(), Aggregates.max(),
                Aggregates.mean(), Aggregates.distinctCount(Row::attr1), Aggregates.topN(3, Row::attr1, Row::value),
                Aggregates.maxBy(Row::value), Aggregates.join(0, 1))) {
            names.add(f.toString());
        }
        assertThat(names).containsExactly("count", "sum", "min", "max", "mean", "distinctCount", "top3", "maxBy", "join(0, 1)");
    }
}
