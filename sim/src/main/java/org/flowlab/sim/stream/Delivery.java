package org.flowlab.sim.stream;

/** When a stream's outputs become visible to consumers, and whether they may repeat. */
public enum Delivery {
    /** Visible as soon as the sink writes them; after a restart, replayed outputs are written again (duplicates). */
    AT_LEAST_ONCE,
    /** Staged per checkpoint and visible when that checkpoint completes; never duplicated, later. */
    EXACTLY_ONCE
}
