package org.flowlab.flink.translate;

import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.util.Collector;
import org.flowlab.sim.job.Row;

/**
 * Counts the rows a stateful step dropped as late (its side output) in a Flink accumulator, which
 * the run reads when the job ends; it passes nothing on.
 */
final class LateRowCounter extends RichFlatMapFunction<Row, Row> {
    private static final long serialVersionUID = 1L;

    private transient LongCounter late;

    @Override
    public void open(OpenContext context) {
        late = getRuntimeContext().getLongCounter(JobTranslator.LATE_ROWS);
    }

    @Override
    public void flatMap(Row row, Collector<Row> out) {
        late.add(1);
    }
}
