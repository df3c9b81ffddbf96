package org.flowlab.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.flowlab.sim.batch.BatchEngine;
import org.flowlab.sim.batch.MicroBatchEngine;
import org.flowlab.sim.engine.Engine;
import org.flowlab.sim.engine.EventTimeContract;
import org.flowlab.sim.batch.ExecutionSettings;
import org.flowlab.sim.catalog.JobCatalog;
import org.flowlab.sim.engine.ProgressListener;
import org.flowlab.sim.engine.RunOutcome;
import org.flowlab.sim.fault.FaultPlan;
import org.flowlab.sim.job.Job;
import org.flowlab.sim.metrics.RunMetrics;
import org.flowlab.sim.stream.StreamConfig;
import org.flowlab.sim.stream.RestartStrategy;
import org.flowlab.sim.stream.StreamEngine;
import org.flowlab.workloads.InvalidInputException;
import org.flowlab.workloads.Trace;
import org.flowlab.workloads.WorkloadGenerator;
import org.junit.jupiter.api.Test;

/** The real engines behind {@code flowlab compare}, configured from a comparison's settings, on small traces. */
class StandardEnginesTest {
    static final long S = 1_000_000_000L;

    static ComparisonPlan streamOnly(String scenario, String job, long duration, double rate) {
        return ComparisonPlan.of(scenario).withDuration(duration).withRate(rate).withJob(JobChoice.named(job))
                .withEngines(Paradigm.STREAM);
    }

    @Test
    void theStreamAgreesWithTheOracleWithoutItsLateRecordsOnAWindowJobADetectorAndATwoStageJob() {
        for (ComparisonPlan plan : List.of(
                streamOnly("stock-ticks", "vwap-1s", 20 * S, 200),
                streamOnly("card-fraud", "fraud-alerts", 20 * 60 * S, 20).withFaults(FaultPlan.parse("crash:worker=1@8m+20s")),
                streamOnly("nexmark", "q5", 20 * S, 1000).withFaults(FaultPlan.parse("crash:worker=0@7s+2s")))) {
            ComparisonResult r = Comparison.run(plan, StandardEngines.FACTORY, ComparisonProgress.NONE);
            assertThat(r.agreement().resultsAgree()).as(plan.scenario() + ": " + r.agreement().differences()).isTrue();
            assertThat(r.agreement().of(Paradigm.STREAM).lateRecords()).isEqualTo(r.run(Paradigm.STREAM).outcome().lateRecords());
            if (!plan.faults().isNone()) {
                assertThat(r.run(Paradigm.STREAM).outcome().metrics().recovery().restarts()).isPositive();
            }
        }
    }

    @Test
    void allThreeAgreeUnderACrashAndTaskFailures() {
        for (ComparisonPlan plan : List.of(
                ComparisonPlan.of("stock-ticks").withDuration(60 * S).withRate(300).withJob(JobChoice.named("vwap-1s"))
                        .withSettings(EngineSettings.defaults().withBatchInterval(20 * S).withMicrobatchInterval(2 * S))
                        .withFaults(FaultPlan.parse("crash:worker=2@30s+5s;task-fail:worker=1@10s;task-fail:mtbf=1m")),
                ComparisonPlan.of("card-fraud").withDuration(30 * 60 * S).withRate(20)
                        .withSettings(EngineSettings.defaults().withBatchInterval(10 * 60 * S))
                        .withFaults(FaultPlan.parse("crash:worker=0@12m+30s")))) {
            ComparisonResult r = Comparison.run(plan, StandardEngines.FACTORY, ComparisonProgress.NONE);
            assertThat(r.agreement().resultsAgree()).as(plan.scenario() + ": " + r.agreement().differences()).isTrue();
            if (plan.faults().hasTaskFailures()) {
                assertThat(r.run(Paradigm.STREAM).outcome().metrics().faults().taskFailures()).isPositive();
            }
            assertThat(r.runs()).extracting(EngineRun::paradigm).containsExactly(Paradigm.values());
            assertThat(r.run(Paradigm.BATCH).engine()).startsWith("batch(");
            assertThat(r.run(Paradigm.MICROBATCH).engine()).startsWith("micro-batch(");
        }
    }

    @Test
    void batchEnginesReportProgressAtEachCommitWithoutChangingTheirResults() {
        ComparisonPlan plan = ComparisonPlan.of("stock-ticks").withDuration(60 * S).withRate(200).withJob(JobChoice.named("vwap-1s"));
        Trace trace = WorkloadGenerator.generate(plan.workload(), 1);
        Job job = plan.job().build(trace);
        EngineSettings settings = plan.settings().withBatchInterval(10 * S);
        for (Paradigm p : List.of(Paradigm.BATCH, Paradigm.MICROBATCH)) {
            List<Double> seen = new ArrayList<>();
            RunOutcome reported = StandardEngines.FACTORY.create(p, settings, FaultPlan.NONE, 1).run(job, trace, seen::add);
            RunOutcome plain = StandardEngines.FACTORY.create(p, settings, FaultPlan.NONE, 1).run(job, trace);
            assertThat(reported).as(p.id()).isEqualTo(plain);
            assertThat(seen).as(p.id()).hasSizeGreaterThanOrEqualTo(3).isSorted().endsWith(1.0);
            assertThat(seen.get(0)).as(p.id()).isLessThan(1.0);
        }
    }

    /**
     * Issue 13's bill: on card-fraud (1 h), under the default pricing, a batch every 2 minutes keeps
     * its ephemeral cluster held from its first run to the last plus the 10-minute warm pool, while a
     * batch every hour holds it for two cold starts, two runs and two pools — so thirty runs cost
     * more than two, where the old bill, which never charged the idle pool, had it the other way.
     */
    @Test
    void batchEveryTwoMinutesCostsMoreThanBatchEveryHourOnCardFraud() {
        // A tenth of the scenario's rate keeps the test fast; the bill depends on the schedule, not on the records.
        ComparisonPlan plan = ComparisonPlan.of("card-fraud").withDuration(3600 * S).withRate(5);
        Trace trace = WorkloadGenerator.generate(plan.workload(), 1);
        Job job = plan.job().build(trace);
        EngineSettings settings = plan.settings();
        RunMetrics everyTwoMinutes = StandardEngines.FACTORY.create(Paradigm.BATCH, settings.withBatchInterval(120 * S),
                FaultPlan.NONE, 1).run(job, trace).metrics();
        RunMetrics everyHour = StandardEngines.FACTORY.create(Paradigm.BATCH, settings.withBatchInterval(3600 * S),
                FaultPlan.NONE, 1).run(job, trace).metrics();
        assertThat(everyTwoMinutes.cost()).isGreaterThan(everyHour.cost());
        assertThat(everyTwoMinutes.workerSecondsAllocated()).isGreaterThan(everyHour.workerSecondsAllocated());
        long pool = ExecutionSettings.DEFAULT_WARM_POOL;
        assertThat(everyTwoMinutes.bill().coldStarts()).isEqualTo(1);
        // Held from the first run at 2 m to the last commit, plus the pool: the whole hour and more.
        assertThat(everyTwoMinutes.bill().heldNanos()).isEqualTo(everyTwoMinutes.endTime() + pool - 120 * S);
        assertThat(everyHour.bill().idleNanos()).isEqualTo(everyHour.bill().coldStarts() * pool);
    }

    @Test
    void aMicroBatchIntervalOutsideItsRangeIsRefusedBeforeAnythingRuns() {
        assertThatThrownBy(() -> Comparison.check(ComparisonPlan.of("stock-ticks")
                .withSettings(EngineSettings.defaults().withMicrobatchInterval(2 * 3600 * S)), StandardEngines.FACTORY))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("between 100 ms and 1 h");
    }

    @Test
    void steppingTheRunForProgressChangesNoNumber() {
        ComparisonPlan plan = streamOnly("nexmark", "q5", 10 * S, 1000).withFaults(FaultPlan.parse("crash:worker=1@4s+1s"));
        Trace trace = WorkloadGenerator.generate(plan.workload(), 1);
        Job job = plan.job().build(trace);
        Engine engine = StandardEngines.FACTORY.create(Paradigm.STREAM, plan.settings(), plan.faults(), 1);
        List<Double> seen = new ArrayList<>();
        ProgressListener listener = seen::add;
        RunOutcome stepped = engine.run(job, trace, listener);
        RunOutcome direct = engine.run(job, trace);
        assertThat(stepped).isEqualTo(direct);
        assertThat(seen).hasSizeGreaterThan(10).isSorted().endsWith(1.0);
    }

    @Test
    void everyEngineIsGivenTheSameEventTimeContractWhateverTheJob() {
        EventTimeContract contract = new EventTimeContract(7 * S, 30 * S);
        EngineSettings settings = EngineSettings.defaults().withEventTime(contract);
        BatchEngine batch = (BatchEngine) StandardEngines.FACTORY.create(Paradigm.BATCH, settings, FaultPlan.NONE, 1);
        MicroBatchEngine micro = (MicroBatchEngine) StandardEngines.FACTORY.create(Paradigm.MICROBATCH, settings, FaultPlan.NONE, 1);
        StreamEngine stream = (StreamEngine) StandardEngines.FACTORY.create(Paradigm.STREAM, settings, FaultPlan.NONE, 1);
        assertThat(batch.config().eventTime()).isEqualTo(contract);
        assertThat(micro.config().eventTime()).isEqualTo(contract);
        assertThat(stream.config().eventTime()).isEqualTo(contract);
        assertThat(EngineSettings.defaults().eventTime()).isEqualTo(EventTimeContract.DEFAULT);
    }

    @Test
    void aWatermarkDelayBelowTheDisorderDropsRecordsAndTheVerdictCountsThemAsTheOnlyDifference() {
        ComparisonPlan plan = streamOnly("card-fraud", "fraud-alerts", 30 * 60 * S, 20)
                .withSettings(EngineSettings.defaults().withWatermarkDelay(S));
        ComparisonResult r = Comparison.run(plan, StandardEngines.FACTORY, ComparisonProgress.NONE);
        RunOutcome stream = r.run(Paradigm.STREAM).outcome();
        assertThat(stream.lateRecords()).isPositive();
        Agreement.Verdict v = r.agreement().of(Paradigm.STREAM);
        assertThat(v.lateRecords()).isEqualTo(stream.lateRecords());
        assertThat(v.agrees()).isTrue();
        assertThat(v.summary()).isEqualTo("✓ " + stream.lateRecords() + " late");
    }

    @Test
    void theStreamRestartsAsTheSettingsSayAndTheBatchEnginesRetryAsSparkDoes() {
        RestartStrategy fixed = RestartStrategy.parse("fixed-delay:attempts=3,delay=10s");
        EngineSettings settings = EngineSettings.defaults().withWorkers(3).withRestartStrategy(fixed);
        FaultPlan faults = FaultPlan.parse("task-fail:mtbf=2h");
        StreamEngine stream = (StreamEngine) StandardEngines.FACTORY.create(Paradigm.STREAM, settings, faults, 1);
        assertThat(stream.config().restartStrategy()).isEqualTo(fixed);
        assertThat(((StreamEngine) StandardEngines.FACTORY.create(Paradigm.STREAM, EngineSettings.defaults(), faults, 1))
                .config().restartStrategy()).isEqualTo(RestartStrategy.DEFAULT);
        BatchEngine batch = (BatchEngine) StandardEngines.FACTORY.create(Paradigm.BATCH, settings, faults, 1);
        MicroBatchEngine micro = (MicroBatchEngine) StandardEngines.FACTORY.create(Paradigm.MICROBATCH, settings, faults, 1);
        for (ExecutionSettings e : List.of(batch.config().execution(), micro.config().execution())) {
            assertThat(e.retries().maxAttempts()).isEqualTo(4).isEqualTo(BatchRetries.DEFAULT.maxAttempts());
            assertThat(e.retries().maxRunAttempts()).isEqualTo(BatchRetries.DEFAULT.maxRunAttempts());
            // The retries are set before the rest, which they must not undo.
            assertThat(e.cluster().workers()).isEqualTo(3);
            assertThat(e.faults()).isEqualTo(faults);
        }
        // Each engine keeps its own delay before a rerun: the micro-batch's is short.
        assertThat(micro.config().execution().retries().rerunDelay()).isLessThan(batch.config().execution().retries().rerunDelay());
        EngineSettings fewer = settings.withBatchRetries(new BatchRetries(2, 3));
        BatchEngine strict = (BatchEngine) StandardEngines.FACTORY.create(Paradigm.BATCH, fewer, faults, 1);
        assertThat(strict.config().execution().retries().maxAttempts()).isEqualTo(2);
        assertThat(strict.config().execution().retries().maxRunAttempts()).isEqualTo(3);
        assertThat(fewer.describe(Paradigm.BATCH)).isEqualTo("every 1h, 2 attempts per task, 3 per run");
        assertThat(settings.describe(Paradigm.STREAM)).endsWith(", restart strategy fixed-delay:attempts=3,delay=10s");
        assertThat(EngineSettings.defaults().describe(Paradigm.STREAM)).isEqualTo("at-least-once, checkpoint every 1m");
    }

    @Test
    void aStreamThatMayNotRestartFailsAtItsFirstTaskFailureAndIsNotJudged() {
        ComparisonPlan plan = ComparisonPlan.of("stock-ticks").withDuration(60 * S).withRate(200).withJob(JobChoice.named("vwap-1s"))
                .withSettings(EngineSettings.defaults().withBatchInterval(20 * S).withMicrobatchInterval(2 * S)
                        .withRestartStrategy(RestartStrategy.parse("none")))
                .withFaults(FaultPlan.parse("task-fail:worker=1@30s"));
        ComparisonResult r = Comparison.run(plan, StandardEngines.FACTORY, ComparisonProgress.NONE);
        RunOutcome stream = r.run(Paradigm.STREAM).outcome();
        assertThat(stream.failed()).isTrue();
        assertThat(stream.status().failedAt()).isEqualTo(30 * S);
        assertThat(stream.status().reason()).contains("restart strategy (none)");
        assertThat(r.agreement().of(Paradigm.STREAM).summary()).isEqualTo("failed");
        assertThat(r.run(Paradigm.BATCH).outcome().failed()).isFalse();
        assertThat(r.agreement().resultsAgree()).as(r.agreement().differences().toString()).isTrue();
        assertThat(r.recommendation().choice()).get().extracting(Candidate::paradigm).isNotEqualTo(Paradigm.STREAM);
    }

    @Test
    void settingsTheStreamCannotRunAreRefusedBeforeAnythingRuns() {
        assertThatThrownBy(() -> Comparison.check(streamOnly("nexmark", "q5", 10 * S, 100)
                .withFaults(FaultPlan.parse("crash:worker=6@1s")), StandardEngines.FACTORY))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("worker 6");
    }
}
