package org.flowlab.sim.batch;

import java.util.Objects;
import org.flowlab.sim.engine.Engine;
import org.flowlab.sim.engine.ProgressListener;
import org.flowlab.sim.engine.RunOutcome;
import org.flowlab.sim.job.Job;
import org.flowlab.workloads.Trace;

/**
 * The micro-batch engine, Spark Structured Streaming's model: the batch engine with a trigger
 * every interval, state carried between triggers, and windows finalised by the watermark (append
 * mode) — each window's result is emitted once, when the watermark passes its end. Triggers fall
 * on the multiples of the interval; a run that overruns one delays that trigger to its end (Spark's
 * processing-time trigger), and the figures count those overruns and the delay.
 * <pre>{@code
 * RunOutcome out = MicroBatchEngine.run(job, trace, MicroBatchConfig.defaults().withInterval("100ms"));
 * }</pre>
 */
public final class MicroBatchEngine implements Engine {
    private final MicroBatchConfig config;

    public MicroBatchEngine(MicroBatchConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /** Runs {@code job} over {@code trace} with {@code config}. */
    public static RunOutcome run(Job job, Trace trace, MicroBatchConfig config) {
        return new MicroBatchEngine(config).run(job, trace);
    }

    @Override
    public RunOutcome run(Job job, Trace trace) {
        return runWithFigures(job, trace).outcome();
    }

    /** {@link #run(Job, Trace)}, reporting after each commit how much of the trace has been read. */
    @Override
    public RunOutcome run(Job job, Trace trace, ProgressListener progress) {
        RunOutcome outcome = loop(job, trace).reportingTo(progress).run().outcome();
        progress.progress(1.0);
        return outcome;
    }

    /** The run with the figures only batch engines have: triggers, overruns, retries, each run. */
    public BatchRun runWithFigures(Job job, Trace trace) {
        return loop(job, trace).run();
    }

    private RunLoop loop(Job job, Trace trace) {
        RunLoop.Mode mode = new RunLoop.Mode(name(), config.output(), LatePolicy.DROP, Trigger.every(config.interval()),
                RunPlan.Costs.microBatch(config.execution().costs()), config.eventTime());
        return new RunLoop(job, trace, config.execution(), mode);
    }

    public MicroBatchConfig config() {
        return config;
    }

    @Override
    public String name() {
        return config.engineName();
    }
}
