package org.flowlab.sim.stream;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ArbitrarySupplier;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import org.flowlab.sim.engine.ContractJobs;
import org.flowlab.sim.engine.ContractTraces;
import org.flowlab.sim.engine.RunOutcome;
import org.flowlab.sim.fault.FaultPlan;
import org.flowlab.sim.fault.WorkerCrash;
import org.flowlab.sim.job.Job;
import org.flowlab.workloads.Trace;
import org.flowlab.workloads.TraceBuilder;

/**
 * The watermark ticker skips the ticks that would change nothing ({@link StreamRun#tick}): while
 * every source is quiet, up to its next read; while every source is settled, up to the last tick
 * before one reads again or goes idle. A run that takes every tick, an interval apart, event by
 * event (stepped one kernel action at a time, so nothing is done in one step either), gives the
 * same outcome, to the last number, and the same watermarks as they advance as the run that skips,
 * for any job, trace, graph shape, watermark interval, idle timeout, checkpoint interval (1 s puts
 * checkpoint timers on the ticks' own times), delivery, output mode and fault, and whether the
 * tasks are busy for long at the ticks (costly records and barriers, back-pressure).
 */
class TickSkipProperties {
    private static final long MS = QuietCheckpointProperties.MS;
    private static final long S = QuietCheckpointProperties.S;

    @Property(tries = 120)
    void skippingTheTicksThatChangeNothingChangesNoSimulatedNumber(
            @ForAll(supplier = ContractTraces.UpToSixty.class) Trace trace,
            @ForAll(supplier = ContractJobs.AnyJob.class) Job job,
            @ForAll @IntRange(min = 1, max = 3) int partitions,
            @ForAll @IntRange(min = 1, max = 3) int parallelism,
            @ForAll(supplier = WatermarkIntervals.class) long watermarkInterval,
            @ForAll(supplier = QuietTickProperties.IdleTimeouts.class) long idleTimeout,
            @ForAll(supplier = QuietCheckpointProperties.Intervals.class) long checkpointInterval,
            @ForAll boolean exactlyOnce, @ForAll boolean updates,
            @ForAll(supplier = QuietCheckpointProperties.Faults.class) FaultPlan faults,
            @ForAll boolean heavy) {
        StreamConfig config = QuietCheckpointProperties.config(partitions, parallelism, checkpointInterval, exactlyOnce,
                updates, faults).withIdleTimeout(idleTimeout).withWatermarkInterval(watermarkInterval);
        if (heavy) {
            config = heavy(config);
        }
        BothWays runs = BothWays.agree(job, trace, config);
        WatchedRun everyTick = runs.everyTick();
        WatchedRun skipping = runs.skipping();
        String load = heavy ? "busy tasks" : "light";
        Statistics.label("ticks skipped").collect(load, skipping.run.ticks < everyTick.run.ticks);
        Statistics.label("ticks skipped").coverage(c -> {
            c.check("light", true).percentage(p -> p > 30);
            c.check("busy tasks", true).percentage(p -> p > 20);
        });
        Statistics.label("half the ticks or more skipped").collect(load, 2 * skipping.run.ticks <= everyTick.run.ticks);
        Statistics.label("half the ticks or more skipped").coverage(c -> c.check("light", true).percentage(p -> p > 8));
    }

    /**
     * A case the generators above do not reach: a checkpoint's barrier keeps a source busy over its
     * idle timeout while the run is failing (a worker crashed that holds no task, not detected yet),
     * so that the tick the ticker skipped to must be taken back to the barrier's span, as it is while
     * the run is running. The source reads at 11.701 s and goes idle at 12.001 s, inside the barrier
     * of the checkpoint at 12 s; taking the tick at 12.2 s instead made it idle 0.2 s late, and the
     * keyed watermark and the outputs' visibility with it.
     */
    @Example
    void aSourceGoingIdleUnderABarrierWhileTheRunIsFailing() {
        long inPartition0 = keyIn(0, 2);
        long inPartition1 = keyIn(1, 2);
        TraceBuilder b = ContractTraces.builder();
        b.add(700 * MS, 11_701 * MS, ContractTraces.BID, inPartition0, 1.0, 0, 0, 0, 0);
        b.add(11 * S, 11_750 * MS, ContractTraces.BID, inPartition1, 1.0, 0, 0, 0, 0);
        b.add(30 * S, 30 * S, ContractTraces.BID, inPartition0, 1.0, 0, 0, 0, 0);
        b.add(30 * S, 30 * S, ContractTraces.BID, inPartition1, 1.0, 0, 0, 0, 0);
        Trace trace = b.build();
        StreamConfig config = StreamConfig.defaults().withSourcePartitions(2).withParallelism(1)
                .withCheckpointInterval(1 * S).withWatermarkInterval(200 * MS).withIdleTimeout(300 * MS)
                .withFaults(FaultPlan.of(new WorkerCrash(3, 11_500 * MS, 0)));
        Job job = ContractJobs.tumblingCount();

        BothWays runs = BothWays.agree(job, trace, config);
        assertThat(runs.skipping().run.ticks).isLessThan(runs.everyTick().run.ticks);
    }

    /**
     * A run that takes every tick, one kernel action at a time (the reference), and one that skips
     * ticks and takes what it can in one step, whole, once their outcomes and watermarks are found
     * the same.
     */
    record BothWays(WatchedRun everyTick, WatchedRun skipping, RunOutcome outcome) {
        static BothWays agree(Job job, Trace trace, StreamConfig config) {
            WatchedRun everyTick = new WatchedRun(job, trace, config);
            everyTick.run.everyTick = true;
            RunOutcome expected = everyTick.stepped();
            WatchedRun skipping = new WatchedRun(job, trace, config);
            RunOutcome actual = skipping.whole();
            assertThat(actual).usingRecursiveComparison().isEqualTo(expected);
            assertThat(skipping.watermarks()).isEqualTo(everyTick.watermarks());
            return new BothWays(everyTick, skipping, actual);
        }
    }

    /** The first key whose records go to {@code partition} of {@code partitions}. */
    private static long keyIn(int partition, int partitions) {
        long key = 0;
        while (StreamRecord.partition(key, partitions) != partition) {
            key++;
        }
        return key;
    }

    /**
     * A run whose tasks are busy for long: a record costs 40 ms at each step and a barrier 250 ms at
     * a source, and a channel holds one element, so that sources are busy, blocked by back-pressure
     * or taking a barrier across ticks, past an interval and an idle timeout.
     */
    static StreamConfig heavy(StreamConfig config) {
        return config.withCosts(config.costs().withRecordNanos(40 * QuietCheckpointProperties.MS)
                .withCheckpointBaseNanos(250 * QuietCheckpointProperties.MS)).withChannelCapacity(1);
    }

    /** The default interval, and one a quarter of it, so that a contract trace's gaps span many ticks. */
    static final class WatermarkIntervals implements ArbitrarySupplier<Long> {
        @Override
        public Arbitrary<Long> get() {
            return Arbitraries.of(50 * QuietCheckpointProperties.MS, 200 * QuietCheckpointProperties.MS);
        }
    }
}
