package org.flowlab.sim.batch;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.flowlab.sim.job.Job;
import org.flowlab.sim.job.ResultKey;
import org.flowlab.sim.job.Row;
import org.flowlab.sim.job.SessionWindows;
import org.flowlab.sim.job.TimeWindow;
import org.flowlab.sim.job.WindowAggregate;
import org.flowlab.sim.job.WindowResult;
import org.flowlab.sim.job.aggregate.AggregateFunction;

/**
 * The job's first window aggregate, whose input only grows: it keeps one accumulator per (key,
 * window) for good. Each run folds its rows into partial accumulators with {@code add}, merges
 * them into the kept ones with {@code merge}, and upserts the windows it changed — all of them in
 * update mode (batch), or those the watermark has passed in append mode (micro-batch). Sessions
 * merge as rows bridge them; a session swallowed by a bigger one has its output deleted.
 */
final class WindowAccumulatorStage implements SourceStage {

    /** The accumulator of one (key, window), or of one session. */
    private static final class Slot {
        final SlotKey window;
        Object acc;
        long lastId = Long.MIN_VALUE;
        long maxArrival = Long.MIN_VALUE;
        IntList lineage;
        boolean emitted;

        Slot(SlotKey window, Object acc) {
            this.window = window;
            this.acc = acc;
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

        void addLineage(IntList ids) {
            if (ids == null || ids.isEmpty()) {
                return;
            }
            if (lineage == null) {
                lineage = new IntList(ids.size());
            }
            lineage.addAll(ids);
        }
    }

    private final Job job;
    private final WindowAggregate op;
    private final AggregateFunction<Object, Object> f;
    private final boolean lastStep;
    private final boolean partial;
    private final LatePolicy latePolicy;
    private final StageOutput out;
    private final int stageIndex;
    private final long gap;

    private final Map<SlotKey, Slot> slots = new HashMap<>();
    private Map<SlotKey, Slot> runPartials = new HashMap<>();
    private final Map<Long, TreeMap<Long, Slot>> sessions = new HashMap<>();
    private final TreeSet<SlotKey> dirty = new TreeSet<>(SlotKey.BY_END);
    private final Map<SlotKey, Slot> dirtySlots = new HashMap<>();
    private final List<SlotKey> retracted = new ArrayList<>();
    private long watermark = Long.MIN_VALUE;

    WindowAccumulatorStage(Job job, WindowAggregate op, boolean lastStep, boolean partial, LatePolicy latePolicy,
                           StageOutput out, int stageIndex) {
        this.job = job;
        this.op = op;
        this.f = op.untypedAggregate();
        this.lastStep = lastStep;
        this.partial = partial;
        this.latePolicy = latePolicy;
        this.out = out;
        this.stageIndex = stageIndex;
        this.gap = op.window() instanceof SessionWindows s ? s.gap() : 0;
    }

    @Override
    public void acceptSource(int record, Row row, long arrival, RunDelta delta) {
        if (isLate(row.eventTime())) {
            if (latePolicy == LatePolicy.DROP) {
                delta.late.add(record);
                return;
            }
            delta.corrections++;
        }
        delta.work[stageIndex].add(row.key(), 1);
        if (gap > 0) {
            addToSessions(record, row, arrival);
            return;
        }
        boolean[] first = {true};
        op.window().assign(row.eventTime(), (start, end) -> {
            SlotKey w = new SlotKey(row.key(), start, end);
            Slot p = runPartials.get(w);
            if (p == null) {
                p = new Slot(w, f.create());
                runPartials.put(w, p);
            }
            p.acc = f.add(p.acc, row);
            p.note(row.id(), arrival);
            // Only the window that ends first carries the record's lineage: it is emitted first.
            if (first[0]) {
                p.addLineage(record);
                first[0] = false;
            }
        });
    }

    /** Late: every window of the row has been passed by a committed run's watermark. */
    private boolean isLate(long eventTime) {
        if (watermark == Long.MIN_VALUE) {
            return false;
        }
        if (gap > 0) {
            return saturatedEnd(eventTime) - 1 <= watermark;
        }
        long[] lastEnd = {Long.MIN_VALUE};
        op.window().assign(eventTime, (start, end) -> lastEnd[0] = Math.max(lastEnd[0], end));
        return lastEnd[0] - 1 <= watermark;
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
        IntList lineage = new IntList(2);
        lineage.add(record);
        // Sessions of a key never overlap, so those meeting [t, t + gap) are the last ones starting before its end.
        NavigableMap<Long, Slot> before = keySessions.headMap(end, false).descendingMap();
        Iterator<Slot> it = before.values().iterator();
        while (it.hasNext()) {
            Slot s = it.next();
            if (s.window.end() <= t) {
                break;
            }
            start = Math.min(start, s.window.start());
            end = Math.max(end, s.window.end());
            acc = f.merge(s.acc, acc);
            lastId = Math.max(lastId, s.lastId);
            maxArrival = Math.max(maxArrival, s.maxArrival);
            if (s.lineage != null) {
                lineage.addAll(s.lineage);
            }
            if (s.emitted) {
                retracted.add(s.window);
            }
            dirty.remove(s.window);
            dirtySlots.remove(s.window);
            it.remove();
        }
        Slot merged = new Slot(new SlotKey(row.key(), start, end), acc);
        merged.lastId = lastId;
        merged.maxArrival = maxArrival;
        merged.lineage = lineage;
        keySessions.put(start, merged);
        dirty.add(merged.window);
        dirtySlots.put(merged.window, merged);
    }

    @Override
    public void step(long newWatermark, RunDelta delta) {
        for (Slot p : runPartials.values()) {
            Slot s = slots.get(p.window);
            if (s == null) {
                slots.put(p.window, p);
                s = p;
            } else {
                s.acc = f.merge(s.acc, p.acc);
                s.lastId = Math.max(s.lastId, p.lastId);
                s.maxArrival = Math.max(s.maxArrival, p.maxArrival);
                s.addLineage(p.lineage);
            }
            if (dirty.add(s.window)) {
                dirtySlots.put(s.window, s);
            }
        }
        runPartials = new HashMap<>();
        Map<ResultKey, Boolean> emittedNow = new HashMap<>();
        while (!dirty.isEmpty()) {
            SlotKey w = dirty.first();
            if (!partial && !w.finalAt(newWatermark)) {
                break;
            }
            dirty.pollFirst();
            emit(dirtySlots.remove(w), delta);
            emittedNow.put(w.at(), Boolean.TRUE);
        }
        for (SlotKey gone : retracted) {
            if (!emittedNow.containsKey(gone.at())) {
                out.put(gone.at(), null, Long.MIN_VALUE, null, delta);
            }
        }
        retracted.clear();
        watermark = newWatermark;
    }

    private void emit(Slot s, RunDelta delta) {
        Object value = f.result(s.acc);
        SlotKey w = s.window;
        if (value == null) {
            throw new IllegalStateException("job " + job.name() + ": " + op + " gave no result (null) for key "
                    + w.key() + " in [" + w.start() + ", " + w.end() + ")");
        }
        Object result = value;
        if (!lastStep) {
            TimeWindow window = new TimeWindow(w.start(), w.end());
            Row row = op.toRow().toRow(new WindowResult(w.key(), window, s.lastId, value));
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
        out.put(w.at(), result, s.maxArrival, lineage, delta);
    }
}
