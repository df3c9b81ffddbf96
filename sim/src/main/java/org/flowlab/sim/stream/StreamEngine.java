package org.flowlab.sim.stream;

import java.util.Objects;
import org.flowlab.sim.engine.Engine;
import org.flowlab.sim.engine.ProgressListener;
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
    /** How many slices of the trace's arrival span a run with a progress listener is stepped through. */
    static final int PROGRESS_STEPS = 50;

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
        return StreamRun.startUnattended(job, trace, config).finish();
    }

    /**
     * {@link #run(Job, Trace)}, stepped through the trace's arrival span in {@value #PROGRESS_STEPS}
     * slices, telling {@code progress} after each the fraction of the trace arrived by then; stepping
     * a run changes no simulated number.
     */
    @Override
    public RunOutcome run(Job job, Trace trace, ProgressListener progress) {
        StreamRun run = StreamRun.startUnattended(job, trace, config);
        if (trace.size() > 0) {
            long first = trace.firstArrival();
            long span = trace.lastArrival() - first;
            int arrived = 0;
            for (int step = 1; step < PROGRESS_STEPS; step++) {
                long t = first + span / PROGRESS_STEPS * step;
                run.advanceTo(t);
                while (arrived < trace.size() && trace.arrivalTime(arrived) <= t) {
                    arrived++;
                }
                progress.progress(arrived / (double) trace.size());
            }
        }
        RunOutcome outcome = run.finish();
        progress.progress(1.0);
        return outcome;
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
