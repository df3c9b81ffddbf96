package org.flowlab.flink.translate;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.util.Collector;
import org.flowlab.sim.job.Job;
import org.flowlab.sim.job.Output;
import org.flowlab.sim.job.ResultKey;
import org.flowlab.sim.job.Row;
import org.flowlab.sim.job.TimeWindow;
import org.flowlab.sim.job.WindowAggregate;
import org.flowlab.sim.job.WindowResult;

/**
 * Turns a fired Flink window into what the Flowlab step sends on: the aggregate's result at
 * {@link ResultKey#window} as a job output, or the row its {@code ResultMapper} makes (with the
 * oracle's checks). The element type {@code O} is {@link Output} or {@link Row}, as {@code output} says.
 */
final class WindowEmitter<O> extends ProcessWindowFunction<Partial, O, Long,
        org.apache.flink.streaming.api.windowing.windows.TimeWindow> {
    private static final long serialVersionUID = 1L;

    private final JobSteps step;
    private final StepOutput output;
    private transient Job job;
    private transient WindowAggregate window;

    WindowEmitter(JobSteps step, StepOutput output) {
        this.step = step;
        this.output = output;
    }

    @Override
    public void open(OpenContext context) {
        job = step.job();
        window = (WindowAggregate) step.first();
    }

    @Override
    @SuppressWarnings("unchecked") // O is Output for RESULTS and KEYED_ROWS, Row for ROWS: the translator pairs them
    public void process(Long key, Context context, Iterable<Partial> partials, Collector<O> out) {
        Partial partial = partials.iterator().next();
        org.apache.flink.streaming.api.windowing.windows.TimeWindow fw = context.window();
        TimeWindow w = new TimeWindow(fw.getStart(), fw.getEnd());
        Object value = window.untypedAggregate().result(partial.accumulator());
        if (value == null) {
            throw new IllegalStateException("job " + job.name() + ": " + window + " gave no result (null) for key "
                    + key + " in " + w);
        }
        ResultKey at = ResultKey.window(key, w);
        if (output == StepOutput.RESULTS) {
            out.collect((O) new Output(at, value));
            return;
        }
        Row row = window.toRow().toRow(new WindowResult(key, w, partial.lastId(), value));
        if (row == null || row.eventTime() < w.maxTimestamp()) {
            throw new IllegalStateException("job " + job.name() + ": the row mapper of " + window + " made "
                    + row + " for window " + w + "; its event time must be at least the window's last instant "
                    + w.maxTimestamp() + " (start from WindowResult.row())");
        }
        out.collect(output == StepOutput.KEYED_ROWS ? (O) new Output(at, row) : (O) row);
    }
}
