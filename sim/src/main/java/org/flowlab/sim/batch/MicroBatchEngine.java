package org.flowlab.sim.batch;

import org.flowlab.sim.engine.RunOutcome;

/**
 * The micro-batch engine, Spark Structured Streaming's model: the batch engine with a trigger
 * every interval, state carried between triggers, and windows finalised by the watermark (append
 * mode) — each window's result is emitted once, when the watermark passes its end. Triggers fall
 * on the multiples of the interval; a run that overruns one delays that trigger to its end (Spark's
 * processing-time trigger), and the figures count those overruns and the delay. Records found late
 * are dropped and counted.
 * <pre>{@code
 * RunOutcome out = MicroBatchEngine.run(job, trace, MicroBatchConfig.defaults().withInterval("100ms"));
 * }</pre>
 */
public final class MicroBatchEngine extends RunLoopEngine<MicroBatchConfig> {

    public MicroBatchEngine(MicroBatchConfig config) {
        super(config, LatePolicy.DROP);
    }

    @Override
    Trigger trigger() {
        return Trigger.every(config().interval());
    }

    @Override
    RunPlan.Costs runCosts() {
        return RunPlan.Costs.microBatch(config().execution().costs());
    }
}
