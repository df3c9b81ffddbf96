package org.flowlab.sim.stream;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
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
    private static final long[] NO_TIMERS = new long[0];
    private static final StreamRecord[] NO_ROWS = new StreamRecord[0];

    /**
     * One key's state, timers, buffered rows and output numbering. A key has a few of each, so
     * they are small sorted arrays rather than trees and hash maps: less to allocate per key, less
     * to copy into a checkpoint.
     */
    private static final class KeyState {
        final long key;
        /** The named state as name, value, name, value, …, in {@code [0, 2 × stateCount)}. */
        Object[] state;
        int stateCount;
        /** Distinct timer times, ascending, in {@code [0, timerCount)}. */
        long[] timers = NO_TIMERS;
        int timerCount;
        /** Buffered rows in {@link #ROW_ORDER} (equal rows in arrival order), in {@code [bufferHead, bufferHead + bufferCount)}. */
        StreamRecord[] buffer = NO_ROWS;
        int bufferHead;
        int bufferCount;
        boolean emitted;
        long seqTime;
        long seq;
        /** The earliest buffered row's event time or timer, while the key is in the due queue. */
        long due = Long.MAX_VALUE;
        boolean queued;
        /** Changed since the last checkpoint. */
        boolean dirty;
        /** No longer in the operator's keys. */
        boolean removed;

        KeyState(long key) {
            this.key = key;
        }

        boolean hasWork() {
            return timerCount > 0 || bufferCount > 0;
        }

        long nextDue() {
            long d = Long.MAX_VALUE;
            if (bufferCount > 0) {
                d = buffer[bufferHead].row.eventTime();
            }
            if (timerCount > 0) {
                d = Math.min(d, timers[0]);
            }
            return d;
        }

        int stateIndex(String name) {
            for (int i = 0; i < 2 * stateCount; i += 2) {
                if (name.equals(state[i])) {
                    return i;
                }
            }
            return -1;
        }

        void setState(String name, Object value) {
            int i = stateIndex(name);
            if (i >= 0) {
                state[i + 1] = value;
                return;
            }
            if (state == null) {
                state = new Object[4];
            } else if (2 * stateCount == state.length) {
                state = Arrays.copyOf(state, state.length * 2);
            }
            state[2 * stateCount] = name;
            state[2 * stateCount + 1] = value;
            stateCount++;
        }

        void clearState(String name) {
            int i = stateIndex(name);
            if (i >= 0) {
                // Names have no order: the last pair takes the freed place.
                int lastPair = 2 * (stateCount - 1);
                state[i] = state[lastPair];
                state[i + 1] = state[lastPair + 1];
                state[lastPair] = null;
                state[lastPair + 1] = null;
                stateCount--;
            }
        }

        /** Adds a timer; false if the key already has one at that time. */
        boolean addTimer(long t) {
            int i = Arrays.binarySearch(timers, 0, timerCount, t);
            if (i >= 0) {
                return false;
            }
            i = -i - 1;
            if (timerCount == timers.length) {
                timers = Arrays.copyOf(timers, Math.max(2, timerCount * 2));
            }
            System.arraycopy(timers, i, timers, i + 1, timerCount - i);
            timers[i] = t;
            timerCount++;
            return true;
        }

        /** Removes the timer at {@code t}; false if there is none. */
        boolean removeTimer(long t) {
            int i = Arrays.binarySearch(timers, 0, timerCount, t);
            if (i < 0) {
                return false;
            }
            System.arraycopy(timers, i + 1, timers, i, timerCount - i - 1);
            timerCount--;
            return true;
        }

        void buffer(StreamRecord record) {
            if (bufferHead + bufferCount == buffer.length) {
                if (bufferHead > 0) {
                    System.arraycopy(buffer, bufferHead, buffer, 0, bufferCount);
                    Arrays.fill(buffer, bufferCount, bufferHead + bufferCount, null);
                    bufferHead = 0;
                }
                if (bufferCount == buffer.length) {
                    buffer = Arrays.copyOf(buffer, Math.max(2, bufferCount * 2));
                }
            }
            // Rows mostly come in order: look for the place from the end.
            int i = bufferHead + bufferCount;
            while (i > bufferHead && ROW_ORDER.compare(buffer[i - 1], record) > 0) {
                buffer[i] = buffer[i - 1];
                i--;
            }
            buffer[i] = record;
            bufferCount++;
        }

        StreamRecord pollBuffer() {
            StreamRecord r = buffer[bufferHead];
            buffer[bufferHead] = null;
            bufferCount--;
            bufferHead = bufferCount == 0 ? 0 : bufferHead + 1;
            return r;
        }

        int entries() {
            return 1 + timerCount + bufferCount;
        }
    }

    /** A key as a checkpoint keeps it; state values are immutable, so the names and values are copied shallowly. */
    record KeyStateSnapshot(long key, Object[] state, long[] timers, StreamRecord[] buffer,
                            boolean emitted, long seqTime, long seq) {
    }

    private final KeyedProcess step;
    private final KeyedProcessFunction function;
    private final int opIndex;
    private final boolean lastStep;
    private final boolean lastStateful;
    private final String jobName;
    private final LongMap<KeyState> keys = new LongMap<>();
    /**
     * The keys with rows or timers, a binary heap by (due, key) kept in primitive columns: the next
     * one to run is unique. A key whose due time moves earlier is pushed again; its older entry
     * stays behind and is dropped when it comes up (its due no longer matches).
     */
    private long[] queueDue = new long[16];
    private long[] queueKey = new long[16];
    private KeyState[] queueState = new KeyState[16];
    private int queueSize;
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
        ks.buffer(record);
        entryCount++;
        schedule(ks);
    }

    @Override
    public void advance(long watermark, KeyedTask task) {
        while (queueSize > 0 && queueDue[0] <= watermark) {
            long due = queueDue[0];
            KeyState ks = pollQueue();
            if (!ks.queued || ks.due != due) {
                continue; // an entry left behind when the key's due time moved earlier
            }
            ks.queued = false;
            run(ks, watermark, task);
            if (ks.hasWork()) {
                schedule(ks);
            } else if (ks.stateCount == 0) {
                keys.remove(ks.key);
                ks.removed = true;
                entryCount--;
            }
        }
    }

    // ---------------------------------------------------------------- the due queue

    /**
     * Puts the key in the due queue at its next due time. While a key is queued its due time only
     * moves earlier (rows come; timers are set only while it runs, out of the queue).
     */
    private void schedule(KeyState ks) {
        long d = ks.nextDue();
        if (ks.queued && d >= ks.due) {
            return;
        }
        ks.due = d;
        ks.queued = true;
        if (queueSize == queueDue.length) {
            int n = queueSize * 2;
            queueDue = Arrays.copyOf(queueDue, n);
            queueKey = Arrays.copyOf(queueKey, n);
            queueState = Arrays.copyOf(queueState, n);
        }
        // Sift up from the end.
        int i = queueSize++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!before(d, ks.key, queueDue[parent], queueKey[parent])) {
                break;
            }
            move(parent, i);
            i = parent;
        }
        queueDue[i] = d;
        queueKey[i] = ks.key;
        queueState[i] = ks;
    }

    private KeyState pollQueue() {
        KeyState first = queueState[0];
        int last = --queueSize;
        long d = queueDue[last];
        long k = queueKey[last];
        KeyState ks = queueState[last];
        queueState[last] = null;
        if (last > 0) {
            // Sift the last entry down from the top.
            int i = 0;
            int half = last >>> 1;
            while (i < half) {
                int child = 2 * i + 1;
                int right = child + 1;
                if (right < last && before(queueDue[right], queueKey[right], queueDue[child], queueKey[child])) {
                    child = right;
                }
                if (!before(queueDue[child], queueKey[child], d, k)) {
                    break;
                }
                move(child, i);
                i = child;
            }
            queueDue[i] = d;
            queueKey[i] = k;
            queueState[i] = ks;
        }
        return first;
    }

    private void move(int from, int to) {
        queueDue[to] = queueDue[from];
        queueKey[to] = queueKey[from];
        queueState[to] = queueState[from];
    }

    private static boolean before(long dueA, long keyA, long dueB, long keyB) {
        return dueA < dueB || (dueA == dueB && keyA < keyB);
    }

    // ---------------------------------------------------------------- running a key

    private void run(KeyState ks, long watermark, KeyedTask task) {
        touch(ks);
        ctx.ks = ks;
        ctx.task = task;
        while (true) {
            StreamRecord next = ks.bufferCount > 0 ? ks.buffer[ks.bufferHead] : null;
            boolean rowReady = next != null && next.row.eventTime() <= watermark;
            boolean timerReady = ks.timerCount > 0 && ks.timers[0] <= watermark;
            if (rowReady && (!timerReady || ks.timers[0] >= next.row.eventTime())) {
                ks.pollBuffer();
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
                long timestamp = ks.timers[0];
                ks.removeTimer(timestamp);
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

    // ---------------------------------------------------------------- checkpoints

    /** The keys changed since the last checkpoint go into the changelog; the others are kept from before. */
    @Override
    public Object snapshot() {
        for (KeyState ks : dirty) {
            ks.dirty = false;
            if (!ks.removed) {
                changelog.put(ks.key, freeze(ks));
            } else if (keys.get(ks.key) == null) {
                changelog.remove(ks.key);
            }
            // Otherwise the key was removed and made again: its new state is in the list too.
        }
        dirty.clear();
        return changelog.checkpoint();
    }

    private static KeyStateSnapshot freeze(KeyState ks) {
        return new KeyStateSnapshot(ks.key, ks.stateCount == 0 ? null : Arrays.copyOf(ks.state, 2 * ks.stateCount),
                Arrays.copyOf(ks.timers, ks.timerCount),
                Arrays.copyOfRange(ks.buffer, ks.bufferHead, ks.bufferHead + ks.bufferCount),
                ks.emitted, ks.seqTime, ks.seq);
    }

    @Override
    public int entries() {
        return entryCount;
    }

    @Override
    public void restore(Object snapshot) {
        StateChangelog.Version version = (StateChangelog.Version) snapshot;
        keys.clear();
        Arrays.fill(queueState, 0, queueSize, null);
        queueSize = 0;
        dirty.clear();
        entryCount = 0;
        changelog = new StateChangelog(version);
        version.entries().forEachValue(frozen -> {
            KeyStateSnapshot s = (KeyStateSnapshot) frozen;
            KeyState ks = new KeyState(s.key());
            if (s.state() != null) {
                ks.state = s.state().clone();
                ks.stateCount = s.state().length / 2;
            }
            ks.timers = s.timers().clone();
            ks.timerCount = ks.timers.length;
            ks.buffer = s.buffer().clone();
            ks.bufferCount = ks.buffer.length;
            ks.emitted = s.emitted();
            ks.seqTime = s.seqTime();
            ks.seq = s.seq();
            keys.put(ks.key, ks);
            entryCount += ks.entries();
            if (ks.hasWork()) {
                schedule(ks);
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
            int i = ks.stateIndex(name);
            return i < 0 ? null : (T) ks.state[i + 1];
        }

        @Override
        public void setState(String name, Object value) {
            if (value == null) {
                clearState(name);
                return;
            }
            ks.setState(name, value);
        }

        @Override
        public void clearState(String name) {
            ks.clearState(name);
        }

        @Override
        public void registerTimer(long timestamp) {
            if (inTimer ? timestamp <= currentTime : timestamp < currentTime) {
                throw new IllegalArgumentException("job " + jobName + ": " + step + " registered a timer at "
                        + timestamp + " for key " + ks.key + (inTimer ? ", not later than the firing timer at " : ", before the current time ")
                        + currentTime);
            }
            task.cost += task.costs.stateAccessNanos();
            if (ks.addTimer(timestamp)) {
                entryCount++;
            }
        }

        @Override
        public void deleteTimer(long timestamp) {
            if (ks.removeTimer(timestamp)) {
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
