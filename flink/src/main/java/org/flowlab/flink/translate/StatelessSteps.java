package org.flowlab.flink.translate;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.util.Collector;
import org.flowlab.flink.SchemaFields;
import org.flowlab.sim.job.Row;

/**
 * The row-by-row steps before a stateful step, as one Flink flatMap: filters drop rows, maps and
 * keyBys replace them. The first such run also applies the job's source filter.
 */
final class StatelessSteps extends RichFlatMapFunction<Row, Row> {
    private static final long serialVersionUID = 1L;

    private final JobSteps steps;
    private final SchemaFields sourceSchema;
    private transient RowSteps rowSteps;

    /** @param sourceSchema the trace's schema if the rows come straight from the trace, else null */
    StatelessSteps(JobSteps steps, SchemaFields sourceSchema) {
        this.steps = steps;
        this.sourceSchema = sourceSchema;
    }

    @Override
    public void open(OpenContext context) {
        rowSteps = new RowSteps(steps.job(), steps.operators(),
                sourceSchema == null ? null : steps.job().source().bind(sourceSchema.toSchema()));
    }

    @Override
    public void flatMap(Row row, Collector<Row> out) {
        Row result = rowSteps.apply(row);
        if (result != null) {
            out.collect(result);
        }
    }
}
