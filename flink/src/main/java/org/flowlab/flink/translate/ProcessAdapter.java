package org.flowlab.flink.translate;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.flowlab.sim.job.Job;
import org.flowlab.sim.job.KeyedProcess;
import org.flowlab.sim.job.Output;
import org.flowlab.sim.job.OutputNumbering;
import org.flowlab.sim.job.PlainKeyRun;
import org.flowlab.sim.job.ResultKey;
import org.flowlab.sim.job.Row;

/**
 * A Flowlab keyed process function on Flink's keyed state and event-time timers, with Flowlab's
 * ordering: each key's rows are buffered until the watermark passes them, then handed to the
 * function in {@link Row#ORDER} (event time, then id), a Flowlab timer at t firing after the rows at
 * or before t and before later ones — what the oracle does, whatever order Flink delivers rows in.
 *
 * <p>Every buffered row and every Flowlab timer has a Flink event-time timer at its time; when one
 * fires, the key's agenda is worked off up to the current watermark (in {@code BATCH} mode that is
 * +inf at the end of the key, and Flink ignores timers registered then, so the whole key is worked
 * off at once). Rows at or before the watermark on arrival are late: they go to the side output.
 * The element type {@code O} is {@link Output} or {@link Row}, as {@code output} says.
 */
final class ProcessAdapter<O> extends KeyedProcessFunction<Long, Row, O> {
    private static final long serialVersionUID = 1L;

    private final JobSteps step;
    private final StepOutput output;
    private final OutputTag<Row> late;
    private transient Job job;
    private transient KeyedProcess process;
    private transient org.flowlab.sim.job.KeyedProcessFunction function;
    private transient ValueState<KeyAgenda> agendas;

    ProcessAdapter(JobSteps step, StepOutput output, OutputTag<Row> late) {
        this.step = step;
        this.output = output;
        this.late = late;
    }

    @Override
    public void open(OpenContext context) {
        job = step.job();
        process = (KeyedProcess) step.first();
        function = process.newFunction();
        agendas = getRuntimeContext().getState(new ValueStateDescriptor<>("flowlab-agenda", TypeInformation.of(KeyAgenda.class)));
    }

    @Override
    public void processElement(Row row, Context ctx, Collector<O> out) throws Exception {
        TimerService timers = ctx.timerService();
        if (row.eventTime() <= timers.currentWatermark()) {
            ctx.output(late, row);
            return;
        }
        KeyAgenda agenda = agendas.value();
        if (agenda == null) {
            agenda = new KeyAgenda();
        }
        agenda.pending.add(row);
        agendas.update(agenda);
        timers.registerEventTimeTimer(row.eventTime());
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<O> out) throws Exception {
        KeyAgenda agenda = agendas.value();
        if (agenda == null) {
            return;
        }
        new Run(ctx.getCurrentKey(), agenda, ctx.timerService(), out).workOff(agenda, ctx.timerService().currentWatermark());
        if (agenda.isEmpty()) {
            agendas.clear();
        } else {
            agendas.update(agenda);
        }
    }

    /** One working-off of a key's agenda, and the context the function sees meanwhile. */
    private final class Run extends PlainKeyRun {
        private final TimerService flinkTimers;
        private final Collector<O> out;
        private final OutputNumbering numbering = new OutputNumbering();
        private long upTo;

        Run(long key, KeyAgenda agenda, TimerService flinkTimers, Collector<O> out) {
            super(job.name(), process, output == StepOutput.RESULTS, agenda.state, agenda.timers);
            this.flinkTimers = flinkTimers;
            this.out = out;
            forKey(key);
        }

        /** Hands the function every row and timer of {@code agenda} at or before {@code watermark}, in Flowlab's order. */
        void workOff(KeyAgenda agenda, long watermark) {
            upTo = watermark;
            workOff(agenda.pending, watermark, function);
        }

        @Override
        protected void timerAdded(long timestamp) {
            // One due by now is fired by this working-off; a later one needs Flink to call back. (A
            // deleted timer's Flink timer stays: when it fires it finds nothing due, which is harmless.)
            if (!isDue(timestamp, upTo)) {
                flinkTimers.registerEventTimeTimer(timestamp);
            }
        }

        @Override
        protected void onEmit(Object value) {
            collect(new Output(numbering.nextAt(key(), currentTime()), value));
        }

        @Override
        protected void onForward(Row row) {
            ResultKey at = numbering.nextAt(key(), currentTime());
            collect(output == StepOutput.ROWS ? row : new Output(at, row));
        }

        @SuppressWarnings("unchecked") // O is Output for RESULTS and KEYED_ROWS, Row for ROWS: the translator pairs them
        private void collect(Object element) {
            out.collect((O) element);
        }
    }
}
