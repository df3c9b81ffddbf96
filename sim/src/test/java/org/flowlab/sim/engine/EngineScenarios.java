package org.flowlab.sim.engine;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.flowlab.sim.fault.Fault;
import org.flowlab.sim.fault.FaultPlan;
import org.flowlab.sim.fault.SlowWorker;
import org.flowlab.sim.fault.SourceStall;
import org.flowlab.sim.fault.RandomTaskFailures;
import org.flowlab.sim.fault.TaskFailure;
import org.flowlab.sim.fault.WorkerCrash;
import org.flowlab.sim.job.Job;
import org.flowlab.workloads.Trace;

/**
 * Generators of {@link EngineScenario}s: a random small trace ({@link ContractTraces}), a job of
 * {@link ContractJobs}, 1 to 4 workers, checkpoints or commits every second, and a random fault
 * plan; and cases built to show what the contract's coverage checks must see (late records,
 * crashes during a checkpoint or commit, task failures), so that no check depends on luck.
 */
public final class EngineScenarios {
    static final long S = 1_000_000_000L;
    static final long MS = 1_000_000L;
    /** The checkpoint or batch interval of every case. */
    public static final long CADENCE = S;

    private EngineScenarios() {
    }

    /** Cases with no faults, crashes (some just after a checkpoint starts), task failures, slow workers, stalls. */
    public static Arbitrary<EngineScenario> any() {
        return with(EngineScenarios::anyFaults, ContractJobs.all());
    }

    /**
     * Cases whose plans have one or two worker crashes and nothing else, the first before the
     * trace's last arrival: no engine can have finished then, so every case has a crash that hits
     * running work.
     */
    public static Arbitrary<EngineScenario> withCrashes() {
        return with((trace, workers) -> Combinators.combine(crash(workers, trace.lastArrival() - 1),
                        crash(trace, workers).list().ofMaxSize(1))
                .as((first, more) -> {
                    List<Fault> crashes = new ArrayList<>(more);
                    crashes.add(0, first);
                    return new FaultPlan(crashes);
                }), ContractJobs.all());
    }

    /**
     * Cases of {@link #withCrashes} on a cluster of one worker: every crash is of worker 0, and stops
     * all the job's work.
     */
    public static Arbitrary<EngineScenario> withCrashesOfALoneWorker() {
        return withCrashes().map(s -> {
            List<Fault> crashes = new ArrayList<>();
            for (WorkerCrash c : s.faults().crashes()) {
                crashes.add(new WorkerCrash(0, c.at(), c.restartDelay()));
            }
            return new EngineScenario(s.job(), s.trace(), new FaultPlan(crashes), 1, s.cadence(), s.outOfOrderness(), s.seed());
        });
    }

    /**
     * Cases of which two thirds are built, a third each by {@link #withLateRecordsAndCrashes} and
     * {@link #withLateRecordsAndTaskFailures}, and a third are {@link #any}. None is an edge case,
     * so every try draws a branch by its weight: a built case of each kind with probability 1/3.
     * In 1,000 cases of each built kind, every engine of
     * the contract counted late records in all 1,000, a crash during a checkpoint or commit in at
     * least 998 of those with crashes, and task failures in at least 998 of those with task
     * failures; so a coverage check of one of those misses in 60 tries with probability
     * (1 - 1/3 × 0.998)^60 = 3e-11 at most, and restarts from a checkpoint past the start (500 of
     * 500 cases of either kind in the stream) miss in 40 tries with probability (1/3)^40 = 8e-20.
     */
    public static Arbitrary<EngineScenario> covering() {
        return Arbitraries.frequencyOf(
                Tuple.of(1, withLateRecordsAndCrashes()),
                Tuple.of(1, withLateRecordsAndTaskFailures()),
                Tuple.of(1, any())).withoutEdgeCases();
    }

    /**
     * Cases built to have records counted late in every engine ({@link ContractTraces#withLateBids},
     * a job in which a record can be late, and an even seed, on which the batch engines' contract
     * configuration drops late records rather than reprocessing them: {@code BatchContract}) and
     * four worker crashes, each a few milliseconds after a checkpoint or commit is triggered in the
     * trace's busy tail, 7 s apart, so that the job has recovered from one before the next.
     */
    public static Arbitrary<EngineScenario> withLateRecordsAndCrashes() {
        return withLateRecords(EngineScenarios::crashesAfterTriggers);
    }

    /**
     * Cases built to have records counted late (as {@link #withLateRecordsAndCrashes}) and task
     * failures: four instants in the trace's busy tail, 7 s apart, each a few milliseconds after a
     * checkpoint or commit is triggered, at which every worker fails what runs on it — a stream task
     * always, a batch run's task attempts when the run is in its task phase. Without crashes:
     * restarts after task failures would leave few crashes finding a checkpoint in progress.
     */
    public static Arbitrary<EngineScenario> withLateRecordsAndTaskFailures() {
        return withLateRecords(EngineScenarios::taskFailuresAfterTriggers);
    }

    /** Every worker fails at four instants 7 s apart, each 1 to 30 ms after a trigger in the tail of a {@link ContractTraces#withLateBids} trace. */
    private static Arbitrary<FaultPlan> taskFailuresAfterTriggers(Trace trace, int workers) {
        long tailStart = trace.lastArrival() - ContractTraces.TAIL_EVENTS * ContractTraces.TAIL_GAP;
        long firstTrigger = Math.floorDiv(tailStart, CADENCE) + 2;
        Arbitrary<Long> instant = Combinators.combine(Arbitraries.longs().between(0, 2), Arbitraries.longs().between(1, 30))
                .as((k, ms) -> (firstTrigger + k) * CADENCE + ms * MS);
        return instant.list().ofSize(4).map(instants -> {
            List<Fault> failures = new ArrayList<>();
            for (int i = 0; i < instants.size(); i++) {
                for (int w = 0; w < workers; w++) {
                    failures.add(new TaskFailure(w, instants.get(i) + i * 7 * S));
                }
            }
            return new FaultPlan(failures);
        });
    }

    private static Arbitrary<EngineScenario> withLateRecords(FaultChoice faults) {
        Arbitrary<Long> evenSeeds = Arbitraries.longs().between(1, 500_000).map(x -> 2 * x);
        return Combinators.combine(ContractTraces.withLateBids(60), Arbitraries.of(ContractJobs.withLateRecords()),
                        Arbitraries.integers().between(1, 4), evenSeeds).as(Tuple::of)
                .flatMap(t -> faults.plans(t.get1(), t.get3()).map(plan -> new EngineScenario(
                        t.get2(), t.get1(), plan, t.get3(), CADENCE, ContractTraces.ORDERLY_DELAY, t.get4())));
    }

    /** Crashes 1 to 6 ms after the triggers at whole seconds of a {@link ContractTraces#withLateBids} trace's tail. */
    private static Arbitrary<FaultPlan> crashesAfterTriggers(Trace trace, int workers) {
        long tailStart = trace.lastArrival() - ContractTraces.TAIL_EVENTS * ContractTraces.TAIL_GAP;
        long firstTrigger = Math.floorDiv(tailStart, CADENCE) + 2;
        Arbitrary<WorkerCrash> crash = Combinators.combine(Arbitraries.integers().between(0, workers - 1),
                        Arbitraries.longs().between(0, 2), Arbitraries.longs().between(1, 6), Arbitraries.longs().between(0, 500))
                .as((w, k, ms, restart) -> new WorkerCrash(w, (firstTrigger + k) * CADENCE + ms * MS, restart * MS));
        return crash.list().ofSize(4).map(crashes -> {
            List<Fault> spaced = new ArrayList<>();
            for (int i = 0; i < crashes.size(); i++) {
                WorkerCrash c = crashes.get(i);
                spaced.add(new WorkerCrash(c.worker(), c.at() + i * 7 * S, c.restartDelay()));
            }
            return new FaultPlan(spaced);
        });
    }

    /** Fault plans for a trace on a cluster of {@code workers}. */
    @FunctionalInterface
    public interface FaultChoice {
        Arbitrary<FaultPlan> plans(Trace trace, int workers);
    }

    /** Cases of the given jobs with fault plans from {@code faults}. */
    public static Arbitrary<EngineScenario> with(FaultChoice faults, List<Job> jobs) {
        Arbitrary<Trace> traces = ContractTraces.traces(400);
        Arbitrary<Integer> workers = Arbitraries.integers().between(1, 4);
        Arbitrary<Long> seeds = Arbitraries.longs().between(1, 1_000_000);
        return Combinators.combine(traces, Arbitraries.of(jobs), workers, seeds).as(Tuple::of)
                .flatMap(t -> faults.plans(t.get1(), t.get3()).map(plan -> new EngineScenario(
                        t.get2(), t.get1(), plan, t.get3(), CADENCE, ContractTraces.ORDERLY_DELAY, t.get4())));
    }

    private static Arbitrary<Long> timeIn(long span) {
        return Arbitraries.longs().between(0, Math.max(0, span));
    }

    /** A crash at any time of the trace, or just after a checkpoint (or commit) is triggered. */
    public static Arbitrary<Fault> crash(Trace trace, int workers) {
        return crash(workers, trace.lastArrival() + 2 * S);
    }

    /** A crash at any time up to {@code span}, or just after a checkpoint (or commit) is triggered before it. */
    private static Arbitrary<Fault> crash(int workers, long span) {
        Arbitrary<Long> anyTime = timeIn(span);
        Arbitrary<Long> nearCheckpoint = Combinators.combine(
                        Arbitraries.longs().between(1, Math.max(1, span / CADENCE)), Arbitraries.longs().between(0, 6 * MS))
                .as((k, d) -> Math.min(Math.max(0, span), k * CADENCE + d));
        return Combinators.combine(Arbitraries.integers().between(0, workers - 1),
                        Arbitraries.oneOf(anyTime, nearCheckpoint), Arbitraries.longs().between(0, 2_000).map(ms -> ms * MS))
                .as(WorkerCrash::new);
    }

    private static Arbitrary<FaultPlan> anyFaults(Trace trace, int workers) {
        long span = trace.lastArrival() + 2 * S;
        Arbitrary<Fault> taskFail = Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.longs().between(5, 60).map(s -> (Fault) new RandomTaskFailures(s * S))),
                Tuple.of(2, Combinators.combine(Arbitraries.integers().between(0, workers - 1), timeIn(span))
                        .as((w, t) -> (Fault) new TaskFailure(w, t))));
        Arbitrary<Fault> slow = Combinators.combine(Arbitraries.integers().between(0, workers - 1),
                        Arbitraries.integers().between(2, 50).map(Integer::doubleValue), timeIn(span),
                        Arbitraries.longs().between(1, 10_000).map(ms -> ms * MS))
                .as((w, f, from, len) -> new SlowWorker(w, f, from, from + len));
        Arbitrary<Fault> stall = Combinators.combine(timeIn(span), Arbitraries.longs().between(1, 5_000).map(ms -> ms * MS))
                .as((from, len) -> new SourceStall(from, from + len));
        Arbitrary<Fault> one = Arbitraries.frequencyOf(
                Tuple.of(4, crash(trace, workers)), Tuple.of(3, taskFail), Tuple.of(1, slow), Tuple.of(1, stall));
        return Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just(FaultPlan.NONE)),
                Tuple.of(4, one.list().ofMinSize(1).ofMaxSize(3).map(FaultPlan::new)));
    }
}
