package org.flowlab.sim.stream;

import org.flowlab.sim.job.Row;
import org.flowlab.workloads.Trace;

/**
 * Reads one partition of the trace — a log of trace positions in arrival order, with an offset —
 * no record before it arrives, and runs the stateless steps before the first keyBy on it. Every
 * watermark interval it emits the largest event time read so far minus the bounded
 * out-of-orderness (never going back), or, after reading nothing for the idle timeout, marks its
 * partition idle. Checkpoint barriers are injected here; at the end of its log it sends a final
 * +inf watermark and the end of input.
 */
final class SourceTask extends Task {
    /** In {@link #controlIds}: the control is a watermark tick, not a barrier. */
    private static final long TICK = -1;

    /** What a checkpoint keeps of a source. */
    record Snapshot(int offset, long maxEventTime, long lastWatermark, boolean idle, boolean finished) {
    }

    /** The snapshots of a run that never restores one: they tell only whether the source finished. */
    private static final Snapshot RUNNING = new Snapshot(0, Long.MIN_VALUE, Long.MIN_VALUE, false, false);
    private static final Snapshot FINISHED = new Snapshot(0, Long.MIN_VALUE, Long.MIN_VALUE, false, true);

    final int partition;
    private final int[] log;
    private final Trace trace;
    /**
     * The control actions waiting for the source, oldest first, a ring of {@link #controlCount} from
     * {@link #controlHead}: when each is due, and for a barrier its checkpoint's id ({@link #TICK}
     * for a watermark tick). Primitive, as a tick comes every watermark interval.
     */
    private long[] controlTimes = new long[4];
    private long[] controlIds = new long[4];
    private int controlHead;
    private int controlCount;
    int offset;
    private long maxEventTime = Long.MIN_VALUE;
    long lastWatermark = Long.MIN_VALUE;
    boolean idle;
    private long lastActivity;
    /**
     * Whether a record read since the last watermark tick raised the watermark the next tick would
     * send above the last one sent (ticks may be skipped while none has: a read that leaves the
     * watermark where it was, an out-of-order record, gives the next tick nothing to send).
     */
    boolean raisedSinceTick;

    SourceTask(StreamRun run, int partition, int slot, int worker, int[] log, long startedAt) {
        super(run, 0, partition, slot, worker);
        this.partition = partition;
        this.log = log;
        this.trace = run.trace;
        this.lastActivity = startedAt;
    }

    void restore(Snapshot s) {
        offset = s.offset();
        maxEventTime = s.maxEventTime();
        lastWatermark = s.lastWatermark();
        idle = s.idle();
        finished = s.finished();
    }

    /** In a run that never restores a checkpoint ({@link StreamRun#restorable}), only whether the source finished. */
    @Override
    Snapshot snapshot() {
        if (!run.restorable) {
            return finished ? FINISHED : RUNNING;
        }
        return new Snapshot(offset, maxEventTime, lastWatermark, idle, finished);
    }

    @Override
    boolean holdsNothing(long t) {
        return !dead && !finished && offset < log.length && controlCount == 0 && atRest(t);
    }

    /**
     * A watermark tick at {@code t}, called after the next tick is armed, with whether it would
     * change nothing ({@link #tickChangesNothing}, found by the caller as the source is now). Such a
     * tick leaves the source as it is, its pending wake-up included, so a tick skipped
     * ({@link StreamRun}) and a tick taken give the same run.
     */
    void tick(long t, boolean changesNothing) {
        if (finished || dead) {
            return;
        }
        if (!changesNothing) {
            addControl(t, TICK);
            scheduleWake(t);
        }
    }

    /**
     * Whether a tick at {@code t} would be processed at once and leave everything as it is: the
     * source is at rest with no control waiting, has read nothing since its last tick that raised
     * its watermark ({@link #raisedSinceTick}), and is idle
     * already, or has neither reached its idle timeout nor a watermark above the last one sent.
     * {@link #emitWatermark} would then only clear {@link #raisedSinceTick}, which is clear, at no cost.
     */
    boolean tickChangesNothing(long t) {
        if (raisedSinceTick || controlCount != 0 || !atRest(t)) {
            return false;
        }
        return idle || (!idleTimedOut(t) && watermarkCandidate() <= lastWatermark);
    }

    /**
     * Whether the tick at {@code t}, this source's only one with something to do, can be taken in
     * one step instead of by a wake-up ({@link #takeTickInOneStep}): the source is at rest, alive,
     * with records left and nothing else waiting, and feeds keyed tasks; the tick sends them an
     * idle mark or a watermark; each of them holds nothing, with no wake-up pending and no early
     * fire due (taking a watermark or idle mark never asks for one); the element reaches them before
     * anything else is due and within the {@linkplain StreamRun#horizon horizon}; and the source
     * reads next after that.
     */
    boolean canTakeTickInOneStep(long t) {
        if (finished || dead || idle || controlCount != 0 || offset >= log.length || outputs.length == 0
                || !atRest(t)) {
            return false;
        }
        boolean goesIdle = idleTimedOut(t);
        if (!goesIdle && watermarkCandidate() <= lastWatermark) {
            return false;
        }
        long arrival = t + tickCost(t, goesIdle) + costs.networkHopNanos();
        if (arrival > run.horizon() || run.sim.nextEventTime() <= arrival || nextReadTime(t) <= arrival) {
            return false;
        }
        for (Channel ch : outputs) {
            if (!((KeyedTask) ch.consumer).holdsNothingAndWaitsForNothing(t)) {
                return false;
            }
        }
        return true;
    }

    /** What taking a tick at {@code t} that sends an idle mark (none) or a watermark costs, as charged. */
    private long tickCost(long t, boolean goesIdle) {
        return goesIdle ? 0 : charged(costs.recordNanos(), t);
    }

    /**
     * Takes the tick at {@code t} in one step, for a source that {@linkplain #canTakeTickInOneStep
     * can}; called after the tick's other actions. Event by event, the source would take the tick
     * at {@code t}, send its idle mark or watermark, and arm its wake-up for its next read; each
     * consumer would wake where the element arrives, in the order the source sends to them, and
     * nothing else would run until they had. So the source does here what it would, its wake-up
     * is armed as it would be, and each consumer runs its wake-up in line
     * ({@link Task#wakeInOneStep}), the wake-ups of the consumers after it counted as pending.
     */
    void takeTickInOneStep(long t) {
        boolean goesIdle = idleTimedOut(t);
        long busy = tickCost(t, goesIdle);
        long arrival = t + busy + costs.networkHopNanos();
        raisedSinceTick = false;
        Control element;
        if (goesIdle) {
            idle = true;
            element = Control.IDLE;
            run.idleTicksInOneStep++;
        } else {
            lastWatermark = watermarkCandidate();
            element = new Control.Watermark(lastWatermark);
        }
        busyNanos += busy;
        busyUntil = t + busy;
        for (Channel ch : outputs) {
            ch.push(element, arrival);
        }
        wakeAt(nextReadTime(t));
        for (int i = 0; i < outputs.length; i++) {
            outputs[i].consumer.wakeInOneStep(arrival, i < outputs.length - 1);
        }
    }

    /**
     * Whether a tick processed at {@code t} (+inf: at any time) or before may make this source idle:
     * it is not, and its idle timeout passes by then.
     */
    boolean mayGoIdleBy(long t) {
        long timeout = run.config.idleTimeout();
        if (idle || timeout <= 0) {
            return false;
        }
        return t == Long.MAX_VALUE || lastActivity > Long.MAX_VALUE - timeout || t - lastActivity >= timeout;
    }

    private boolean idleTimedOut(long t) {
        return run.config.idleTimeout() > 0 && t - lastActivity >= run.config.idleTimeout();
    }

    /** Checkpoint {@code id}'s barrier, injected at {@code t}. */
    void injectBarrier(long id, long t) {
        addControl(t, id);
        scheduleWake(t);
    }

    /** When the next record may be read (its arrival, or the end of a stall), or +inf at the end of the log. */
    long nextReadTime(long t) {
        if (offset >= log.length) {
            return Long.MAX_VALUE;
        }
        return run.stallEnd(Math.max(trace.arrivalTime(log[offset]), t));
    }

    /** Whether the source has nothing to read for now and is idle, so ticks can wait for the next arrival. */
    boolean quiet() {
        return finished || dead || (idle && !raisedSinceTick);
    }

    /**
     * Whether a watermark tick would change nothing for this source now and until
     * {@link #nextTickChange}: it is done, or it is at rest and has read nothing since its last tick
     * (which has been processed) that raised its watermark, which cannot move until it reads again.
     */
    boolean settled(long t) {
        return finished || dead || (!raisedSinceTick && controlCount == 0 && atRest(t));
    }

    /**
     * The earliest time a tick may change something for a settled source that is neither finished
     * nor dead, its next read being at {@code nextRead} ({@link #nextReadTime}): that read, or when
     * it goes idle.
     */
    long nextTickChange(long nextRead) {
        return nextTickChange(nextRead, idle);
    }

    private long nextTickChange(long nextRead, boolean idleThen) {
        long next = nextRead;
        long idleTimeout = run.config.idleTimeout();
        if (!idleThen && idleTimeout > 0) {
            next = Math.min(next, lastActivity + idleTimeout);
        }
        return next;
    }

    /**
     * Whether this source, which the tick at {@code t} changes, is {@linkplain #settled settled} once
     * it has taken it, and takes it at once: it is at rest with no control waiting, so it takes the
     * tick at {@code t} — a watermark or an idle mark, and nothing read since — and is done within
     * the watermark interval. It stays settled until {@link #nextTickChangeAfterTick}, or a barrier.
     */
    boolean settlesWithTick(long t) {
        return controlCount == 0 && atRest(t) && tickCost(t, idleTimedOut(t)) < run.config.watermarkInterval();
    }

    /** {@link #nextTickChange} once this source has taken the tick at {@code t}, which may make it idle. */
    long nextTickChangeAfterTick(long t, long nextRead) {
        return nextTickChange(nextRead, idle || idleTimedOut(t));
    }

    @Override
    long readyTime(long t) {
        if (offset >= log.length) {
            return t; // nothing left: finish
        }
        if (controlCount > 0 && controlTimes[controlHead] <= t) {
            return t;
        }
        return Math.min(nextReadTime(t), controlCount == 0 ? Long.MAX_VALUE : controlTimes[controlHead]);
    }

    @Override
    void processNext(long t) {
        if (controlCount > 0 && controlTimes[controlHead] <= t) {
            long id = controlIds[controlHead];
            controlHead = (controlHead + 1) & (controlIds.length - 1);
            controlCount--;
            if (id == TICK) {
                emitWatermark(t);
            } else {
                cost += costs.checkpointBaseNanos();
                broadcast(new Control.Barrier(id));
                acknowledge(id, snapshot());
            }
            return;
        }
        if (offset >= log.length) {
            finish();
            return;
        }
        int i = log[offset];
        run.recordRead(this, offset, t);
        offset++;
        lastActivity = t;
        idle = false;
        long lateBound = watermarkCandidate();
        maxEventTime = Math.max(maxEventTime, trace.eventTime(i));
        if (watermarkCandidate() > lastWatermark) {
            raisedSinceTick = true;
        }
        cost += costs.recordNanos();
        Row row = Row.of(trace, i);
        StreamRecord record = new StreamRecord(row, null, i, null, trace.arrivalTime(i), lateBound);
        if (!run.sourceFilter.test(row)) {
            commit(record);
        } else {
            push(record, plan.from[0], false);
        }
        if (offset >= log.length) {
            finish();
        }
    }

    private void emitWatermark(long t) {
        raisedSinceTick = false;
        if (idle) {
            return;
        }
        if (idleTimedOut(t)) {
            idle = true;
            broadcast(Control.IDLE);
            return;
        }
        long wm = watermarkCandidate();
        if (wm > lastWatermark) {
            lastWatermark = wm;
            cost += costs.recordNanos();
            broadcast(new Control.Watermark(wm));
        }
    }

    /** The event-time contract's watermark after the largest event time read so far, never below the last one sent. */
    private long watermarkCandidate() {
        if (maxEventTime == Long.MIN_VALUE) {
            return lastWatermark;
        }
        return Math.max(lastWatermark, run.config.eventTime().watermarkAfter(maxEventTime));
    }

    private void finish() {
        lastWatermark = Long.MAX_VALUE;
        broadcast(new Control.Watermark(Long.MAX_VALUE));
        broadcast(Control.END);
        endPending = true;
        controlCount = 0;
    }

    /** Queues a control action due at {@code t}: a tick ({@link #TICK}) or checkpoint {@code id}'s barrier. */
    private void addControl(long t, long id) {
        int capacity = controlIds.length;
        if (controlCount == capacity) {
            // Unrolled into the front of arrays twice the size (the capacity stays a power of two).
            long[] times = new long[capacity * 2];
            long[] ids = new long[capacity * 2];
            for (int i = 0; i < controlCount; i++) {
                int at = (controlHead + i) & (capacity - 1);
                times[i] = controlTimes[at];
                ids[i] = controlIds[at];
            }
            controlTimes = times;
            controlIds = ids;
            controlHead = 0;
            capacity *= 2;
        }
        int at = (controlHead + controlCount) & (capacity - 1);
        controlTimes[at] = t;
        controlIds[at] = id;
        controlCount++;
    }
}
