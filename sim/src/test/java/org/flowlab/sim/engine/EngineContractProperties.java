package org.flowlab.sim.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import org.flowlab.sim.fault.Fault;
import org.flowlab.sim.fault.FaultPlan;
import org.flowlab.sim.fault.SlowWorker;
import org.flowlab.sim.fault.SourceStall;
import org.flowlab.sim.fault.TaskFailure;
import org.flowlab.sim.fault.WorkerCrash;
import org.flowlab.sim.job.Job;
import org.flowlab.sim.metrics.FaultTally;
import org.flowlab.workloads.Trace;

/**
 * The contract every engine keeps (DESIGN.md, "Results must agree"), as properties over random
 * small workloads, jobs and fault plans. An engine's test implements {@link #engine} — how to
 * configure the engine for a case — and inherits the properties:
 * <pre>{@code
 * class StreamEngineContractTest implements EngineContractProperties {
 *     public Engine engine(EngineScenario s) { return new StreamEngine(...); }
 * }
 * }</pre>
 * Coverage checks make a property fail when crashes, crashes during a checkpoint or commit, task
 * failures or late records never actually happened in its cases.
 */
public interface EngineContractProperties {

    long S = 1_000_000_000L;
    long MS = 1_000_000L;

    /** The engine, configured for the case: its faults, workers, cadence, out-of-orderness and seed. */
    Engine engine(EngineScenario scenario);

    @Provide
    default Arbitrary<EngineScenario> scenarios() {
        return scenariosWith(anyFaults());
    }

    @Provide
    default Arbitrary<EngineScenario> crashScenarios() {
        return scenariosWith(crashFaults());
    }

    private Arbitrary<EngineScenario> scenariosWith(FaultChoice faults) {
        Arbitrary<Trace> traces = ContractTraces.traces(400);
        Arbitrary<Job> jobs = Arbitraries.of(ContractJobs.all());
        Arbitrary<Integer> workers = Arbitraries.integers().between(1, 4);
        Arbitrary<Long> seeds = Arbitraries.longs().between(1, 1_000_000);
        return Combinators.combine(traces, jobs, workers, seeds).as(Tuple::of)
                .flatMap(t -> faults.plans(t.get1(), t.get3(), S).map(plan ->
                        new EngineScenario(t.get2(), t.get1(), plan, t.get3(), S, ContractTraces.ORDERLY_DELAY, t.get4())));
    }

    /** Fault plans for a trace, on a cluster of {@code workers}, with checkpoints or commits every {@code cadence}. */
    @FunctionalInterface
    interface FaultChoice {
        Arbitrary<FaultPlan> plans(Trace trace, int workers, long cadence);
    }

    private static Arbitrary<Long> timeIn(long span) {
        return Arbitraries.longs().between(0, Math.max(0, span));
    }

    private static Arbitrary<Fault> crash(Trace trace, int workers, long cadence) {
        long span = trace.lastArrival() + 2 * S;
        Arbitrary<Long> anyTime = timeIn(span);
        // Just after a checkpoint (or commit) is triggered, so some crashes hit one in flight.
        Arbitrary<Long> nearCheckpoint = Combinators.combine(
                Arbitraries.longs().between(1, Math.max(1, span / cadence)), Arbitraries.longs().between(0, 6 * MS))
                .as((k, d) -> k * cadence + d);
        return Combinators.combine(Arbitraries.integers().between(0, workers - 1),
                        Arbitraries.oneOf(anyTime, nearCheckpoint), Arbitraries.longs().between(0, 2_000).map(ms -> ms * MS))
                .as(WorkerCrash::new);
    }

    private static FaultChoice anyFaults() {
        return (trace, workers, cadence) -> {
            long span = trace.lastArrival() + 2 * S;
            Arbitrary<Fault> taskFail = Arbitraries.of(0.02, 0.05, 0.1).map(TaskFailure::new);
            Arbitrary<Fault> slow = Combinators.combine(Arbitraries.integers().between(0, workers - 1),
                    Arbitraries.integers().between(2, 50).map(Integer::doubleValue), timeIn(span),
                    Arbitraries.longs().between(1, 10_000).map(ms -> ms * MS))
                    .as((w, f, from, len) -> new SlowWorker(w, f, from, from + len));
            Arbitrary<Fault> stall = Combinators.combine(timeIn(span), Arbitraries.longs().between(1, 5_000).map(ms -> ms * MS))
                    .as((from, len) -> new SourceStall(from, from + len));
            Arbitrary<Fault> crash = crash(trace, workers, cadence);
            Arbitrary<Fault> any = Arbitraries.frequencyOf(
                    Tuple.of(4, crash), Tuple.of(3, taskFail), Tuple.of(1, slow), Tuple.of(1, stall));
            return Arbitraries.frequencyOf(
                    Tuple.of(1, Arbitraries.just(FaultPlan.NONE)),
                    Tuple.of(4, any.list().ofMinSize(1).ofMaxSize(3).map(FaultPlan::new)));
        };
    }

    private static FaultChoice crashFaults() {
        return (trace, workers, cadence) -> crash(trace, workers, cadence).list().ofMinSize(1).ofMaxSize(2)
                .map(crashes -> {
                    List<Fault> faults = new ArrayList<>(crashes);
                    return new FaultPlan(faults);
                });
    }

    private static void collectCoverage(RunOutcome out) {
        FaultTally f = out.metrics().faults();
        Statistics.label("worker crash").collect(f.workerCrashes() > 0);
        Statistics.label("crash during a checkpoint or commit").collect(f.crashesDuringCheckpoint() > 0);
        Statistics.label("task failure").collect(f.taskFailures() > 0);
        Statistics.label("late records").collect(out.lateRecords() > 0);
        Statistics.label("worker crash").coverage(c -> c.check(true).count(n -> n > 0));
        Statistics.label("crash during a checkpoint or commit").coverage(c -> c.check(true).count(n -> n > 0));
        Statistics.label("task failure").coverage(c -> c.check(true).count(n -> n > 0));
        Statistics.label("late records").coverage(c -> c.check(true).count(n -> n > 0));
    }

    @Property(tries = 60)
    default void resultsEqualTheOraclesWithoutTheCountedLateRecords(@ForAll("scenarios") EngineScenario s) {
        RunOutcome out = engine(s).run(s.job(), s.trace());
        collectCoverage(out);
        Statistics.label("job").collect(s.job().name());
        String diff = ExpectedResults.disagreement(s.job(), s.trace(), out, 10);
        if (!diff.isEmpty()) {
            fail(s + ": " + diff);
        }
    }

    @Property(tries = 40)
    default void everyInputRecordIsReflectedInAResultOrCountedLate(@ForAll("scenarios") EngineScenario s) {
        RunOutcome out = engine(s).run(s.job(), s.trace());
        collectCoverage(out);
        assertThat(out.visibility().invisibleCount()).as("%s: records never visible (first: %d)", s,
                out.visibility().firstInvisible()).isZero();
        assertThat(out.lostRecords()).isZero();
        BitSet late = out.lateRecordIds();
        assertThat(late.cardinality()).isEqualTo(out.lateRecords()).isEqualTo(out.metrics().lateRecords());
        assertThat(late.length()).isLessThanOrEqualTo(s.trace().size());
        for (int i = late.nextSetBit(0); i >= 0; i = late.nextSetBit(i + 1)) {
            assertThat(out.visibility().isVisible(i)).as("late record %d is committed as dropped", i).isTrue();
        }
    }

    @Property(tries = 40)
    default void noRecordIsLostAfterAnyCrash(@ForAll("crashScenarios") EngineScenario s) {
        RunOutcome out = engine(s).run(s.job(), s.trace());
        FaultTally f = out.metrics().faults();
        Statistics.label("worker crash").collect(f.workerCrashes() > 0);
        Statistics.label("worker crash").coverage(c -> c.check(true).percentage(p -> p > 50));
        Statistics.label("crash during a checkpoint or commit").collect(f.crashesDuringCheckpoint() > 0);
        Statistics.label("crash during a checkpoint or commit").coverage(c -> c.check(true).count(n -> n > 0));
        assertThat(out.lostRecords()).as("%s: lost records", s).isZero();
        assertThat(out.visibility().invisibleCount()).isZero();
        String diff = ExpectedResults.disagreement(s.job(), s.trace(), out, 10);
        if (!diff.isEmpty()) {
            fail(s + ": " + diff);
        }
    }

    @Property(tries = 25)
    default void theSameCaseGivesTheSameResultsAndMetrics(@ForAll("scenarios") EngineScenario s) {
        RunOutcome first = engine(s).run(s.job(), s.trace());
        RunOutcome second = engine(s).run(s.job(), s.trace());
        assertThat(second.results()).isEqualTo(first.results());
        assertThat(second.metrics()).isEqualTo(first.metrics());
        assertThat(second).isEqualTo(first);
    }
}
