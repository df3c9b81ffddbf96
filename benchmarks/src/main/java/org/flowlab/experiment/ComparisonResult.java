package org.flowlab.experiment;

import org.flowlab.sim.engine.EngineType;
import java.util.List;
import java.util.Objects;
import org.flowlab.sim.job.Job;
import org.flowlab.sim.job.ResultTable;
import org.flowlab.workloads.Trace;

/**
 * What a comparison found: the trace every engine saw, each engine's run, whether their results
 * agree, and the recommendation. Wall-clock timings are kept apart from the simulated figures.
 *
 * @param plan           what was asked for
 * @param settings       the settings the engines ran with ({@code plan.settings()} resolved for the trace)
 * @param trace          the one trace every engine replayed
 * @param job            the job they ran
 * @param oracle         the reference oracle's result of the job on the trace
 * @param runs           one per engine, in the plan's order
 * @param agreement      the results against the oracle
 * @param recommendation the configuration to run
 * @param wallClock      how long each part took on this machine
 */
public record ComparisonResult(ComparisonPlan plan, EngineSettings settings, Trace trace, Job job, ResultTable oracle,
                               List<EngineRun> runs,
                               Agreement agreement, Recommendation recommendation, WallClock wallClock) {

    public ComparisonResult {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(trace, "trace");
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(oracle, "oracle");
        runs = List.copyOf(runs);
        Objects.requireNonNull(agreement, "agreement");
        Objects.requireNonNull(recommendation, "recommendation");
        Objects.requireNonNull(wallClock, "wallClock");
    }

    /**
     * Wall-clock timings, nanoseconds: never part of the simulated figures.
     *
     * @param traceNanos  generating the trace
     * @param oracleNanos computing the reference oracle's results
     * @param totalNanos  the whole comparison
     * @param threads     how many engines ran at once
     */
    public record WallClock(long traceNanos, long oracleNanos, long totalNanos, int threads) {
    }

    /** The run of {@code paradigm}. */
    public EngineRun run(EngineType<?> paradigm) {
        for (EngineRun r : runs) {
            if (r.paradigm().id().equals(paradigm.id())) {
                return r;
            }
        }
        throw new IllegalArgumentException("the comparison did not run " + paradigm.id());
    }

    /** The trace's mean input rate over its arrival span, records per second. */
    public double inputRatePerSecond() {
        return inputRate(trace);
    }

    static double inputRate(Trace trace) {
        if (trace.size() < 2 || trace.lastArrival() <= trace.firstArrival()) {
            return 0;
        }
        return (trace.size() - 1) * 1e9 / (trace.lastArrival() - trace.firstArrival());
    }
}
