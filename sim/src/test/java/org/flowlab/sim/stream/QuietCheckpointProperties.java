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
import org.flowlab.sim.engine.OutputMode;
import org.flowlab.sim.engine.RunOutcome;
import org.flowlab.sim.fault.FaultPlan;
import org.flowlab.sim.fault.SlowWorker;
import org.flowlab.sim.fault.SourceStall;
import org.flowlab.sim.fault.TaskFailure;
import org.flowlab.sim.fault.WorkerCrash;
import org.flowlab.sim.job.Job;
import org.flowlab.workloads.Trace;

/**
 * A checkpoint of a quiet graph passes in one step ({@link CheckpointCoordinator}), checkpoint
 * timers that would find nothing to do are skipped, and a keyed task takes a record a source hands
 * it in the source's event ({@link Task#mayHandOff}), only within a call that runs the simulation on
 * past them; a run stepped one kernel action at a time takes every checkpoint event by event, fires
 * every timer and wakes a task for every record. Both give the same outcome, to the last number, for any job, trace, graph
 * shape, delivery, output mode and fault.
 */
class QuietCheckpointProperties {
    static final long S = 1_000_000_000L;
    static final long MS = 1_000_000L;

    @Property(tries = 120)
    void aCheckpointInOneStepChangesNoSimulatedNumber(@ForAll(supplier = ContractTraces.UpToSixty.class) Trace trace, @ForAll(supplier = ContractJobs.AnyJob.class) Job job,
                                                      @ForAll @IntRange(min = 1, max = 3) int partitions,
                                                      @ForAll @IntRange(min = 1, max = 3) int parallelism,
                                                      @ForAll(supplier = Intervals.class) long checkpointInterval,
                                                      @ForAll boolean exactlyOnce, @ForAll boolean updates,
                                                      @ForAll(supplier = Faults.class) FaultPlan faults) {
        StreamConfig config = config(partitions, parallelism, checkpointInterval, exactlyOnce, updates, faults);
        StreamRun stepped = StreamRun.start(job, trace, config);
        while (!stepped.isFinished() && stepped.sim.step()) {
            // one kernel action at a time: the run never runs on to a horizon, so nothing is done in one step
        }
        RunOutcome expected = stepped.finish();
        StreamRun whole = StreamRun.start(job, trace, config);
        RunOutcome actual = whole.finish();

        assertThat(actual).usingRecursiveComparison().isEqualTo(expected);
        assertThat(whole.completedCheckpoints()).isEqualTo(stepped.completedCheckpoints());
        boolean fewerEvents = whole.sim.executedEvents() < stepped.sim.executedEvents();
        Statistics.label("some checkpoint passed in one step").collect(fewerEvents);
        Statistics.label("some checkpoint passed in one step").coverage(c -> c.check(true).percentage(p -> p > 40));
        Statistics.label("some record taken in line").collect(whole.handOffs > 0);
        Statistics.label("some record taken in line").coverage(c -> c.check(true).percentage(p -> p > 25));
    }

    /** The stream config of a property over graph shapes, checkpoint intervals, deliveries, output modes and faults. */
    static StreamConfig config(int partitions, int parallelism, long checkpointInterval, boolean exactlyOnce,
                               boolean updates, FaultPlan faults) {
        return StreamConfig.defaults().withSourcePartitions(partitions).withParallelism(parallelism)
                .withCheckpointInterval(checkpointInterval)
                .withDelivery(exactlyOnce ? Delivery.EXACTLY_ONCE : Delivery.AT_LEAST_ONCE)
                .withOutput(updates ? OutputMode.UPDATES : OutputMode.FINAL).withFaults(faults);
    }

    /** Checkpoint intervals from a few per record of a contract trace to fewer than one per trace. */
    static final class Intervals implements ArbitrarySupplier<Long> {
        @Override
        public Arbitrary<Long> get() {
            return Arbitraries.of(30 * MS, 170 * MS, 1 * S);
        }
    }

    /** No fault (twice as often), a slow worker, a stalled source, a worker crash, a task failure. */
    static final class Faults implements ArbitrarySupplier<FaultPlan> {
        @Override
        public Arbitrary<FaultPlan> get() {
            return Arbitraries.of(FaultPlan.NONE, FaultPlan.NONE,
                    FaultPlan.of(new SlowWorker(0, 2.5, 0, 5 * S)),
                    FaultPlan.of(new SourceStall(2 * S, 3 * S)),
                    FaultPlan.of(new WorkerCrash(1, 4 * S, 0)),
                    FaultPlan.of(new TaskFailure(0, 3 * S)));
        }
    }
}
