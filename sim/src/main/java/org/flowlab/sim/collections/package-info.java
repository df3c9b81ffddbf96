/**
 * Primitive collections for the engines' per-record hot paths, shared by the batch and the stream engines: maps keyed by a job's {@code long} grouping key that neither box keys nor allocate entries, and the slots of a hash index over entries kept in a dense array (result keys). Their layouts follow {@link org.flowlab.workloads.hash.LongHash}, and no engine lets a layout decide the order of an output.
 */
package org.flowlab.sim.collections;
