package org.flowlab.sim.batch;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
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
 * A window aggregate after another stateful step (Nexmark Q5's top auctions over per-auction
 * counts). Its input rows are the earlier step's results, which later runs may change or delete,
 * and aggregates cannot take a row back out; so it keeps its whole input, by key, and recomputes
 * every window a change touches from the rows now in it — what a batch system does when it
 * recomputes the affected partitions of a later stage.
 */
final class WindowRecomputeStage implements ChangeStage {

    private final Job job;
    private final WindowAggregate op;
    private final AggregateFunction<Object, Object> f;
    private final boolean lastStep;
    private final boolean partial;
    private final StageOutput out;
    private final int stageIndex;
    private final long gap;
    private final boolean global;

    private final Map<ResultKey, StageRow> byId = new HashMap<>();
    private final Map<Long, TreeSet<StageRow>> rowsByKey = new HashMap<>();
    private final TreeSet<SlotKey> dirtySlots = new TreeSet<>(SlotKey.BY_END);
    private final Set<SlotKey> emitted = new HashSet<>();
    private final TreeSet<Long> dirtyKeys = new TreeSet<>();
    private final Map<Long, TreeMap<Long, SlotKey>> emittedSessions = new HashMap<>();

    WindowRecomputeStage(Job job, WindowAggregate op, boolean lastStep, boolean partial, StageOutput out, int stageIndex) {
        this.job = job;
        this.op = op;
        this.f = op.untypedAggregate();
        this.lastStep = lastStep;
        this.partial = partial;
        this.out = out;
        this.stageIndex = stageIndex;
        this.gap = op.window() instanceof SessionWindows s ? s.gap() : 0;
        this.global = op.window().windowsOf(0).get(0).equals(TimeWindow.ALL_TIME);
    }

    @Override
    public void accept(ResultKey id, Row row, long maxArrival, IntList lineage, RunDelta delta) {
        StageRow old = byId.remove(id);
        if (old != null) {
            TreeSet<StageRow> keyRows = rowsByKey.get(old.row.key());
            keyRows.remove(old);
            touch(old.row, delta);
            if (old.lineage != null) {
                // The old row is gone; what it still carried is reflected by whatever replaces it.
                lineage = merge(lineage, old.lineage);
            }
        }
        if (row == null) {
            delta.mark(lineage);
            return;
        }
        StageRow e = new StageRow(id, row, maxArrival, lineage);
        byId.put(id, e);
        rowsByKey.computeIfAbsent(row.key(), k -> new TreeSet<>(StageRow.ORDER)).add(e);
        touch(row, delta);
    }

    private static IntList merge(IntList a, IntList b) {
        if (a == null) {
            return b;
        }
        a.addAll(b);
        return a;
    }

    private void touch(Row row, RunDelta delta) {
        delta.work[stageIndex].add(row.key(), 1);
        if (gap > 0) {
            dirtyKeys.add(row.key());
        } else {
            op.window().assign(row.eventTime(), (start, end) -> dirtySlots.add(new SlotKey(row.key(), start, end)));
        }
    }

    @Override
    public void step(long watermark, RunDelta delta) {
        if (gap > 0) {
            stepSessions(watermark, delta);
            return;
        }
        while (!dirtySlots.isEmpty()) {
            SlotKey w = dirtySlots.first();
            if (!partial && !w.finalAt(watermark)) {
                break;
            }
            dirtySlots.pollFirst();
            recompute(w, delta);
        }
    }

    private NavigableSet<StageRow> rowsIn(long key, long start, long end) {
        TreeSet<StageRow> keyRows = rowsByKey.get(key);
        if (keyRows == null) {
            return new TreeSet<>(StageRow.ORDER);
        }
        if (global) {
            return keyRows;
        }
        return keyRows.subSet(probe(start), true, probe(end), false);
    }

    /** An entry sorting before every real row at {@code eventTime} and after every earlier one. */
    private static StageRow probe(long eventTime) {
        return new StageRow(null, StageRow.probeRow(eventTime), 0, null);
    }

    private void recompute(SlotKey w, RunDelta delta) {
        NavigableSet<StageRow> rows = rowsIn(w.key(), w.start(), w.end());
        if (rows.isEmpty()) {
            if (emitted.remove(w)) {
                out.put(w.at(), null, Long.MIN_VALUE, null, delta);
            }
            return;
        }
        emitFrom(w, rows, delta);
        emitted.add(w);
    }

    private void emitFrom(SlotKey w, Iterable<StageRow> rows, RunDelta delta) {
        Object acc = f.create();
        long lastId = Long.MIN_VALUE;
        long maxArrival = Long.MIN_VALUE;
        IntList lineage = null;
        long n = 0;
        for (StageRow e : rows) {
            acc = f.add(acc, e.row);
            lastId = Math.max(lastId, e.row.id());
            maxArrival = Math.max(maxArrival, e.maxArrival);
            if (e.lineage != null) {
                lineage = merge(lineage, e.lineage);
                e.lineage = null;
            }
            n++;
        }
        delta.work[stageIndex].add(w.key(), n);
        Object value = f.result(acc);
        if (value == null) {
            throw new IllegalStateException("job " + job.name() + ": " + op + " gave no result (null) for key "
                    + w.key() + " in [" + w.start() + ", " + w.end() + ")");
        }
        Object result = value;
        if (!lastStep) {
            TimeWindow window = new TimeWindow(w.start(), w.end());
            Row row = op.toRow().toRow(new WindowResult(w.key(), window, lastId, value));
            if (row == null || row.eventTime() < window.maxTimestamp()) {
                throw new IllegalStateException("job " + job.name() + ": the row mapper of " + op + " made "
                        + row + " for window " + window + "; its event time must be at least the window's last instant "
                        + window.maxTimestamp() + " (start from WindowResult.row())");
            }
            result = row;
            delta.work[stageIndex].out++;
        }
        out.put(w.at(), result, maxArrival, lineage, delta);
    }

    /** Cuts each dirty key's rows into sessions as the oracle does and emits those that changed or ended. */
    private void stepSessions(long watermark, RunDelta delta) {
        List<Long> keys = new ArrayList<>(dirtyKeys);
        dirtyKeys.clear();
        for (long key : keys) {
            TreeSet<StageRow> keyRows = rowsByKey.getOrDefault(key, new TreeSet<>(StageRow.ORDER));
            TreeMap<Long, SlotKey> before = emittedSessions.getOrDefault(key, new TreeMap<>());
            TreeMap<Long, SlotKey> now = new TreeMap<>();
            boolean open = false;
            List<StageRow> session = new ArrayList<>();
            StageRow previous = null;
            for (StageRow e : keyRows) {
                if (previous != null && Long.compareUnsigned(e.row.eventTime() - previous.row.eventTime(), gap) >= 0) {
                    open |= emitSession(key, session, watermark, now, delta);
                    session = new ArrayList<>();
                }
                session.add(e);
                previous = e;
            }
            if (!session.isEmpty()) {
                open |= emitSession(key, session, watermark, now, delta);
            }
            for (SlotKey old : before.values()) {
                if (!now.containsKey(old.start()) || !now.get(old.start()).equals(old)) {
                    out.put(old.at(), null, Long.MIN_VALUE, null, delta);
                }
            }
            if (now.isEmpty()) {
                emittedSessions.remove(key);
            } else {
                emittedSessions.put(key, now);
            }
            if (open) {
                dirtyKeys.add(key);
            }
        }
    }

    /** Emits one session if the watermark allows; says whether it stays open. */
    private boolean emitSession(long key, List<StageRow> rows, long watermark, TreeMap<Long, SlotKey> now, RunDelta delta) {
        long start = rows.get(0).row.eventTime();
        long lastTime = rows.get(rows.size() - 1).row.eventTime();
        long end = lastTime > Long.MAX_VALUE - gap ? Long.MAX_VALUE : lastTime + gap;
        SlotKey w = new SlotKey(key, start, end);
        if (!partial && !w.finalAt(watermark)) {
            return true;
        }
        emitFrom(w, rows, delta);
        now.put(start, w);
        return false;
    }
}
