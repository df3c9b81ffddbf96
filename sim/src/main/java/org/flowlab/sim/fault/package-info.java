/**
 * Faults as data: a {@link org.flowlab.sim.fault.FaultPlan} lists worker crashes, task failures
 * with a probability, slow workers and source stalls, parsed from and printed to one line of text
 * ({@code crash:worker=2@1h+30s;task-fail:p=0.01}), and applied alike to every engine of a
 * comparison, so their recoveries can be compared.
 */
package org.flowlab.sim.fault;
