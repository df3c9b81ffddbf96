package org.flowlab.sim.job;

import java.util.Objects;
import org.flowlab.sim.job.aggregate.AggregateFunction;

/**
 * Aggregates each key's rows per window and emits one result per (key, window) when the window
 * fires, at {@link ResultKey#window}. As the job's last step the result value is the output; with
 * steps after it, {@code toRow} turns the result into the row passed on.
 *
 * @param name      the step's name
 * @param window    which windows a row belongs to
 * @param aggregate what to compute per key and window
 * @param toRow     the row to pass on, when a step follows
 */
public record WindowAggregate(String name, WindowAssigner window, AggregateFunction<?, ?> aggregate,
                              ResultMapper toRow) implements Operator {
    public WindowAggregate {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(aggregate, "aggregate");
        Objects.requireNonNull(toRow, "toRow");
    }

    @Override
    public boolean stateful() {
        return true;
    }

    /** The aggregate with its types erased, as engines handle accumulators: as plain objects. */
    @SuppressWarnings("unchecked")
    public AggregateFunction<Object, Object> untypedAggregate() {
        return (AggregateFunction<Object, Object>) aggregate;
    }

    @Override
    public String toString() {
        return "window '" + name + "' (" + aggregate + " per " + window + ")";
    }
}
