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
    /** Whether anything was read since the last watermark tick (ticks may be skipped while nothing is). */
    boolean readSinceTick;

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
     * tick costs no wake-up: the source only re-arms its pending wake-up, as the wake for the tick
     * would have after finding nothing to do.
     */
    void tick(long t, boolean changesNothing) {
        if (finished || dead) {
            return;
        }
        if (changesNothing) {
            rearmWake(t);
        } else {
            addControl(t, TICK);
            scheduleWake(t);
        }
    }

    /**
     * Whether a tick at {@code t} would be processed at once and leave everything as it is: the
     * source is at rest with no control waiting, has read nothing since its last tick, and is idle
     * already, or has neither reached its idle timeout nor a watermark above the last one sent.
     * {@link #emitWatermark} would then only clear {@link #readSinceTick}, which is clear, at no cost.
     */
    boolean tickChangesNothing(long t) {
        if (readSinceTick || controlCount != 0 || !atRest(t)) {
            return false;
        }
        return idle || (!idleTimedOut(t) && watermarkCandidate() <= lastWatermark);
    }

    /**
     * Goes idle at the tick at {@code t} in one step, in place of the tick's wake-up and the idle
     * mark's delivery, when that tick would only do so: the source is at rest, alive, with records
     * left, nothing waiting and nothing read since its last tick, and has read nothing for the idle
     * timeout; every task it feeds {@linkplain KeyedTask#takesIdleMarkQuietly takes the mark
     * quietly}; and nothing else is due until the mark has arrived, which is within the
     * {@linkplain StreamRun#horizon horizon}. Event by event, the source would emit the mark at
     * no cost at {@code t}, each task would take it a hop later and find nothing more to do, and
     * nothing else would run in between, so the state each leaves is set here: the source idle
     * and busy up to {@code t}, each input idle and each task busy for the element. The source's
     * wake-up is left to the caller, {@link #wakeAt}, at the returned time: event by event it is
     * armed after the tick's other actions.
     *
     * @return when the source next reads, for its wake-up; -1 if it did not go idle here (nothing changed)
     */
    long goIdleInOneStep(long t) {
        if (finished || dead || idle || readSinceTick || controlCount != 0 || offset >= log.length
                || outputs.length == 0 || !atRest(t) || !idleTimedOut(t)) {
            return -1;
        }
        long arrival = t + costs.networkHopNanos();
        if (arrival > run.horizon() || run.sim.nextEventTime() <= arrival) {
            return -1;
        }
        for (Channel ch : outputs) {
            if (!((KeyedTask) ch.consumer).takesIdleMarkQuietly(ch.consumerInput, t)) {
                return -1;
            }
        }
        idle = true;
        busyUntil = t;
        for (Channel ch : outputs) {
            ((KeyedTask) ch.consumer).takeIdleMark(ch.consumerInput, arrival);
        }
        return nextReadTime(t);
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
        return finished || dead || (idle && !readSinceTick);
    }

    /**
     * Whether a watermark tick would change nothing for this source now and until
     * {@link #nextTickChange}: it is done, or it is at rest and has read nothing since its last tick
     * (which has been processed), so its watermark cannot move.
     */
    boolean settled(long t) {
        return finished || dead || (!readSinceTick && controlCount == 0 && atRest(t));
    }

    /**
     * The earliest time a tick may change something for a settled source that is neither finished
     * nor dead, its next read being at {@code nextRead} ({@link #nextReadTime}): that read, or when
     * it goes idle.
     */
    long nextTickChange(long nextRead) {
        long next = nextRead;
        long idleTimeout = run.config.idleTimeout();
        if (!idle && idleTimeout > 0) {
            next = Math.min(next, lastActivity + idleTimeout);
        }
        return next;
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
        readSinceTick = true;
        lastActivity = t;
        idle = false;
        long lateBound = watermarkCandidate();
        maxEventTime = Math.max(maxEventTime, trace.eventTime(i));
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
        readSinceTick = false;
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
