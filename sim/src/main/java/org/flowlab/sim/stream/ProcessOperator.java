package org.flowlab.sim.stream;

import java.util.ArrayList;
import java.util.List;
import org.flowlab.sim.collections.LongMap;
import org.flowlab.sim.engine.EventTimeContract;
import org.flowlab.sim.engine.OutputMode;
import org.flowlab.sim.job.KeyedProcess;
import org.flowlab.sim.job.KeyedProcessContext;
import org.flowlab.sim.job.KeyedProcessFunction;
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
    private final Context ctx;
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
        this.opIndex = opIndex;
        this.lastStep = lastStep;
        this.lastStateful = lastStateful;
        this.jobName = jobName;
        this.contract = contract;
        this.checkpointed = checkpointed;
        // Made last: the contexts read the fields above.
        this.ctx = new Context(false);
        this.provisionalCtx = provisional ? new Context(true) : null;
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
        // One probe of the key table, also for a key not seen before.
        int known = keys.size();
        ProcessKeyState ks = keys.computeIfAbsent(record.row.key(), ProcessKeyState::new);
        entryCount += keys.size() - known;
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
            if (next.isEmpty() || !KeyedProcessContext.isDue(next.firstDue(), watermark)) {
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
        boolean forRow = ks.firstRow() != null && ks.firstRowTime() == d;
        (forRow ? rowsDue : timersDue).push(d, ks);
    }

    /** Whether the key has rows or timers waiting, the provisional instance's timers included. */
    private boolean hasWork(ProcessKeyState ks) {
        return ks.hasWork() || provisional && ks.firstProvisionalTimer() != Long.MAX_VALUE;
    }

    // ---------------------------------------------------------------- running a key

    private void run(ProcessKeyState ks, long watermark, KeyedTask task) {
        touch(ks);
        ctx.enter(ks, ks, task);
        while (true) {
            StreamRecord next = ks.firstRow();
            boolean rowReady = next != null && KeyedProcessContext.isDue(ks.firstRowTime(), watermark);
            boolean timerReady = ks.hasTimer() && KeyedProcessContext.isDue(ks.firstTimer(), watermark);
            if (rowReady && (!timerReady || KeyedProcessContext.rowBeforeTimer(ks.firstRowTime(), ks.firstTimer()))) {
                ks.pollRow();
                entryCount--;
                task.cost += task.costs.recordNanos() + task.costs.stateAccessNanos();
                ctx.row(next);
                function.processElement(next.row, ctx);
                if (provisional) {
                    // Visible since its provisional run: this is when what it shows becomes final.
                    task.commitFinal(next);
                } else if (lastStateful || !ctx.forwarded) {
                    task.commit(next);
                }
            } else if (timerReady) {
                fireFirstTimer(ks, function, ctx, task);
            } else {
                break;
            }
        }
        ctx.leave();
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
        c.enter(ks.provisional(), ks, task);
        c.row(record);
        provisionalFunction.processElement(record.row, c);
        c.leave();
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
        int retracted = ks.hasPending() ? ks.pending.dropUpTo(watermark) : 0;
        entryCount -= retracted;
        // After a restart the sink may show provisional outputs of a discarded attempt that the
        // state does not know (at-least-once): the sink, which remembers them, retracts those too.
        if (retracted > 0 || task.run.incarnation() > 0) {
            task.cost += retracted * task.costs.sinkWriteNanos();
            task.reconcile(SinkOutput.reconcile(ks.key, watermark));
        }
        ProcessKeyState p = ks.provisional;
        if (p == null || !p.hasTimer() || !KeyedProcessContext.isDue(p.firstTimer(), watermark)) {
            return;
        }
        Context c = provisionalCtx;
        c.enter(p, ks, task);
        while (p.hasTimer() && KeyedProcessContext.isDue(p.firstTimer(), watermark)) {
            fireFirstTimer(p, provisionalFunction, c, task);
        }
        c.leave();
    }

    /** Takes the first of {@code timers}' timers and fires it in {@code f}, through {@code c}, which is on that key. */
    private void fireFirstTimer(ProcessKeyState timers, KeyedProcessFunction f, Context c, KeyedTask task) {
        long timestamp = timers.firstTimer();
        timers.removeTimer(timestamp);
        entryCount--;
        task.cost += task.costs.stateAccessNanos();
        c.timer(timestamp);
        f.onTimer(timestamp, c);
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
     * The context the function sees for the key being run, with the rules of {@link KeyedProcessContext}.
     * The provisional instance's context works on the key's provisional state ({@code ks}), and
     * keeps its outputs pending in the key's own ({@code owner}).
     */
    private final class Context extends KeyedProcessContext {
        final boolean forProvisional;
        ProcessKeyState ks;
        ProcessKeyState owner;
        KeyedTask task;
        StreamRecord current;
        boolean forwarded;

        Context(boolean forProvisional) {
            super(jobName, step, lastStep);
            this.forProvisional = forProvisional;
        }

        void enter(ProcessKeyState state, ProcessKeyState ownerState, KeyedTask t) {
            ks = state;
            owner = ownerState;
            task = t;
            forKey(state.key);
        }

        void row(StreamRecord record) {
            atRow(record.row.eventTime());
            current = record;
            forwarded = false;
        }

        void timer(long timestamp) {
            atTimer(timestamp);
            current = null;
        }

        void leave() {
            ks = null;
            owner = null;
            task = null;
            current = null;
        }

        @Override
        protected Object stateValue(String name) {
            return ks.state(name);
        }

        @Override
        protected void putState(String name, Object value) {
            ks.setState(name, value);
        }

        @Override
        public void clearState(String name) {
            ks.clearState(name);
        }

        @Override
        protected void addTimer(long timestamp) {
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
        protected void onEmit(Object value) {
            long maxArrival = current == null ? -1 : current.maxArrival;
            long time = currentTime();
            if (forProvisional) {
                if (time <= task.watermark) {
                    return; // that time is final already: the final evaluation emits what belongs there
                }
                // Numbered by the provisional outputs still pending at this time, as the rows come.
                ProvisionalOutputs pending = owner.pending();
                ResultKey at = ResultKey.at(ks.key, time, pending.countAt(time));
                pending.add(at);
                entryCount++;
                task.output(new SinkOutput(at, value, -1, null, maxArrival, SinkOutput.Kind.PROVISIONAL));
                return;
            }
            ResultKey at = ks.nextAt(ks.key, time);
            if (provisional && ks.hasPending() && ks.pending.confirm(at)) {
                entryCount--;
            }
            // Sent even when equal to the provisional value: the sink learns it is confirmed.
            task.output(new SinkOutput(at, value, -1, null, maxArrival));
        }

        @Override
        protected void onForward(Row row) {
            if (provisional) {
                onEmit(row); // past the last step a row is an output, like an emitted value
                return;
            }
            ResultKey at = ks.nextAt(ks.key, currentTime());
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
    }
}
