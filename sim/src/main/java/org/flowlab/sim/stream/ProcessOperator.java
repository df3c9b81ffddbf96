package org.flowlab.sim.stream;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeSet;
import org.flowlab.sim.job.KeyedProcess;
import org.flowlab.sim.job.KeyedProcessFunction;
import org.flowlab.sim.job.ProcessContext;
import org.flowlab.sim.job.ResultKey;
import org.flowlab.sim.job.Row;

/**
 * A keyed process function in one task. Rows are buffered per key until the watermark passes their
 * event time (as Flink's CEP does), then each key's rows are processed in {@link Row#ORDER}
 * interleaved with its event-time timers exactly as the oracle does: a timer at t after every row
 * at or before t and before any row after it. A row at or before its late bound (see the package
 * documentation) is late.
 *
 * <p>A row's input records are committed as consumed when it is processed, if this is the job's
 * last stateful step (a detector: its outputs do not reflect every row); otherwise they travel on
 * with the rows it forwards, and are committed here only if it forwards none.
 */
final class ProcessOperator implements StatefulOperator {

    private static final Comparator<StreamRecord> ROW_ORDER = (a, b) -> Row.ORDER.compare(a.row, b.row);
    private static final Comparator<KeyState> DUE_ORDER = Comparator.comparingLong((KeyState k) -> k.due)
            .thenComparingLong(k -> k.key);

    /** One key's state, timers, buffered rows and output numbering. */
    private static final class KeyState {
        final long key;
        Map<String, Object> state;
        final TreeSet<Long> timers = new TreeSet<>();
        final PriorityQueue<StreamRecord> buffer = new PriorityQueue<>(ROW_ORDER);
        boolean emitted;
        long seqTime;
        long seq;
        /** The earliest buffered row's event time or timer, while the key is in the due set. */
        long due = Long.MAX_VALUE;
        boolean queued;
        /** Changed since the last checkpoint. */
        boolean dirty;

        KeyState(long key) {
            this.key = key;
        }

        boolean hasWork() {
            return !timers.isEmpty() || !buffer.isEmpty();
        }

        long nextDue() {
            long d = Long.MAX_VALUE;
            if (!buffer.isEmpty()) {
                d = buffer.peek().row.eventTime();
            }
            if (!timers.isEmpty()) {
                d = Math.min(d, timers.first());
            }
            return d;
        }
    }

    /** A key as a checkpoint keeps it; state values are immutable, so the map is copied shallowly. */
    record KeyStateSnapshot(long key, Map<String, Object> state, long[] timers, StreamRecord[] buffer,
                            boolean emitted, long seqTime, long seq) {
    }

    private final KeyedProcess step;
    private final KeyedProcessFunction function;
    private final int opIndex;
    private final boolean lastStep;
    private final boolean lastStateful;
    private final String jobName;
    private final LongMap<KeyState> keys = new LongMap<>();
    private final TreeSet<KeyState> due = new TreeSet<>(DUE_ORDER);
    private final Context ctx = new Context();
    private final boolean checkpointed;
    /** The keys changed since the last checkpoint (with checkpoints), which the next one keeps. */
    private final List<KeyState> dirty = new ArrayList<>();
    private StateChangelog changelog = new StateChangelog();
    /** Keys, timers and buffered rows, kept up to date for the checkpoint's cost. */
    private int entryCount;

    ProcessOperator(KeyedProcess step, int opIndex, boolean lastStep, boolean lastStateful, String jobName,
                    boolean checkpointed) {
        this.step = step;
        this.function = step.newFunction();
        this.opIndex = opIndex;
        this.lastStep = lastStep;
        this.lastStateful = lastStateful;
        this.jobName = jobName;
        this.checkpointed = checkpointed;
    }

    private void touch(KeyState ks) {
        if (checkpointed && !ks.dirty) {
            ks.dirty = true;
            dirty.add(ks);
        }
    }

    @Override
    public void add(StreamRecord record, long watermark, KeyedTask task) {
        if (record.row.eventTime() <= record.lateAfter(watermark)) {
            task.late(record);
            return;
        }
        task.accepted(record);
        task.cost += task.costs.stateAccessNanos();
        long key = record.row.key();
        KeyState ks = keys.get(key);
        if (ks == null) {
            ks = new KeyState(key);
            keys.put(key, ks);
            entryCount++;
        }
        touch(ks);
        dequeue(ks);
        ks.buffer.add(record);
        entryCount++;
        enqueue(ks);
    }

    @Override
    public void advance(long watermark, KeyedTask task) {
        while (!due.isEmpty() && due.first().due <= watermark) {
            KeyState ks = due.pollFirst();
            ks.queued = false;
            run(ks, watermark, task);
            if (ks.hasWork()) {
                enqueue(ks);
            } else if (ks.state == null || ks.state.isEmpty()) {
                keys.remove(ks.key);
                entryCount--;
            }
        }
    }

    private void dequeue(KeyState ks) {
        if (ks.queued) {
            due.remove(ks);
            ks.queued = false;
        }
    }

    private void enqueue(KeyState ks) {
        ks.due = ks.nextDue();
        due.add(ks);
        ks.queued = true;
    }

    private void run(KeyState ks, long watermark, KeyedTask task) {
        touch(ks);
        ctx.ks = ks;
        ctx.task = task;
        while (true) {
            StreamRecord next = ks.buffer.peek();
            boolean rowReady = next != null && next.row.eventTime() <= watermark;
            boolean timerReady = !ks.timers.isEmpty() && ks.timers.first() <= watermark;
            if (rowReady && (!timerReady || ks.timers.first() >= next.row.eventTime())) {
                ks.buffer.poll();
                entryCount--;
                task.cost += task.costs.recordNanos() + task.costs.stateAccessNanos();
                ctx.currentTime = next.row.eventTime();
                ctx.inTimer = false;
                ctx.current = next;
                ctx.forwarded = false;
                function.processElement(next.row, ctx);
                if (lastStateful || !ctx.forwarded) {
                    task.commit(next);
                }
            } else if (timerReady) {
                long timestamp = ks.timers.pollFirst();
                entryCount--;
                task.cost += task.costs.stateAccessNanos();
                ctx.currentTime = timestamp;
                ctx.inTimer = true;
                ctx.current = null;
                function.onTimer(timestamp, ctx);
            } else {
                break;
            }
        }
        ctx.ks = null;
        ctx.task = null;
        ctx.current = null;
    }

    /** The keys changed since the last checkpoint go into the changelog; the others are kept from before. */
    @Override
    public Object snapshot() {
        for (KeyState ks : dirty) {
            ks.dirty = false;
            KeyState live = keys.get(ks.key);
            if (live == ks) {
                changelog.put(ks.key, freeze(ks));
            } else if (live == null) {
                changelog.remove(ks.key);
            }
            // Otherwise the key was removed and made again: its new state is in the list too.
        }
        dirty.clear();
        return changelog.checkpoint();
    }

    private static KeyStateSnapshot freeze(KeyState ks) {
        long[] timers = new long[ks.timers.size()];
        int i = 0;
        for (long t : ks.timers) {
            timers[i++] = t;
        }
        return new KeyStateSnapshot(ks.key, ks.state == null ? null : new HashMap<>(ks.state), timers,
                ks.buffer.toArray(new StreamRecord[0]), ks.emitted, ks.seqTime, ks.seq);
    }

    @Override
    public int entries() {
        return entryCount;
    }

    @Override
    public void restore(Object snapshot) {
        StateChangelog.Version version = (StateChangelog.Version) snapshot;
        keys.clear();
        due.clear();
        dirty.clear();
        entryCount = 0;
        changelog = new StateChangelog(version);
        version.entries().forEachValue(frozen -> {
            KeyStateSnapshot s = (KeyStateSnapshot) frozen;
            KeyState ks = new KeyState(s.key());
            ks.state = s.state() == null ? null : new HashMap<>(s.state());
            for (long t : s.timers()) {
                ks.timers.add(t);
            }
            for (StreamRecord r : s.buffer()) {
                ks.buffer.add(r);
            }
            ks.emitted = s.emitted();
            ks.seqTime = s.seqTime();
            ks.seq = s.seq();
            keys.put(ks.key, ks);
            entryCount += 1 + ks.timers.size() + ks.buffer.size();
            if (ks.hasWork()) {
                enqueue(ks);
            }
        });
    }

    /** The context the function sees for the key being run; checks the same rules as the oracle. */
    private final class Context implements ProcessContext {
        KeyState ks;
        KeyedTask task;
        StreamRecord current;
        long currentTime;
        boolean inTimer;
        boolean forwarded;

        @Override
        public long key() {
            return ks.key;
        }

        @Override
        public long currentTime() {
            return currentTime;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T state(String name) {
            return ks.state == null ? null : (T) ks.state.get(name);
        }

        @Override
        public void setState(String name, Object value) {
            if (value == null) {
                clearState(name);
                return;
            }
            if (ks.state == null) {
                ks.state = new HashMap<>(4);
            }
            ks.state.put(name, value);
        }

        @Override
        public void clearState(String name) {
            if (ks.state != null) {
                ks.state.remove(name);
            }
        }

        @Override
        public void registerTimer(long timestamp) {
            if (inTimer ? timestamp <= currentTime : timestamp < currentTime) {
                throw new IllegalArgumentException("job " + jobName + ": " + step + " registered a timer at "
                        + timestamp + " for key " + ks.key + (inTimer ? ", not later than the firing timer at " : ", before the current time ")
                        + currentTime);
            }
            task.cost += task.costs.stateAccessNanos();
            if (ks.timers.add(timestamp)) {
                entryCount++;
            }
        }

        @Override
        public void deleteTimer(long timestamp) {
            if (ks.timers.remove(timestamp)) {
                entryCount--;
            }
        }

        @Override
        public void emit(Object value) {
            if (!lastStep) {
                throw new IllegalStateException("job " + jobName + ": " + step
                        + " called emit() but is not the job's last step; use forward(row) to pass rows on");
            }
            if (value == null) {
                throw new IllegalArgumentException("job " + jobName + ": " + step + " emitted null for key " + ks.key);
            }
            task.output(new SinkOutput(nextAt(), value, -1, null, current == null ? -1 : current.maxArrival));
        }

        @Override
        public void forward(Row row) {
            if (row == null) {
                throw new IllegalArgumentException("job " + jobName + ": " + step + " forwarded null for key " + ks.key);
            }
            if (row.eventTime() < currentTime) {
                throw new IllegalArgumentException("job " + jobName + ": " + step + " forwarded a row at "
                        + row.eventTime() + ", before the current time " + currentTime + " (it would be late downstream)");
            }
            ResultKey at = nextAt();
            long maxArrival = current == null ? -1 : current.maxArrival;
            StreamRecord out;
            if (lastStateful || current == null) {
                out = new StreamRecord(row, at, -1, null, maxArrival);
            } else {
                out = new StreamRecord(row, at, current.sourceId, current.lineage, maxArrival);
                forwarded = true;
            }
            task.push(out, opIndex + 1, false);
        }

        private ResultKey nextAt() {
            if (!ks.emitted || ks.seqTime != currentTime) {
                ks.emitted = true;
                ks.seqTime = currentTime;
                ks.seq = 0;
            }
            return ResultKey.at(ks.key, currentTime, ks.seq++);
        }
    }
}
