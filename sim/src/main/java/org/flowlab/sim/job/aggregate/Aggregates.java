package org.flowlab.sim.job.aggregate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import java.util.function.Supplier;
import org.flowlab.sim.job.Row;
import org.flowlab.sim.job.RowToDouble;
import org.flowlab.sim.job.RowToLong;

/**
 * The built-in aggregates, and {@link #of} for your own. Every built-in gives a bit-identical
 * result whatever the order and grouping of its adds and merges (see {@link AggregateFunction}):
 * sums and means are exact ({@link ExactSum}), ties are broken by value, never by arrival.
 * Without a field argument they aggregate {@link Row#value()}.
 */
public final class Aggregates {

    private Aggregates() {
    }

    /** How many rows; a {@code Long}. */
    public static AggregateFunction<Long, Long> count() {
        return new FunctionAggregate<>("count", () -> 0L, (n, row) -> n + 1, Long::sum, n -> n);
    }

    /** The exact sum of the values, rounded once; a {@code Double} ({@code +0.0} for none). */
    public static AggregateFunction<ExactSum, Double> sum() {
        return sum("sum", Row::value);
    }

    /** The exact sum of a field, rounded once; a {@code Double}. */
    public static AggregateFunction<ExactSum, Double> sum(RowToDouble field) {
        return sum("sum(field)", field);
    }

    private static AggregateFunction<ExactSum, Double> sum(String name, RowToDouble field) {
        Objects.requireNonNull(field, "field");
        return new FunctionAggregate<>(name, () -> ExactSum.ZERO, (s, row) -> s.plus(field.apply(row)),
                ExactSum::plus, ExactSum::toDouble, () -> new ExactSum.Adder(field));
    }

    /** The smallest value ({@link Math#min}: NaN wins, -0.0 is below 0.0); +Infinity for none. */
    public static AggregateFunction<Double, Double> min() {
        return min("min", Row::value);
    }

    public static AggregateFunction<Double, Double> min(RowToDouble field) {
        return min("min(field)", field);
    }

    private static AggregateFunction<Double, Double> min(String name, RowToDouble field) {
        Objects.requireNonNull(field, "field");
        return new FunctionAggregate<>(name, () -> Double.POSITIVE_INFINITY,
                (m, row) -> Math.min(m, field.apply(row)), Math::min, m -> m);
    }

    /** The largest value ({@link Math#max}: NaN wins, 0.0 is above -0.0); -Infinity for none. */
    public static AggregateFunction<Double, Double> max() {
        return max("max", Row::value);
    }

    public static AggregateFunction<Double, Double> max(RowToDouble field) {
        return max("max(field)", field);
    }

    private static AggregateFunction<Double, Double> max(String name, RowToDouble field) {
        Objects.requireNonNull(field, "field");
        return new FunctionAggregate<>(name, () -> Double.NEGATIVE_INFINITY,
                (m, row) -> Math.max(m, field.apply(row)), Math::max, m -> m);
    }

    /** The mean of the values, from an exact sum; a {@code Double} (NaN for none). */
    public static AggregateFunction<ExactMean, Double> mean() {
        return mean("mean", Row::value);
    }

    public static AggregateFunction<ExactMean, Double> mean(RowToDouble field) {
        return mean("mean(field)", field);
    }

    private static AggregateFunction<ExactMean, Double> mean(String name, RowToDouble field) {
        Objects.requireNonNull(field, "field");
        return new FunctionAggregate<>(name, () -> ExactMean.EMPTY, (m, row) -> m.plus(field.apply(row)),
                ExactMean::plus, ExactMean::toDouble);
    }

    /** How many distinct values of a field, exactly (no sketch); a {@code Long}. */
    public static AggregateFunction<DistinctLongs, Long> distinctCount(RowToLong field) {
        Objects.requireNonNull(field, "field");
        return new FunctionAggregate<>("distinctCount", DistinctLongs::empty, (s, row) -> s.with(field.apply(row)),
                DistinctLongs::union, s -> (long) s.size());
    }

    /**
     * The {@code n} highest-scoring entries (item, score), highest first, ties by the smaller item
     * ({@link Ranked#ORDER}); a {@code List<Ranked>} of at most n. One entry per row: an item that
     * occurs in several rows can occupy several places.
     */
    public static AggregateFunction<List<Ranked>, List<Ranked>> topN(int n, RowToLong item, RowToDouble score) {
        if (n <= 0) {
            throw new IllegalArgumentException("topN: n must be positive (got " + n + ")");
        }
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(score, "score");
        return new FunctionAggregate<>("top" + n, List::of,
                (top, row) -> insert(top, new Ranked(item.apply(row), score.apply(row)), n),
                (a, b) -> mergeTop(a, b, n), top -> top);
    }

    private static List<Ranked> insert(List<Ranked> top, Ranked r, int n) {
        int at = Collections.binarySearch(top, r, Ranked.ORDER);
        int position = at >= 0 ? at : -at - 1;
        if (position >= n) {
            return top;
        }
        List<Ranked> out = new ArrayList<>(Math.min(n, top.size() + 1));
        out.addAll(top.subList(0, position));
        out.add(r);
        out.addAll(top.subList(position, Math.min(top.size(), n - 1)));
        return Collections.unmodifiableList(out);
    }

    private static List<Ranked> mergeTop(List<Ranked> a, List<Ranked> b, int n) {
        if (b.isEmpty()) {
            return a;
        }
        if (a.isEmpty()) {
            return b;
        }
        List<Ranked> out = new ArrayList<>(Math.min(n, a.size() + b.size()));
        int i = 0;
        int j = 0;
        while (out.size() < n && (i < a.size() || j < b.size())) {
            if (j >= b.size() || (i < a.size() && Ranked.ORDER.compare(a.get(i), b.get(j)) <= 0)) {
                out.add(a.get(i++));
            } else {
                out.add(b.get(j++));
            }
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * The row with the highest score ({@link Double#compare}: NaN highest), ties by the earliest
     * row in {@link Row#ORDER}; a {@link Row} (null for none).
     */
    public static AggregateFunction<Optional<Row>, Row> maxBy(RowToDouble score) {
        Objects.requireNonNull(score, "score");
        BinaryOperator<Optional<Row>> better = (a, b) -> {
            if (a.isEmpty()) {
                return b;
            }
            if (b.isEmpty()) {
                return a;
            }
            int c = Double.compare(score.apply(a.get()), score.apply(b.get()));
            if (c == 0) {
                c = -Row.ORDER.compare(a.get(), b.get());
            }
            return c >= 0 ? a : b;
        };
        return new FunctionAggregate<>("maxBy", Optional::empty, (best, row) -> better.apply(best, Optional.of(row)),
                better, best -> best.orElse(null));
    }

    /**
     * The row with the lowest score ({@link Double#compare}: -0.0 below 0.0, NaN highest), ties by
     * the earliest row in {@link Row#ORDER}; a {@link Row} (null for none).
     */
    public static AggregateFunction<Optional<Row>, Row> minBy(RowToDouble score) {
        Objects.requireNonNull(score, "score");
        BinaryOperator<Optional<Row>> better = (a, b) -> {
            if (a.isEmpty()) {
                return b;
            }
            if (b.isEmpty()) {
                return a;
            }
            int c = Double.compare(score.apply(a.get()), score.apply(b.get()));
            if (c == 0) {
                c = Row.ORDER.compare(a.get(), b.get());
            }
            return c <= 0 ? a : b;
        };
        return new FunctionAggregate<>("minBy", Optional::empty, (best, row) -> better.apply(best, Optional.of(row)),
                better, best -> best.orElse(null));
    }

    /**
     * A windowed equi-join on the key: every row of kind {@code leftKind} paired with every row of
     * kind {@code rightKind} of the same key and window; rows of other kinds are ignored. The result
     * is a {@code List<JoinedPair>} in {@link JoinedPair#ORDER}, empty when one side has no rows.
     */
    public static AggregateFunction<JoinBuffer, List<JoinedPair>> join(int leftKind, int rightKind) {
        if (leftKind == rightKind) {
            throw new IllegalArgumentException("join: the left and right kinds must differ (both are " + leftKind + ")");
        }
        return new FunctionAggregate<>("join(" + leftKind + ", " + rightKind + ")", JoinBuffer::empty,
                (buffer, row) -> row.kind() == leftKind ? buffer.withLeft(row)
                        : row.kind() == rightKind ? buffer.withRight(row) : buffer,
                JoinBuffer::merge, JoinBuffer::pairs);
    }

    /**
     * Your own aggregate from its four functions. It must obey the laws of {@link AggregateFunction}
     * (merge associative and commutative, accumulators never changed in place), or engines will
     * disagree with the oracle.
     */
    public static <A, R> AggregateFunction<A, R> of(Supplier<A> create, BiFunction<A, Row, A> add,
                                                    BinaryOperator<A> merge, Function<A, R> result) {
        return of("custom", create, add, merge, result);
    }

    /** Your own aggregate, named for job descriptions and error messages. */
    public static <A, R> AggregateFunction<A, R> of(String name, Supplier<A> create, BiFunction<A, Row, A> add,
                                                    BinaryOperator<A> merge, Function<A, R> result) {
        return new FunctionAggregate<>(name, create, add, merge, result);
    }

    /**
     * Your own aggregate with a {@link Fold}: engines that hold a partial aggregate nobody else
     * sees (a window's pane) fill a fold in place instead of making a new accumulator per row. A
     * fold's {@code accumulator()} after some {@code add}s must equal what {@code add} from
     * {@code create()} gives for the same rows, and must not be a fold itself.
     */
    public static <A, R> AggregateFunction<A, R> of(String name, Supplier<A> create, BiFunction<A, Row, A> add,
                                                    BinaryOperator<A> merge, Function<A, R> result,
                                                    Supplier<Fold<A>> fold) {
        return new FunctionAggregate<>(name, create, add, merge, result, fold);
    }
}
