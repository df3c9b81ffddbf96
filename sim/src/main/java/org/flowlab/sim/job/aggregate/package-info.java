/**
 * Aggregate functions as four functions (create, add, merge, result) whose results do not depend
 * on the order or grouping of adds and merges, because a stream adds rows one at a time while a
 * batch engine merges partial results in other orders: the built-ins in
 * {@link org.flowlab.sim.job.aggregate.Aggregates} keep exact sums, break ties by value, and use
 * immutable, persistent accumulators that checkpoints can hold by reference.
 */
package org.flowlab.sim.job.aggregate;
