package org.flowlab.sim.batch;

/** How a batch or micro-batch engine's cluster is provisioned and billed. */
public enum ClusterMode {
    /** Always on: billed for all of virtual time from 0 to the last commit, busy or not. */
    FIXED,
    /**
     * Started for a run and billed only while starting and running, as a serverless or pooled
     * Spark service bills per second of use. A run pays the cluster start-up of the cost model
     * unless a run ended less than the warm-pool time before it ({@link ExecutionSettings#warmPool}),
     * when the provider's pool still holds warm capacity; the idle time between runs is not billed.
     */
    EPHEMERAL
}
