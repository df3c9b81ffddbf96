package org.flowlab.flink.translate;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.util.Collector;
import org.flowlab.flink.SchemaFields;
import org.flowlab.sim.job.Output;
import org.flowlab.sim.job.ResultKey;
import org.flowlab.sim.job.Row;

/**
 * A whole job without stateful steps, as one Flink flatMap: every row that comes out is an output,
 * at {@link ResultKey#row} of that row.
 */
final class StatelessJob extends RichFlatMapFunction<Row, Output> {
    private static final long serialVersionUID = 1L;

    private final JobSteps steps;
    private final SchemaFields sourceSchema;
    private transient RowSteps rowSteps;

    StatelessJob(JobSteps steps, SchemaFields sourceSchema) {
        this.steps = steps;
        this.sourceSchema = sourceSchema;
    }

    @Override
    public void open(OpenContext context) {
        rowSteps = new RowSteps(steps.job(), steps.operators(), steps.job().source().bind(sourceSchema.toSchema()));
    }

    @Override
    public void flatMap(Row row, Collector<Output> out) {
        Row result = rowSteps.apply(row);
        if (result != null) {
            out.collect(new Output(ResultKey.row(result), result));
        }
    }
}
