package org.flowlab.experiment;

import org.flowlab.sim.stream.StreamSettings;
import org.flowlab.sim.engine.EngineType;
import org.flowlab.sim.registry.EngineRegistry;
import java.util.BitSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.flowlab.sim.cluster.Bill;
import org.flowlab.sim.cluster.ClusterSpec;
import org.flowlab.sim.engine.Engine;
import org.flowlab.sim.engine.ProgressListener;
import org.flowlab.sim.engine.RunOutcome;
import org.flowlab.sim.engine.RunStatus;
import org.flowlab.sim.fault.FaultPlan;
import org.flowlab.sim.fault.WorkerCrash;
import org.flowlab.sim.job.Job;
import org.flowlab.sim.job.Output;
import org.flowlab.sim.job.ResultTable;
import org.flowlab.sim.metrics.FaultTally;
import org.flowlab.sim.metrics.LatencySummary;
import org.flowlab.sim.metrics.RecordVisibility;
import org.flowlab.sim.metrics.RecoveryFigures;
import org.flowlab.sim.metrics.RunMetrics;
import org.flowlab.sim.metrics.StalenessTimeline;
import org.flowlab.sim.metrics.ThroughputTimeline;
import org.flowlab.sim.oracle.ReferenceOracle;
import org.flowlab.workloads.Trace;

/**
 * A test double of an engine, for harness tests that must not depend on the real engines' speed
 * or tuning: its results are the reference oracle's (or, when told to be wrong, the oracle's
 * without its first output), and each record becomes visible at the end of the interval it
 * arrived in plus a fixed delay (interval 0: its arrival plus the delay). A worker crash delays
 * what arrives during the outage and makes the last interval's records count as reprocessed.
 * Batch-like runs (interval > 0) are billed as an ephemeral cluster without a warm pool, only while
 * running, a stream-like one for its whole span, so the recommendation has a real trade-off to
 * weigh. Records are read one after another at most {@link #CAPACITY_PER_WORKER} a second per
 * worker, so a rate above that makes the backlog grow. One engine may be told to fail for good at a
 * given time, after {@link #FAILED_RESTARTS} restarts, having committed nothing: no record visible,
 * no results.
 */
public final class IntervalEngine implements Engine {
    /** How many records a second one worker reads. */
    public static final double CAPACITY_PER_WORKER = 1_000;
    /** How often a failing engine had restarted when it failed. */
    public static final int FAILED_RESTARTS = 3;
    /** Why a failing engine failed. */
    public static final String FAILED_REASON = "told to fail by the test";

    private final String name;
    private final long interval;
    private final long delay;
    private final ClusterSpec cluster;
    private final FaultPlan faults;
    private final boolean wrong;
    private final AtomicInteger runs;
    private final long failAt;

    IntervalEngine(String name, long interval, long delay, ClusterSpec cluster, FaultPlan faults, boolean wrong,
                   AtomicInteger runs, long failAt) {
        this.name = name;
        this.interval = interval;
        this.delay = delay;
        this.cluster = cluster;
        this.faults = faults;
        this.wrong = wrong;
        this.runs = runs;
        this.failAt = failAt;
    }

    /** Engines modelled on the settings: batch and micro-batch at their intervals, the stream continuous. */
    public static EngineRegistry factory(AtomicInteger runs) {
        return factory(runs, null);
    }

    /** As {@link #factory(AtomicInteger)}, with {@code wrongOne}'s results missing an output. */
    public static EngineRegistry factory(AtomicInteger runs, EngineType<?> wrongOne) {
        return factory(runs, wrongOne, null, -1);
    }

    /** As {@link #factory(AtomicInteger)}, with {@code failingOne}'s job failing for good at {@code at}. */
    public static EngineRegistry failing(AtomicInteger runs, EngineType<?> failingOne, long at) {
        return factory(runs, null, failingOne, at);
    }

    /** Engines with {@code wrongOne} (or none) wrong and {@code failingOne} (or none) failing at {@code at}. */
    static EngineRegistry factory(AtomicInteger runs, EngineType<?> wrongOne, EngineType<?> failingOne, long at) {
        return EngineRegistry.STANDARD.map(t -> modelled(t, runs, wrongOne, failingOne, at));
    }

    /**
     * {@code type} built as an interval engine: batch with a delay of a twentieth of its interval (at least a
     * second), micro-batch a fifth of its interval, the stream continuous with half its checkpoint interval.
     */
    private static <S> EngineType<S> modelled(EngineType<S> type, AtomicInteger runs, EngineType<?> wrongOne,
                                              EngineType<?> failingOne, long at) {
        boolean wrong = wrongOne != null && wrongOne.id().equals(type.id());
        long failAt = failingOne != null && failingOne.id().equals(type.id()) ? at : -1;
        return type.withFactory((common, own, faults, seed) -> {
            long interval = type.triggerIntervalOf(own);
            return switch (type.id()) {
                case "batch" -> new IntervalEngine("batch(" + interval / 1_000_000_000 + "s)", interval,
                        Math.max(1_000_000_000L, interval / 20), common.cluster(), faults, wrong, runs, failAt);
                case "microbatch" -> new IntervalEngine("microbatch", interval, interval / 5, common.cluster(), faults,
                        wrong, runs, failAt);
                default -> new IntervalEngine(type.id(), 0,
                        ((StreamSettings) own).checkpointInterval() / 2 + 50_000_000L, common.cluster(), faults, wrong, runs,
                        failAt);
            };
        });
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public RunOutcome run(Job job, Trace trace) {
        return run(job, trace, ProgressListener.NONE);
    }

    @Override
    public RunOutcome run(Job job, Trace trace, ProgressListener progress) {
        runs.incrementAndGet();
        if (failAt >= 0) {
            return failed(trace);
        }
        ResultTable results = ReferenceOracle.run(job, trace);
        if (wrong && !results.isEmpty()) {
            ResultTable.Builder b = ResultTable.builder();
            for (Output o : results.outputs().subList(1, results.size())) {
                b.add(o);
            }
            results = b.build();
        }
        int n = trace.size();
        RecordVisibility visibility = new RecordVisibility(n);
        ThroughputTimeline.Builder reads = ThroughputTimeline.builder(1_000_000_000L);
        WorkerCrash crash = faults.crashes().isEmpty() ? null : faults.crashes().get(0);
        long reprocessed = 0;
        long end = 0;
        long runsStarted = 0;
        long lastRun = -1;
        long readGap = Math.round(1e9 / (CAPACITY_PER_WORKER * cluster.workers()));
        long lastRead = Long.MIN_VALUE / 2;
        for (int i = 0; i < n; i++) {
            long arrival = trace.arrivalTime(i);
            long nominal = interval == 0 ? arrival : (Math.floorDiv(arrival, interval) + 1) * interval;
            long pickUp = Math.max(nominal, lastRead + readGap);
            long visible = pickUp + delay;
            if (crash != null && arrival < crash.at() + crash.restartDelay() && visible >= crash.at()) {
                visible = Math.max(visible, crash.at() + crash.restartDelay() + delay);
                pickUp = Math.max(pickUp, crash.at() + crash.restartDelay());
                if (arrival < crash.at()) {
                    reprocessed++;
                }
            }
            lastRead = pickUp;
            visible = Math.max(visible, pickUp + delay);
            if (nominal != lastRun) {
                runsStarted++;
                lastRun = nominal;
            }
            reads.read(pickUp, false);
            visibility.mark(i, visible);
            end = Math.max(end, visible);
            if (i % 1000 == 0) {
                progress.progress(i / (double) n);
            }
        }
        progress.progress(1.0);
        long span = Math.max(1, end - (n == 0 ? 0 : trace.firstArrival()));
        StalenessTimeline staleness = StalenessTimeline.from(trace, visibility.toArray(), StalenessTimeline.defaultStep(span));
        LatencySummary latency = visibility.finalLatency(trace);
        RecoveryFigures recovery = crash == null ? RecoveryFigures.NONE : new RecoveryFigures(
                RecoveryFigures.recoveryTime(staleness, crash.at(), crash.at() + crash.restartDelay()), reprocessed, 0, 0, 1);
        Bill bill = interval == 0 ? new Bill(cluster, Bill.Holding.ALWAYS_ON, 0, 0, end, 0, 0)
                : new Bill(cluster, Bill.Holding.EPHEMERAL, 0, 0, runsStarted * delay, 0, 0);
        double busy = n * 1e-6;
        ThroughputTimeline throughput = reads.build(trace);
        double throughputPerSecond = n < 2 ? 0 : n * 1e9 / Math.max(1, end - trace.firstArrival());
        RunMetrics metrics = new RunMetrics(n, latency, latency, latency, LatencySummary.EMPTY, LatencySummary.EMPTY,
                throughputPerSecond, staleness.meanMs(), staleness.maxMs(), 0, runsStarted, LatencySummary.EMPTY, recovery,
                crash == null ? FaultTally.NONE : new FaultTally(1, 0, 0, 1), 0, 0, bill, busy,
                end, staleness, throughput);
        return new RunOutcome(name, results, metrics, 0, 0, visibility, new BitSet());
    }

    /** A run that failed for good at {@link #failAt} having committed nothing, its cluster held until then. */
    private RunOutcome failed(Trace trace) {
        int n = trace.size();
        RecordVisibility visibility = new RecordVisibility(n);
        StalenessTimeline staleness = StalenessTimeline.from(trace, visibility.toArray(),
                StalenessTimeline.defaultStep(Math.max(1, failAt)));
        Bill bill = new Bill(cluster, Bill.Holding.ALWAYS_ON, 0, 0, failAt, 0, 0);
        RunMetrics metrics = new RunMetrics(n, LatencySummary.EMPTY, LatencySummary.EMPTY, LatencySummary.EMPTY,
                LatencySummary.EMPTY, LatencySummary.EMPTY, 0, staleness.meanMs(), staleness.maxMs(), 0, 0, LatencySummary.EMPTY,
                new RecoveryFigures(0, 0, 0, n, FAILED_RESTARTS), FaultTally.NONE, 0, 0, bill, 0, failAt, staleness,
                ThroughputTimeline.builder(1_000_000_000L).build(trace));
        return new RunOutcome(name, ResultTable.empty(), metrics, 0, 0, visibility, new BitSet(),
                new org.flowlab.sim.engine.LateJudgements(n), RunStatus.failed(failAt, FAILED_RESTARTS, FAILED_REASON));
    }
}
