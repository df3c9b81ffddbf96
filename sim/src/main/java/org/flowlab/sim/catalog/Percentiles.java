package org.flowlab.sim.catalog;

import org.flowlab.sim.job.Row;
import org.flowlab.sim.job.RowToDouble;
import org.flowlab.sim.job.aggregate.AggregateFunction;
import org.flowlab.sim.job.aggregate.Aggregates;

/**
 * Exact percentiles as aggregates: the window's values are kept in a {@link SortedDoubles}, so the
 * result is the same however the rows are split and merged — unlike a sketch, and at the price of
 * keeping every value.
 */
public final class Percentiles {

    private Percentiles() {
    }

    /** The nearest-rank percentile of the rows' values; a {@code Double}, NaN for none. */
    public static AggregateFunction<SortedDoubles, Double> nearestRank(int percent) {
        return nearestRank(percent, Row::value);
    }

    /**
     * The nearest-rank percentile of a field ({@link SortedDoubles#nearestRank}); a {@code Double}.
     *
     * @param percent 1 to 100; 50 is the (lower) median, 100 the maximum
     */
    public static AggregateFunction<SortedDoubles, Double> nearestRank(int percent, RowToDouble field) {
        if (percent < 1 || percent > 100) {
            throw new IllegalArgumentException("percentile must be from 1 to 100 (got " + percent + ")");
        }
        return Aggregates.of("p" + percent, SortedDoubles::empty, (s, row) -> s.with(field.apply(row)),
                SortedDoubles::merge, s -> s.nearestRank(percent));
    }
}
