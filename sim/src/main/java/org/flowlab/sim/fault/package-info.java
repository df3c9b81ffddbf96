/**
 * Faults as data: a {@link org.flowlab.sim.fault.FaultPlan} lists worker crashes, task failures
 * (at a time, or at random with a mean time between failures), slow workers and source stalls,
 * parsed from and printed to one line of text ({@code crash:worker=2@1h+30s;task-fail:mtbf=2h}).
 * Every fault is an event in virtual time on a worker or the sources, the same for every engine of
 * a comparison ({@link org.flowlab.sim.fault.TaskFailureTimes} draws the random ones from the run
 * seed alone); what it does depends on what the engine runs there then, so their recoveries can be
 * compared.
 */
package org.flowlab.sim.fault;
