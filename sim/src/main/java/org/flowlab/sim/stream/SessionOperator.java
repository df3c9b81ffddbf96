package org.flowlab.sim.stream;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import org.flowlab.sim.collections.LongMap;
import org.flowlab.sim.engine.EventTimeContract;
import org.flowlab.sim.job.ResultKey;
import org.flowlab.sim.job.Row;
import org.flowlab.sim.job.TimeWindow;
import org.flowlab.sim.job.WindowAggregate;
import org.flowlab.sim.job.WindowResult;
import org.flowlab.sim.job.aggregate.AggregateFunction;

/**
 * A window aggregate over session windows in one task. Each row opens the proto-session
 * {@code [t, t + gap)}; sessions of a key that overlap it merge into one, their accumulators
 * combined with the aggregate's {@code merge}. A session fires, in (end, start, key) order, when
 * the watermark reaches its last instant.
 *
 * <p>A row at or before its late bound (see the package documentation), which is never below the
 * task's watermark, is late: it could extend or join sessions that may already have fired, and a
 * fired session cannot be taken back, so allowed lateness does not apply to sessions. A row after
 * the watermark never touches a fired session.
 */
final class SessionOperator implements StatefulOperator {

    /** One session of a key: its bounds, the accumulator, the largest row id, the latest arrival, the lineage. */
    static final class Session {
        final long key;
        final long start;
        final long end;
        Object acc;
        long maxId = Long.MIN_VALUE;
        long maxArrival = -1;
        final Lineage lineage;

        Session(long key, long start, long end, Object acc, Lineage lineage) {
            this.key = key;
            this.start = start;
            this.end = end;
            this.acc = acc;
            this.lineage = lineage;
        }
    }

    /** A session as a checkpoint keeps it. */
    record SessionState(long key, long start, long end, Object acc, long maxId, long maxArrival, Lineage.Snapshot lineage) {
    }

    private static final Comparator<Session> FIRING_ORDER = Comparator
            .comparingLong((Session p) -> p.end)
            .thenComparingLong(p -> p.start)
            .thenComparingLong(p -> p.key);

    private final WindowAggregate step;
    private final AggregateFunction<Object, Object> f;
    private final long gap;
    private final int opIndex;
    private final boolean last;
    private final String jobName;
    private final EventTimeContract contract;
    private final LongMap<TreeMap<Long, Session>> byKey = new LongMap<>();
    private final TreeSet<Session> byEnd = new TreeSet<>(FIRING_ORDER);

    SessionOperator(WindowAggregate step, long gap, int opIndex, boolean last, EventTimeContract contract, String jobName) {
        this.step = step;
        this.f = step.untypedAggregate();
        this.gap = gap;
        this.opIndex = opIndex;
        this.last = last;
        this.jobName = jobName;
        this.contract = contract;
    }

    @Override
    public void add(StreamRecord record, long watermark, KeyedTask task) {
        Row row = record.row;
        long t = row.eventTime();
        long against = record.lateAfter(watermark);
        if (contract.rowIsLate(t, against)) {
            task.late(record, against);
            return;
        }
        task.accepted(record, against);
        task.cost += task.costs.stateAccessNanos();
        long end = StatefulOperator.saturatedAdd(t, gap);
        TreeMap<Long, Session> sessions = byKey.get(row.key());
        if (sessions == null) {
            sessions = new TreeMap<>();
            byKey.put(row.key(), sessions);
        }
        // Sessions of a key are disjoint, so those overlapping [t, end) are the last ones starting before end.
        List<Session> touching = new ArrayList<>(2);
        for (Session p : sessions.headMap(end, false).descendingMap().values()) {
            if (p.end <= t) {
                break;
            }
            touching.add(p);
        }
        Session merged;
        if (touching.isEmpty()) {
            merged = new Session(row.key(), t, end, f.create(), new Lineage());
        } else {
            long start = t;
            long mergedEnd = end;
            Object acc = f.create();
            Lineage lineage = null;
            long maxId = Long.MIN_VALUE;
            long maxArrival = -1;
            for (Session p : touching) {
                start = Math.min(start, p.start);
                mergedEnd = Math.max(mergedEnd, p.end);
                acc = f.merge(acc, p.acc);
                if (lineage == null) {
                    // The first session's lineage goes on growing (a checkpoint keeps a length, not a copy), so a
                    // session extended row by row is not copied each time.
                    lineage = p.lineage;
                } else {
                    lineage.addAll(p.lineage);
                }
                maxId = Math.max(maxId, p.maxId);
                maxArrival = Math.max(maxArrival, p.maxArrival);
                sessions.remove(p.start);
                byEnd.remove(p);
                task.cost += task.costs.stateAccessNanos();
            }
            merged = new Session(row.key(), start, mergedEnd, acc, lineage);
            merged.maxId = maxId;
            merged.maxArrival = maxArrival;
        }
        merged.acc = f.add(merged.acc, row);
        merged.maxId = Math.max(merged.maxId, row.id());
        merged.maxArrival = Math.max(merged.maxArrival, record.maxArrival);
        merged.lineage.add(record);
        sessions.put(merged.start, merged);
        byEnd.add(merged);
    }

    @Override
    public void advance(long watermark, KeyedTask task) {
        while (!byEnd.isEmpty() && byEnd.first().end - 1 <= watermark) {
            Session p = byEnd.pollFirst();
            TreeMap<Long, Session> sessions = byKey.get(p.key);
            sessions.remove(p.start);
            if (sessions.isEmpty()) {
                byKey.remove(p.key);
            }
            fire(p, task);
        }
    }

    private void fire(Session p, KeyedTask task) {
        Object value = f.result(p.acc);
        if (value == null) {
            throw new IllegalStateException("job " + jobName + ": " + step + " gave no result (null) for key "
                    + p.key + " in [" + p.start + ", " + p.end + ")");
        }
        task.cost += task.costs.windowResultNanos();
        ResultKey at = ResultKey.window(p.key, p.start, p.end);
        if (last) {
            task.output(new SinkOutput(at, value, -1, p.lineage, p.maxArrival));
            return;
        }
        TimeWindow window = new TimeWindow(p.start, p.end);
        Row row = step.toRow().toRow(new WindowResult(p.key, window, p.maxId, value));
        if (row == null || row.eventTime() < window.maxTimestamp()) {
            throw new IllegalStateException("job " + jobName + ": the row mapper of " + step + " made "
                    + row + " for window " + window + "; its event time must be at least the window's last instant "
                    + window.maxTimestamp() + " (start from WindowResult.row())");
        }
        task.push(new StreamRecord(row, at, -1, p.lineage, p.maxArrival), opIndex + 1, false);
    }

    @Override
    public Object snapshot() {
        List<SessionState> panes = new ArrayList<>(byEnd.size());
        for (Session p : byEnd) {
            panes.add(new SessionState(p.key, p.start, p.end, p.acc, p.maxId, p.maxArrival,
                    p.lineage.snapshot()));
        }
        return panes;
    }

    @Override
    public int entries() {
        return byEnd.size();
    }

    @Override
    @SuppressWarnings("unchecked")
    public void restore(Object snapshot) {
        byKey.clear();
        byEnd.clear();
        for (SessionState ps : (List<SessionState>) snapshot) {
            Session p = new Session(ps.key(), ps.start(), ps.end(), ps.acc(), ps.lineage().restore());
            p.maxId = ps.maxId();
            p.maxArrival = ps.maxArrival();
            TreeMap<Long, Session> sessions = byKey.get(p.key);
            if (sessions == null) {
                sessions = new TreeMap<>();
                byKey.put(p.key, sessions);
            }
            sessions.put(p.start, p);
            byEnd.add(p);
        }
    }
}
