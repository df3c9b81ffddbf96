/**
 * The reference oracle: computes a job's exact final result directly from a trace, stage by stage
 * with plain sorted collections, sharing nothing with the engines but the job's own functions. It
 * defines the event-time semantics; every engine's final result must equal it.
 */
package org.flowlab.sim.oracle;
