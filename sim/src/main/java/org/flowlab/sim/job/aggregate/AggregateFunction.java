package org.flowlab.sim.job.aggregate;

import org.flowlab.sim.job.Row;

/**
 * An aggregate over the rows of one key and window, in four functions. Engines use them in
 * different ways — a stream adds rows one by one, a batch engine adds partitions apart and merges
 * the partials, sessions merge when they meet — so an aggregate must give the same result whichever
 * way its rows are split and combined:
 * <ul>
 *   <li>{@code merge} is associative and commutative, with {@code create()} as identity;</li>
 *   <li>{@code add(acc, row)} equals {@code merge(acc, add(create(), row))};</li>
 *   <li>results are compared with {@code equals}, so "equal" means bit-identical doubles.</li>
 * </ul>
 * Accumulators are values: {@code add} and {@code merge} return new ones and never change their
 * arguments, because engines keep references to accumulators in checkpoints and partial results.
 *
 * @param <A> the accumulator
 * @param <R> the result
 */
public interface AggregateFunction<A, R> {

    /** The accumulator of no rows. */
    A create();

    /** The accumulator with one more row. */
    A add(A acc, Row row);

    /** The accumulator of the rows of both. */
    A merge(A a, A b);

    /** The result of the rows in the accumulator: a value with value equality (never an array). */
    R result(A acc);

    /**
     * A new empty {@link Fold} of this aggregate, or null if it has none (the default): engines
     * then keep calling {@link #add}. A fold must give exactly the accumulator {@code add} gives.
     */
    default Fold<A> newFold() {
        return null;
    }
}
