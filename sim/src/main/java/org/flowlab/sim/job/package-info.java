/**
 * The logical job model, written once and run by every engine and by the reference oracle: a
 * {@link org.flowlab.sim.job.Job} is a source filter and a linear chain of
 * {@link org.flowlab.sim.job.Operator}s over immutable {@link org.flowlab.sim.job.Row}s — filter,
 * map, keyBy, windowed aggregates over tumbling, sliding, session or global windows, and keyed
 * process functions with state and event-time timers — together with the event-time semantics
 * every engine must reproduce (window assignment, firing, timer order) and the
 * {@link org.flowlab.sim.job.ResultTable} in which their final results are compared. The rules of
 * keyed process functions are written once, in {@link org.flowlab.sim.job.KeyedProcessContext}
 * (with {@link org.flowlab.sim.job.OutputNumbering} and, for runners that take one key at a time,
 * {@link org.flowlab.sim.job.PlainKeyRun}), which the oracle and every engine extend.
 */
package org.flowlab.sim.job;
