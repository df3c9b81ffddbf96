package org.flowlab.sim.engine;

import org.flowlab.sim.fault.FaultPlan;
import org.flowlab.sim.job.Job;
import org.flowlab.workloads.Trace;

/**
 * One generated case of the engine contract: a job, a small trace, a fault plan, and what an
 * engine's configuration should take from it. Engine-neutral, so the batch and micro-batch engines
 * reuse the same cases.
 *
 * @param job            the job
 * @param trace          the trace
 * @param faults         the faults to inject (workers numbered below {@code workers})
 * @param workers        how many workers the cluster should have, one task slot per task
 * @param cadence        the engine's checkpoint (stream) or batch (batch) interval; crash times
 *                       are drawn near its multiples too, so crashes hit checkpoints and commits
 * @param outOfOrderness the disorder of the trace's orderly events: a stream's watermark should
 *                       stay this far behind, so only the deliberately delayed events can be late
 * @param seed           the run seed
 */
public record EngineScenario(Job job, Trace trace, FaultPlan faults, int workers, long cadence, long outOfOrderness,
                             long seed) {

    @Override
    public String toString() {
        return job.name() + " on " + trace.size() + " events, faults " + faults + ", " + workers + " workers, seed " + seed;
    }
}
