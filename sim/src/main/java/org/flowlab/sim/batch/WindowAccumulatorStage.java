package org.flowlab.sim.batch;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.ToIntFunction;
import org.flowlab.sim.collections.LongMap;
import org.flowlab.sim.engine.EventTimeContract;
import org.flowlab.sim.job.Job;
import org.flowlab.sim.job.ResultKey;
import org.flowlab.sim.job.Row;
import org.flowlab.sim.job.SessionWindows;
import org.flowlab.sim.job.TimeWindow;
import org.flowlab.sim.job.WindowAggregate;
import org.flowlab.sim.job.WindowAssigner;
import org.flowlab.sim.job.WindowConsumer;
import org.flowlab.sim.job.WindowResult;
import org.flowlab.sim.job.aggregate.AggregateFunction;
import org.flowlab.sim.job.aggregate.Fold;

/**
 * The job's first window aggregate, whose input only grows: it keeps one accumulator per (key,
 * window) for good. Each run folds its rows into partial accumulators with {@code add}, merges
 * them into the kept ones with {@code merge}, and upserts the windows it changed — all of them in
 * update mode (batch), or those the watermark has passed in append mode (micro-batch). Sessions
 * merge as rows bridge them; a session swallowed by a bigger one has its output deleted.
 */
final class WindowAccumulatorStage implements SourceStage {

    /**
     * The accumulator of one (key, window), or of one session: the one kept across runs, and the
     * partial one of the run in progress, which {@link #step} merges into it.
     */
    static final class Slot {
        final long key;
        final long start;
        final long end;
        /** The kept accumulator; meaningful once {@code kept}. */
        Object acc;
        boolean kept;
        /** The run's partial accumulator, or its {@link Fold} if the aggregate has one; meaningful while {@code inRun}. */
        Object runAcc;
        boolean inRun;
        /**
         * Rows of the run in progress folded into this slot: a row counts once for each of its windows, as
         * Spark's sliding window expands a row into one per window before aggregating, as a later stage
         * ({@link WindowRecomputeStage}) counts the rows of each window it recomputes, and as the stream
         * charges a state access per window.
         */
        long runRecords;
        long lastId = Long.MIN_VALUE;
        long maxArrival = Long.MIN_VALUE;
        IntList lineage;
        boolean emitted;
        /** Queued to be emitted. */
        boolean dirty;
        /** Swallowed by a bigger session: gone, though it may still sit in the queue. */
        boolean merged;
        private ResultKey at;
        private int outputId = -1;

        Slot(long key, long start, long end) {
            this.key = key;
            this.start = start;
            this.end = end;
        }

        SlotKey window() {
            return new SlotKey(key, start, end);
        }

        /** The dense id of this window's output, looked up once. */
        int outputId(ToIntFunction<ResultKey> ids) {
            if (outputId < 0) {
                outputId = ids.applyAsInt(at());
            }
            return outputId;
        }

        /** The output key of this window, made once. */
        ResultKey at() {
            if (at == null) {
                at = ResultKey.window(key, start, end);
            }
            return at;
        }

        boolean finalAt(long watermark) {
            return end - 1 <= watermark;
        }

        void note(long id, long arrival) {
            lastId = Math.max(lastId, id);
            maxArrival = Math.max(maxArrival, arrival);
        }

        void addLineage(int id) {
            if (lineage == null) {
                lineage = new IntList(2);
            }
            lineage.add(id);
        }
    }

    /** Slots in {@link SlotKey#BY_END} order: a watermark finalises a prefix of them. */
    private static final Comparator<Slot> BY_END = (a, b) -> {
        int c = Long.compare(a.end, b.end);
        if (c != 0) {
            return c;
        }
        c = Long.compare(a.start, b.start);
        return c != 0 ? c : Long.compare(a.key, b.key);
    };

    private final Job job;
    private final WindowAggregate op;
    private final AggregateFunction<Object, Object> f;
    /** Whether the aggregate has a {@link Fold}: a run's partials are then filled in place, as no one else sees them. */
    private final boolean folds;
    private final boolean lastStep;
    private final boolean partial;
    private final LatePolicy latePolicy;
    private final EventTimeContract contract;
    private final StageOutput out;
    /** The dense id of each output key, for records marked visible when read (update mode at the last step). */
    private final ToIntFunction<ResultKey> outputIds;
    private final int stageIndex;
    private final long gap;
    /**
     * Update mode into the result table: every window a run touches goes into the table at that
     * run's commit, so each record read is visible then and needs no lineage through its windows.
     */
    private final boolean markOnRead;

    private final SlotTable slots = new SlotTable();
    /** The slots the run in progress has rows for, in the order it first touched them. */
    private final List<Slot> touched = new ArrayList<>();
    private final LongMap<TreeMap<Long, Slot>> sessions = new LongMap<>();
    /** The sessions the run in progress made, some swallowed again since. */
    private final List<Slot> touchedSessions = new ArrayList<>();
    private final PriorityQueue<Slot> dirty = new PriorityQueue<>(BY_END);
    private final List<SlotKey> retracted = new ArrayList<>();
    private final RowAssigner assigner = new RowAssigner();
    private final FirstEnd firstEnd = new FirstEnd();
    private long watermark = Long.MIN_VALUE;

    WindowAccumulatorStage(Job job, WindowAggregate op, boolean lastStep, boolean partial, LatePolicy latePolicy,
                           EventTimeContract contract, StageOutput out, int stageIndex, ToIntFunction<ResultKey> outputIds) {
        this.job = job;
        this.op = op;
        this.f = op.untypedAggregate();
        this.folds = f.newFold() != null;
        this.lastStep = lastStep;
        this.partial = partial;
        this.latePolicy = latePolicy;
        this.contract = contract;
        this.out = out;
        this.outputIds = outputIds;
        this.stageIndex = stageIndex;
        this.gap = op.window() instanceof SessionWindows s ? s.gap() : 0;
        this.markOnRead = partial && lastStep && gap == 0;
    }

    @Override
    public void acceptSource(int record, Row row, long arrival, RunDelta delta) {
        delta.judge(record, watermark);
        if (isLate(row.eventTime())) {
            if (latePolicy == LatePolicy.DROP) {
                delta.late.add(record);
                return;
            }
            delta.corrections++;
        }
        if (gap > 0) {
            delta.work[stageIndex].add(row.key(), 1);
            addToSessions(record, row, arrival);
            return;
        }
        assigner.assign(record, row, arrival, delta);
    }

    /**
     * Folds one row into the run's partial accumulator of each of its windows; one instance,
     * refilled per row, so assigning windows allocates nothing.
     */
    private final class RowAssigner implements WindowConsumer {
        private int record;
        private Row row;
        private long arrival;
        private boolean first;
        private RunDelta delta;

        void assign(int record, Row row, long arrival, RunDelta delta) {
            this.record = record;
            this.row = row;
            this.arrival = arrival;
            this.first = true;
            this.delta = delta;
            op.window().assign(row.eventTime(), this);
            this.row = null;
            this.delta = null;
        }

        @Override
        public void accept(long start, long end) {
            Slot p = slots.getOrAdd(row.key(), start, end);
            if (!p.inRun) {
                p.inRun = true;
                p.runAcc = folds ? f.newFold() : f.create();
                touched.add(p);
            }
            if (folds) {
                ((Fold<?>) p.runAcc).add(row);
            } else {
                p.runAcc = f.add(p.runAcc, row);
            }
            p.note(row.id(), arrival);
            p.runRecords++;
            // Only the window that ends first carries the record's lineage (it is emitted first).
            if (first) {
                if (markOnRead) {
                    delta.markVia(record, p.outputId(outputIds));
                } else {
                    p.addLineage(record);
                }
                first = false;
            }
        }
    }

    /** The end of the first window containing an event time; one instance, so no allocation per row. */
    private static final class FirstEnd implements WindowConsumer {
        private long end;

        long of(WindowAssigner windows, long eventTime) {
            end = Long.MAX_VALUE;
            windows.assign(eventTime, this);
            return end;
        }

        @Override
        public void accept(long start, long windowEnd) {
            end = Math.min(end, windowEnd);
        }
    }

    /** Late by the event-time contract, against the watermark of the last committed run. */
    private boolean isLate(long eventTime) {
        if (watermark == Long.MIN_VALUE) {
            return false;
        }
        if (gap > 0) {
            return contract.rowIsLate(eventTime, watermark);
        }
        return contract.windowRowIsLate(firstEnd.of(op.window(), eventTime), lastStep, watermark);
    }

    private long saturatedEnd(long t) {
        return t > Long.MAX_VALUE - gap ? Long.MAX_VALUE : t + gap;
    }

    private void addToSessions(int record, Row row, long arrival) {
        long t = row.eventTime();
        TreeMap<Long, Slot> keySessions = sessions.computeIfAbsent(row.key(), k -> new TreeMap<>());
        long start = t;
        long end = saturatedEnd(t);
        Object acc = f.add(f.create(), row);
        long lastId = row.id();
        long maxArrival = arrival;
        IntList lineage = null;
        // Sessions of a key never overlap, so those meeting [t, t + gap) are the last ones starting before its end.
        long before = end;
        while (true) {
            Map.Entry<Long, Slot> entry = keySessions.lowerEntry(before);
            if (entry == null || entry.getValue().end <= t) {
                break;
            }
            Slot s = entry.getValue();
            start = Math.min(start, s.start);
            end = Math.max(end, s.end);
            acc = f.merge(s.acc, acc);
            lastId = Math.max(lastId, s.lastId);
            maxArrival = Math.max(maxArrival, s.maxArrival);
            // The first swallowed session's lineage is taken over, not copied: a session that grows
            // row by row would otherwise copy its whole lineage for every row.
            if (lineage == null) {
                lineage = s.lineage;
            } else {
                lineage.addAll(s.lineage);
            }
            if (s.emitted) {
                retracted.add(s.window());
            }
            // Left in the queue if it is there; emitting skips it.
            s.merged = true;
            keySessions.remove(entry.getKey());
        }
        if (lineage == null) {
            lineage = new IntList(2);
        }
        lineage.add(record);
        Slot merged = new Slot(row.key(), start, end);
        merged.acc = acc;
        merged.kept = true;
        merged.lastId = lastId;
        merged.maxArrival = maxArrival;
        merged.lineage = lineage;
        keySessions.put(start, merged);
        // Queued at the step, if no later row of the run swallows it first.
        touchedSessions.add(merged);
    }

    @Override
    public void step(long newWatermark, RunDelta delta) {
        // Update mode emits every window the run changed, so one sort does; append mode keeps the
        // windows the watermark has not passed in a queue from run to run.
        List<Slot> changed = partial ? new ArrayList<>(touched.size() + touchedSessions.size()) : null;
        for (Slot s : touched) {
            // A slot new in this run keeps its partial as is; an old one merges it in, as a batch
            // system merges a partition's partial aggregate into the stored one.
            Object runAcc = folds ? ((Fold<?>) s.runAcc).accumulator() : s.runAcc;
            s.acc = s.kept ? f.merge(s.acc, runAcc) : runAcc;
            s.kept = true;
            s.runAcc = null;
            s.inRun = false;
            delta.work[stageIndex].add(s.key, s.runRecords);
            s.runRecords = 0;
            if (!s.dirty) {
                markDirty(s, changed);
            }
        }
        touched.clear();
        for (Slot s : touchedSessions) {
            if (!s.merged) {
                markDirty(s, changed);
            }
        }
        touchedSessions.clear();
        // Only sessions retract, and only a retracted window emitted again in this run is not deleted.
        Set<SlotKey> emittedNow = retracted.isEmpty() ? null : new HashSet<>();
        if (partial) {
            changed.sort(BY_END);
            for (Slot s : changed) {
                s.dirty = false;
                emit(s, delta);
                if (emittedNow != null) {
                    emittedNow.add(s.window());
                }
            }
        }
        while (!dirty.isEmpty()) {
            Slot s = dirty.peek();
            if (!s.merged && !s.finalAt(newWatermark)) {
                break;
            }
            dirty.poll();
            s.dirty = false;
            if (s.merged) {
                continue;
            }
            emit(s, delta);
            if (emittedNow != null) {
                emittedNow.add(s.window());
            }
        }
        for (SlotKey gone : retracted) {
            if (!emittedNow.contains(gone)) {
                out.put(gone.at(), null, Long.MIN_VALUE, null, delta);
            }
        }
        retracted.clear();
        watermark = newWatermark;
    }

    private void markDirty(Slot s, List<Slot> changed) {
        s.dirty = true;
        if (changed != null) {
            changed.add(s);
        } else {
            dirty.add(s);
        }
    }

    private void emit(Slot s, RunDelta delta) {
        Object value = f.result(s.acc);
        if (value == null) {
            throw new IllegalStateException("job " + job.name() + ": " + op + " gave no result (null) for key "
                    + s.key + " in [" + s.start + ", " + s.end + ")");
        }
        Object result = value;
        if (!lastStep) {
            TimeWindow window = new TimeWindow(s.start, s.end);
            Row row = op.toRow().toRow(new WindowResult(s.key, window, s.lastId, value));
            if (row == null || row.eventTime() < window.maxTimestamp()) {
                throw new IllegalStateException("job " + job.name() + ": the row mapper of " + op + " made "
                        + row + " for window " + window + "; its event time must be at least the window's last instant "
                        + window.maxTimestamp() + " (start from WindowResult.row())");
            }
            result = row;
            delta.work[stageIndex].out++;
        }
        IntList lineage = s.lineage;
        s.lineage = null;
        s.emitted = true;
        out.put(s.at(), result, s.maxArrival, lineage, delta);
    }
}
