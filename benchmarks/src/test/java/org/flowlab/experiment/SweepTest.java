package org.flowlab.experiment;

import org.flowlab.sim.stream.StreamSettings;
import org.flowlab.sim.registry.EngineRegistry;
import org.flowlab.sim.batch.BatchEngineTypes;
import org.flowlab.sim.stream.StreamEngineType;
import org.flowlab.sim.batch.BatchRetries;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.flowlab.report.SweepPointFiles;
import org.flowlab.sim.engine.OutputMode;
import org.flowlab.sim.fault.FaultPlan;
import org.flowlab.sim.fault.RandomTaskFailures;
import org.flowlab.sim.stream.RestartStrategy;
import org.flowlab.workloads.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sweeps: points, what runs once, resuming after an interruption, and what may be varied where. */
class SweepTest {

    @TempDir
    Path dir;

    static ComparisonPlan base() {
        return ComparisonPlan.of("stock-ticks").withDuration(20_000_000_000L).withRate(100).withJob(JobChoice.named("vwap-1s"));
    }

    static SweepPlan intervals() {
        return new SweepPlan(base(), List.of(Variation.parse("interval=1s..8s:3:log", EngineRegistry.STANDARD)), false);
    }

    @Test
    void anEngineAParameterDoesNotConcernRunsOnce() {
        AtomicInteger runs = new AtomicInteger();
        SweepResult r = Sweep.run(intervals().withEnginesOf(IntervalEngine.factory(runs)), new SweepPointFiles(dir), SweepProgress.NONE);
        assertThat(runs).as("batch 3, micro-batch 3, stream once").hasValue(7);
        assertThat(r.computed()).isEqualTo(7);
        assertThat(r.reused()).isZero();
        assertThat(r.points()).extracting(SweepPoint::key).containsExactly(
                "batch@interval=1s", "microbatch@interval=1s", "stream@base",
                "batch@interval=2s800ms", "microbatch@interval=2s800ms",
                "batch@interval=8s", "microbatch@interval=8s");
        assertThat(r.points()).allSatisfy(p -> assertThat(p.correct()).isTrue());
        assertThat(r.recommendation()).isPresent();
        SweepPoint slow = r.points().get(5);
        SweepPoint fast = r.points().get(0);
        assertThat(slow.latency().p50Ms()).isGreaterThan(fast.latency().p50Ms());
        assertThat(slow.value(SweepParameter.parse(SweepParameter.INTERVAL, EngineRegistry.STANDARD))).isEqualTo(8e9);
    }

    @Test
    void rerunningReadsFinishedPointsBackAndComputesOnlyWhatIsMissing() throws IOException {
        SweepPointFiles store = new SweepPointFiles(dir);
        Sweep.run(intervals().withEnginesOf(IntervalEngine.factory(new AtomicInteger())), store, SweepProgress.NONE);
        AtomicInteger again = new AtomicInteger();
        SweepResult second = Sweep.run(intervals().withEnginesOf(IntervalEngine.factory(again)), store, SweepProgress.NONE);
        assertThat(again).hasValue(0);
        assertThat(second.reused()).isEqualTo(7);
        assertThat(second.computed()).isZero();

        // An interrupted sweep: one point's file never got written.
        Files.delete(store.file("microbatch@interval=2s800ms"));
        AtomicInteger resumed = new AtomicInteger();
        SweepResult third = Sweep.run(intervals().withEnginesOf(IntervalEngine.factory(resumed)), store, SweepProgress.NONE);
        assertThat(resumed).hasValue(1);
        assertThat(third.computed()).isEqualTo(1);
        assertThat(third.reused()).isEqualTo(6);
        assertThat(third.points()).usingRecursiveFieldByFieldElementComparatorIgnoringFields("wallClockSeconds")
                .containsExactlyElementsOf(second.points());
    }

    @Test
    void aDamagedPointFileIsRunAgain() throws IOException {
        SweepPointFiles store = new SweepPointFiles(dir);
        Sweep.run(intervals().withEnginesOf(IntervalEngine.factory(new AtomicInteger())), store, SweepProgress.NONE);
        Files.writeString(store.file("stream@base"), "{ half a poi");
        AtomicInteger runs = new AtomicInteger();
        Sweep.run(intervals().withEnginesOf(IntervalEngine.factory(runs)), store, SweepProgress.NONE);
        assertThat(runs).hasValue(1);
        assertThat(store.find("stream@base")).isPresent();
    }

    @Test
    void aBacklogIsJudgedOnlyOverAtLeastFourIntervals() {
        SweepResult r = Sweep.run(intervals().withEnginesOf(IntervalEngine.factory(new AtomicInteger())), new SweepPointFiles(dir), SweepProgress.NONE);
        // The trace spans 20 s: four intervals of 1 s fit, four of 8 s do not.
        assertThat(r.points().get(0).backlogBounded()).isNotNull();
        assertThat(r.points().get(5).key()).isEqualTo("batch@interval=8s");
        assertThat(r.points().get(5).backlogBounded()).isNull();
        assertThat(r.points().get(5).backlogGrew()).isFalse();
        assertThat(r.points().get(2).key()).isEqualTo("stream@base");
        assertThat(r.points().get(2).backlogBounded()).isTrue();
        assertThatThrownBy(() -> new SweepPlan(base().withSettings(EngineSettings.defaults().with(BatchEngineTypes.BATCH, b -> b.withInterval(10_000_000_000L))),
                List.of(), true)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("needs a trace of at least 50s for batch (5 of its intervals, and 10s)");
    }

    @Test
    void theFolderNameDependsOnWhatChangesTheRunsButNotOnSlaOrBudget() {
        SweepPlan a = intervals();
        assertThat(a.folderName()).matches("stock-ticks-[0-9a-f]{8}");
        // Another build's points are never read back: its code revision is part of the key.
        assertThat(a.canonical()).contains("\ncode " + CodeRevision.current());
        assertThat(new SweepPlan(base().withSla(5_000_000_000L).withBudget(2).withSlaOn(LatencyMeasure.FIRST_VISIBLE),
                a.variations(), false).folderName()).isEqualTo(a.folderName());
        // What the engines are given changes the runs.
        assertThat(new SweepPlan(base().withSettings(base().settings().withOutput(OutputMode.UPDATES)), a.variations(), false)
                .folderName()).isNotEqualTo(a.folderName());
        assertThat(new SweepPlan(base().withSettings(base().settings().withWatermarkDelay(1_000_000_000L)), a.variations(),
                false).folderName()).isNotEqualTo(a.folderName());
        assertThat(new SweepPlan(base().withSeed(2), a.variations(), false).folderName()).isNotEqualTo(a.folderName());
        assertThat(new SweepPlan(base(), List.of(Variation.parse("interval=1s..8s:4:log", EngineRegistry.STANDARD)), false).folderName())
                .isNotEqualTo(a.folderName());
        // So do the stream's restart strategy and the batch engines' retries: every engine's own settings count.
        SweepPlan none = new SweepPlan(base().withSettings(base().settings().with(StreamEngineType.STREAM, st -> st.withRestartStrategy(RestartStrategy.parse("none")))),
                a.variations(), false);
        assertThat(none.canonical()).contains("restartStrategy=none");
        assertThat(none.folderName()).isNotEqualTo(a.folderName());
        assertThat(new SweepPlan(base().withSettings(base().settings().with(BatchEngineTypes.BATCH, b -> b.withRetries(new BatchRetries(2, 3))).with(BatchEngineTypes.MICROBATCH, b -> b.withRetries(new BatchRetries(2, 3)))), a.variations(),
                false).folderName()).isNotEqualTo(a.folderName());
    }

    @Test
    void aSweepKeepsGoingPastAFailedEngineNeverRecommendsItAndReadsItsFailureBack() {
        SweepPointFiles store = new SweepPointFiles(dir);
        AtomicInteger runs = new AtomicInteger();
        SweepResult r = Sweep.run(intervals().withEnginesOf(IntervalEngine.failing(runs, StreamEngineType.STREAM, 5_000_000_000L)), store,
                SweepProgress.NONE);
        assertThat(runs).hasValue(7);
        assertThat(r.points()).hasSize(7);
        SweepPoint stream = r.points().get(2);
        assertThat(stream.key()).isEqualTo("stream@base");
        assertThat(stream.failed()).isTrue();
        assertThat(stream.status()).isEqualTo("failed");
        assertThat(stream.failure()).isEqualTo(new EngineFailure(5_000, IntervalEngine.FAILED_RESTARTS, IntervalEngine.FAILED_REASON, "restart", StreamEngineType.STREAM.givingUpOf(StreamSettings.DEFAULTS)));
        assertThat(stream.correct()).isFalse();
        assertThat(stream.difference()).isEmpty();
        assertThat(stream.lost()).isNull();
        assertThat(stream.backlogGrew()).as("nothing is read after the failure").isTrue();
        assertThat(r.points()).filteredOn(p -> p != stream).allSatisfy(p -> {
            assertThat(p.status()).isEqualTo("completed");
            assertThat(p.correct()).isTrue();
        });
        assertThat(r.recommendation()).get().satisfies(rec -> {
            assertThat(rec.choice()).get().extracting(Candidate::paradigm).isNotEqualTo(StreamEngineType.STREAM);
            assertThat(rec.explanation()).contains("Failed, so never recommended: stream (");
        });
        AtomicInteger again = new AtomicInteger();
        SweepResult second = Sweep.run(intervals().withEnginesOf(IntervalEngine.failing(again, StreamEngineType.STREAM, 5_000_000_000L)), store,
                SweepProgress.NONE);
        assertThat(again).hasValue(0);
        assertThat(second.points()).usingRecursiveFieldByFieldElementComparatorIgnoringFields("wallClockSeconds")
                .containsExactlyElementsOf(r.points());
    }

    @Test
    void aPointStoredBeforeStatusesFinished() {
        SweepPointFiles store = new SweepPointFiles(dir);
        Sweep.run(intervals().withEnginesOf(IntervalEngine.factory(new AtomicInteger())), store, SweepProgress.NONE);
        try {
            String json = Files.readString(store.file("stream@base"));
            Files.writeString(store.file("stream@base"), json.replaceAll(",\\s*\"status\": \"completed\"", ""));
            assertThat(Files.readString(store.file("stream@base"))).doesNotContain("status");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(store.find("stream@base")).get().satisfies(p -> {
            assertThat(p.status()).isEqualTo("completed");
            assertThat(p.failed()).isFalse();
        });
    }

    @Test
    void theGridIsEveryCombinationTheFirstVariationSlowest() {
        SweepPlan plan = new SweepPlan(base(), List.of(Variation.parse("workers=2..4:2", EngineRegistry.STANDARD), Variation.parse("task-mtbf=1h..2h:2", EngineRegistry.STANDARD)), false);
        assertThat(plan.grid()).hasSize(4);
        assertThat(plan.grid().get(1).get(SweepParameter.WORKERS)).isEqualTo(2.0);
        assertThat(plan.grid().get(1).get(SweepParameter.TASK_MTBF)).isEqualTo(7200e9);
        ComparisonPlan at = plan.at(plan.grid().get(3));
        assertThat(at.settings().cluster().workers()).isEqualTo(4);
        assertThat(at.faults().faults()).containsExactly(new RandomTaskFailures(7200_000_000_000L));
        ComparisonPlan replaced = SweepParameter.TASK_MTBF.apply(base().withFaults(FaultPlan.parse("task-fail:mtbf=5m;crash:worker=1@5s")),
                1800e9);
        assertThat(replaced.faults().toString()).isEqualTo("crash:worker=1@5s+10s;task-fail:mtbf=30m");
    }

    @Test
    void keySkewChangesTheZipfExponentWhereTheScenarioHasOne() {
        ComparisonPlan retail = SweepParameter.KEY_SKEW.apply(ComparisonPlan.of("retail-etl"), 1.3);
        assertThat(retail.workload().settings().getAsJsonObject("stores").get("s").getAsDouble()).isEqualTo(1.3);
        assertThat(retail.workload().settings().getAsJsonObject("stores").get("n").getAsInt()).isEqualTo(200);
        assertThatThrownBy(() -> new SweepPlan(ComparisonPlan.of("nexmark"), List.of(Variation.parse("key-skew=0.5..1.5:3", EngineRegistry.STANDARD)), false))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("key-skew: scenario nexmark has no Zipf key distribution; scenarios that have one: retail-etl, bank-eod, crm-warehouse");
    }

    @Test
    void plansThatCannotWorkAreRefused() {
        assertThatThrownBy(() -> new SweepPlan(base(), List.of(), false)).hasMessageContaining("at least one --vary");
        assertThatThrownBy(() -> new SweepPlan(base(), List.of(Variation.parse("rate=1..2", EngineRegistry.STANDARD), Variation.parse("rate=3..4", EngineRegistry.STANDARD)), false))
                .hasMessageContaining("rate is varied twice");
        assertThatThrownBy(() -> new SweepPlan(base(), List.of(Variation.parse("interval=1s", EngineRegistry.STANDARD), Variation.parse("batch-interval=1s", EngineRegistry.STANDARD)), false))
                .hasMessageContaining("vary it alone or them");
        assertThatThrownBy(() -> new SweepPlan(base(), List.of(Variation.parse("rate=1..2", EngineRegistry.STANDARD)), true))
                .hasMessageContaining("do not vary rate with it");
        assertThatThrownBy(() -> new SweepPlan(base(), List.of(Variation.parse("workers=1..40:40", EngineRegistry.STANDARD),
                Variation.parse("interval=1s..1h:30", EngineRegistry.STANDARD)), false)).hasMessageContaining("more than 1000 points");
    }
}
