package org.flowlab.sim.stream;

import org.flowlab.sim.job.ResultKey;

/**
 * One output on its way to consumers: where it belongs in the result table, its value, and for the
 * metrics the input records it reflects and the latest arrival among them (-1 when unknown).
 */
record SinkOutput(ResultKey at, Object value, int sourceId, Lineage lineage, long maxArrival) {
}
