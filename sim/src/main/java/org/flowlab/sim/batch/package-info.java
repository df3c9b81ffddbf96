/**
 * The batch and micro-batch engines: ingestion lands records in a {@link org.flowlab.sim.batch.StagingArea};
 * a {@link org.flowlab.sim.batch.Schedule} (batch) or a trigger interval (micro-batch) starts runs that
 * read what was staged since the last one, execute map, shuffle and aggregate stages as tasks on a
 * simulated cluster with retries, reruns, lineage recomputation and speculation, and commit
 * atomically; state lives on between runs, so the final table equals the reference oracle's under
 * any fault plan. {@link org.flowlab.sim.batch.BatchEngine} and {@link org.flowlab.sim.batch.MicroBatchEngine}
 * are the entry points, two configurations of one {@link org.flowlab.sim.batch.RunLoopEngine};
 * {@link org.flowlab.sim.batch.BatchFigures} holds what only batch runs measure.
 */
package org.flowlab.sim.batch;
