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
import org.flowlab.sim.fault.WorkerCrash;
import org.flowlab.sim.job.Job;
import org.flowlab.workloads.Trace;

/**
 * A worker crashed through the API ({@link StreamRun#crashWorker}) once the run is advanced to a
 * time is the crash a fault plan puts at that time: the run did nothing past the time it was
 * advanced to, so the crash loses all the work it would, for any job, trace and worker. (A task
 * that went on in line to its next element, with nothing else due first, once did it past that
 * time, and the crash spared it.)
 */
class InjectedCrashProperties {
    static final long MS = 1_000_000L;
    static final long S = 1_000_000_000L;

    @Property(tries = 150)
    void aCrashThroughTheApiIsTheCrashPlannedAtThatTime(@ForAll(supplier = ContractTraces.UpToSixty.class) Trace trace,
                                                       @ForAll(supplier = ContractJobs.AnyJob.class) Job job,
                                                       @ForAll @IntRange(min = 0, max = 3) int worker,
                                                       @ForAll @IntRange(min = 1, max = 9_000) int ms) {
        // A contract trace's times are whole milliseconds and the default costs whole 100 ns: no action
        // is due at this time, so the planned crash, first of the actions at its time, and the one
        // made after every action up to it meet the same run.
        long at = ms * MS + 500_001;
        long restartDelay = S;
        StreamConfig config = StreamConfig.defaults().withSourcePartitions(3).withParallelism(3).withHeartbeatTimeout(2 * S);
        StreamRun planned = StreamRun.start(job, trace, config.withFaults(FaultPlan.of(new WorkerCrash(worker, at, restartDelay))));
        RunOutcome expected = planned.finish();
        StreamRun injected = StreamRun.start(job, trace, config);
        injected.advanceTo(at);
        injected.crashWorker(worker, restartDelay);
        RunOutcome actual = injected.finish();

        assertThat(actual).usingRecursiveComparison().isEqualTo(expected);
        Statistics.label("the crash restarted the job").collect(planned.restarts() > 0);
        Statistics.label("the crash restarted the job").coverage(c -> c.check(true).percentage(p -> p > 50));
    }
}
