package org.flowlab.flink.translate;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.util.Collector;
import org.flowlab.sim.job.Output;
import org.flowlab.sim.job.Row;

/**
 * The row-by-row steps after the job's last stateful step: each row keeps the output key of the
 * stateful result it derives from.
 */
final class TailSteps extends RichFlatMapFunction<Output, Output> {
    private static final long serialVersionUID = 1L;

    private final JobSteps steps;
    private transient RowSteps rowSteps;

    TailSteps(JobSteps steps) {
        this.steps = steps;
    }

    @Override
    public void open(OpenContext context) {
        rowSteps = new RowSteps(steps.job(), steps.operators(), null);
    }

    @Override
    public void flatMap(Output keyedRow, Collector<Output> out) {
        Row result = rowSteps.apply((Row) keyedRow.value());
        if (result != null) {
            out.collect(new Output(keyedRow.at(), result));
        }
    }
}
