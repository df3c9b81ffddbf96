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
import org.flowlab.sim.fault.TaskFailure;
import org.flowlab.sim.fault.WorkerCrash;
import org.flowlab.sim.job.Job;
import org.flowlab.workloads.Trace;

/**
 * Generators of {@link EngineScenario}s: a random small trace ({@link ContractTraces}), a job of
 * {@link ContractJobs}, 1 to 4 workers, checkpoints or commits every second, and a random fault plan.
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

    /** Cases whose plans have one or two worker crashes and nothing else. */
    public static Arbitrary<EngineScenario> withCrashes() {
        return with((trace, workers) -> crash(trace, workers).list().ofMinSize(1).ofMaxSize(2)
                .map(crashes -> new FaultPlan(new ArrayList<>(crashes))), ContractJobs.all());
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
        long span = trace.lastArrival() + 2 * S;
        Arbitrary<Long> anyTime = timeIn(span);
        Arbitrary<Long> nearCheckpoint = Combinators.combine(
                        Arbitraries.longs().between(1, Math.max(1, span / CADENCE)), Arbitraries.longs().between(0, 6 * MS))
                .as((k, d) -> k * CADENCE + d);
        return Combinators.combine(Arbitraries.integers().between(0, workers - 1),
                        Arbitraries.oneOf(anyTime, nearCheckpoint), Arbitraries.longs().between(0, 2_000).map(ms -> ms * MS))
                .as(WorkerCrash::new);
    }

    private static Arbitrary<FaultPlan> anyFaults(Trace trace, int workers) {
        long span = trace.lastArrival() + 2 * S;
        Arbitrary<Fault> taskFail = Arbitraries.of(0.02, 0.05, 0.1).map(TaskFailure::new);
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
