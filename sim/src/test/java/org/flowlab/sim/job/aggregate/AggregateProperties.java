package org.flowlab.sim.job.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.statistics.Statistics;
import org.apache.commons.math3.random.RandomGenerator;
import org.flowlab.sim.job.Row;
import org.flowlab.workloads.random.RandomStreams;

/**
 * Every built-in aggregate gives the same result, bit for bit, whatever the order and grouping of
 * its adds and merges: rows split into random partitions, each added in a shuffled order, the
 * partials (and some empty accumulators) merged in a random tree with random argument order,
 * equal the plain sequential fold.
 */
class AggregateProperties {

    @Provide
    Arbitrary<AggregateFunction<?, ?>> builtIns() {
        return Arbitraries.of(
                Aggregates.count(), Aggregates.sum(), Aggregates.sum(r -> r.value() * r.attr2()),
                Aggregates.min(), Aggregates.max(), Aggregates.mean(), Aggregates.mean(r -> r.value() / 3),
                Aggregates.distinctCount(Row::attr1), Aggregates.topN(1, Row::attr1, Row::value),
                Aggregates.topN(4, Row::attr1, Row::value), Aggregates.maxBy(Row::value), Aggregates.minBy(Row::value),
                Aggregates.join(0, 1));
    }

    /** Doubles that trouble floating-point sums: any bit pattern, cancelling giants, decimals, small integers. */
    static Arbitrary<Double> awkwardDoubles() {
        return Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.longs().map(Double::longBitsToDouble)),
                Tuple.of(2, Arbitraries.of(1e16, -1e16, 1.0, -1.0, 0.1, 0.2, 0.3, -0.0, 0.0, 1e-300, 0x1p53, -0x1p53, 0x1p62)),
                Tuple.of(3, Arbitraries.integers().between(-100_000, 100_000).map(i -> i / 100.0)),
                Tuple.of(3, Arbitraries.integers().between(-50, 50).map(i -> (double) i)));
    }

    @Provide
    Arbitrary<List<Row>> rows() {
        Arbitrary<Row> row = Combinators.combine(
                Arbitraries.longs().between(0, 20),
                Arbitraries.integers().between(0, 2),
                awkwardDoubles(),
                Arbitraries.longs().between(0, 8),
                Arbitraries.longs().between(-3, 3)
        ).as((time, kind, value, attr1, attr2) -> new Row(0, time, kind, 5, value, attr1, attr2, 0));
        return row.list().ofMaxSize(40).map(list -> {
            List<Row> out = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                Row r = list.get(i);
                out.add(new Row(i, r.eventTime(), r.kind(), r.key(), r.value(), r.attr1(), r.attr2(), r.attr3()));
            }
            return out;
        });
    }

    @Property(tries = 400)
    void resultIsIndependentOfOrderAndGrouping(@ForAll("builtIns") AggregateFunction<?, ?> aggregate,
                                               @ForAll("rows") List<Row> rows,
                                               @ForAll @IntRange(min = 1, max = 6) int partitions,
                                               @ForAll long seed) {
        @SuppressWarnings("unchecked")
        AggregateFunction<Object, Object> f = (AggregateFunction<Object, Object>) aggregate;
        Object sequential = f.create();
        for (Row r : rows) {
            sequential = f.add(sequential, r);
        }
        Object expected = f.result(sequential);

        RandomGenerator random = new RandomStreams(seed).stream("grouping");
        List<List<Row>> parts = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            parts.add(new ArrayList<>());
        }
        for (Row r : rows) {
            parts.get(random.nextInt(partitions)).add(r);
        }
        List<Object> partials = new ArrayList<>();
        for (List<Row> part : parts) {
            shuffle(part, random);
            Object acc = f.create();
            for (Row r : part) {
                acc = f.add(acc, r);
            }
            partials.add(acc);
        }
        partials.add(f.create());
        while (partials.size() > 1) {
            Object a = partials.remove(random.nextInt(partials.size()));
            Object b = partials.remove(random.nextInt(partials.size()));
            partials.add(random.nextInt(partials.size() + 1), f.merge(a, b));
        }
        Object actual = f.result(partials.get(0));

        assertThat(actual).as("%s of %s rows", aggregate, rows.size()).isEqualTo(expected);
    }

    private static void shuffle(List<Row> list, RandomGenerator random) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            Row t = list.get(i);
            list.set(i, list.get(j));
            list.set(j, t);
        }
    }

    /**
     * Up to 30 of {@link #finiteDoubles}: two in five built to keep the sum in its fixed-point form
     * (values whose binary exponents lie within 40 of each other: 30 of them sum to under 2^99
     * units of the smallest, far below the 125-bit limit), two in five built to move it to the
     * exact fallback (lists that start with 2^e and 2^(e+150): no 125-bit integer holds their sum
     * in units of the smaller), one in five any. jqwik mixes in an edge case in at most one try
     * in six, so each form has probability 5/6 × 2/5 = 1/3 per try at least, and 20 % or fewer of
     * 600 tries have it with probability 3.3e-13 (the binomial tail).
     */
    @Provide
    Arbitrary<List<Double>> sums() {
        Arbitrary<List<Double>> fixedPoint = Arbitraries.integers().between(-850, 800).flatMap(low -> Combinators.combine(
                        Arbitraries.longs().between(-(1L << 53), 1L << 53), Arbitraries.integers().between(low, low + 40))
                .as((m, e) -> Math.scalb((double) m, e)).list().ofMaxSize(30));
        Arbitrary<List<Double>> exactFallback = Combinators.combine(Arbitraries.integers().between(-850, 700),
                        finiteDoubles().list().ofMaxSize(28))
                .as((e, rest) -> {
                    List<Double> values = new ArrayList<>(List.of(Math.scalb(1.0, e), Math.scalb(1.0, e + 150)));
                    values.addAll(rest);
                    return values;
                });
        return Arbitraries.frequencyOf(
                Tuple.of(2, fixedPoint),
                Tuple.of(2, exactFallback),
                Tuple.of(1, finiteDoubles().list().ofMaxSize(30).withoutEdgeCases()));
    }

    @Property(tries = 600)
    void exactSumIsTheCorrectlyRoundedSumOfTheFiniteValues(@ForAll("sums") List<Double> values) {
        ExactSum sum = ExactSum.ZERO;
        BigDecimal exact = BigDecimal.ZERO;
        for (double v : values) {
            sum = sum.plus(v);
            exact = exact.add(new BigDecimal(v));
        }
        Statistics.label("form").collect(sum.isFixedPoint() ? "fixed point" : "big decimal");
        Statistics.label("form").coverage(c -> {
            c.check("fixed point").percentage(p -> p > 20);
            c.check("big decimal").percentage(p -> p > 20);
        });
        assertThat(sum.exactValue().compareTo(exact)).isZero();
        assertSameDouble(sum.toDouble(), exact.doubleValue() == 0 ? 0.0 : exact.doubleValue());
    }

    @Property(tries = 300)
    void exactMeansAreCorrectlyRounded(@ForAll @Size(min = 1, max = 30) List<@From("finiteDoubles") Double> values) {
        ExactMean mean = ExactMean.EMPTY;
        BigDecimal exact = BigDecimal.ZERO;
        for (double v : values) {
            mean = mean.plus(v);
            exact = exact.add(new BigDecimal(v));
        }
        assertSameDouble(mean.toDouble(), correctlyRounded(exact, BigDecimal.valueOf(values.size())));
    }

    @Property(tries = 300)
    void ratiosOfExactSumsAreCorrectlyRounded(@ForAll @Size(min = 1, max = 10) List<@From("finiteDoubles") Double> top,
                                              @ForAll @Size(min = 1, max = 10) List<@From("finiteDoubles") Double> bottom) {
        ExactSum a = ExactSum.ZERO;
        ExactSum b = ExactSum.ZERO;
        for (double v : top) {
            a = a.plus(v);
        }
        for (double v : bottom) {
            b = b.plus(v);
        }
        if (b.exactValue().signum() == 0) {
            assertSameDouble(a.dividedBy(b), a.toDouble() / b.toDouble());
        } else {
            assertSameDouble(a.dividedBy(b), correctlyRounded(a.exactValue(), b.exactValue()));
        }
    }

    @Property(tries = 400)
    void quotientsOnTheBinaryFormEqualTheDecimalRoute(
            @ForAll @Size(min = 1, max = 8) List<@From("finiteDoubles") Double> top,
            @ForAll @Size(min = 1, max = 8) List<@From("finiteDoubles") Double> bottom,
            @ForAll long n) {
        ExactSum a = ExactSum.of(top.stream().mapToDouble(Double::doubleValue).toArray());
        ExactSum b = ExactSum.of(bottom.stream().mapToDouble(Double::doubleValue).toArray());
        if (b.exactValue().signum() != 0) {
            assertSameDouble(a.dividedBy(b), ExactSum.quotient(a.exactValue(), b.exactValue()));
        }
        if (n != 0) {
            assertSameDouble(a.dividedBy(n), ExactSum.quotient(a.exactValue(), BigDecimal.valueOf(n)));
        }
        Statistics.label("both fixed point").collect(a.isFixedPoint() && b.isFixedPoint());
    }

    @Property(tries = 1000)
    void a128BitIntegerRoundsAsBigIntegerDoes(@ForAll("wideIntegers") BigInteger value) {
        long lo = value.longValue();
        long hi = value.shiftRight(64).longValue();
        assertSameDouble(ExactSum.roundToDouble(hi, lo), value.doubleValue());
    }

    /** Integers up to 125 bits, many of them exactly halfway between two doubles or just off it. */
    @Provide
    Arbitrary<BigInteger> wideIntegers() {
        Arbitrary<Integer> bits = Arbitraries.integers().between(54, 125);
        Arbitrary<Long> mantissa = Arbitraries.longs().between(1L << 52, (1L << 53) - 1);
        Arbitrary<Integer> nudge = Arbitraries.integers().between(-2, 2);
        Arbitrary<BigInteger> halfway = Combinators.combine(mantissa, bits, nudge, Arbitraries.of(1, -1))
                .as((m, b, n, sign) -> {
                    // m · 2^(b−53) plus half a unit in the last place, then nudged by a few units.
                    BigInteger v = BigInteger.valueOf(m).shiftLeft(b - 53)
                            .add(BigInteger.ONE.shiftLeft(b - 54)).add(BigInteger.valueOf(n));
                    return sign < 0 ? v.negate() : v;
                });
        Arbitrary<BigInteger> any = Combinators.combine(Arbitraries.longs(), Arbitraries.longs(), bits)
                .as((h, l, b) -> new BigInteger(1, ByteBuffer.allocate(16).putLong(h).putLong(l).array())
                        .shiftRight(128 - b).multiply(BigInteger.valueOf(h < 0 ? -1 : 1)));
        return Arbitraries.oneOf(halfway, any);
    }

    /** Bit for bit, as {@link Double#equals} compares (NaN equals NaN, 0.0 differs from -0.0). */
    private static void assertSameDouble(double actual, double expected) {
        assertThat(Double.valueOf(actual).equals(expected)).as("%s (bits %x) equals %s (bits %x)",
                actual, Double.doubleToLongBits(actual), expected, Double.doubleToLongBits(expected)).isTrue();
    }

    @Provide
    Arbitrary<Double> finiteDoubles() {
        return Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.longs().map(Double::longBitsToDouble)
                        .filter(d -> Double.isFinite(d) && (d == 0 || Math.abs(d) >= 0x1p-900) && Math.abs(d) <= 0x1p900)),
                Tuple.of(2, Arbitraries.of(1e16, -1e16, 1.0, 0.1, 0.2, 0.3, 10.1 * 3, 10.2, 3.0, 0x1p53, 0x1p62)),
                Tuple.of(3, Arbitraries.integers().between(-100_000, 100_000).map(i -> i / 100.0)),
                // Mantissas at exponents around the fixed-point sum's 125-bit reach, to cross into its exact fallback.
                Tuple.of(3, Combinators.combine(Arbitraries.longs().between(-(1L << 53), 1L << 53),
                        Arbitraries.integers().between(-90, 90)).as((m, e) -> Math.scalb((double) m, e))));
    }

    /**
     * An independent reference: the quotient to 1,200 digits, cut towards zero, with one more digit
     * when inexact. Midpoints between doubles have fewer digits, so the nearest double is the same.
     */
    private static double correctlyRounded(BigDecimal a, BigDecimal b) {
        BigDecimal q = a.divide(b, new MathContext(1200, RoundingMode.DOWN));
        if (q.multiply(b).compareTo(a) != 0) {
            q = q.add(BigDecimal.ONE.movePointLeft(q.scale() + 1).multiply(BigDecimal.valueOf(q.signum())));
        }
        return q.signum() == 0 ? 0.0 : q.doubleValue();
    }
}
