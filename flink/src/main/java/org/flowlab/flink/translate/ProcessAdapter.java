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
import org.flowlab.sim.job.ProcessContext;
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
        Run run = new Run(ctx.getCurrentKey(), agenda, ctx.timerService(), out);
        run.workOff(ctx.timerService().currentWatermark());
        if (agenda.isEmpty()) {
            agendas.clear();
        } else {
            agendas.update(agenda);
        }
    }

    /** One working-off of a key's agenda, and the context the function sees meanwhile. */
    private final class Run implements ProcessContext {
        private final long key;
        private final KeyAgenda agenda;
        private final TimerService flinkTimers;
        private final Collector<O> out;
        private long upTo;
        private long currentTime;
        private boolean inTimer;
        private boolean emitted;
        private long seqTime;
        private long seq;

        Run(long key, KeyAgenda agenda, TimerService flinkTimers, Collector<O> out) {
            this.key = key;
            this.agenda = agenda;
            this.flinkTimers = flinkTimers;
            this.out = out;
        }

        /** Hands the function every row and timer at or before {@code watermark}, in Flowlab's order. */
        void workOff(long watermark) {
            upTo = watermark;
            while (true) {
                Row row = agenda.pending.peek();
                Long timer = agenda.timers.isEmpty() ? null : agenda.timers.first();
                boolean rowNext = row != null && row.eventTime() <= upTo && (timer == null || row.eventTime() <= timer);
                if (rowNext) {
                    agenda.pending.poll();
                    currentTime = row.eventTime();
                    inTimer = false;
                    function.processElement(row, this);
                } else if (timer != null && timer <= upTo) {
                    agenda.timers.pollFirst();
                    currentTime = timer;
                    inTimer = true;
                    function.onTimer(timer, this);
                } else {
                    return;
                }
            }
        }

        @Override
        public long key() {
            return key;
        }

        @Override
        public long currentTime() {
            return currentTime;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T state(String name) {
            return (T) agenda.state.get(name);
        }

        @Override
        public void setState(String name, Object value) {
            if (value == null) {
                agenda.state.remove(name);
            } else {
                agenda.state.put(name, value);
            }
        }

        @Override
        public void clearState(String name) {
            agenda.state.remove(name);
        }

        @Override
        public void registerTimer(long timestamp) {
            if (inTimer ? timestamp <= currentTime : timestamp < currentTime) {
                throw new IllegalArgumentException("job " + job.name() + ": " + process + " registered a timer at "
                        + timestamp + " for key " + key + (inTimer ? ", not later than the firing timer at " : ", before the current time ")
                        + currentTime);
            }
            if (agenda.timers.add(timestamp) && timestamp > upTo) {
                flinkTimers.registerEventTimeTimer(timestamp);
            }
        }

        @Override
        public void deleteTimer(long timestamp) {
            // Flink's timer, if any, stays: when it fires it finds nothing due, which is harmless.
            agenda.timers.remove(timestamp);
        }

        @Override
        public void emit(Object value) {
            if (output != StepOutput.RESULTS) {
                throw new IllegalStateException("job " + job.name() + ": " + process
                        + " called emit() but is not the job's last step; use forward(row) to pass rows on");
            }
            if (value == null) {
                throw new IllegalArgumentException("job " + job.name() + ": " + process + " emitted null for key " + key);
            }
            collect(new Output(nextAt(), value));
        }

        @Override
        public void forward(Row row) {
            if (row == null) {
                throw new IllegalArgumentException("job " + job.name() + ": " + process + " forwarded null for key " + key);
            }
            if (row.eventTime() < currentTime) {
                throw new IllegalArgumentException("job " + job.name() + ": " + process + " forwarded a row at "
                        + row.eventTime() + ", before the current time " + currentTime + " (it would be late downstream)");
            }
            ResultKey at = nextAt();
            collect(output == StepOutput.ROWS ? row : new Output(at, row));
        }

        @SuppressWarnings("unchecked") // O is Output for RESULTS and KEYED_ROWS, Row for ROWS: the translator pairs them
        private void collect(Object element) {
            out.collect((O) element);
        }

        private ResultKey nextAt() {
            if (!emitted || seqTime != currentTime) {
                emitted = true;
                seqTime = currentTime;
                seq = 0;
            }
            return ResultKey.at(key, currentTime, seq++);
        }
    }
}
