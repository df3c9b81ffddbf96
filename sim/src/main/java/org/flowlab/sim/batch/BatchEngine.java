package org.flowlab.sim.batch;

import org.flowlab.sim.engine.RunOutcome;

/**
 * The batch engine: records land in a staging area as they arrive; a schedule starts runs; each
 * run reads what was staged since the last successful one, executes map, shuffle and aggregate
 * stages as tasks on the cluster, and commits atomically — nothing of a run is visible before its
 * commit, all of it at once after. Later runs upsert into the result table (in the {@code updates}
 * output mode a window touched by a run shows its partial result; in {@code final} only what the
 * run's watermark completed), process functions keep per-key state between runs,
 * failed tasks are retried, failed runs rerun, lost intermediate results recomputed. A record that
 * arrives for a partition a run already completed is corrected by the next run.
 * <pre>{@code
 * RunOutcome out = BatchEngine.run(job, trace, BatchConfig.defaults().withSchedule("every 1h"));
 * }</pre>
 */
public final class BatchEngine extends RunLoopEngine<BatchConfig> {

    public BatchEngine(BatchConfig config) {
        super(config, LatePolicy.CORRECT);
    }

    @Override
    Trigger trigger() {
        return Trigger.of(config().schedule(), config().execution().backgroundLoad());
    }

    @Override
    RunPlan.Costs runCosts() {
        return RunPlan.Costs.batch(config().execution().costs());
    }
}
