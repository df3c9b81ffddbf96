package org.flowlab.experiment;

import org.flowlab.sim.batch.BatchRetries;
import org.flowlab.sim.engine.EngineType;
import org.flowlab.sim.batch.BatchEngineTypes;
import org.flowlab.sim.stream.StreamEngineType;
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
                .withEngines(StreamEngineType.STREAM);
    }

    @Test
    void theStreamAgreesWithTheOracleWithoutItsLateRecordsOnAWindowJobADetectorAndATwoStageJob() {
        for (ComparisonPlan plan : List.of(
                streamOnly("stock-ticks", "vwap-1s", 20 * S, 200),
                streamOnly("card-fraud", "fraud-alerts", 20 * 60 * S, 20).withFaults(FaultPlan.parse("crash:worker=1@8m+20s")),
                streamOnly("nexmark", "q5", 20 * S, 1000).withFaults(FaultPlan.parse("crash:worker=0@7s+2s")))) {
            ComparisonResult r = Comparison.run(plan, ComparisonProgress.NONE);
            assertThat(r.agreement().resultsAgree()).as(plan.scenario() + ": " + r.agreement().differences()).isTrue();
            assertThat(r.agreement().of(StreamEngineType.STREAM).lateRecords()).isEqualTo(r.run(StreamEngineType.STREAM).outcome().lateRecords());
            if (!plan.faults().isNone()) {
                assertThat(r.run(StreamEngineType.STREAM).outcome().metrics().recovery().restarts()).isPositive();
            }
        }
    }

    @Test
    void allThreeAgreeUnderACrashAndTaskFailures() {
        for (ComparisonPlan plan : List.of(
                ComparisonPlan.of("stock-ticks").withDuration(60 * S).withRate(300).withJob(JobChoice.named("vwap-1s"))
                        .withSettings(EngineSettings.defaults().with(BatchEngineTypes.BATCH, b -> b.withInterval(20 * S)).with(BatchEngineTypes.MICROBATCH, b -> b.withInterval(2 * S)))
                        .withFaults(FaultPlan.parse("crash:worker=2@30s+5s;task-fail:worker=1@10s;task-fail:mtbf=1m")),
                ComparisonPlan.of("card-fraud").withDuration(30 * 60 * S).withRate(20)
                        .withSettings(EngineSettings.defaults().with(BatchEngineTypes.BATCH, b -> b.withInterval(10 * 60 * S)))
                        .withFaults(FaultPlan.parse("crash:worker=0@12m+30s")))) {
            ComparisonResult r = Comparison.run(plan, ComparisonProgress.NONE);
            assertThat(r.agreement().resultsAgree()).as(plan.scenario() + ": " + r.agreement().differences()).isTrue();
            if (plan.faults().hasTaskFailures()) {
                assertThat(r.run(StreamEngineType.STREAM).outcome().metrics().faults().taskFailures()).isPositive();
            }
            assertThat(r.runs()).extracting(run -> run.paradigm().id()).containsExactly("batch", "microbatch", "stream");
            assertThat(r.run(BatchEngineTypes.BATCH).engine()).startsWith("batch(");
            assertThat(r.run(BatchEngineTypes.MICROBATCH).engine()).startsWith("micro-batch(");
        }
    }

    @Test
    void batchEnginesReportProgressAtEachCommitWithoutChangingTheirResults() {
        ComparisonPlan plan = ComparisonPlan.of("stock-ticks").withDuration(60 * S).withRate(200).withJob(JobChoice.named("vwap-1s"));
        Trace trace = WorkloadGenerator.generate(plan.workload(), 1);
        Job job = plan.job().build(trace);
        EngineSettings settings = plan.settings().with(BatchEngineTypes.BATCH, b -> b.withInterval(10 * S));
        for (EngineType<?> p : List.of(BatchEngineTypes.BATCH, BatchEngineTypes.MICROBATCH)) {
            List<Double> seen = new ArrayList<>();
            RunOutcome reported = settings.create(p, FaultPlan.NONE, 1).run(job, trace, seen::add);
            RunOutcome plain = settings.create(p, FaultPlan.NONE, 1).run(job, trace);
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
        RunMetrics everyTwoMinutes = settings.with(BatchEngineTypes.BATCH, b -> b.withInterval(120 * S)).create(BatchEngineTypes.BATCH,
                FaultPlan.NONE, 1).run(job, trace).metrics();
        RunMetrics everyHour = settings.with(BatchEngineTypes.BATCH, b -> b.withInterval(3600 * S)).create(BatchEngineTypes.BATCH,
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
                .withSettings(EngineSettings.defaults().with(BatchEngineTypes.MICROBATCH, b -> b.withInterval(2 * 3600 * S)))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("between 100 ms and 1 h");
    }

    @Test
    void steppingTheRunForProgressChangesNoNumber() {
        ComparisonPlan plan = streamOnly("nexmark", "q5", 10 * S, 1000).withFaults(FaultPlan.parse("crash:worker=1@4s+1s"));
        Trace trace = WorkloadGenerator.generate(plan.workload(), 1);
        Job job = plan.job().build(trace);
        Engine engine = plan.settings().create(StreamEngineType.STREAM, plan.faults(), 1);
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
        BatchEngine batch = (BatchEngine) settings.create(BatchEngineTypes.BATCH, FaultPlan.NONE, 1);
        MicroBatchEngine micro = (MicroBatchEngine) settings.create(BatchEngineTypes.MICROBATCH, FaultPlan.NONE, 1);
        StreamEngine stream = (StreamEngine) settings.create(StreamEngineType.STREAM, FaultPlan.NONE, 1);
        assertThat(batch.config().eventTime()).isEqualTo(contract);
        assertThat(micro.config().eventTime()).isEqualTo(contract);
        assertThat(stream.config().eventTime()).isEqualTo(contract);
        assertThat(EngineSettings.defaults().eventTime()).isEqualTo(EventTimeContract.DEFAULT);
    }

    @Test
    void aWatermarkDelayBelowTheDisorderDropsRecordsAndTheVerdictCountsThemAsTheOnlyDifference() {
        ComparisonPlan plan = streamOnly("card-fraud", "fraud-alerts", 30 * 60 * S, 20)
                .withSettings(EngineSettings.defaults().withWatermarkDelay(S));
        ComparisonResult r = Comparison.run(plan, ComparisonProgress.NONE);
        RunOutcome stream = r.run(StreamEngineType.STREAM).outcome();
        assertThat(stream.lateRecords()).isPositive();
        Agreement.Verdict v = r.agreement().of(StreamEngineType.STREAM);
        assertThat(v.lateRecords()).isEqualTo(stream.lateRecords());
        assertThat(v.agrees()).isTrue();
        assertThat(v.summary()).isEqualTo("✓ " + stream.lateRecords() + " late");
    }

    @Test
    void theStreamRestartsAsTheSettingsSayAndTheBatchEnginesRetryAsSparkDoes() {
        RestartStrategy fixed = RestartStrategy.parse("fixed-delay:attempts=3,delay=10s");
        EngineSettings settings = EngineSettings.defaults().withWorkers(3).with(StreamEngineType.STREAM, st -> st.withRestartStrategy(fixed));
        FaultPlan faults = FaultPlan.parse("task-fail:mtbf=2h");
        StreamEngine stream = (StreamEngine) settings.create(StreamEngineType.STREAM, faults, 1);
        assertThat(stream.config().restartStrategy()).isEqualTo(fixed);
        assertThat(((StreamEngine) EngineSettings.defaults().create(StreamEngineType.STREAM, faults, 1))
                .config().restartStrategy()).isEqualTo(RestartStrategy.DEFAULT);
        BatchEngine batch = (BatchEngine) settings.create(BatchEngineTypes.BATCH, faults, 1);
        MicroBatchEngine micro = (MicroBatchEngine) settings.create(BatchEngineTypes.MICROBATCH, faults, 1);
        for (ExecutionSettings e : List.of(batch.config().execution(), micro.config().execution())) {
            assertThat(e.retries().maxAttempts()).isEqualTo(4).isEqualTo(BatchRetries.DEFAULT.maxAttempts());
            assertThat(e.retries().maxRunAttempts()).isEqualTo(BatchRetries.DEFAULT.maxRunAttempts());
            // The retries are set before the rest, which they must not undo.
            assertThat(e.cluster().workers()).isEqualTo(3);
            assertThat(e.faults()).isEqualTo(faults);
        }
        // Each engine keeps its own delay before a rerun: the micro-batch's is short.
        assertThat(micro.config().execution().retries().rerunDelay()).isLessThan(batch.config().execution().retries().rerunDelay());
        EngineSettings fewer = settings.with(BatchEngineTypes.BATCH, b -> b.withRetries(new BatchRetries(2, 3))).with(BatchEngineTypes.MICROBATCH, b -> b.withRetries(new BatchRetries(2, 3)));
        BatchEngine strict = (BatchEngine) fewer.create(BatchEngineTypes.BATCH, faults, 1);
        assertThat(strict.config().execution().retries().maxAttempts()).isEqualTo(2);
        assertThat(strict.config().execution().retries().maxRunAttempts()).isEqualTo(3);
        assertThat(fewer.describe(BatchEngineTypes.BATCH)).isEqualTo("every 1h, 2 attempts per task, 3 per run");
        assertThat(settings.describe(StreamEngineType.STREAM)).endsWith(", restart strategy fixed-delay:attempts=3,delay=10s");
        assertThat(EngineSettings.defaults().describe(StreamEngineType.STREAM)).isEqualTo("at-least-once, checkpoint every 1m");
    }

    @Test
    void aStreamThatMayNotRestartFailsAtItsFirstTaskFailureAndIsNotJudged() {
        ComparisonPlan plan = ComparisonPlan.of("stock-ticks").withDuration(60 * S).withRate(200).withJob(JobChoice.named("vwap-1s"))
                .withSettings(EngineSettings.defaults().with(BatchEngineTypes.BATCH, b -> b.withInterval(20 * S)).with(BatchEngineTypes.MICROBATCH, b -> b.withInterval(2 * S))
                        .with(StreamEngineType.STREAM, st -> st.withRestartStrategy(RestartStrategy.parse("none"))))
                .withFaults(FaultPlan.parse("task-fail:worker=1@30s"));
        ComparisonResult r = Comparison.run(plan, ComparisonProgress.NONE);
        RunOutcome stream = r.run(StreamEngineType.STREAM).outcome();
        assertThat(stream.failed()).isTrue();
        assertThat(stream.status().failedAt()).isEqualTo(30 * S);
        assertThat(stream.status().reason()).contains("restart strategy (none)");
        assertThat(r.agreement().of(StreamEngineType.STREAM).summary()).isEqualTo("failed");
        assertThat(r.run(BatchEngineTypes.BATCH).outcome().failed()).isFalse();
        assertThat(r.agreement().resultsAgree()).as(r.agreement().differences().toString()).isTrue();
        assertThat(r.recommendation().choice()).get().extracting(c -> c.paradigm().id()).isNotEqualTo("stream");
    }

    @Test
    void settingsTheStreamCannotRunAreRefusedBeforeAnythingRuns() {
        assertThatThrownBy(() -> Comparison.check(streamOnly("nexmark", "q5", 10 * S, 100)
                .withFaults(FaultPlan.parse("crash:worker=6@1s"))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("worker 6");
    }
}
