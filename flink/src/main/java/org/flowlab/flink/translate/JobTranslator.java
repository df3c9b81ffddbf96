package org.flowlab.flink.translate;

import java.util.List;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.KeyedStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.streaming.api.windowing.assigners.WindowAssigner;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.OutputTag;
import org.flowlab.flink.JobRecipe;
import org.flowlab.flink.SchemaFields;
import org.flowlab.flink.SourceData;
import org.flowlab.sim.job.Job;
import org.flowlab.sim.job.KeyedProcess;
import org.flowlab.sim.job.Operator;
import org.flowlab.sim.job.Output;
import org.flowlab.sim.job.Row;
import org.flowlab.sim.job.SessionWindows;
import org.flowlab.sim.job.WindowAggregate;
import org.flowlab.workloads.Trace;

/**
 * Turns a Flowlab job into a Flink DataStream program, step by step rather than query by query, so
 * every job of the model translates:
 * <pre>
 * trace (number-sequence source, event-time timestamps, bounded-disorder watermarks; one reader for a
 *        stateful job in STREAMING mode)
 *   → flatMap: source filter and the row-by-row steps up to the first stateful step
 *   → keyBy(row key) → window(Flowlab's windows).aggregate(Flowlab's aggregate)   or   process(Flowlab's function)
 *   → flatMap: the row-by-row steps up to the next stateful step → keyBy → …
 *   → flatMap: the row-by-row steps after the last stateful step
 *   → Output(result key, value), the same keys as the reference oracle
 * </pre>
 * Rows dropped as late by a stateful step are counted in the accumulator {@link #LATE_ROWS}.
 */
public final class JobTranslator {

    /** The Flink accumulator that counts late rows, summed over every stateful step. */
    public static final String LATE_ROWS = "flowlab-late-rows";

    private static final TypeInformation<Row> ROW = TypeInformation.of(Row.class);
    private static final TypeInformation<Output> OUTPUT = TypeInformation.of(Output.class);
    private static final TypeInformation<Partial> PARTIAL = TypeInformation.of(Partial.class);

    private JobTranslator() {
    }

    /**
     * Adds the job's dataflow over the trace to {@code env} and returns the stream of its outputs;
     * the trace travels inside the job.
     *
     * @param job           what {@code recipe} builds (the tasks rebuild it from the recipe)
     * @param disorderBound how far behind the largest event time seen the watermark trails, nanoseconds
     */
    public static DataStream<Output> translate(StreamExecutionEnvironment env, JobRecipe recipe, Job job, Trace trace,
                                               long disorderBound) {
        return translate(env, recipe, job, trace, disorderBound, SourceData.SHIPPED);
    }

    /** As {@link #translate(StreamExecutionEnvironment, JobRecipe, Job, Trace, long)}, the trace reaching the source as {@code data} says. */
    public static DataStream<Output> translate(StreamExecutionEnvironment env, JobRecipe recipe, Job job, Trace trace,
                                               long disorderBound, SourceData data) {
        if (trace.size() == 0) {
            throw new IllegalArgumentException("the trace is empty: Flink's generator source needs at least one event");
        }
        SchemaFields schema = SchemaFields.of(trace.schema());
        TraceRows traceRows = new TraceRows(trace);
        WatermarkStrategy<Row> watermarks = WatermarkStrategy.<Row>forGenerator(context -> new DisorderWatermarks(disorderBound))
                .withTimestampAssigner(new EventTimes());
        List<Operator> ops = job.operators();
        int lastStateful = job.lastStatefulIndex();
        // In STREAMING mode a stateful job's trace is read by one reader, in arrival order, so that its
        // event time advances as the trace's, as in Flowlab's stream and the oracle. Flink's
        // number-sequence source gives each of several readers a contiguous range: a second reader
        // would start halfway through the trace, and the watermark, the least of the readers', would
        // hold back every window of the later half until the first reader finished. The steps before
        // the first keyBy run with that reader, chained to it; the keyed steps at the job's parallelism.
        boolean oneReader = lastStateful >= 0 && env.getConfiguration().get(ExecutionOptions.RUNTIME_MODE) != RuntimeExecutionMode.BATCH;
        SingleOutputStreamOperator<Row> source = env.fromSource(new DataGeneratorSource<>(data.of(traceRows), traceRows.size(), ROW),
                watermarks, "trace");
        DataStream<Row> rows = oneReader ? source.setParallelism(1) : source;
        if (lastStateful < 0) {
            return rows.flatMap(new StatelessJob(new JobSteps(recipe, job, 0, ops.size()), schema))
                    .returns(OUTPUT).name(job.name() + ": all steps");
        }
        DataStream<Output> outputs = null;
        int from = 0;
        for (int i = 0; i <= lastStateful; i++) {
            Operator op = ops.get(i);
            if (!op.stateful()) {
                continue;
            }
            // The job model puts a keyBy before every stateful step, so there is always a step to run here.
            SingleOutputStreamOperator<Row> keyedRows = rows.flatMap(new StatelessSteps(new JobSteps(recipe, job, from, i), from == 0 ? schema : null))
                    .returns(ROW).name(job.name() + ": steps " + (from + 1) + "-" + i);
            if (from == 0 && oneReader) {
                keyedRows.setParallelism(1);
            }
            KeyedStream<Row, Long> keyed = keyedRows.keyBy(new RowKey(), Types.LONG);
            JobSteps step = JobSteps.single(recipe, job, i);
            OutputTag<Row> late = new OutputTag<>("late rows of step " + (i + 1), ROW);
            StepOutput output = job.isLast(i) ? StepOutput.RESULTS : i == lastStateful ? StepOutput.KEYED_ROWS : StepOutput.ROWS;
            if (output == StepOutput.ROWS) {
                SingleOutputStreamOperator<Row> next = stateful(keyed, op, step, output, late, ROW);
                countLate(next, late);
                rows = next;
            } else {
                SingleOutputStreamOperator<Output> next = stateful(keyed, op, step, output, late, OUTPUT);
                countLate(next, late);
                outputs = next;
            }
            from = i + 1;
        }
        if (from < ops.size()) {
            outputs = outputs.flatMap(new TailSteps(new JobSteps(recipe, job, from, ops.size())))
                    .returns(OUTPUT).name(job.name() + ": steps " + (from + 1) + "-" + ops.size());
        }
        return outputs;
    }

    private static <O> SingleOutputStreamOperator<O> stateful(KeyedStream<Row, Long> keyed, Operator op, JobSteps step,
                                                              StepOutput output, OutputTag<Row> late, TypeInformation<O> type) {
        if (op instanceof WindowAggregate w) {
            WindowAssigner<Object, TimeWindow> windows = w.window() instanceof SessionWindows s
                    ? new FlowlabSessions(s.gap()) : new FlowlabWindows(step);
            return keyed.window(windows)
                    .sideOutputLateData(late)
                    .aggregate(new AggregateAdapter(step), new WindowEmitter<O>(step, output), PARTIAL, PARTIAL, type)
                    .name(op.toString());
        }
        if (op instanceof KeyedProcess) {
            return keyed.process(new ProcessAdapter<O>(step, output, late), type).name(op.toString());
        }
        throw new IllegalArgumentException(op + " is not a stateful step");
    }

    private static void countLate(SingleOutputStreamOperator<?> step, OutputTag<Row> late) {
        step.getSideOutput(late).flatMap(new LateRowCounter()).returns(ROW).name("count " + late.getId())
                .sinkTo(new DiscardingSink<>()).name("discard " + late.getId());
    }
}
