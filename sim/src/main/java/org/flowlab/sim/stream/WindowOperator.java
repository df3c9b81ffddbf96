package org.flowlab.sim.stream;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.flowlab.sim.job.ResultKey;
import org.flowlab.sim.job.Row;
import org.flowlab.sim.job.TimeWindow;
import org.flowlab.sim.job.WindowAggregate;
import org.flowlab.sim.job.WindowAssigner;
import org.flowlab.sim.job.WindowConsumer;
import org.flowlab.sim.job.WindowResult;
import org.flowlab.sim.job.aggregate.AggregateFunction;

/**
 * A window aggregate over tumbling, sliding or global windows in one task: an accumulator per
 * (key, window), folded with the aggregate's {@code add} as rows come, fired in (end, key) order
 * when the watermark reaches a window's last instant.
 *
 * <p>Late rows. A row is late when the earliest of its windows ends at or before its late bound
 * (see the package documentation) less the allowed lateness; it is then dropped from all its
 * windows (Flink would still add it to those not yet fired — whole rows keep the difference to the
 * oracle exactly the counted late records). Allowed
 * lateness applies only when the window aggregate is the job's last step: a fired window stays
 * until {@code end − 1 + lateness}, and a late row within it fires the window again with the
 * updated value (the sink upserts; an unchanged value is not sent again). A window whose result
 * went on to further steps cannot be corrected without retractions, so there lateness is 0.
 */
final class WindowOperator implements StatefulOperator {

    /** One (key, window): the accumulator, the largest row id, the latest arrival, the lineage. */
    static final class Pane {
        final long key;
        final long start;
        final long end;
        Object acc;
        long maxId = Long.MIN_VALUE;
        long maxArrival = -1;
        Lineage lineage;
        Object lastValue;

        Pane(long key, long start, long end, Object acc, Lineage lineage) {
            this.key = key;
            this.start = start;
            this.end = end;
            this.acc = acc;
            this.lineage = lineage;
        }
    }

    /** The panes of all keys for one window end. */
    private static final class Bucket {
        final long end;
        final LongMap<Pane> panes = new LongMap<>();
        boolean fired;

        Bucket(long end) {
            this.end = end;
        }
    }

    /** A pane as a checkpoint keeps it. */
    record PaneState(long key, long start, long end, Object acc, long maxId, long maxArrival, Lineage.Snapshot lineage,
                     Object lastValue) {
    }

    /** What a checkpoint keeps: every pane, and which window ends have fired. */
    record State(List<PaneState> panes, List<Long> firedEnds) {
    }

    /** Collects the windows a row belongs to without allocating. */
    private static final class Windows implements WindowConsumer {
        long[] starts = new long[8];
        long[] ends = new long[8];
        int count;

        @Override
        public void accept(long start, long end) {
            if (count == starts.length) {
                starts = java.util.Arrays.copyOf(starts, count * 2);
                ends = java.util.Arrays.copyOf(ends, count * 2);
            }
            starts[count] = start;
            ends[count] = end;
            count++;
        }
    }

    private final WindowAggregate step;
    private final AggregateFunction<Object, Object> f;
    private final WindowAssigner assigner;
    private final int opIndex;
    private final boolean last;
    private final long lateness;
    private final String jobName;
    private final LongMap<Bucket> byEndLookup = new LongMap<>();
    private final TreeMap<Long, Bucket> byEnd = new TreeMap<>();
    private final Windows windows = new Windows();
    private int paneCount;

    WindowOperator(WindowAggregate step, int opIndex, boolean last, long allowedLateness, String jobName) {
        this.step = step;
        this.f = step.untypedAggregate();
        this.assigner = step.window();
        this.opIndex = opIndex;
        this.last = last;
        this.lateness = last ? allowedLateness : 0;
        this.jobName = jobName;
    }

    @Override
    public void add(StreamRecord record, long watermark, KeyedTask task) {
        Row row = record.row;
        windows.count = 0;
        assigner.assign(row.eventTime(), windows);
        if (windows.count == 0) {
            task.commit(record);
            return;
        }
        // Ends grow with starts (one size), so the first window is the first to fire.
        if (StatefulOperator.saturatedAdd(windows.ends[0] - 1, lateness) <= record.lateAfter(watermark)) {
            task.late(record);
            return;
        }
        task.accepted(record);
        for (int j = 0; j < windows.count; j++) {
            task.cost += task.costs.stateAccessNanos();
            long end = windows.ends[j];
            Bucket bucket = byEndLookup.get(end);
            if (bucket == null) {
                bucket = new Bucket(end);
                byEndLookup.put(end, bucket);
                byEnd.put(end, bucket);
            }
            Pane pane = bucket.panes.get(row.key());
            if (pane == null) {
                pane = new Pane(row.key(), windows.starts[j], end, f.create(), new Lineage());
                bucket.panes.put(row.key(), pane);
                paneCount++;
            }
            pane.acc = f.add(pane.acc, row);
            pane.maxId = Math.max(pane.maxId, row.id());
            pane.maxArrival = Math.max(pane.maxArrival, record.maxArrival);
            pane.lineage.add(record);
            if (bucket.fired) {
                // Late but within the allowed lateness: fire again if the value changed.
                Object value = result(pane);
                if (value.equals(pane.lastValue)) {
                    task.commit(record);
                } else {
                    emit(pane, value, task);
                }
            }
        }
    }

    @Override
    public void advance(long watermark, KeyedTask task) {
        Iterator<Map.Entry<Long, Bucket>> it = byEnd.entrySet().iterator();
        while (it.hasNext()) {
            Bucket bucket = it.next().getValue();
            if (bucket.end - 1 > watermark) {
                break;
            }
            if (!bucket.fired) {
                bucket.fired = true;
                for (long key : bucket.panes.keys()) {
                    Pane pane = bucket.panes.get(key);
                    emit(pane, result(pane), task);
                }
            }
            if (StatefulOperator.saturatedAdd(bucket.end - 1, lateness) <= watermark) {
                it.remove();
                byEndLookup.remove(bucket.end);
                paneCount -= bucket.panes.size();
            }
        }
    }

    private Object result(Pane pane) {
        Object value = f.result(pane.acc);
        if (value == null) {
            throw new IllegalStateException("job " + jobName + ": " + step + " gave no result (null) for key "
                    + pane.key + " in [" + pane.start + ", " + pane.end + ")");
        }
        return value;
    }

    private void emit(Pane pane, Object value, KeyedTask task) {
        pane.lastValue = value;
        task.cost += task.costs.windowResultNanos();
        ResultKey at = ResultKey.window(pane.key, pane.start, pane.end);
        if (last) {
            task.output(new SinkOutput(at, value, -1, pane.lineage, pane.maxArrival));
            return;
        }
        TimeWindow window = new TimeWindow(pane.start, pane.end);
        Row row = step.toRow().toRow(new WindowResult(pane.key, window, pane.maxId, value));
        if (row == null || row.eventTime() < window.maxTimestamp()) {
            throw new IllegalStateException("job " + jobName + ": the row mapper of " + step + " made "
                    + row + " for window " + window + "; its event time must be at least the window's last instant "
                    + window.maxTimestamp() + " (start from WindowResult.row())");
        }
        task.push(new StreamRecord(row, at, -1, pane.lineage, pane.maxArrival), opIndex + 1, false);
    }

    @Override
    public Object snapshot() {
        List<PaneState> panes = new ArrayList<>(paneCount);
        List<Long> fired = new ArrayList<>();
        for (Bucket bucket : byEnd.values()) {
            if (bucket.fired) {
                fired.add(bucket.end);
            }
            // Restoring rebuilds the maps, so the order panes are kept in does not matter.
            bucket.panes.forEachValue(p -> panes.add(
                    new PaneState(p.key, p.start, p.end, p.acc, p.maxId, p.maxArrival, p.lineage.snapshot(), p.lastValue)));
        }
        return new State(panes, fired);
    }

    @Override
    public int entries() {
        return paneCount;
    }

    @Override
    public void restore(Object snapshot) {
        State state = (State) snapshot;
        byEnd.clear();
        byEndLookup.clear();
        paneCount = 0;
        for (PaneState ps : state.panes()) {
            Bucket bucket = byEndLookup.get(ps.end());
            if (bucket == null) {
                bucket = new Bucket(ps.end());
                byEndLookup.put(ps.end(), bucket);
                byEnd.put(ps.end(), bucket);
            }
            Pane p = new Pane(ps.key(), ps.start(), ps.end(), ps.acc(), ps.lineage().restore());
            p.maxId = ps.maxId();
            p.maxArrival = ps.maxArrival();
            p.lastValue = ps.lastValue();
            bucket.panes.put(p.key, p);
            paneCount++;
        }
        for (long end : state.firedEnds()) {
            Bucket bucket = byEndLookup.get(end);
            if (bucket != null) {
                bucket.fired = true;
            }
        }
    }
}
