package org.flowlab.sim.stream;

import static org.assertj.core.api.Assertions.assertThat;

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
 * A run the engine runs through itself, which no crash and no task failure can reach, keeps no
 * copy of the keyed state in its checkpoints ({@link StreamRun#restorable}), and a checkpoint its
 * timer triggers on a quiet graph completes in line, with no kernel event
 * ({@link CheckpointCoordinator#triggerByTimer}); everything else of a checkpoint happens as before. It gives the outcome of a run handed out to be stepped, which keeps
 * them, to the last number, for any job, trace, graph shape, delivery, output mode and fault; a
 * fault plan that can restore a checkpoint keeps them in both.
 */
class UnattendedRunProperties {

    @Property(tries = 120)
    void checkpointsWithoutStateCopiesChangeNoSimulatedNumber(@ForAll(supplier = ContractTraces.UpToSixty.class) Trace trace,
                                                              @ForAll(supplier = ContractJobs.AnyJob.class) Job job,
                                                              @ForAll @IntRange(min = 1, max = 3) int partitions,
                                                              @ForAll @IntRange(min = 1, max = 3) int parallelism,
                                                              @ForAll(supplier = QuietCheckpointProperties.Intervals.class) long checkpointInterval,
                                                              @ForAll boolean exactlyOnce, @ForAll boolean updates,
                                                              @ForAll(supplier = QuietCheckpointProperties.Faults.class) FaultPlan faults) {
        StreamConfig config = QuietCheckpointProperties.config(partitions, parallelism, checkpointInterval, exactlyOnce,
                updates, faults);
        StreamRun attended = StreamRun.start(job, trace, config);
        RunOutcome expected = attended.finish();
        StreamRun unattended = StreamRun.startUnattended(job, trace, config);
        RunOutcome actual = unattended.finish();

        assertThat(attended.restorable).isTrue();
        boolean canRestore = !faults.crashes().isEmpty() || faults.hasTaskFailures();
        assertThat(unattended.restorable).isEqualTo(canRestore);
        assertThat(actual).usingRecursiveComparison().isEqualTo(expected);
        assertThat(unattended.completedCheckpoints()).isEqualTo(attended.completedCheckpoints());
        Statistics.label("state copies").collect(unattended.restorable ? "kept" : "none");
        Statistics.label("state copies").coverage(c -> c.check("none").percentage(p -> p >= 50));
        Statistics.label("checkpoints completed").collect(attended.completedCheckpoints() > 1 ? "several" : "at most one");
        Statistics.label("checkpoints completed").coverage(c -> c.check("several").percentage(p -> p >= 40));
        Statistics.label("a checkpoint completed in line").collect(unattended.coordinator.completedInLine > 0);
        Statistics.label("a checkpoint completed in line").coverage(c -> c.check(true).percentage(p -> p >= 25));
    }
}
