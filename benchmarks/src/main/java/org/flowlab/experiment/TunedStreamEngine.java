package org.flowlab.experiment;

import java.util.Objects;
import org.flowlab.sim.engine.Engine;
import org.flowlab.sim.engine.ProgressListener;
import org.flowlab.sim.engine.RunOutcome;
import org.flowlab.sim.job.Job;
import org.flowlab.sim.job.Operator;
import org.flowlab.sim.job.SessionWindows;
import org.flowlab.sim.job.WindowAggregate;
import org.flowlab.sim.stream.StreamConfig;
import org.flowlab.sim.stream.StreamRun;
import org.flowlab.workloads.Trace;

/**
 * The stream engine with its watermark chosen for the job: a comparison's allowed lateness L says
 * how far behind the newest event time a record may arrive and still count, and the stream honours
 * it in the cheapest way the job allows. A job whose only stateful step is a (non-session) window
 * aggregate at its end keeps a short watermark delay — {@code min(L, the stream's default)} — and
 * takes late records into windows that already fired (Flink's allowed lateness: the window
 * re-fires, the sink upserts). Any other job — process functions, sessions, several stateful
 * stages — gets a watermark that stays L behind, since only the watermark decides lateness there.
 * It also reports progress: the run is stepped through the trace's arrival span in
 * {@value #STEPS} slices, which changes no simulated number.
 */
final class TunedStreamEngine implements Engine {

    /** How many slices of the arrival span progress is reported at. */
    static final int STEPS = 50;

    private final StreamConfig base;
    private final long lateness;

    /**
     * @param base     everything but the watermark delay and the allowed lateness
     * @param lateness how late a record may arrive and still count, nanoseconds
     */
    TunedStreamEngine(StreamConfig base, long lateness) {
        this.base = Objects.requireNonNull(base, "base");
        this.lateness = lateness;
    }

    /** The configuration {@code job} runs with. */
    StreamConfig configFor(Job job) {
        if (lastStepIsTheOnlyWindow(job)) {
            return base.withOutOfOrderness(Math.min(lateness, base.outOfOrderness())).withAllowedLateness(lateness);
        }
        return base.withOutOfOrderness(lateness).withAllowedLateness(0);
    }

    /** Whether the job's only stateful step is a time window (not a session) and its last step. */
    static boolean lastStepIsTheOnlyWindow(Job job) {
        int stateful = 0;
        for (Operator op : job.operators()) {
            if (op.stateful()) {
                stateful++;
            }
        }
        int last = job.operators().size() - 1;
        return stateful == 1 && last >= 0 && job.operators().get(last) instanceof WindowAggregate w
                && !(w.window() instanceof SessionWindows);
    }

    @Override
    public RunOutcome run(Job job, Trace trace) {
        return run(job, trace, ProgressListener.NONE);
    }

    @Override
    public RunOutcome run(Job job, Trace trace, ProgressListener progress) {
        StreamRun run = StreamRun.start(job, trace, configFor(job));
        if (trace.size() > 0) {
            long first = trace.firstArrival();
            long span = trace.lastArrival() - first;
            int arrived = 0;
            for (int step = 1; step < STEPS; step++) {
                long t = first + span / STEPS * step;
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

    @Override
    public String name() {
        return "stream";
    }
}
