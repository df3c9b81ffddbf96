/**
 * The discrete-event simulation kernel every engine runs on: a {@link
 * org.flowlab.sim.kernel.Simulation} holds a virtual clock of {@code long} nanoseconds, runs
 * {@link org.flowlab.sim.kernel.SimAction}s in (time, scheduling order) from a primitive-array
 * {@link org.flowlab.sim.kernel.EventQueue}, hands out cancellable {@link
 * org.flowlab.sim.kernel.ScheduledAction} handles for timers that get superseded ({@link
 * org.flowlab.sim.kernel.SimTimer}s that are armed again, or ordered again at their time in place),
 * and gives each
 * component its own named random stream split from the run seed, so a run is a pure function of
 * its seed and its inputs and adding a component never changes another's draws.
 */
package org.flowlab.sim.kernel;
