package org.flowlab.sim.batch;

import java.util.Objects;
import org.flowlab.sim.engine.Engine;
import org.flowlab.sim.engine.ProgressListener;
import org.flowlab.sim.engine.RunOutcome;
import org.flowlab.sim.job.Job;
import org.flowlab.workloads.Trace;

/**
 * The batch engine: records land in a staging area as they arrive; a schedule starts runs; each
 * run reads what was staged since the last successful one, executes map, shuffle and aggregate
 * stages as tasks on the cluster, and commits atomically — nothing of a run is visible before its
 * commit, all of it at once after. Later runs upsert into the result table (in the {@code updates}
 * output mode a window touched by a run shows its partial result; in {@code final} only what the
 * run's watermark completed), process functions keep per-key state between runs,
 * failed tasks are retried, failed runs rerun, lost intermediate results recomputed.
 * <pre>{@code
 * RunOutcome out = BatchEngine.run(job, trace, BatchConfig.defaults().withSchedule("every 1h"));
 * }</pre>
 */
public final class BatchEngine implements Engine {
    private final BatchConfig config;

    public BatchEngine(BatchConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /** Runs {@code job} over {@code trace} with {@code config}. */
    public static RunOutcome run(Job job, Trace trace, BatchConfig config) {
        return new BatchEngine(config).run(job, trace);
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

    /** The run with the figures only batch engines have: runs, retries, reruns, staging, each run. */
    public BatchRun runWithFigures(Job job, Trace trace) {
        return loop(job, trace).run();
    }

    private RunLoop loop(Job job, Trace trace) {
        RunLoop.Mode mode = new RunLoop.Mode(name(), config.output(), LatePolicy.CORRECT,
                Trigger.of(config.schedule(), config.execution().backgroundLoad()),
                RunPlan.Costs.batch(config.execution().costs()), config.eventTime());
        return new RunLoop(job, trace, config.execution(), mode);
    }

    public BatchConfig config() {
        return config;
    }

    @Override
    public String name() {
        return config.engineName();
    }
}
