package org.flowlab.sim.stream;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ArbitrarySupplier;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import org.flowlab.sim.engine.ContractJobs;
import org.flowlab.sim.engine.ContractTraces;
import org.flowlab.sim.engine.RunOutcome;
import org.flowlab.sim.fault.FaultPlan;
import org.flowlab.sim.fault.SlowWorker;
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
 * checkpoint timers on the ticks' own times), delivery, output mode and fault.
 */
class TickSkipProperties {

    @Property(tries = 120)
    void skippingTheTicksThatChangeNothingChangesNoSimulatedNumber(
            @ForAll(supplier = ContractTraces.UpToSixty.class) Trace onGrid,
            @ForAll(supplier = ContractJobs.AnyJob.class) Job job,
            @ForAll @IntRange(min = 1, max = 3) int partitions,
            @ForAll @IntRange(min = 1, max = 3) int parallelism,
            @ForAll(supplier = WatermarkIntervals.class) long watermarkInterval,
            @ForAll(supplier = QuietTickProperties.IdleTimeouts.class) long idleTimeout,
            @ForAll(supplier = QuietCheckpointProperties.Intervals.class) long checkpointInterval,
            @ForAll boolean exactlyOnce, @ForAll boolean updates,
            @ForAll(supplier = QuietCheckpointProperties.Faults.class) FaultPlan faults) {
        Trace trace = onGrid;
        StreamConfig config = QuietCheckpointProperties.config(partitions, parallelism, checkpointInterval, exactlyOnce,
                updates, faults).withIdleTimeout(idleTimeout).withWatermarkInterval(watermarkInterval);
        StringBuilder everyTickWatermarks = new StringBuilder();
        StreamRun everyTick = StreamRun.start(job, trace, config);
        everyTick.everyTick = true;
        everyTick.onWatermark(e -> everyTickWatermarks.append(e).append('\n'));
        while (!everyTick.isFinished() && everyTick.sim.step()) {
            // one kernel action at a time: nothing is done in one step
        }
        RunOutcome expected = everyTick.finish();
        StringBuilder skippingWatermarks = new StringBuilder();
        StreamRun skipping = StreamRun.start(job, trace, config);
        skipping.onWatermark(e -> skippingWatermarks.append(e).append('\n'));
        RunOutcome actual = skipping.finish();

        assertThat(actual).usingRecursiveComparison().isEqualTo(expected);
        assertThat(skippingWatermarks.toString()).isEqualTo(everyTickWatermarks.toString());
        Statistics.label("ticks skipped").collect(skipping.ticks < everyTick.ticks);
        Statistics.label("ticks skipped").coverage(c -> c.check(true).percentage(p -> p > 60));
        Statistics.label("half the ticks or more skipped").collect(2 * skipping.ticks <= everyTick.ticks);
        Statistics.label("half the ticks or more skipped").coverage(c -> c.check(true).percentage(p -> p > 15));
    }

    /** The trace a nanosecond later: no record comes at the instant of a tick or a checkpoint timer. */
    static Trace offGrid(Trace trace) {
        TraceBuilder b = ContractTraces.builder();
        for (int i = 0; i < trace.size(); i++) {
            b.add(trace.eventTime(i) + 1, trace.arrivalTime(i) + 1, trace.kind(i), trace.key(i), trace.value(i),
                    trace.attr1(i), trace.attr2(i), trace.attr3(i), trace.label(i));
        }
        return b.build();
    }

    /** No fault (twice as often), a slow worker: faults at no instant of a tick or a checkpoint timer. */
    static final class OffGridFaults implements ArbitrarySupplier<FaultPlan> {
        @Override
        public Arbitrary<FaultPlan> get() {
            return Arbitraries.of(FaultPlan.NONE, FaultPlan.NONE,
                    FaultPlan.of(new SlowWorker(0, 2.5, 0, 5 * QuietCheckpointProperties.S)));
        }
    }

    /** The default interval, and one a quarter of it, so that a contract trace's gaps span many ticks. */
    static final class WatermarkIntervals implements ArbitrarySupplier<Long> {
        @Override
        public Arbitrary<Long> get() {
            return Arbitraries.of(50 * QuietCheckpointProperties.MS, 200 * QuietCheckpointProperties.MS);
        }
    }
}
