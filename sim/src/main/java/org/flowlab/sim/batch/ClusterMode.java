package org.flowlab.sim.batch;

/**
 * How a batch or micro-batch engine's cluster is provisioned. Either way it is billed by the one
 * rule every engine follows ({@link org.flowlab.sim.cluster.ClusterTenancy}): every worker for
 * every instant the cluster is held, busy or idle.
 */
public enum ClusterMode {
    /** Always on: held from the trace's start to the last commit, like the stream's cluster. */
    FIXED,
    /**
     * Started when a run asks for it, as a pooled Spark service or an ephemeral job cluster is: held
     * from the request, the cost model's cluster start-up included, to the run's end, and then kept
     * warm for {@link ExecutionSettings#warmPool}. A run that asks within the pool reuses the warm
     * cluster without a start-up, and the gap was held idle; a later one starts cold, and the pool
     * was held until it let the cluster go. Runs closer together than the pool keep the cluster held
     * all along.
     */
    EPHEMERAL
}
