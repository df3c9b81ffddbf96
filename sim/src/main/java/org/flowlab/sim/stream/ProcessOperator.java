package org.flowlab.sim.stream;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.flowlab.sim.collections.LongMap;
import org.flowlab.sim.engine.EventTimeContract;
import org.flowlab.sim.engine.OutputMode;
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
 *
 * <p>Provisional evaluation. A detector (the job's last step) in the {@code updates} output mode
 * also runs every accepted row at once through a second, provisional instance of the function, in
 * the order rows come, with its own state and timers kept in the key's state (so checkpoints carry
 * them). Its alerts go out at once, as provisional outputs, and the row's records are committed as
 * first visible; the buffered evaluation above is the final one, and commits them as final. When
 * the final evaluation of a key has run up to the watermark, the sink retracts the key's
 * provisional alerts up to then that the final one did not emit at the same result key, and the
 * provisional timers the watermark has passed fire — their alerts would be at a time already final,
 * so they only move the provisional state on. In the {@code final} mode none of this exists.
 *
 * <p>State. Each key is a {@link ProcessKeyState}; the keys with rows or timers wait in queues by
 * their next due time. Checkpoints are a {@link StateChangelog} of copies of the keys changed
 * since the last one.
 */
final class ProcessOperator implements StatefulOperator {

    private final KeyedProcess step;
    private final KeyedProcessFunction function;
    /** Whether rows are also run at once by a provisional instance (a detector in the {@code updates} output mode). */
    private final boolean provisional;
    /** The provisional instance, with its own state in each key's {@link ProcessKeyState#provisional}; null without. */
    private final KeyedProcessFunction provisionalFunction;
    private final int opIndex;
    private final boolean lastStep;
    private final boolean lastStateful;
    private final String jobName;
    private final EventTimeContract contract;
    private final LongMap<ProcessKeyState> keys = new LongMap<>();
    /**
     * The keys with rows or timers, waiting by (due, key) in two queues: keys due for a buffered row
     * (a few: rows wait only until the watermark passes them) and keys due for a timer only (often
     * most keys, due much later). The next key to run is the earlier of the two heads, and (due,
     * key) is unique, so this is the same order as one queue's; but a row's key goes in and out of a
     * small queue, not the one that holds every key's timer. A key whose due time moves earlier is
     * pushed again; its older entry stays behind and is dropped when it comes up (its due no longer
     * matches).
     */
    private final DueQueue rowsDue = new DueQueue();
    private final DueQueue timersDue = new DueQueue();
    private final Context ctx = new Context(false);
    private final Context provisionalCtx;
    private final boolean checkpointed;
    /** The keys changed since the last checkpoint (with checkpoints), which the next one keeps. */
    private final List<ProcessKeyState> dirty = new ArrayList<>();
    private StateChangelog changelog = new StateChangelog();
    /** Keys, timers and buffered rows, kept up to date for the checkpoint's cost. */
    private int entryCount;

    ProcessOperator(KeyedProcess step, int opIndex, boolean lastStep, boolean lastStateful, EventTimeContract contract,
                    OutputMode output, String jobName, boolean checkpointed) {
        this.step = step;
        this.function = step.newFunction();
        // Only a detector's alerts can be taken back; rows forwarded to later steps cannot.
        this.provisional = lastStep && output == OutputMode.UPDATES;
        this.provisionalFunction = provisional ? step.newFunction() : null;
        this.provisionalCtx = provisional ? new Context(true) : null;
        this.opIndex = opIndex;
        this.lastStep = lastStep;
        this.lastStateful = lastStateful;
        this.jobName = jobName;
        this.contract = contract;
        this.checkpointed = checkpointed;
    }

    private void touch(ProcessKeyState ks) {
        if (checkpointed && !ks.dirty) {
            ks.dirty = true;
            dirty.add(ks);
        }
    }

    @Override
    public void add(StreamRecord record, long watermark, KeyedTask task) {
        long against = record.lateAfter(watermark);
        if (contract.rowIsLate(record.row.eventTime(), against)) {
            task.late(record, against);
            return;
        }
        task.accepted(record, against);
        task.cost += task.costs.stateAccessNanos();
        long key = record.row.key();
        ProcessKeyState ks = keys.get(key);
        if (ks == null) {
            ks = new ProcessKeyState(key);
            keys.put(key, ks);
            entryCount++;
        }
        touch(ks);
        ks.addRow(record);
        entryCount++;
        if (provisional) {
            runProvisionally(ks, record, task);
        }
        schedule(ks);
    }

    @Override
    public void advance(long watermark, KeyedTask task) {
        while (true) {
            DueQueue next = rowsDue.before(timersDue) ? rowsDue : timersDue;
            if (next.isEmpty() || next.firstDue() > watermark) {
                return;
            }
            long due = next.firstDue();
            ProcessKeyState ks = next.poll();
            if (!ks.queued || ks.due != due) {
                continue; // an entry left behind when the key's due time moved earlier
            }
            ks.queued = false;
            run(ks, watermark, task);
            if (hasWork(ks)) {
                schedule(ks);
            } else if (!ks.hasState() && !(provisional && ks.holdsProvisional())) {
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
    private void schedule(ProcessKeyState ks) {
        long d = ks.nextDue();
        if (provisional) {
            d = Math.min(d, ks.firstProvisionalTimer());
        }
        if (ks.queued && d >= ks.due) {
            return;
        }
        ks.due = d;
        ks.queued = true;
        boolean forRow = ks.hasRow() && ks.firstRow().row.eventTime() == d;
        (forRow ? rowsDue : timersDue).push(d, ks);
    }

    /**
     * Keys by (due, key): a sorted run, in which each entry comes after the one pushed before it, and
     * a 4-ary heap for the entries that come out of order; the first entry is the earlier of the
     * run's head and the heap's. Timers are mostly set in due order (a key runs in due order, and
     * sets its timers a fixed time after the row it runs), so they go in and out of the run in O(1)
     * and in memory order, and only the others sift through the heap. Four children side by side
     * make the heap half as deep as a binary one, and their eight longs share one or two cache lines.
     */
    static final class DueQueue {
        private static final int ARITY = 4;
        private long[] dueAndKey = new long[32];
        private ProcessKeyState[] states = new ProcessKeyState[16];
        private int size;
        // The sorted run: a ring of (due, key) pairs and states, runSize entries from runHead.
        private long[] runDueAndKey = new long[32];
        private ProcessKeyState[] runStates = new ProcessKeyState[16];
        private int runHead;
        private int runSize;

        boolean isEmpty() {
            return size == 0 && runSize == 0;
        }

        /** Whether the first entry is the run's head rather than the heap's; only if not empty. */
        private boolean firstInRun() {
            return runSize > 0 && (size == 0 || ProcessOperator.before(runDueAndKey[2 * runHead],
                    runDueAndKey[2 * runHead + 1], dueAndKey[0], dueAndKey[1]));
        }

        /** The first entry's due time; only if not empty. */
        long firstDue() {
            return firstInRun() ? runDueAndKey[2 * runHead] : dueAndKey[0];
        }

        private long firstKey() {
            return firstInRun() ? runDueAndKey[2 * runHead + 1] : dueAndKey[1];
        }

        /** Whether this queue's first entry comes before {@code other}'s (an empty queue's never does). */
        boolean before(DueQueue other) {
            if (isEmpty()) {
                return false;
            }
            return other.isEmpty() || ProcessOperator.before(firstDue(), firstKey(), other.firstDue(), other.firstKey());
        }

        void push(long d, ProcessKeyState ks) {
            if (runSize == 0) {
                runHead = 0;
                appendToRun(d, ks);
                return;
            }
            int last = (runHead + runSize - 1) & (runStates.length - 1);
            if (!ProcessOperator.before(d, ks.key, runDueAndKey[2 * last], runDueAndKey[2 * last + 1])) {
                appendToRun(d, ks);
            } else {
                pushToHeap(d, ks);
            }
        }

        private void appendToRun(long d, ProcessKeyState ks) {
            int capacity = runStates.length;
            if (runSize == capacity) {
                long[] dk = new long[4 * capacity];
                ProcessKeyState[] st = new ProcessKeyState[2 * capacity];
                for (int n = 0; n < runSize; n++) {
                    int from = (runHead + n) & (capacity - 1);
                    dk[2 * n] = runDueAndKey[2 * from];
                    dk[2 * n + 1] = runDueAndKey[2 * from + 1];
                    st[n] = runStates[from];
                }
                runDueAndKey = dk;
                runStates = st;
                runHead = 0;
            }
            int at = (runHead + runSize) & (runStates.length - 1);
            runDueAndKey[2 * at] = d;
            runDueAndKey[2 * at + 1] = ks.key;
            runStates[at] = ks;
            runSize++;
        }

        /** Removes the first entry and returns its key's state; only if not empty. */
        ProcessKeyState poll() {
            if (firstInRun()) {
                ProcessKeyState first = runStates[runHead];
                runStates[runHead] = null;
                runHead = (runHead + 1) & (runStates.length - 1);
                runSize--;
                return first;
            }
            return pollHeap();
        }

        void clear() {
            Arrays.fill(states, 0, size, null);
            size = 0;
            Arrays.fill(runStates, null);
            runHead = 0;
            runSize = 0;
        }

        private void pushToHeap(long d, ProcessKeyState ks) {
            if (size == states.length) {
                dueAndKey = Arrays.copyOf(dueAndKey, 4 * size);
                states = Arrays.copyOf(states, 2 * size);
            }
            // Sift up from the end.
            int i = size++;
            while (i > 0) {
                int parent = (i - 1) / ARITY;
                if (!ProcessOperator.before(d, ks.key, dueAndKey[2 * parent], dueAndKey[2 * parent + 1])) {
                    break;
                }
                move(parent, i);
                i = parent;
            }
            dueAndKey[2 * i] = d;
            dueAndKey[2 * i + 1] = ks.key;
            states[i] = ks;
        }

        private ProcessKeyState pollHeap() {
            ProcessKeyState first = states[0];
            int last = --size;
            long d = dueAndKey[2 * last];
            long k = dueAndKey[2 * last + 1];
            ProcessKeyState ks = states[last];
            states[last] = null;
            if (last > 0) {
                // Sift the last entry down from the top.
                int i = 0;
                while (true) {
                    int child = ARITY * i + 1;
                    if (child >= last) {
                        break;
                    }
                    int end = Math.min(child + ARITY, last);
                    for (int c = child + 1; c < end; c++) {
                        if (ProcessOperator.before(dueAndKey[2 * c], dueAndKey[2 * c + 1],
                                dueAndKey[2 * child], dueAndKey[2 * child + 1])) {
                            child = c;
                        }
                    }
                    if (!ProcessOperator.before(dueAndKey[2 * child], dueAndKey[2 * child + 1], d, k)) {
                        break;
                    }
                    move(child, i);
                    i = child;
                }
                dueAndKey[2 * i] = d;
                dueAndKey[2 * i + 1] = k;
                states[i] = ks;
            }
            return first;
        }

        private void move(int from, int to) {
            dueAndKey[2 * to] = dueAndKey[2 * from];
            dueAndKey[2 * to + 1] = dueAndKey[2 * from + 1];
            states[to] = states[from];
        }
    }

    /** Whether the key has rows or timers waiting, the provisional instance's timers included. */
    private boolean hasWork(ProcessKeyState ks) {
        return ks.hasWork() || provisional && ks.firstProvisionalTimer() != Long.MAX_VALUE;
    }

    private static boolean before(long dueA, long keyA, long dueB, long keyB) {
        return dueA < dueB || (dueA == dueB && keyA < keyB);
    }

    // ---------------------------------------------------------------- running a key

    private void run(ProcessKeyState ks, long watermark, KeyedTask task) {
        touch(ks);
        ctx.ks = ks;
        ctx.task = task;
        while (true) {
            StreamRecord next = ks.hasRow() ? ks.firstRow() : null;
            boolean rowReady = next != null && next.row.eventTime() <= watermark;
            boolean timerReady = ks.hasTimer() && ks.firstTimer() <= watermark;
            if (rowReady && (!timerReady || ks.firstTimer() >= next.row.eventTime())) {
                ks.pollRow();
                entryCount--;
                task.cost += task.costs.recordNanos() + task.costs.stateAccessNanos();
                ctx.currentTime = next.row.eventTime();
                ctx.inTimer = false;
                ctx.current = next;
                ctx.forwarded = false;
                function.processElement(next.row, ctx);
                if (provisional) {
                    // Visible since its provisional run: this is when what it shows becomes final.
                    task.commitFinal(next);
                } else if (lastStateful || !ctx.forwarded) {
                    task.commit(next);
                }
            } else if (timerReady) {
                long timestamp = ks.firstTimer();
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
        if (provisional) {
            reconcile(ks, watermark, task);
        }
    }

    // ---------------------------------------------------------------- provisional evaluation

    /**
     * Runs an accepted row at once through the provisional instance, in the order rows come, and
     * commits its input records as first visible; its outputs go out at once (see {@link Context#emit}).
     */
    private void runProvisionally(ProcessKeyState ks, StreamRecord record, KeyedTask task) {
        task.cost += task.costs.recordNanos() + task.costs.stateAccessNanos();
        Context c = provisionalCtx;
        c.owner = ks;
        c.ks = ks.provisional();
        c.task = task;
        c.currentTime = record.row.eventTime();
        c.inTimer = false;
        c.current = record;
        provisionalFunction.processElement(record.row, c);
        c.owner = null;
        c.ks = null;
        c.task = null;
        c.current = null;
        task.commit(record);
    }

    /**
     * The final evaluation of the key has run up to {@code watermark}: has the sink retract the
     * provisional outputs at or before it that the final one did not emit at the same key (those it
     * did emit it has confirmed, by sending them), then fires the provisional timers the watermark
     * has passed — after the final evaluation, so they only move the provisional state on: what
     * they would emit is at a time already final, and is not sent.
     */
    private void reconcile(ProcessKeyState ks, long watermark, KeyedTask task) {
        int retracted = ks.hasPending() ? ks.dropPendingUpTo(watermark) : 0;
        entryCount -= retracted;
        // After a restart the sink may show provisional outputs of a discarded attempt that the
        // state does not know (at-least-once): the sink, which remembers them, retracts those too.
        if (retracted > 0 || task.run.incarnation() > 0) {
            task.cost += retracted * task.costs.sinkWriteNanos();
            task.reconcile(SinkOutput.reconcile(ks.key, watermark));
        }
        ProcessKeyState p = ks.provisional;
        if (p == null || !p.hasTimer() || p.firstTimer() > watermark) {
            return;
        }
        Context c = provisionalCtx;
        c.owner = ks;
        c.ks = p;
        c.task = task;
        c.current = null;
        c.inTimer = true;
        while (p.hasTimer() && p.firstTimer() <= watermark) {
            long timestamp = p.firstTimer();
            p.removeTimer(timestamp);
            entryCount--;
            task.cost += task.costs.stateAccessNanos();
            c.currentTime = timestamp;
            provisionalFunction.onTimer(timestamp, c);
        }
        c.owner = null;
        c.ks = null;
        c.task = null;
    }

    // ---------------------------------------------------------------- checkpoints

    /** The keys changed since the last checkpoint go into the changelog; the others are kept from before. */
    @Override
    public Object snapshot() {
        for (ProcessKeyState ks : dirty) {
            ks.dirty = false;
            if (!ks.removed) {
                // A copy of the key as it is now; state values are immutable, so they are shared.
                changelog.put(ks.key, ks.copy());
                ks.inChangelog = true;
            } else if (ks.inChangelog && keys.get(ks.key) == null) {
                changelog.remove(ks.key);
            }
            // Otherwise the key came and went since the last checkpoint, or was made again (then in the list too).
        }
        dirty.clear();
        return changelog.checkpoint();
    }

    @Override
    public int entries() {
        return entryCount;
    }

    @Override
    public void restore(Object snapshot) {
        StateChangelog.Version version = (StateChangelog.Version) snapshot;
        keys.clear();
        rowsDue.clear();
        timersDue.clear();
        dirty.clear();
        entryCount = 0;
        changelog = new StateChangelog(version);
        version.entries().forEachValue(frozen -> {
            // The checkpoint's copy stays as it is: a later restart may restore it again.
            ProcessKeyState ks = ((ProcessKeyState) frozen).copy();
            ks.inChangelog = true;
            keys.put(ks.key, ks);
            entryCount += ks.entries();
            if (hasWork(ks)) {
                schedule(ks);
            }
        });
    }

    /**
     * The context the function sees for the key being run; checks the same rules as the oracle.
     * The provisional instance's context works on the key's provisional state ({@code ks}), and
     * keeps its outputs pending in the key's own ({@code owner}).
     */
    private final class Context implements ProcessContext {
        final boolean forProvisional;
        ProcessKeyState ks;
        ProcessKeyState owner;
        KeyedTask task;
        StreamRecord current;
        long currentTime;
        boolean inTimer;
        boolean forwarded;

        Context(boolean forProvisional) {
            this.forProvisional = forProvisional;
        }

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
            return (T) ks.state(name);
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
            output(value);
        }

        private void output(Object value) {
            long maxArrival = current == null ? -1 : current.maxArrival;
            if (forProvisional) {
                if (currentTime <= task.watermark) {
                    return; // that time is final already: the final evaluation emits what belongs there
                }
                // Numbered by the provisional outputs still pending at this time, as the rows come.
                ResultKey at = ResultKey.at(ks.key, currentTime, owner.pendingCountAt(currentTime));
                owner.addPending(at);
                entryCount++;
                task.output(new SinkOutput(at, value, -1, null, maxArrival, SinkOutput.Kind.PROVISIONAL));
                return;
            }
            ResultKey at = nextAt();
            if (provisional && ks.hasPending() && ks.confirmPending(at)) {
                entryCount--;
            }
            // Sent even when equal to the provisional value: the sink learns it is confirmed.
            task.output(new SinkOutput(at, value, -1, null, maxArrival));
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
            if (provisional) {
                output(row); // past the last step a row is an output, like an emitted value
                return;
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
