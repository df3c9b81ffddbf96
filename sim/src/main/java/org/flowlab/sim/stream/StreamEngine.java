package org.flowlab.sim.stream;

import java.util.Objects;
import org.flowlab.sim.engine.Engine;
import org.flowlab.sim.engine.RunOutcome;
import org.flowlab.sim.job.Job;
import org.flowlab.workloads.Trace;

/**
 * The streaming engine, in one line: {@code StreamEngine.run(job, trace, StreamConfig.defaults())}.
 * Sources read partitioned logs at the records' arrival times, keyed tasks exchange elements
 * through bounded channels, event time advances through watermarks, aligned checkpoints snapshot
 * the state, and a failure restarts the job from the last completed checkpoint (see the package
 * documentation for the semantics, and {@link StreamConfig} for the knobs).
 */
public final class StreamEngine implements Engine {
    private final StreamConfig config;

    public StreamEngine(StreamConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /** Runs {@code job} over {@code trace} with {@code config}. */
    public static RunOutcome run(Job job, Trace trace, StreamConfig config) {
        return new StreamEngine(config).run(job, trace);
    }

    @Override
    public RunOutcome run(Job job, Trace trace) {
        return StreamRun.start(job, trace, config).finish();
    }

    /** A run set up and not yet started, to step through ({@link StreamRun#advanceTo}) or to watch. */
    public StreamRun start(Job job, Trace trace) {
        return StreamRun.start(job, trace, config);
    }

    public StreamConfig config() {
        return config;
    }

    @Override
    public String name() {
        return "stream";
    }
}
