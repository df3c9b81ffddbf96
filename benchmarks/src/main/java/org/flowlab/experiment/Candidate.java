package org.flowlab.experiment;

import org.flowlab.sim.engine.EngineType;
import java.util.Objects;
import org.flowlab.sim.metrics.LatencySummary;
import org.flowlab.sim.metrics.RunMetrics;

/**
 * One configuration the recommendation weighs: an engine of a comparison, or a point of a sweep.
 *
 * @param paradigm        which paradigm
 * @param configuration   its settings, for people ({@code every 10 s})
 * @param p50Ms           median per-record latency, of the measure the SLA is on
 * @param p99Ms           99th percentile per-record latency, of that measure: what the SLA bounds
 * @param cost            what the run cost, worker-seconds allocated × price
 * @param workerSeconds   worker-seconds allocated
 * @param throughputPerSec input records per simulated second it processed
 * @param inputRatePerSec  the trace's mean input rate
 * @param maxBacklog      the largest backlog (records arrived, not yet read)
 * @param recoveryMs      recovery time after the faults, 0 without
 * @param reprocessed     records read again after failures
 * @param duplicates      outputs made visible twice
 * @param lateRecords     records it dropped as late (its results are the oracle's without them)
 * @param correct         whether its results agree with the oracle and nothing was lost
 * @param failure         how its job failed for good, or null if it finished: a failed configuration
 *                        is never recommended, and its figures cover its run up to the failure
 */
public record Candidate(EngineType<?> paradigm, String configuration, double p50Ms, double p99Ms, double cost,
                        double workerSeconds, double throughputPerSec, double inputRatePerSec, long maxBacklog,
                        double recoveryMs, long reprocessed, long duplicates, long lateRecords, boolean correct,
                        EngineFailure failure) {

    public Candidate {
        Objects.requireNonNull(paradigm, "paradigm");
        Objects.requireNonNull(configuration, "configuration");
        if (failure != null && correct) {
            throw new IllegalArgumentException("a failed configuration's results are not judged correct");
        }
    }

    /** A configuration whose run finished. */
    public Candidate(EngineType<?> paradigm, String configuration, double p50Ms, double p99Ms, double cost,
                     double workerSeconds, double throughputPerSec, double inputRatePerSec, long maxBacklog,
                     double recoveryMs, long reprocessed, long duplicates, long lateRecords, boolean correct) {
        this(paradigm, configuration, p50Ms, p99Ms, cost, workerSeconds, throughputPerSec, inputRatePerSec, maxBacklog,
                recoveryMs, reprocessed, duplicates, lateRecords, correct, null);
    }

    /** Whether its job failed for good. */
    public boolean failed() {
        return failure != null;
    }

    /** The candidate of a comparison's engine run, its latency {@code measure}'s. */
    public static Candidate of(EngineRun run, boolean correct, double inputRatePerSec, LatencyMeasure measure) {
        RunMetrics m = run.outcome().metrics();
        LatencySummary latency = measure.of(m);
        return new Candidate(run.paradigm(), run.configuration(), latency.p50Ms(), latency.p99Ms(), m.cost(),
                m.workerSecondsAllocated(), m.throughputPerSecond(), inputRatePerSec, m.throughput().maxBacklog(),
                m.recovery().timeNanos() / 1e6, m.recovery().reprocessed(), m.recovery().duplicates(),
                run.outcome().lateRecords(), correct, run.failure());
    }

    /** {@code micro-batch (every 10 s)}. */
    public String title() {
        return paradigm.label() + " (" + configuration + ")";
    }
}
