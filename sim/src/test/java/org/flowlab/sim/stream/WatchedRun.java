package org.flowlab.sim.stream;

import org.flowlab.sim.engine.RunOutcome;
import org.flowlab.sim.job.Job;
import org.flowlab.workloads.Trace;

/** A stream run that keeps the watermark events it reports, in order: for properties that compare two ways of running. */
final class WatchedRun {
    final StreamRun run;
    private final StringBuilder watermarks = new StringBuilder();

    WatchedRun(Job job, Trace trace, StreamConfig config) {
        run = StreamRun.start(job, trace, config);
        run.onWatermark(e -> watermarks.append(e).append('\n'));
    }

    /** Runs to the end one kernel action at a time: never on to a horizon, so nothing is done in one step. */
    RunOutcome stepped() {
        while (!run.isFinished() && run.sim.step()) {
            // one kernel action at a time
        }
        return run.finish();
    }

    /** Runs to the end in one call, as the engine does. */
    RunOutcome whole() {
        return run.finish();
    }

    /** Every watermark event so far, one a line. */
    String watermarks() {
        return watermarks.toString();
    }
}
