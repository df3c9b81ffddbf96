package org.flowlab.sim.metrics;

import java.util.Objects;
import org.flowlab.sim.cluster.Bill;
import org.flowlab.workloads.Trace;

/**
 * Every figure of one engine's run, as DESIGN.md defines them ("Metrics"). Times are virtual;
 * nothing here is wall-clock time.
 *
 * @param recordsIn               input records in the trace
 * @param latency                 the headline: per input record, arrival to final — the moment the
 *                                output that reflects it will not change again ({@link RecordVisibility})
 * @param firstVisibleLatency     per input record, arrival to first visible — the first moment an
 *                                output reflects it (earlier than final only when outputs are updated)
 * @param processingLatency       per output: visible − the latest arrival among the records it reflects
 * @param eventTimeLatency        per windowed output of the final table: when it took its final value − window end
 *                                (global windows left out; {@link RecordVisibility#eventTimeLatency}, alike in every engine)
 * @param detectionLatency        per output of a keyed process function (an alert): visible − the event
 *                                time that raised it
 * @param throughputPerSecond     input records per second of simulated time, first arrival to last first read
 *                                ({@link #throughputPerSecond(long, long, long)}, alike in every engine)
 * @param stalenessMeanMs         mean staleness over the run
 * @param stalenessMaxMs          largest staleness
 * @param backPressuredNanos      time tasks spent blocked on a full downstream queue, summed over tasks
 * @param checkpoints             completed checkpoints (stream) or commits (batch)
 * @param checkpointDurations     trigger to completion of each completed checkpoint
 * @param recovery                recovery time, reprocessed, duplicated and lost records, restarts
 * @param faults                  the faults that actually happened
 * @param lateRecords             input records dropped as late (the side output)
 * @param corrections             input records a batch engine took in by running a complete partition
 *                                again (the ones an engine with a watermark would have dropped)
 * @param bill                    the worker time held, busy or idle, split by why it was held, and its price
 *                                ({@link org.flowlab.sim.cluster.ClusterTenancy}, the one rule every engine bills by)
 * @param workerSecondsBusy       busy time of all tasks divided by slots per worker, seconds
 * @param endTime                 when the run ended: the last output visible, the last commit
 * @param staleness               staleness over time, for charts
 * @param throughput              records processed and backlog over time, for charts
 */
public record RunMetrics(
        long recordsIn,
        LatencySummary latency,
        LatencySummary firstVisibleLatency,
        LatencySummary processingLatency,
        LatencySummary eventTimeLatency,
        LatencySummary detectionLatency,
        double throughputPerSecond,
        double stalenessMeanMs,
        double stalenessMaxMs,
        long backPressuredNanos,
        long checkpoints,
        LatencySummary checkpointDurations,
        RecoveryFigures recovery,
        FaultTally faults,
        long lateRecords,
        long corrections,
        Bill bill,
        double workerSecondsBusy,
        long endTime,
        StalenessTimeline staleness,
        ThroughputTimeline throughput) {

    public RunMetrics {
        Objects.requireNonNull(bill, "bill");
    }

    /**
     * The figures of a run without faults, checkpoints, late records or back-pressure, which follow from
     * when each record became visible alone: latencies, staleness, throughput (each record read when it
     * became visible) and the end; {@code bill} and {@code workerSecondsBusy} are the engine's. For simple
     * engines, such as a test's toy: the engines of this build measure far more.
     */
    public static RunMetrics ofVisibility(Trace trace, RecordVisibility visibility, Bill bill, double workerSecondsBusy) {
        int n = trace.size();
        long end = visibility.lastVisible();
        long span = Math.max(1, end - (n == 0 ? 0 : trace.firstArrival()));
        StalenessTimeline staleness = StalenessTimeline.from(trace, visibility.toArray(), StalenessTimeline.defaultStep(span));
        ThroughputTimeline.Builder reads = ThroughputTimeline.builder(StalenessTimeline.defaultStep(span));
        for (int i = 0; i < n; i++) {
            if (visibility.isVisible(i)) {
                reads.read(visibility.visibleAt(i), false);
            }
        }
        LatencySummary firstVisible = visibility.firstVisibleLatency(trace);
        return new RunMetrics(n, visibility.finalLatency(trace, firstVisible), firstVisible, LatencySummary.EMPTY,
                LatencySummary.EMPTY, LatencySummary.EMPTY, throughputPerSecond(visibility.visibleCount(), n == 0 ? 0 : trace.firstArrival(), end),
                staleness.meanMs(), staleness.maxMs(),
                0, 0, LatencySummary.EMPTY, RecoveryFigures.NONE, FaultTally.NONE, 0, 0, bill, workerSecondsBusy, end,
                staleness, reads.build(trace));
    }

    /**
     * The one throughput of every engine: the records read for the first time, {@code read}, over
     * the span from the trace's first arrival to the last of those first reads, at least a second
     * (a re-read after a failure is work done again, not input processed); 0 if nothing was read.
     */
    public static double throughputPerSecond(long read, long firstArrival, long lastFirstRead) {
        if (read <= 0) {
            return 0;
        }
        return read * 1e9 / Math.max(1e9, (double) lastFirstRead - firstArrival);
    }

    /** Worker-seconds allocated: the workers × the time the run held them, busy or idle. */
    public double workerSecondsAllocated() {
        return bill.workerSeconds();
    }

    /** What the run cost: worker-seconds allocated × the cluster's price. */
    public double cost() {
        return bill.amount();
    }

    /** Busy worker-seconds over allocated ones; 0 when nothing was allocated. */
    public double utilization() {
        double allocated = workerSecondsAllocated();
        return allocated == 0 ? 0 : workerSecondsBusy / allocated;
    }
}
