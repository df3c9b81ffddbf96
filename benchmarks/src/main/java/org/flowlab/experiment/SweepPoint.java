package org.flowlab.experiment;

import org.flowlab.sim.engine.EngineType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.flowlab.sim.metrics.LatencySummary;
import org.flowlab.sim.metrics.RunMetrics;
import org.flowlab.workloads.Trace;

/**
 * One engine's run at one point of a sweep: what it was run with and what it measured, kept on
 * disk as it finishes so an interrupted sweep resumes without running it again.
 *
 * @param key              the engine and the parameter values that concern it, {@code batch@interval=1h,rate=500/s}
 * @param engine           the engine's id
 * @param parameters       the varied parameters that concern this engine, by name, as {@code --vary} writes them
 * @param configuration    the engine's settings, for people
 * @param recordsIn        input records
 * @param latency          per-record final latency
 * @param firstVisibleLatency per-record first-visible latency
 * @param throughputPerSec records processed per simulated second
 * @param inputRatePerSec  the trace's mean input rate
 * @param maxBacklog       the largest backlog
 * @param backlogBounded   whether the backlog stayed bounded (see {@link SustainableThroughput#bounded}); null when
 *                         the trace spans fewer than four of the engine's intervals, too few to tell; false if the
 *                         job failed, since nothing is read after the failure
 * @param stalenessMeanMs  mean staleness
 * @param stalenessMaxMs   largest staleness
 * @param recoveryMs       recovery time after faults
 * @param reprocessed      records read again
 * @param duplicates       outputs made visible twice
 * @param lost             records lost (must be 0); null if the job failed, which left records unread rather than lost
 * @param lateRecords      records dropped as late
 * @param workerSeconds    worker-seconds allocated
 * @param cost             what the run cost
 * @param correct          whether its results equal the oracle's and nothing was lost (false if the job failed)
 * @param difference       the first difference when it finished and is not correct, else empty
 * @param wallClockSeconds how long the run took on the machine that ran it (never compared)
 * @param status           {@code completed}, or {@code failed} if the engine's job failed for good (its figures
 *                         then cover the run up to the failure, and its results are not compared); a point
 *                         stored without it finished
 * @param failure          how the job failed, or null
 */
public record SweepPoint(String key, String engine, Map<String, String> parameters, String configuration, long recordsIn,
                         LatencySummary latency, LatencySummary firstVisibleLatency, double throughputPerSec, double inputRatePerSec, long maxBacklog,
                         Boolean backlogBounded, double stalenessMeanMs, double stalenessMaxMs, double recoveryMs,
                         long reprocessed, long duplicates, Long lost, long lateRecords, double workerSeconds, double cost,
                         boolean correct, String difference, double wallClockSeconds, String status,
                         EngineFailure failure) {

    public SweepPoint {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(engine, "engine");
        parameters = new LinkedHashMap<>(parameters);
        Objects.requireNonNull(configuration, "configuration");
        Objects.requireNonNull(latency, "latency");
        Objects.requireNonNull(firstVisibleLatency, "firstVisibleLatency");
        Objects.requireNonNull(difference, "difference");
        String derived = failure == null ? "completed" : "failed";
        if (status == null) {
            status = derived;
        } else if (!status.equals(derived)) {
            throw new IllegalArgumentException("status " + status + " but failure " + failure);
        }
    }

    /** Whether the engine's job failed for good. */
    public boolean failed() {
        return failure != null;
    }

    @Override
    public Map<String, String> parameters() {
        return new LinkedHashMap<>(parameters);
    }

    /**
     * The point of {@code run}, one of a comparison at the sweep's point.
     *
     * @param interval the engine's batch or trigger interval, 0 for the stream
     */
    static SweepPoint of(String key, Map<String, String> parameters, EngineRun run, Agreement.Verdict verdict, Trace trace,
                         long interval) {
        RunMetrics m = run.outcome().metrics();
        EngineFailure failure = run.failure();
        boolean judged = trace.size() < 2 || trace.lastArrival() - trace.firstArrival() >= SustainableThroughput.SPAN_IN_INTERVALS * interval;
        Boolean bounded = failure != null ? Boolean.FALSE : judged ? (Boolean) SustainableThroughput.bounded(m.throughput(), trace) : null;
        return new SweepPoint(key, run.paradigm().id(), parameters, run.configuration(), m.recordsIn(), m.latency(),
                m.firstVisibleLatency(), m.throughputPerSecond(), ComparisonResult.inputRate(trace), m.throughput().maxBacklog(),
                bounded, m.stalenessMeanMs(), m.stalenessMaxMs(),
                m.recovery().timeNanos() / 1e6, m.recovery().reprocessed(), m.recovery().duplicates(),
                failure == null ? (Long) m.recovery().lost() : null,
                m.lateRecords(), m.workerSecondsAllocated(), m.cost(), verdict.agrees(),
                verdict.agrees() || verdict.failed() ? "" : verdict.summary().substring(2), run.wallNanos() / 1e9,
                null, failure);
    }

    /** Whether the backlog is known to have grown without bound. */
    public boolean backlogGrew() {
        return Boolean.FALSE.equals(backlogBounded);
    }

    /** The value of {@code p} at this point, or NaN if this point does not set it. */
    public double value(SweepParameter p) {
        String text = parameters.get(p.id());
        return text == null ? Double.NaN : p.read(text);
    }

    /** The configuration the recommendation weighs, its latency {@code measure}'s; {@code type} is the engine that ran it. */
    public Candidate candidate(EngineType<?> type, LatencyMeasure measure) {
        LatencySummary l = measure == LatencyMeasure.FINAL ? latency : firstVisibleLatency;
        StringBuilder c = new StringBuilder(configuration);
        parameters.forEach((name, value) -> {
            if (!name.endsWith("interval")) {
                c.append(", ").append(name).append(' ').append(value);
            }
        });
        return new Candidate(type, c.toString(), l.p50Ms(), l.p99Ms(), cost, workerSeconds,
                throughputPerSec, inputRatePerSec, maxBacklog, recoveryMs, reprocessed, duplicates, lateRecords,
                correct && !failed(), failure);
    }
}
