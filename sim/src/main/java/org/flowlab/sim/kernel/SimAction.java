package org.flowlab.sim.kernel;

/**
 * Something to do at a point of virtual time. The running {@link Simulation} is passed in rather
 * than captured, so an action can read the clock and schedule follow-ups without holding a
 * reference to one simulation: a method reference such as {@code task::wake} or a constant action
 * works in any simulation, which is what lets engines build operators from suppliers and rerun them.
 */
@FunctionalInterface
public interface SimAction {
    /** Runs the action; {@code sim.now()} is the time it was scheduled for. */
    void run(Simulation sim);
}
