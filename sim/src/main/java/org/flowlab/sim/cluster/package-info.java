/**
 * What a job runs on and what each step of work costs: a {@link org.flowlab.sim.cluster.ClusterSpec}
 * (workers, slots per worker, price per worker-hour) and the {@link org.flowlab.sim.cluster.CostModel},
 * the virtual-time price of every record, state access, network hop, checkpoint and batch start-up,
 * whose defaults live in one commented resource, {@code cost-model.json}, shared by every engine.
 */
package org.flowlab.sim.cluster;
