package org.flowlab.sim.job.aggregate;

import org.flowlab.sim.job.Row;

/**
 * A mutable accumulator of one aggregate, filled row by row in place. Accumulators are values
 * (see {@link AggregateFunction}); a fold is for an engine that holds one nobody else can see —
 * a run's partial aggregate of a window — and would otherwise make a new accumulator per row.
 *
 * @param <A> the aggregate's accumulator
 */
public interface Fold<A> {

    /** Adds one more row. */
    void add(Row row);

    /** The accumulator of the rows added so far: equal to {@code create()} followed by the same {@code add}s. */
    A accumulator();
}
