package org.flowlab.sim.batch;

import java.util.Objects;
import org.flowlab.sim.engine.Engine;
import org.flowlab.sim.engine.ProgressListener;
import org.flowlab.sim.engine.RunOutcome;
import org.flowlab.sim.job.Job;
import org.flowlab.workloads.Trace;

/**
 * An engine that runs a job as a loop of committed runs ({@link RunLoop}): the batch and the
 * micro-batch engine, which differ only in when runs are due, what a run costs to start and commit,
 * and whether records found late are corrected or dropped. Everything else — running, reporting
 * progress, the figures of each run — is this one class.
 *
 * @param <C> the engine's configuration
 */
public abstract sealed class RunLoopEngine<C extends RunLoopConfig<C>> implements Engine
        permits BatchEngine, MicroBatchEngine {
    private final C config;
    private final LatePolicy latePolicy;

    /**
     * Runs {@code job} over {@code trace} with the engine {@code config} configures: {@code BatchEngine.run(job,
     * trace, BatchConfig.defaults())} or {@code MicroBatchEngine.run(job, trace, MicroBatchConfig.defaults())}.
     */
    public static RunOutcome run(Job job, Trace trace, RunLoopConfig<?> config) {
        RunLoopEngine<?> engine = config instanceof BatchConfig batch ? new BatchEngine(batch)
                : new MicroBatchEngine((MicroBatchConfig) config);
        return engine.run(job, trace);
    }

    RunLoopEngine(C config, LatePolicy latePolicy) {
        this.config = Objects.requireNonNull(config, "config");
        this.latePolicy = latePolicy;
    }

    /** When runs are due under this engine's config. */
    abstract Trigger trigger();

    /** What a run costs to start, per task and to commit under this engine's config. */
    abstract RunPlan.Costs runCosts();

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

    /** The run with the figures only batch engines have: runs or triggers, overruns, retries, reruns, staging, each run. */
    public BatchRun runWithFigures(Job job, Trace trace) {
        return loop(job, trace).run();
    }

    private RunLoop loop(Job job, Trace trace) {
        RunLoop.Mode mode = new RunLoop.Mode(name(), config.output(), latePolicy, trigger(), runCosts(), config.eventTime());
        return new RunLoop(job, trace, config.execution(), mode);
    }

    public C config() {
        return config;
    }

    @Override
    public String name() {
        return config.engineName();
    }
}
