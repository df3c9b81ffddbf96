package org.flowlab.sim.stream;

import java.util.Arrays;
import org.flowlab.sim.kernel.SimTimer;

/**
 * Aligned checkpoints, as in asynchronous barrier snapshotting: every interval it injects barrier n
 * at every source (a source snapshots its offset there), and the checkpoint completes when every
 * task has acknowledged its snapshot, plus the coordinator's round trip. At most one is in flight:
 * a trigger while one is pending is skipped. Completing a checkpoint commits what the tasks staged
 * before its barrier (exactly-once) and makes it the one a restart restores.
 */
final class CheckpointCoordinator {

    /** A task's acknowledgement: its snapshot and what it staged before the barrier. */
    record Ack(long checkpointId, Object snapshot, Epoch epoch) {
    }

    /**
     * A completed checkpoint: every task's snapshot, by slot (null in a run that never restores
     * one, {@link StreamRun#restorable}), and whether every task had finished.
     */
    record Completed(long id, Object[] snapshots, long triggeredAt, long completedAt, boolean allFinished) {
    }

    private final class Pending {
        long id;
        long triggeredAt;
        final Object[] snapshots;
        final Epoch[] epochs;
        int acks;
        long lastAck;

        Pending(long id, long triggeredAt, int tasks) {
            this.id = id;
            this.triggeredAt = triggeredAt;
            this.snapshots = new Object[tasks];
            this.epochs = new Epoch[tasks];
        }

        /** This completed checkpoint's arrays, made ready for checkpoint {@code newId}. */
        Pending reuse(long newId, long newTriggeredAt) {
            id = newId;
            triggeredAt = newTriggeredAt;
            Arrays.fill(snapshots, null);
            Arrays.fill(epochs, null);
            acks = 0;
            lastAck = 0;
            return this;
        }
    }

    private final StreamRun run;
    private long nextId = 1;
    private Pending pending;
    /**
     * In a run that never restores a checkpoint, the last one completed, for the next to reuse: no
     * restart can leave a completion stale or look at a completed checkpoint's snapshots there.
     */
    private Pending spare;
    /** Completes {@link #pending} in such a run, where at most one completion is ever pending. */
    private final SimTimer completion;
    private Completed last;
    /** How long each completed checkpoint took, trigger to completion: {@link #completed} of them. */
    private long[] durations = new long[16];
    private int completed;
    /** Scratch for {@link #passQuietGraph}, by task slot: when each task is done with the barrier, and how long it was busy. */
    private long[] end = new long[0];
    private long[] busy = new long[0];
    /** How many checkpoints completed in line, where they passed a quiet graph ({@link #passQuietGraph}). */
    int completedInLine;

    CheckpointCoordinator(StreamRun run) {
        this.run = run;
        this.completion = run.sim.timer(sim -> complete(pending, run.incarnation(), sim.now()));
    }

    boolean inProgress() {
        return pending != null;
    }

    long pendingId() {
        return pending == null ? -1 : pending.id;
    }

    Completed last() {
        return last;
    }

    /** How long each completed checkpoint took, trigger to completion, in the order they completed. */
    long[] durations() {
        return Arrays.copyOf(durations, completed);
    }

    /** How many checkpoints have completed. */
    int completedCount() {
        return completed;
    }

    /** Starts a checkpoint at {@code t} unless one is in flight; finished tasks acknowledge at once. */
    void trigger(long t) {
        trigger(t, false);
    }

    /**
     * {@link #trigger(long)}, by the checkpoint timer, which does nothing after it but arm itself
     * again: a checkpoint that passes a quiet graph may then complete here, in line
     * ({@link #passQuietGraph}).
     */
    void triggerByTimer(long t) {
        trigger(t, true);
    }

    private void trigger(long t, boolean byTimer) {
        if (pending != null) {
            return;
        }
        Task[] tasks = run.tasks();
        pending = spare != null ? spare.reuse(nextId++, t) : new Pending(nextId++, t, tasks.length);
        spare = null;
        // A quiet graph's sources take the barrier at once; otherwise when they are free, which is not known yet.
        run.barrierBusiesSources(t, quietSourcesFreeAt(t));
        if (passQuietGraph(t, byTimer)) {
            return;
        }
        run.barrierBusiesSources(t, Long.MAX_VALUE);
        long id = pending.id;
        for (Task task : tasks) {
            if (task.finished) {
                acknowledgeFinished(task, t);
            } else if (task instanceof SourceTask source) {
                source.injectBarrier(id, t);
            }
        }
    }

    /** When the last source is done with a barrier it takes at {@code t}, at rest: as {@link #passQuietGraph} has them take it. */
    private long quietSourcesFreeAt(long t) {
        long free = t;
        for (SourceTask source : run.sources()) {
            free = Math.max(free, t + source.charged(run.costs.checkpointBaseNanos(), t));
        }
        return free;
    }

    /** A finished task acknowledges the pending checkpoint, if it has not, with its final state. */
    void acknowledgeFinished(Task task, long t) {
        if (pending == null || task.lastAckedCheckpoint >= pending.id) {
            return;
        }
        ack(task, task.seal(pending.id, task.snapshot()), t);
    }

    /**
     * The pending checkpoint, triggered at {@code t}, in one step when the graph is quiet: every
     * task holds nothing, and nothing else is due until the checkpoint would complete. The barriers
     * then meet nothing on their way, so each task's passage follows from its producers' alone —
     * a source takes its barrier at {@code t}, a keyed task its inputs' barriers a hop after their
     * producers ended, earliest first — and the acknowledgements, busy times and completion time
     * are those of the passage event by event, with the completion the only kernel event.
     *
     * <p>The event-by-event passage also arms each task's next wake-up again (a source's next read,
     * a keyed task's early fire), at the time it is pending for already; here it is left as it is,
     * which changes no order only while no other action shares its time. Without a network hop,
     * or while the run may be looked at before the completion (stepped to a time before it), the
     * checkpoint goes event by event.
     *
     * <p>In a run that never restores a checkpoint, triggered by the timer ({@code byTimer}), the
     * checkpoint completes here too, at its completion time: nothing is due before it, and the
     * timer that triggered it only arms itself again, after the completion event by event and in
     * line alike, so the completion is the next thing to happen either way, and nothing in it asks
     * the clock for the time. The quiet stretches of a low-rate run then cost no kernel event for
     * their checkpoints.
     *
     * @return whether the checkpoint passed here; if not, nothing has changed
     */
    private boolean passQuietGraph(long t, boolean byTimer) {
        if (run.phase != StreamRun.Phase.RUNNING || run.costs.networkHopNanos() <= 0) {
            return false;
        }
        Task[] tasks = run.tasks();
        if (end.length != tasks.length) {
            end = new long[tasks.length];
            busy = new long[tasks.length];
        }
        long[] end = this.end;
        long[] busy = this.busy;
        long lastAck = t;
        for (Task task : tasks) {
            if (!task.holdsNothing(t)) {
                return false;
            }
            if (task instanceof KeyedTask keyed) {
                end[task.slot] = keyed.barrierPassage(end, busy);
            } else {
                busy[task.slot] = task.charged(run.costs.checkpointBaseNanos(), t);
                end[task.slot] = t + busy[task.slot];
            }
            lastAck = Math.max(lastAck, end[task.slot]);
        }
        long completeAt = lastAck + run.costs.checkpointCoordinatorNanos();
        long nextTimer = t + run.config.checkpointInterval();
        if (completeAt > run.horizon() || completeAt >= run.sim.nextEventTime() || completeAt >= nextTimer) {
            return false;
        }
        for (Task task : tasks) {
            long wake = task.readyTime(end[task.slot]);
            if (wake != task.wakeTime() || wake != Long.MAX_VALUE && (wake == nextTimer || task.wakeSharesItsTime())) {
                return false;
            }
        }
        for (Task task : tasks) {
            task.passedBarrier(end[task.slot], busy[task.slot]);
            // In the order an acknowledgement is made: the snapshot, then the epoch sealed.
            pending.snapshots[task.slot] = task.snapshot();
            pending.epochs[task.slot] = task.sealEpoch(pending.id);
        }
        pending.acks = tasks.length;
        pending.lastAck = lastAck;
        if (byTimer && !run.restorable) {
            completedInLine++;
            complete(pending, run.incarnation(), completeAt);
        } else {
            scheduleCompletion(pending, completeAt);
        }
        return true;
    }

    /** Completes {@code done} at {@code at}, unless a restart comes first. */
    private void scheduleCompletion(Pending done, long at) {
        if (!run.restorable) {
            completion.arm(at);
            return;
        }
        int incarnation = run.incarnation();
        run.sim.schedule(at, sim -> complete(done, incarnation, sim.now()));
    }

    void ack(Task task, Ack ack, long t) {
        if (task.dead || pending == null || ack.checkpointId() != pending.id || pending.snapshots[task.slot] != null) {
            return;
        }
        pending.snapshots[task.slot] = ack.snapshot();
        pending.epochs[task.slot] = ack.epoch();
        pending.acks++;
        pending.lastAck = Math.max(pending.lastAck, t);
        if (pending.acks == pending.snapshots.length) {
            scheduleCompletion(pending, Math.max(run.sim.now(), pending.lastAck + run.costs.checkpointCoordinatorNanos()));
        }
    }

    /** Completes {@code done} at {@code now}, unless the run restarted since it was triggered. */
    private void complete(Pending done, int incarnation, long now) {
        if (done == null || pending != done || incarnation != run.incarnation()) {
            return;
        }
        pending = null;
        boolean allFinished = true;
        for (Object s : done.snapshots) {
            allFinished &= s instanceof SourceTask.Snapshot src ? src.finished() : ((KeyedTask.Snapshot) s).finished();
        }
        last = new Completed(done.id, run.restorable ? done.snapshots : null, done.triggeredAt, now, allFinished);
        if (completed == durations.length) {
            durations = Arrays.copyOf(durations, completed * 2);
        }
        durations[completed++] = now - done.triggeredAt;
        for (Epoch e : done.epochs) {
            e.commit(run.sink, run.visibility, now);
        }
        if (!run.restorable) {
            spare = done;
        }
        run.checkpointCompleted(last);
    }

    /** The job is being restarted: the checkpoint in flight will never complete. */
    void abort() {
        pending = null;
    }
}
