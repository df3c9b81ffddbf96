package org.flowlab.sim.stream;

import java.util.ArrayDeque;
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
    private static final byte TICK = 0;
    private static final byte BARRIER = 1;

    /** A control action waiting for the source: a watermark tick or a barrier to inject. */
    private record Pending(byte kind, long time, long checkpointId) {
    }

    /** What a checkpoint keeps of a source. */
    record Snapshot(int offset, long maxEventTime, long lastWatermark, boolean idle, boolean finished) {
    }

    /** The snapshots of a run that never restores one: they tell only whether the source finished. */
    private static final Snapshot RUNNING = new Snapshot(0, Long.MIN_VALUE, Long.MIN_VALUE, false, false);
    private static final Snapshot FINISHED = new Snapshot(0, Long.MIN_VALUE, Long.MIN_VALUE, false, true);

    final int partition;
    private final int[] log;
    private final Trace trace;
    private final ArrayDeque<Pending> controls = new ArrayDeque<>();
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
        return !dead && !finished && offset < log.length && controls.isEmpty() && atRest(t);
    }

    /**
     * A watermark tick at {@code t}, called after the next tick is armed. A tick that would change
     * nothing ({@link #tickChangesNothing}) costs no wake-up: the source only re-arms its pending
     * wake-up, as the wake for the tick would have after finding nothing to do.
     */
    void tick(long t) {
        if (finished || dead) {
            return;
        }
        if (tickChangesNothing(t)) {
            rearmWake(t);
        } else {
            controls.add(new Pending(TICK, t, 0));
            scheduleWake(t);
        }
    }

    /**
     * Whether a tick at {@code t} would be processed at once and leave everything as it is: the
     * source is at rest with no control waiting, has read nothing since its last tick, and is idle
     * already, or has neither reached its idle timeout nor a watermark above the last one sent.
     * {@link #emitWatermark} would then only clear {@link #readSinceTick}, which is clear, at no cost.
     */
    private boolean tickChangesNothing(long t) {
        if (readSinceTick || !controls.isEmpty() || !atRest(t)) {
            return false;
        }
        return idle || (!idleTimedOut(t) && watermarkCandidate() <= lastWatermark);
    }

    private boolean idleTimedOut(long t) {
        return run.config.idleTimeout() > 0 && t - lastActivity >= run.config.idleTimeout();
    }

    /** Checkpoint {@code id}'s barrier, injected at {@code t}. */
    void injectBarrier(long id, long t) {
        controls.add(new Pending(BARRIER, t, id));
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
        return finished || dead || (!readSinceTick && controls.isEmpty() && atRest(t));
    }

    /** The earliest time a tick may change something for a settled source: its next read, or when it goes idle. */
    long nextTickChange(long t) {
        if (finished || dead) {
            return Long.MAX_VALUE;
        }
        long next = nextReadTime(t);
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
        Pending c = controls.peek();
        if (c != null && c.time() <= t) {
            return t;
        }
        return Math.min(nextReadTime(t), c == null ? Long.MAX_VALUE : c.time());
    }

    @Override
    void processNext(long t) {
        Pending c = controls.peek();
        if (c != null && c.time() <= t) {
            controls.poll();
            if (c.kind() == TICK) {
                emitWatermark(t);
            } else {
                cost += costs.checkpointBaseNanos();
                broadcast(new Control.Barrier(c.checkpointId()));
                acknowledge(c.checkpointId(), snapshot());
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
        controls.clear();
    }
}
