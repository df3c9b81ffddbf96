package org.flowlab.sim.batch;

import org.flowlab.sim.job.ResultKey;

/** Where a stateful stage's results go: on to the next stage, or into the job's result table. */
interface StageOutput {

    /**
     * The stage's result at {@code at} is now {@code result} (the value for the job's last step,
     * else the row passed on), or gone when null. {@code lineage} holds input records not yet
     * marked visible that this result reflects; the callee takes it over.
     */
    void put(ResultKey at, Object result, long maxArrival, IntList lineage, RunDelta delta);
}
