package org.flowlab.sim.kernel;

/**
 * The handle of one scheduled action: its time and sequence number, and a way to cancel it.
 * Engines keep the handle of a timer that may be superseded (a wake-up, a timeout) and cancel it
 * when they schedule the replacement. Cancelling is lazy: the entry stays in the queue with a
 * tombstone and is dropped when it reaches the front (or when the simulation compacts its queue).
 */
public final class ScheduledAction {
    private static final byte PENDING = 0;
    private static final byte CANCELLED = 1;
    private static final byte STARTED = 2;

    private final Simulation simulation;
    private final SimAction action;
    private final long time;
    private long sequence;
    private byte state;

    ScheduledAction(Simulation simulation, SimAction action, long time) {
        this.simulation = simulation;
        this.action = action;
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
        return state == PENDING;
    }

    public boolean isCancelled() {
        return state == CANCELLED;
    }

    /** True once the simulation has started running the action. */
    public boolean hasStarted() {
        return state == STARTED;
    }

    /**
     * Cancels the action if it is still pending and says whether it did; cancelling an action that
     * already started or was already cancelled does nothing and returns false.
     */
    public boolean cancel() {
        if (state != PENDING) {
            return false;
        }
        state = CANCELLED;
        simulation.cancelled();
        return true;
    }

    void setSequence(long sequence) {
        this.sequence = sequence;
    }

    void start(Simulation sim) {
        state = STARTED;
        action.run(sim);
    }

    @Override
    public String toString() {
        String name = switch (state) {
            case PENDING -> "pending";
            case CANCELLED -> "cancelled";
            default -> "started";
        };
        return "ScheduledAction[time=" + time + " ns, sequence=" + sequence + ", " + name + "]";
    }
}
