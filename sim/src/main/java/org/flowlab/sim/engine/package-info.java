/**
 * What every engine has in common, so the harness can treat them alike: the {@link
 * org.flowlab.sim.engine.Engine} interface, the {@link org.flowlab.sim.engine.RunOutcome} each run
 * returns (final results, metrics, late and duplicate counts, per-record visibility), and the
 * results an outcome must agree with ({@link org.flowlab.sim.engine.ExpectedResults}).
 */
package org.flowlab.sim.engine;
