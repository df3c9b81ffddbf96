/**
 * What a job runs on, what each step of work costs and what the run is charged: a
 * {@link org.flowlab.sim.cluster.ClusterSpec} (workers, slots per worker, price per worker-hour); the
 * {@link org.flowlab.sim.cluster.CostModel}, the virtual-time price of every record, state access,
 * network hop, checkpoint and batch start-up, whose defaults live in one commented resource,
 * {@code cost-model.json}, shared by every engine; and the one billing rule, also shared by every
 * engine, {@link org.flowlab.sim.cluster.ClusterTenancy}: every worker is billed for every instant
 * its cluster is held, busy or idle, into a {@link org.flowlab.sim.cluster.Bill} that says why.
 */
package org.flowlab.sim.cluster;
