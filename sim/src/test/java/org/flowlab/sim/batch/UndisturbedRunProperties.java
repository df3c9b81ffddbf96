package org.flowlab.sim.batch;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.flowlab.sim.engine.EventTimeContract;
import org.flowlab.sim.engine.OutputMode;
import org.flowlab.sim.cluster.ClusterSpec;
import org.flowlab.sim.cluster.CostModel;
import org.flowlab.sim.engine.ContractJobs;
import org.flowlab.sim.engine.ContractTraces;
import org.flowlab.sim.fault.FaultPlan;
import org.flowlab.sim.fault.SlowWorker;
import org.flowlab.sim.job.Job;
import org.flowlab.workloads.Trace;

/**
 * A run that nothing can disturb is computed without events of its own ({@link
 * UndisturbedRun#tryRun}); it must come out exactly as the event-by-event simulation does.
 * A slow period of factor 1 over all time changes no service time but makes every run
 * disturbable, so it forces the events: both ways give the same outcome and the same figures.
 */
class UndisturbedRunProperties {
    private static final long MS = 1_000_000L;
    private static final EventTimeContract CONTRACT = new EventTimeContract(2_000 * MS, 0);

    @Property(tries = 60)
    void aRunWithoutEventsEqualsTheSimulatedOne(@ForAll(supplier = ContractTraces.UpToSixty.class) Trace trace, @ForAll(supplier = ContractJobs.AnyJob.class) Job job,
                                                @ForAll @IntRange(min = 1, max = 3) int workers,
                                                @ForAll @IntRange(min = 1, max = 6) int taskRecords,
                                                @ForAll @IntRange(min = 200, max = 4000) int cadenceMs,
                                                @ForAll boolean micro, @ForAll boolean ephemeral,
                                                @ForAll boolean loaded, @ForAll OutputMode output) {
        BackgroundLoad load = loaded ? BackgroundLoad.peak(0, 24, 0.35) : BackgroundLoad.none();
        ExecutionSettings fast = settings(workers, taskRecords, ephemeral, load, FaultPlan.NONE);
        ExecutionSettings simulated = settings(workers, taskRecords, ephemeral, load,
                FaultPlan.of(new SlowWorker(0, 1.0, 0, Long.MAX_VALUE)));
        long cadence = cadenceMs * MS;
        BatchRun a;
        BatchRun b;
        if (micro) {
            a = new MicroBatchEngine(new MicroBatchConfig(cadence, CONTRACT, output, fast)).runWithFigures(job, trace);
            b = new MicroBatchEngine(new MicroBatchConfig(cadence, CONTRACT, output, simulated)).runWithFigures(job, trace);
        } else {
            Schedule every = new Schedule.FixedInterval(cadence);
            a = new BatchEngine(new BatchConfig(every, CONTRACT, output, fast)).runWithFigures(job, trace);
            b = new BatchEngine(new BatchConfig(every, CONTRACT, output, simulated)).runWithFigures(job, trace);
        }
        assertThat(a.outcome()).isEqualTo(b.outcome());
        assertThat(a.figures()).isEqualTo(b.figures());
    }

    private static ExecutionSettings settings(int workers, int taskRecords, boolean ephemeral, BackgroundLoad load,
                                              FaultPlan faults) {
        // Costs of the order of the cadence, so runs overlap triggers and stages wait on each other.
        CostModel costs = CostModel.defaults()
                .withBatchRunStartupNanos(100 * MS).withBatchTaskOverheadNanos(20 * MS).withBatchRecordNanos(2 * MS)
                .withBatchShuffleRecordNanos(MS).withBatchCommitNanos(300 * MS)
                .withMicroBatchStartupNanos(50 * MS).withMicroBatchTaskOverheadNanos(20 * MS).withMicroBatchCommitNanos(100 * MS);
        return ExecutionSettings.defaults()
                .withCluster(new ClusterSpec(workers, 2, 0.2))
                .withClusterMode(ephemeral ? ClusterMode.EPHEMERAL : ClusterMode.FIXED)
                .withCosts(costs)
                .withTargetTaskRecords(taskRecords)
                .withBackgroundLoad(load)
                .withFaults(faults);
    }
}
