package org.flowlab.sim.stream;

import org.flowlab.sim.cluster.ClusterSpec;
import org.flowlab.sim.cluster.ClusterTenancy;
import org.flowlab.sim.engine.RunOutcome;
import org.flowlab.sim.job.ResultTable;
import org.flowlab.sim.metrics.LatencySummary;
import org.flowlab.sim.metrics.RecordVisibility;
import org.flowlab.sim.metrics.RecoveryFigures;
import org.flowlab.sim.metrics.RunMetrics;
import org.flowlab.sim.metrics.StalenessTimeline;
import org.flowlab.sim.metrics.ThroughputTimeline;
import org.flowlab.workloads.Trace;

/**
 * What a {@link StreamRun} counts for its outcome as it goes — the records read from each source
 * partition, and read again after a restart, over time; the busy and back-pressured time of tasks
 * that a failure cancelled — and the {@link RunOutcome} it makes at the end, with the visibility,
 * sink, checkpoint and fault figures of the run.
 */
final class StreamFigures {
    /** Per partition: how far into its log any incarnation has read. */
    private final int[] highWater;
    private final ThroughputTimeline.Builder throughput = ThroughputTimeline.builder(1_000_000_000L);
    private long reprocessed;
    private long lastFirstRead = Long.MIN_VALUE;
    private long retiredBusyNanos;
    private long retiredBackPressuredNanos;

    StreamFigures(int partitions) {
        highWater = new int[partitions];
    }

    /** The record at {@code offset} of partition {@code partition}'s log was read at {@code t}. */
    void read(int partition, int offset, long t) {
        if (offset < highWater[partition]) {
            reprocessed++;
            throughput.read(t, true);
        } else {
            highWater[partition] = offset + 1;
            throughput.read(t, false);
            lastFirstRead = Math.max(lastFirstRead, t);
        }
    }

    /** A failure cancels {@code task}: its busy and back-pressured time so far still count. */
    void retire(Task task) {
        retiredBusyNanos += task.busyNanos;
        retiredBackPressuredNanos += task.backPressuredNanos;
    }

    /** The outcome of {@code run}, which began at {@code startTime} and ended at {@code endTime}. */
    RunOutcome outcome(StreamRun run, long startTime, long endTime) {
        Trace trace = run.trace;
        RecordVisibility visibility = run.visibility;
        Sink sink = run.sink;
        Failover failover = run.failover;
        long busy = retiredBusyNanos;
        long backPressured = retiredBackPressuredNanos;
        for (Task task : run.tasks()) {
            busy += task.busyNanos;
            backPressured += task.backPressuredNanos;
        }
        long span = Math.max(1, endTime - startTime);
        StalenessTimeline staleness = StalenessTimeline.from(trace, visibility.toArray(), StalenessTimeline.defaultStep(span));
        long recoveryTime = 0;
        for (long[] f : failover.failures()) {
            recoveryTime = Math.max(recoveryTime, RecoveryFigures.recoveryTime(staleness, f[0], f[1] < 0 ? f[0] : f[1]));
        }
        long lost = visibility.invisibleCount();
        // A job that failed for good read only part of the trace: its throughput is what it read.
        long read = trace.size();
        if (failover.status().failed()) {
            read = 0;
            for (int h : highWater) {
                read += h;
            }
        }
        ClusterSpec cluster = run.config.cluster();
        // The job holds its cluster from the trace's start to its end, running all along.
        ClusterTenancy tenancy = ClusterTenancy.alwaysOn(cluster, trace);
        tenancy.ask(startTime, 0);
        tenancy.release(endTime);
        long[] durations = run.coordinator.durations();
        LatencySummary firstVisible = visibility.firstVisibleLatency(trace);
        ResultTable table = sink.table();
        RunMetrics metrics = new RunMetrics(
                trace.size(),
                visibility.finalLatency(trace, firstVisible),
                firstVisible,
                sink.processingLatency(),
                sink.eventTimeLatency(table),
                sink.detectionLatency(),
                RunMetrics.throughputPerSecond(read, trace.size() == 0 ? 0 : trace.firstArrival(), lastFirstRead),
                staleness.meanMs(),
                staleness.maxMs(),
                backPressured,
                durations.length,
                durations.length == 0 ? LatencySummary.EMPTY : LatencySummary.ofNanos(durations),
                new RecoveryFigures(recoveryTime, reprocessed, sink.duplicates(), lost, failover.restarts()),
                failover.tally(),
                run.late.count(),
                0,
                tenancy.bill(endTime),
                busy / 1e9 / cluster.slotsPerWorker(),
                endTime,
                staleness,
                throughput.build(trace));
        return new RunOutcome("stream", table, metrics, run.late.count(), sink.duplicates(), visibility,
                run.late.lateIds(), run.late.judgements(), failover.status());
    }
}
