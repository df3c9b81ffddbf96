package org.flowlab.sim.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.BitSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import org.flowlab.sim.metrics.FaultTally;

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
 * failures or late records never actually happened in its cases; the generators build a share of
 * cases that surely have them, so a check fails only when an engine stops doing what it should.
 */
public interface EngineContractProperties {

    /** The engine, configured for the case: its faults, workers, cadence, out-of-orderness and seed. */
    Engine engine(EngineScenario scenario);

    /** Random cases, and cases built to show each event the coverage checks need ({@link EngineScenarios#covering}). */
    @Provide
    default Arbitrary<EngineScenario> scenarios() {
        return EngineScenarios.covering();
    }

    /**
     * Cases with crashes, every one with a crash before the last arrival, which hits running work;
     * a third (no case is an edge case, so every try draws by weight) built to crash just after
     * checkpoint or commit triggers, which in 1,000 such cases hit a checkpoint or commit in
     * progress in at least 998 in every engine: so no crash hits one in 60 tries with probability
     * (1 - 1/3 × 0.998)^60 = 3e-11 at most.
     */
    @Provide
    default Arbitrary<EngineScenario> crashScenarios() {
        return Arbitraries.frequencyOf(
                Tuple.of(1, EngineScenarios.withLateRecordsAndCrashes()),
                Tuple.of(2, EngineScenarios.withCrashes())).withoutEdgeCases();
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

    @Property(tries = 100)
    default void resultsEqualTheOraclesWithoutTheCountedLateRecords(@ForAll("scenarios") EngineScenario s) {
        RunOutcome out = engine(s).run(s.job(), s.trace());
        collectCoverage(out);
        Statistics.label("job").collect(s.job().name());
        String diff = ExpectedResults.disagreement(s.job(), s.trace(), out, 10);
        if (!diff.isEmpty()) {
            fail(s + ": " + diff);
        }
    }

    @Property(tries = 60)
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

    @Property(tries = 60)
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

    @Property(tries = 30)
    default void theSameCaseGivesTheSameResultsAndMetrics(@ForAll("scenarios") EngineScenario s) {
        RunOutcome first = engine(s).run(s.job(), s.trace());
        RunOutcome second = engine(s).run(s.job(), s.trace());
        assertThat(second.results()).isEqualTo(first.results());
        assertThat(second.metrics()).isEqualTo(first.metrics());
        assertThat(second).isEqualTo(first);
    }
}
