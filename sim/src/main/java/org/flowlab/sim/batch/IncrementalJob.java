package org.flowlab.sim.batch;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.ToIntFunction;
import org.flowlab.sim.engine.EventTimeContract;
import org.flowlab.sim.engine.LateJudgements;
import org.flowlab.sim.engine.OutputMode;
import org.flowlab.sim.job.Job;
import org.flowlab.sim.job.KeyedProcess;
import org.flowlab.sim.job.Operator;
import org.flowlab.sim.job.ResultKey;
import org.flowlab.sim.job.Row;
import org.flowlab.sim.job.RowPredicate;
import org.flowlab.sim.job.SessionWindows;
import org.flowlab.sim.job.WindowAggregate;
import org.flowlab.sim.metrics.RecordVisibility;
import org.flowlab.workloads.Trace;

/**
 * A job evaluated run by run, as a batch or micro-batch engine evaluates it: the logic of the runs,
 * without their timing. Each {@link #run} reads the next stretch of the trace (in arrival order)
 * with an event-time watermark, updates the state kept between runs — window accumulators,
 * process-function state and timers, the materialised input of later stages — and returns the
 * {@link RunDelta} its commit applies to the result table. After a run with watermark +inf that
 * has read the whole trace, the table equals the reference oracle's (minus records dropped as late
 * under {@link LatePolicy#DROP}, judged by the {@link EventTimeContract}).
 *
 * <p>The {@link OutputMode} decides what the job's last step, when stateful, emits: in {@code UPDATES}
 * (Spark's update mode) every tumbling, sliding or global window a run touches is upserted with its
 * partial result; in {@code FINAL} (Spark's append mode) a window is emitted once the watermark
 * passes its end, and again only if a late record changes it. Session windows, and every stateful
 * step before the last, emit only what the watermark has passed, in both modes.
 */
final class IncrementalJob {

    private final Trace trace;
    private final RowPredicate source;
    private final Segment first;
    private final int statefulSteps;
    private final SourceStage head;
    private final List<Stage> stages;
    private final Output output;
    private final LateJudgements judgements;
    private long watermark = Long.MIN_VALUE;
    private int read;

    /**
     * @param mode what the job's last step, when stateful, emits, and when
     */
    IncrementalJob(Job job, Trace trace, OutputMode mode, LatePolicy latePolicy, EventTimeContract contract) {
        this(job, trace, mode, latePolicy, contract, new RecordVisibility(trace.size())::outputId,
                new LateJudgements(trace.size()));
    }

    /**
     * @param outputIds  the dense id of each output key, as the run's {@link RecordVisibility} gives
     *                   them: records are marked visible through their output's id
     * @param judgements where the first stateful step records the watermark it judged each record against
     */
    IncrementalJob(Job job, Trace trace, OutputMode mode, LatePolicy latePolicy, EventTimeContract contract,
                   ToIntFunction<ResultKey> outputIds, LateJudgements judgements) {
        this.output = new Output(outputIds);
        this.judgements = judgements;
        this.trace = trace;
        this.source = job.source().bind(trace.schema());
        List<List<Operator>> segments = new ArrayList<>();
        List<Operator> stateful = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        List<Operator> current = new ArrayList<>();
        for (int i = 0; i < job.operators().size(); i++) {
            Operator op = job.operators().get(i);
            if (op.stateful()) {
                segments.add(current);
                stateful.add(op);
                positions.add(i);
                current = new ArrayList<>();
            } else {
                current.add(op);
            }
        }
        segments.add(current);
        this.first = new Segment(job, segments.get(0));
        this.statefulSteps = stateful.size();
        Stage[] built = new Stage[stateful.size()];
        for (int i = stateful.size() - 1; i >= 0; i--) {
            Operator op = stateful.get(i);
            boolean lastStep = job.isLast(positions.get(i));
            StageOutput out;
            if (lastStep) {
                out = output;
            } else {
                Segment between = new Segment(job, segments.get(i + 1));
                out = i + 1 < stateful.size() ? new Forward(between, (ChangeStage) built[i + 1]) : new Forward(between, null);
            }
            int stageIndex = i + 1;
            if (op instanceof WindowAggregate w) {
                boolean partial = mode == OutputMode.UPDATES && lastStep && !(w.window() instanceof SessionWindows);
                built[i] = i == 0 ? new WindowAccumulatorStage(job, w, lastStep, partial, latePolicy, contract, out, stageIndex,
                        outputIds)
                        : new WindowRecomputeStage(job, w, lastStep, partial, out, stageIndex);
            } else if (op instanceof KeyedProcess p) {
                built[i] = i == 0
                        ? new ProcessStage(job, p, lastStep, mode, latePolicy, contract, out, stageIndex,
                        record -> first.apply(Row.of(trace, record)), trace::arrivalTime)
                        : new ProcessStage(job, p, lastStep, mode, latePolicy, contract, out, stageIndex, null, null);
            } else {
                throw new IllegalStateException("unknown stateful step " + op);
            }
        }
        this.stages = List.of(built);
        this.head = built.length == 0 ? null : (SourceStage) built[0];
    }

    /** How many stateful steps (reduce stages) the job has. */
    int statefulSteps() {
        return statefulSteps;
    }

    /** How many records runs have read so far. */
    int read() {
        return read;
    }

    /** The watermark of the last run. */
    long watermark() {
        return watermark;
    }

    /** The result table as of the last run's commit. */
    NavigableMap<ResultKey, Object> table() {
        return Collections.unmodifiableNavigableMap(output.table);
    }

    /**
     * Runs over trace records {@code [read(), to)} with event-time watermark {@code newWatermark}
     * (not below the last one); {@code Long.MAX_VALUE} with {@code to == trace.size()} finishes
     * everything.
     */
    RunDelta run(int to, long newWatermark) {
        if (to < read || to > trace.size()) {
            throw new IllegalArgumentException("a run must read forward: records [" + read + ", " + to + ") of " + trace.size());
        }
        if (newWatermark < watermark) {
            throw new IllegalArgumentException("the watermark went back from " + watermark + " to " + newWatermark);
        }
        RunDelta delta = new RunDelta(read, to, newWatermark, to == trace.size() && newWatermark == Long.MAX_VALUE,
                statefulSteps, judgements);
        RunDelta.StageWork map = delta.work[0];
        for (int i = read; i < to; i++) {
            Row row = Row.of(trace, i);
            map.rows++;
            if (!source.test(row)) {
                delta.mark(i);
                continue;
            }
            row = first.apply(row);
            if (row == null) {
                delta.mark(i);
                continue;
            }
            map.out++;
            if (head == null) {
                IntList lineage = new IntList(1);
                lineage.add(i);
                output.put(ResultKey.row(row), row, trace.arrivalTime(i), lineage, delta);
            } else {
                head.acceptSource(i, row, trace.arrivalTime(i), delta);
            }
        }
        for (Stage stage : stages) {
            stage.step(newWatermark, delta);
        }
        read = to;
        watermark = newWatermark;
        return delta;
    }

    /** The stateless steps between two stateful ones, then the next stage; or, after the last, the output. */
    private final class Forward implements StageOutput {
        private final Segment segment;
        private final ChangeStage next;

        Forward(Segment segment, ChangeStage next) {
            this.segment = segment;
            this.next = next;
        }

        @Override
        public void put(ResultKey at, Object result, long maxArrival, IntList lineage, RunDelta delta) {
            Row row = result == null ? null : segment.apply((Row) result);
            if (next != null) {
                next.accept(at, row, maxArrival, lineage, delta);
            } else {
                output.put(at, row, maxArrival, lineage, delta);
            }
        }
    }

    /** The job's result table, with each run's changes to it. */
    private static final class Output implements StageOutput {
        private final TreeMap<ResultKey, Object> table = new TreeMap<>();
        private final ToIntFunction<ResultKey> outputIds;

        Output(ToIntFunction<ResultKey> outputIds) {
            this.outputIds = outputIds;
        }

        @Override
        public void put(ResultKey at, Object result, long maxArrival, IntList lineage, RunDelta delta) {
            if (lineage != null) {
                delta.mark(lineage, outputIds.applyAsInt(at));
            }
            if (result == null) {
                if (table.remove(at) != null) {
                    delta.changes.put(at, new RunDelta.Change(null, maxArrival));
                }
            } else {
                // One lookup: an equal value put back changes nothing a consumer can see.
                Object previous = table.put(at, result);
                if (!result.equals(previous)) {
                    delta.changes.put(at, new RunDelta.Change(result, maxArrival));
                }
            }
        }
    }
}
