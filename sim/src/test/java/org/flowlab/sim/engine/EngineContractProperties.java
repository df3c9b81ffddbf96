package org.flowlab.sim.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.BitSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import org.flowlab.sim.fault.WorkerCrash;
import org.flowlab.sim.job.WindowAggregate;
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
 * Each case runs in the output mode its seed picks ({@link #outputMode}), in every engine alike, and
 * a property of its own runs the detector in the {@code updates} mode. Coverage checks make a
 * property fail when crashes, crashes during a checkpoint or commit, task failures or late records
 * never actually happened in its cases; the generators build a share of cases that surely have
 * them, so a check fails only when an engine stops doing what it should.
 */
public interface EngineContractProperties {

    /**
     * How long every engine's configuration for the contract takes to notice a crashed worker: one
     * value for all, as the engines' defaults are one ({@link WorkerCrash#DEFAULT_DETECTION_DELAY});
     * shorter, so the cases' crashes are noticed within their traces and the built ones, 7 s apart,
     * one after the other, but longer than a batch run's start-up and commit (about a second in the
     * batch engines' contract configuration), so that a run which did not wait for the detection is
     * seen to be too early.
     */
    long DETECTION_DELAY = 3_000_000_000L;

    /**
     * The engine, configured for the case: its faults, workers, cadence, out-of-orderness, seed and
     * output mode, and a failure-detection delay of {@link #DETECTION_DELAY}.
     */
    Engine engine(EngineScenario scenario);

    /** The output mode an engine's configuration gives a case, the same in every engine: by its seed, half and half. */
    static OutputMode outputMode(EngineScenario s) {
        return Math.floorMod(s.seed(), 4) < 2 ? OutputMode.FINAL : OutputMode.UPDATES;
    }

    /**
     * The event-time contract an engine's configuration gives a case, the same in every engine, by
     * its seed: a watermark delay of the case's orderly disorder, a third of it (so some orderly
     * records are late too) or twice it, and no allowed lateness or a second of it.
     */
    static EventTimeContract eventTime(EngineScenario s) {
        long d = s.outOfOrderness();
        long[] delays = {d, d / 3, 2 * d};
        long lateness = Math.floorMod(s.seed() / 12, 2) == 0 ? 0 : 1_000_000_000L;
        return new EventTimeContract(delays[Math.floorMod(s.seed() / 4, 3)], lateness);
    }

    /** The case with the next seed that {@link #outputMode} runs in the {@code updates} mode. */
    static EngineScenario inUpdatesMode(EngineScenario s) {
        long seed = s.seed();
        while (outputMode(new EngineScenario(s.job(), s.trace(), s.faults(), s.workers(), s.cadence(), s.outOfOrderness(),
                seed)) != OutputMode.UPDATES) {
            seed++;
        }
        return new EngineScenario(s.job(), s.trace(), s.faults(), s.workers(), s.cadence(), s.outOfOrderness(), seed);
    }

    /**
     * Whether the engine drops records the event-time contract finds late (the stream and the
     * micro-batch); the batch engine corrects them by running again and never drops one.
     */
    default boolean dropsLateRecords() {
        return true;
    }

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
    default Arbitrary<EngineScenario> loneWorkerCrashScenarios() {
        return EngineScenarios.withCrashesOfALoneWorker();
    }

    @Provide
    default Arbitrary<EngineScenario> crashScenarios() {
        return Arbitraries.frequencyOf(
                Tuple.of(1, EngineScenarios.withLateRecordsAndCrashes()),
                Tuple.of(2, EngineScenarios.withCrashes())).withoutEdgeCases();
    }

    /**
     * The covering cases' traces and faults ({@link EngineScenarios#covering}), given to a detector in the {@code updates} mode: the one with
     * timers, or one whose alerts depend on the order rows come in, keyed apart from the partitions.
     */
    @Provide
    default Arbitrary<EngineScenario> detectorUpdateScenarios() {
        return Combinators.combine(EngineScenarios.covering(), Arbitraries.of(ContractJobs.detector(), ContractJobs.risingByAttr1()))
                .as((s, job) -> inUpdatesMode(new EngineScenario(job, s.trace(), s.faults(), s.workers(), s.cadence(),
                        s.outOfOrderness(), s.seed())));
    }

    private void collectCoverage(RunOutcome out) {
        FaultTally f = out.metrics().faults();
        Statistics.label("worker crash").collect(f.workerCrashes() > 0);
        Statistics.label("crash during a checkpoint or commit").collect(f.crashesDuringCheckpoint() > 0);
        Statistics.label("task failure").collect(f.taskFailures() > 0);
        Statistics.label("worker crash").coverage(c -> c.check(true).count(n -> n > 0));
        Statistics.label("crash during a checkpoint or commit").coverage(c -> c.check(true).count(n -> n > 0));
        Statistics.label("task failure").coverage(c -> c.check(true).count(n -> n > 0));
        if (dropsLateRecords()) {
            Statistics.label("late records").collect(out.lateRecords() > 0);
            Statistics.label("late records").coverage(c -> c.check(true).count(n -> n > 0));
        } else {
            assertThat(out.lateRecords()).as("an engine that corrects drops nothing").isZero();
            Statistics.label("corrected records").collect(out.metrics().corrections() > 0);
            Statistics.label("corrected records").coverage(c -> c.check(true).count(n -> n > 0));
        }
    }

    /**
     * The event-time contract, record by record: the records an engine drops as late (or a batch
     * engine corrects) are exactly those its watermark, at the moment it judged them, put behind the
     * contract's rules — worked out here from the job alone ({@link ContractLateness}) — and no
     * watermark ran ahead of the event times that had arrived by then; and the final table is the
     * oracle's without them. Cases with late records and cases without both occur, under every
     * watermark delay, allowed lateness and output mode the seeds pick.
     */
    @Property(tries = 60)
    default void lateRecordsAreExactlyThoseBehindTheWatermarkAndTheAllowedLateness(@ForAll("scenarios") EngineScenario s) {
        RunOutcome out = engine(s).run(s.job(), s.trace());
        EventTimeContract contract = eventTime(s);
        ContractLateness rules = new ContractLateness(s.job(), s.trace(), contract);
        LateJudgements judged = out.judgements();
        BitSet late = out.lateRecordIds();
        long behind = 0;
        for (int i = 0; i < s.trace().size(); i++) {
            boolean reaches = rules.reachesStatefulStep(i);
            assertThat(judged.isJudged(i)).as("%s: record %d reaches a stateful step: %b", s, i, reaches).isEqualTo(reaches);
            if (!reaches) {
                assertThat(late.get(i)).as("%s: record %d is late without a judgement", s, i).isFalse();
                continue;
            }
            long against = judged.against(i);
            boolean isLate = rules.isLate(i, against);
            behind += isLate ? 1 : 0;
            if (dropsLateRecords()) {
                assertThat(late.get(i)).as("%s: record %d against watermark %d", s, i, against).isEqualTo(isLate);
            }
            assertThat(against).as("%s: record %d judged against a watermark ahead of what had arrived", s, i)
                    .isLessThanOrEqualTo(rules.watermarkBound(out.visibility().visibleAt(i)));
        }
        if (dropsLateRecords()) {
            assertThat(out.lateRecords()).isEqualTo(behind);
        } else {
            assertThat(out.metrics().corrections()).as("%s: corrections", s).isEqualTo(behind);
        }
        String diff = ExpectedResults.disagreement(s.job(), s.trace(), out, 10);
        if (!diff.isEmpty()) {
            fail(s + ": " + diff);
        }
        Statistics.label("records behind the watermark").collect(behind > 0);
        Statistics.label("records behind the watermark").coverage(c -> {
            c.check(true).count(n -> n > 0);
            c.check(false).count(n -> n > 0);
        });
        Statistics.label("watermark delay, allowed lateness").collect(contract.watermarkDelay() / 1_000_000 + " ms, "
                + contract.allowedLateness() / 1_000_000 + " ms");
        Statistics.label("output mode").collect(outputMode(s));
    }

    @Property(tries = 100)
    default void resultsEqualTheOraclesWithoutTheCountedLateRecords(@ForAll("scenarios") EngineScenario s) {
        RunOutcome out = engine(s).run(s.job(), s.trace());
        collectCoverage(out);
        Statistics.label("job").collect(s.job().name());
        Statistics.label("output mode").collect(outputMode(s));
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
        assertFinalNeverBeforeFirstVisible(s, out);
    }

    private static int assertFinalNeverBeforeFirstVisible(EngineScenario s, RunOutcome out) {
        int later = 0;
        for (int i = 0; i < s.trace().size(); i++) {
            long first = out.visibility().visibleAt(i);
            long fin = out.visibility().finalAt(i);
            assertThat(fin).as("%s: record %d final at %d, first visible at %d", s, i, fin, first).isGreaterThanOrEqualTo(first);
            if (fin > first) {
                later++;
            }
        }
        return later;
    }

    /**
     * A detector in the {@code updates} mode: its provisional alerts, sent early in the order rows
     * come, are reconciled with the final evaluation's, so the table is the oracle's all the same,
     * under any faults; no record is lost; each is final no earlier than first visible, and some
     * later (the provisional evaluation showed them first).
     */
    @Property(tries = 80)
    default void aDetectorsProvisionalAlertsReconcileToTheOraclesTable(@ForAll("detectorUpdateScenarios") EngineScenario s) {
        RunOutcome out = engine(s).run(s.job(), s.trace());
        collectCoverage(out);
        String diff = ExpectedResults.disagreement(s.job(), s.trace(), out, 10);
        if (!diff.isEmpty()) {
            fail(s + " in the updates mode: " + diff);
        }
        assertThat(out.lostRecords()).as("%s: lost records", s).isZero();
        assertThat(out.visibility().invisibleCount()).isZero();
        int later = assertFinalNeverBeforeFirstVisible(s, out);
        Statistics.label("detector").collect(s.job().name());
        Statistics.label("some record final after first visible").collect(later > 0);
        Statistics.label("some record final after first visible").coverage(c -> c.check(true).percentage(p -> p > 50));
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

    /**
     * Event-time latency (DESIGN.md: visible − window end) is taken alike in every engine: one sample
     * per windowed output of the final table, at the value it keeps, however often the engine showed
     * that output's partials before (the stream at every early firing, the micro-batch once a run),
     * and none for a job whose outputs are not windows.
     */
    @Property(tries = 60)
    default void eventTimeLatencyHasOneSamplePerWindowedOutputAtItsFinalValue(@ForAll("scenarios") EngineScenario s) {
        RunOutcome out = engine(s).run(s.job(), s.trace());
        int last = s.job().lastStatefulIndex();
        boolean windowed = last >= 0 && s.job().operators().get(last) instanceof WindowAggregate;
        long expected = !windowed ? 0 : out.results().asMap().keySet().stream()
                .filter(at -> at.windowEnd() != Long.MAX_VALUE).count();
        Statistics.label("output mode").collect(outputMode(s));
        Statistics.label("windowed outputs").collect(expected > 0);
        Statistics.label("output mode").coverage(c -> c.check(OutputMode.UPDATES).percentage(p -> p > 25));
        Statistics.label("windowed outputs").coverage(c -> c.check(true).percentage(p -> p > 25));
        assertThat(out.metrics().eventTimeLatency().count()).isEqualTo(expected);
    }

    /**
     * A crash costs every engine the same wait: on a cluster of one worker, nothing that arrives
     * after a crash is processed before the crash is noticed and the worker is back its restart
     * delay later, so no such record becomes visible sooner — in the batch engines, whose driver
     * places tasks on the dead worker until it notices, as in the stream, which waits for the
     * worker to restart the job.
     */
    @Property(tries = 40)
    default void aCrashedLoneWorkerMakesNothingNewVisibleBeforeTheCrashIsNoticedAndTheWorkerIsBack(
            @ForAll("loneWorkerCrashScenarios") EngineScenario s) {
        RunOutcome out = engine(s).run(s.job(), s.trace());
        long earliestGap = Long.MAX_VALUE;
        for (WorkerCrash c : s.faults().crashes()) {
            long back = c.at() + DETECTION_DELAY + c.restartDelay();
            for (int i = 0; i < s.trace().size(); i++) {
                long visible = out.visibility().visibleAt(i);
                if (s.trace().arrivalTime(i) > c.at() && visible >= 0) {
                    assertThat(visible).as("%s: record %d, arrived at %d after the crash at %d, visible before the worker is back",
                            s, i, s.trace().arrivalTime(i), c.at()).isGreaterThanOrEqualTo(back);
                    earliestGap = Math.min(earliestGap, visible - back);
                }
            }
        }
        assertThat(out.lostRecords()).as("%s: lost records", s).isZero();
        Statistics.label("a record arriving after a crash became visible").collect(earliestGap != Long.MAX_VALUE);
        Statistics.label("a record arriving after a crash became visible").coverage(c -> c.check(true).percentage(p -> p > 80));
        Statistics.label("... within a second of the worker's return").collect(earliestGap < 1_000_000_000L);
        Statistics.label("... within a second of the worker's return").coverage(c -> c.check(true).count(n -> n > 0));
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
