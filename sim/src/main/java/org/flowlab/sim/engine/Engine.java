package org.flowlab.sim.engine;

import org.flowlab.sim.job.Job;
import org.flowlab.workloads.Trace;

/**
 * A way of processing a trace with a job: batch, micro-batch or stream. Each run builds its own
 * simulation, so a run is a pure function of the engine's configuration, the job and the trace.
 */
public interface Engine {

    /** Runs the whole trace through the job and returns the final results and the metrics. */
    RunOutcome run(Job job, Trace trace);

    /**
     * {@link #run(Job, Trace)}, telling {@code progress} how much of the trace has been consumed as
     * it goes. Engines that cannot tell report only the end, which this default does.
     */
    default RunOutcome run(Job job, Trace trace, ProgressListener progress) {
        RunOutcome outcome = run(job, trace);
        progress.progress(1.0);
        return outcome;
    }

    /** A short name for tables and charts, for example {@code stream} or {@code batch(1h)}. */
    String name();
}
