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
import org.flowlab.sim.job.Job;
import org.flowlab.workloads.Trace;

/**
 * A source's watermark tick, idle mark or watermark, is taken in one step with its consumers'
 * wake-ups ({@link SourceTask#takeTickInOneStep}) only within a call that runs the simulation on
 * past the element's arrival; a run stepped one kernel action at a time takes every tick event by
 * event. Both give the same outcome, to the last number, and the same watermarks as
 * they advance, for any job, trace, graph shape, idle timeout, checkpoint interval, delivery,
 * output mode and fault.
 */
class QuietTickProperties {

    @Property(tries = 120)
    void aTickInOneStepChangesNoSimulatedNumber(@ForAll(supplier = ContractTraces.UpToSixty.class) Trace trace,
                                                    @ForAll(supplier = ContractJobs.AnyJob.class) Job job,
                                                    @ForAll @IntRange(min = 1, max = 3) int partitions,
                                                    @ForAll @IntRange(min = 1, max = 3) int parallelism,
                                                    @ForAll(supplier = IdleTimeouts.class) long idleTimeout,
                                                    @ForAll(supplier = QuietCheckpointProperties.Intervals.class) long checkpointInterval,
                                                    @ForAll boolean exactlyOnce, @ForAll boolean updates,
                                                    @ForAll(supplier = QuietCheckpointProperties.Faults.class) FaultPlan faults) {
        StreamConfig config = QuietCheckpointProperties.config(partitions, parallelism, checkpointInterval, exactlyOnce,
                updates, faults).withIdleTimeout(idleTimeout);
        WatchedRun stepped = new WatchedRun(job, trace, config);
        RunOutcome expected = stepped.stepped();
        WatchedRun whole = new WatchedRun(job, trace, config);
        RunOutcome actual = whole.whole();

        assertThat(stepped.run.ticksInOneStep).isZero();
        assertThat(actual).usingRecursiveComparison().isEqualTo(expected);
        assertThat(whole.watermarks()).isEqualTo(stepped.watermarks());
        Statistics.label("a watermark in one step").collect(whole.run.ticksInOneStep > whole.run.idleTicksInOneStep);
        Statistics.label("a watermark in one step").coverage(c -> c.check(true).percentage(p -> p > 40));
        Statistics.label("an idle mark in one step").collect(whole.run.idleTicksInOneStep > 0);
        Statistics.label("an idle mark in one step").coverage(c -> c.check(true).percentage(p -> p > 40));
    }

    /** Idle timeouts from less than a record gap of a contract trace (up to 400 ms) to a few of them. */
    static final class IdleTimeouts implements ArbitrarySupplier<Long> {
        @Override
        public Arbitrary<Long> get() {
            return Arbitraries.of(100 * QuietCheckpointProperties.MS, 300 * QuietCheckpointProperties.MS,
                    1 * QuietCheckpointProperties.S);
        }
    }
}
