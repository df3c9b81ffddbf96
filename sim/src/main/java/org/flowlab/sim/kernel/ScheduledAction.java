package org.flowlab.sim.kernel;

/**
 * The handle of one scheduled action: its time and sequence number, and a way to cancel it.
 * Engines keep the handle of a timer that may be superseded (a wake-up, a timeout) and cancel it
 * when they schedule the replacement. The handle only points at the action's queue entry; the
 * simulation never reads it while running, so a handle nobody keeps costs next to nothing.
 */
public final class ScheduledAction {
    private final EventQueue<SimAction> queue;
    private final int slot;
    private final long sequence;
    private final long time;
    private boolean cancelled;

    ScheduledAction(EventQueue<SimAction> queue, int slot, long sequence, long time) {
        this.queue = queue;
        this.slot = slot;
        this.sequence = sequence;
        this.time = time;
    }

    /** The virtual time, in nanoseconds, the action is scheduled for. */
    public long time() {
        return time;
    }

    /** The tie-breaker: among actions at the same time, a lower sequence runs first. */
    public long sequence() {
        return sequence;
    }

    /** True until the action starts running or is cancelled. */
    public boolean isPending() {
        return queue.contains(slot, sequence);
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** True once the simulation has started running the action. */
    public boolean hasStarted() {
        return !cancelled && !isPending();
    }

    /**
     * Cancels the action if it is still pending and says whether it did; cancelling an action that
     * already started or was already cancelled does nothing and returns false.
     */
    public boolean cancel() {
        if (queue.cancel(slot, sequence)) {
            cancelled = true;
            return true;
        }
        return false;
    }

    @Override
    public String toString() {
        String state = cancelled ? "cancelled" : isPending() ? "pending" : "started";
        return "ScheduledAction[time=" + time + " ns, sequence=" + sequence + ", " + state + "]";
    }
}
