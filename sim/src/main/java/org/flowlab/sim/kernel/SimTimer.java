package org.flowlab.sim.kernel;

/**
 * One action a component schedules again and again, at most once pending at a time: a task's
 * wake-up, a timeout. Arming it queues the action exactly as {@link Simulation#schedule} would (the
 * same queue, so the same (time, scheduling order)), but the timer keeps the entry's slot and
 * sequence number in its own fields instead of handing out a new {@link ScheduledAction}: a
 * component re-armed once per event allocates nothing per event.
 *
 * <p>Made by {@link Simulation#timer}; single-threaded like the simulation.
 */
public final class SimTimer {
    private static final int NONE = -1;

    private final Simulation sim;
    private final SimAction action;
    // What the queue holds for this timer: the action is wrapped so that the timer knows when it starts.
    private final SimAction fire = this::fire;
    private int slot = NONE;
    private long sequence;
    private long time = Long.MAX_VALUE;

    /** Whether the action runs last among the actions at its time ({@link Simulation#lastTimer}). */
    private final boolean last;

    SimTimer(Simulation sim, SimAction action, boolean last) {
        this.sim = sim;
        this.action = action;
        this.last = last;
    }

    /** True from {@link #arm} until the action starts running or is cancelled. */
    public boolean isPending() {
        return slot != NONE;
    }

    /** The virtual time the action is pending for, or {@link Long#MAX_VALUE} if it is not pending. */
    public long time() {
        return time;
    }

    /**
     * Whether another action is pending at the same virtual time as this timer's: only then can
     * arming it again at that time change the order in which actions run.
     */
    public boolean sharesItsTime() {
        return slot != NONE && sim.queue().anyOtherAt(time, slot);
    }

    /**
     * Schedules the action at virtual time {@code at}, cancelling the pending one first if there is
     * one; at the same time, actions run in the order they were scheduled or armed.
     *
     * @throws IllegalArgumentException if {@code at} is before {@link Simulation#now()}
     */
    public void arm(long at) {
        if (at < sim.now()) { // checked before cancelling, so a refused time leaves the pending action as it was
            throw new IllegalArgumentException("cannot schedule at " + at + " ns: it is before now, " + sim.now() + " ns");
        }
        // In place if pending: what a cancel and a new add would do to the order, with no new slot.
        long moved = slot == NONE ? NONE : last ? sim.queue().moveLast(slot, sequence, at) : sim.queue().move(slot, sequence, at);
        if (moved != NONE) {
            sequence = moved;
        } else {
            slot = sim.enqueue(at, fire, true, last);
            sequence = sim.queue().sequenceAt(slot);
        }
        time = at;
    }

    /** Cancels the pending action, if there is one, and says whether there was. */
    public boolean cancel() {
        if (slot == NONE) {
            return false;
        }
        boolean cancelled = sim.queue().cancel(slot, sequence);
        clear();
        return cancelled;
    }

    private void fire(Simulation s) {
        clear();
        action.run(s);
    }

    private void clear() {
        slot = NONE;
        time = Long.MAX_VALUE;
    }

    @Override
    public String toString() {
        return "SimTimer[" + (isPending() ? "pending at " + time + " ns, sequence " + sequence : "idle") + "]";
    }
}
