package org.flowlab.flink.translate;

import org.apache.flink.api.common.functions.AggregateFunction;
import org.flowlab.sim.job.Row;
import org.flowlab.sim.job.WindowAggregate;

/**
 * A Flowlab aggregate (create / add / merge / result) as a Flink {@link AggregateFunction} over
 * {@link Partial}s; the result is computed by {@link WindowEmitter}, which also knows the window.
 * Flink forbids rich aggregate functions, so the Flowlab aggregate is fetched on first use.
 */
final class AggregateAdapter implements AggregateFunction<Row, Partial, Partial> {
    private static final long serialVersionUID = 1L;

    private final JobSteps step;
    private transient org.flowlab.sim.job.aggregate.AggregateFunction<Object, Object> aggregate;

    AggregateAdapter(JobSteps step) {
        this.step = step;
    }

    private org.flowlab.sim.job.aggregate.AggregateFunction<Object, Object> aggregate() {
        if (aggregate == null) {
            aggregate = ((WindowAggregate) step.first()).untypedAggregate();
        }
        return aggregate;
    }

    @Override
    public Partial createAccumulator() {
        return new Partial(aggregate().create(), Long.MIN_VALUE);
    }

    @Override
    public Partial add(Row row, Partial partial) {
        return new Partial(aggregate().add(partial.accumulator(), row), Math.max(partial.lastId(), row.id()));
    }

    @Override
    public Partial getResult(Partial partial) {
        return partial;
    }

    @Override
    public Partial merge(Partial a, Partial b) {
        return new Partial(aggregate().merge(a.accumulator(), b.accumulator()), Math.max(a.lastId(), b.lastId()));
    }
}
