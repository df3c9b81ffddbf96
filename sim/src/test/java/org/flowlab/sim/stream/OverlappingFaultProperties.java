package org.flowlab.sim.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ArbitrarySupplier;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import org.flowlab.sim.engine.ContractJobs;
import org.flowlab.sim.engine.ContractTraces;
import org.flowlab.sim.engine.ExpectedResults;
import org.flowlab.sim.engine.RunOutcome;
import org.flowlab.sim.fault.Fault;
import org.flowlab.sim.fault.FaultPlan;
import org.flowlab.sim.fault.RandomTaskFailures;
import org.flowlab.sim.fault.SlowWorker;
import org.flowlab.sim.fault.SourceStall;
import org.flowlab.sim.fault.TaskFailure;
import org.flowlab.sim.fault.WorkerCrash;
import org.flowlab.sim.job.Job;
import org.flowlab.workloads.Trace;

/**
 * The stream engine under faults the other properties' few fixed plans do not make: one to four
 * crashes, task failures, slow workers and source stalls close together in time (a second fault
 * while a crash is not detected yet, or while the job is down or restarting), a crash of a worker
 * that holds no task (the run fails over only when the heartbeat times out, if ever), faults after
 * the input has ended, and restart strategies that run out. A run that takes every watermark tick,
 * one kernel action at a time (nothing skipped, nothing in one step), gives the same outcome and
 * watermarks as the run that skips ticks and takes checkpoints, ticks and records in one step, and
 * as the run the engine runs through itself; and a run that does not fail agrees with the oracle,
 * loses nothing and, exactly-once with final outputs, shows no duplicate.
 */
class OverlappingFaultProperties {
    static final long S = 1_000_000_000L;
    static final long MS = 1_000_000L;

    @Property(tries = 100)
    void theShortcutsChangeNoSimulatedNumberUnderOverlappingFaults(
            @ForAll(supplier = ContractTraces.UpToSixty.class) Trace trace,
            @ForAll(supplier = ContractJobs.AnyJob.class) Job job,
            @ForAll @IntRange(min = 1, max = 3) int partitions,
            @ForAll @IntRange(min = 1, max = 3) int parallelism,
            @ForAll(supplier = QuietCheckpointProperties.Intervals.class) long checkpointInterval,
            @ForAll(supplier = QuietTickProperties.IdleTimeouts.class) long idleTimeout,
            @ForAll boolean exactlyOnce, @ForAll boolean updates, @ForAll boolean heavy,
            @ForAll(supplier = CloseFaults.class) FaultPlan faults,
            @ForAll(supplier = Strategies.class) RestartStrategy strategy) {
        StreamConfig config = config(partitions, parallelism, checkpointInterval, exactlyOnce, updates, faults, strategy)
                .withIdleTimeout(idleTimeout);
        if (heavy) {
            config = TickSkipProperties.heavy(config);
        }
        TickSkipProperties.BothWays runs = TickSkipProperties.BothWays.agree(job, trace, config);

        assertThat(StreamRun.startUnattended(job, trace, config).finish()).usingRecursiveComparison().isEqualTo(runs.outcome());
        collect(runs.skipping().run, faults, runs.outcome());
    }

    @Property(tries = 100)
    void aRunThatDoesNotFailAgreesWithTheOracleUnderOverlappingFaults(
            @ForAll(supplier = ContractTraces.UpToSixty.class) Trace trace,
            @ForAll(supplier = ContractJobs.AnyJob.class) Job job,
            @ForAll @IntRange(min = 1, max = 3) int partitions,
            @ForAll @IntRange(min = 1, max = 3) int parallelism,
            @ForAll(supplier = QuietCheckpointProperties.Intervals.class) long checkpointInterval,
            @ForAll boolean exactlyOnce, @ForAll boolean updates,
            @ForAll(supplier = CloseFaults.class) FaultPlan faults,
            @ForAll(supplier = Strategies.class) RestartStrategy strategy) {
        StreamConfig config = config(partitions, parallelism, checkpointInterval, exactlyOnce, updates, faults, strategy);
        StreamRun run = StreamRun.startUnattended(job, trace, config);
        RunOutcome out = run.finish();

        if (!out.failed()) {
            assertThat(out.lostRecords()).isZero();
            assertThat(out.visibility().invisibleCount()).isZero();
            assertThat(ExpectedResults.disagreement(job, trace, out, 10)).isEmpty();
            if (exactlyOnce && !updates) {
                assertThat(out.duplicateOutputs()).isZero();
            }
        }
        collect(run, faults, out);
    }

    private static StreamConfig config(int partitions, int parallelism, long checkpointInterval, boolean exactlyOnce,
                                       boolean updates, FaultPlan faults, RestartStrategy strategy) {
        return QuietCheckpointProperties.config(partitions, parallelism, checkpointInterval, exactlyOnce, updates, faults)
                .withHeartbeatTimeout(S).withRestartStrategy(strategy);
    }

    /** What the generators must reach: faults close together, a crash of a worker without a task, a failed run. */
    private static void collect(StreamRun run, FaultPlan faults, RunOutcome out) {
        Set<Integer> withTasks = new HashSet<>();
        for (Task task : run.tasks()) {
            withTasks.add(task.worker);
        }
        boolean idleWorkerCrashed = faults.crashes().stream().anyMatch(c -> !withTasks.contains(c.worker()));
        Statistics.label("a worker without a task crashed").collect(idleWorkerCrashed);
        Statistics.label("a worker without a task crashed").coverage(c -> c.check(true).percentage(p -> p >= 10));
        Statistics.label("two faults or more").collect(faults.faults().size() >= 2);
        Statistics.label("two faults or more").coverage(c -> c.check(true).percentage(p -> p >= 30));
        Statistics.label("the restart strategy ran out").collect(out.failed());
        Statistics.label("the restart strategy ran out").coverage(c -> c.check(true).percentage(p -> p >= 3));
    }

    /**
     * One to four faults within 4 s of one another, from any time in a contract trace's span to a
     * few seconds past it: a crash of any of the four workers (restart delay 0, 1 ns, 300 ms or 2 s),
     * a task failure, a slow worker or a source stall; or task failures at random.
     */
    static final class CloseFaults implements ArbitrarySupplier<FaultPlan> {
        @Override
        public Arbitrary<FaultPlan> get() {
            // Half a millisecond and a nanosecond off the trace's whole milliseconds, as a crash time may be.
            Arbitrary<Long> anchor = Arbitraries.longs().between(0, 16_000).map(ms -> ms * MS + 500_001);
            Arbitrary<Long> offset = Arbitraries.longs().between(0, 4_000).map(ms -> ms * MS);
            Arbitrary<Integer> worker = Arbitraries.integers().between(0, 3);
            Arbitrary<Long> restartDelay = Arbitraries.of(0L, 1L, 300 * MS, 2 * S);
            Arbitrary<Fault> crash = Combinators.combine(worker, offset, restartDelay).as(WorkerCrash::new);
            Arbitrary<Fault> taskFailure = Combinators.combine(worker, offset).as(TaskFailure::new);
            Arbitrary<Fault> slow = Combinators.combine(worker, offset, Arbitraries.longs().between(1, 3_000))
                    .as((w, from, ms) -> new SlowWorker(w, 3, from, from + ms * MS));
            Arbitrary<Fault> stall = Combinators.combine(offset, Arbitraries.longs().between(1, 3_000))
                    .as((from, ms) -> new SourceStall(from, from + ms * MS));
            Arbitrary<Fault> one = Arbitraries.frequencyOf(Tuple.of(5, crash), Tuple.of(3, taskFailure), Tuple.of(1, slow),
                    Tuple.of(1, stall));
            Arbitrary<FaultPlan> close = Combinators.combine(anchor, one.list().ofMinSize(1).ofMaxSize(4))
                    .as((at, list) -> {
                        List<Fault> shifted = new ArrayList<>();
                        for (Fault f : list) {
                            shifted.add(later(f, at));
                        }
                        return new FaultPlan(shifted);
                    });
            Arbitrary<FaultPlan> atRandom = Arbitraries.longs().between(2, 10).map(s -> FaultPlan.of(new RandomTaskFailures(s * S)));
            return Arbitraries.frequencyOf(Tuple.of(6, close), Tuple.of(1, atRandom));
        }

        private static Fault later(Fault f, long by) {
            if (f instanceof WorkerCrash c) {
                return new WorkerCrash(c.worker(), c.at() + by, c.restartDelay());
            }
            if (f instanceof TaskFailure t) {
                return new TaskFailure(t.worker(), t.at() + by);
            }
            if (f instanceof SlowWorker s) {
                return new SlowWorker(s.worker(), s.factor(), s.from() + by, s.to() + by);
            }
            SourceStall s = (SourceStall) f;
            return new SourceStall(s.from() + by, s.to() + by);
        }
    }

    /** The default strategy (twice as often), none, and two that allow one or two restarts. */
    static final class Strategies implements ArbitrarySupplier<RestartStrategy> {
        @Override
        public Arbitrary<RestartStrategy> get() {
            return Arbitraries.of(RestartStrategy.DEFAULT, RestartStrategy.DEFAULT, RestartStrategy.parse("none"),
                    RestartStrategy.parse("fixed-delay:attempts=1,delay=500ms"),
                    RestartStrategy.parse("exponential-delay:initial=100ms,max=1s,multiplier=2.0,reset=1h,attempts=2"));
        }
    }
}
