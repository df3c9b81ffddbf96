package org.flowlab.experiment;

import org.flowlab.sim.batch.BatchEngineTypes;
import org.flowlab.sim.stream.StreamEngineType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.flowlab.sim.engine.EventTimeContract;
import org.flowlab.sim.fault.FaultPlan;
import org.flowlab.workloads.InvalidInputException;
import org.junit.jupiter.api.Test;

/** The comparison's plumbing, on a small trace and the {@link IntervalEngine} test double. */
class ComparisonTest {

    static ComparisonPlan small() {
        return ComparisonPlan.of("stock-ticks").withDuration(30_000_000_000L).withRate(200).withJob(JobChoice.named("vwap-1s"));
    }

    @Test
    void everyEngineReplaysTheSameTraceAndTheResultsAgree() {
        AtomicInteger runs = new AtomicInteger();
        ComparisonResult r = Comparison.run(small().withEnginesOf(IntervalEngine.factory(runs)), ComparisonProgress.NONE);
        assertThat(runs).hasValue(3);
        assertThat(r.runs()).extracting(run -> run.paradigm().id()).containsExactly("batch", "microbatch", "stream");
        assertThat(r.runs()).allSatisfy(run -> assertThat(run.outcome().metrics().recordsIn()).isEqualTo(r.trace().size()));
        assertThat(r.agreement().resultsAgree()).isTrue();
        assertThat(r.agreement().differences()).isEmpty();
        assertThat(r.agreement().oracleOutputs()).isPositive();
        assertThat(r.job().name()).isEqualTo("vwap-1s");
        assertThat(r.trace().size()).isBetween(2000, 12000);
    }

    @Test
    void aWrongEngineIsCaughtWithItsFirstDifference() {
        ComparisonResult r = Comparison.run(small().withEnginesOf(IntervalEngine.factory(new AtomicInteger(), BatchEngineTypes.MICROBATCH)),
                ComparisonProgress.NONE);
        assertThat(r.agreement().resultsAgree()).isFalse();
        assertThat(r.agreement().of(BatchEngineTypes.BATCH).agrees()).isTrue();
        Agreement.Verdict v = r.agreement().of(BatchEngineTypes.MICROBATCH);
        assertThat(v.agrees()).isFalse();
        assertThat(v.differences()).isEqualTo(1);
        assertThat(v.summary()).startsWith("✗ 1 output differs, first: ").contains("expected ").contains("actual nothing");
        assertThat(r.agreement().differences()).singleElement().asString().startsWith("microbatch: 1 output differs");
        assertThat(r.recommendation().candidates()).filteredOn(c -> c.paradigm().equals(BatchEngineTypes.MICROBATCH))
                .singleElement().extracting(Candidate::correct).isEqualTo(false);
        assertThat(r.recommendation().choice()).get().extracting(Candidate::paradigm).isNotEqualTo(BatchEngineTypes.MICROBATCH);
    }

    static final long FAIL_AT = 12_000_000_000L;

    @Test
    void aFailedEngineIsNotJudgedAndTheEnginesThatFinishedStillAgree() {
        ComparisonResult r = Comparison.run(small().withEnginesOf(IntervalEngine.failing(new AtomicInteger(), StreamEngineType.STREAM, FAIL_AT)),
                ComparisonProgress.NONE);
        assertThat(r.run(StreamEngineType.STREAM).outcome().failed()).isTrue();
        // Its table is empty and every record unread: judged, it would be wrong and lossy.
        assertThat(r.run(StreamEngineType.STREAM).outcome().results().isEmpty()).isTrue();
        assertThat(r.run(StreamEngineType.STREAM).outcome().lostRecords()).isPositive();
        Agreement a = r.agreement();
        assertThat(a.resultsAgree()).isTrue();
        assertThat(a.failed()).containsExactly(StreamEngineType.STREAM);
        assertThat(a.differences()).isEmpty();
        Agreement.Verdict v = a.of(StreamEngineType.STREAM);
        assertThat(v.failed()).isTrue();
        assertThat(v.agrees()).isFalse();
        assertThat(v.summary()).isEqualTo("failed");
        assertThat(v.lostRecords()).isZero();
        assertThat(a.of(BatchEngineTypes.BATCH).agrees()).isTrue();
        assertThat(a.explanation()).startsWith("every engine that finished equals the reference oracle")
                .endsWith("; stream failed, not compared");
        // The stream was the fastest, but it failed: never the choice, and the paragraph says why.
        assertThat(r.recommendation().choice()).get().extracting(Candidate::paradigm).isNotEqualTo(StreamEngineType.STREAM);
        assertThat(r.recommendation().candidates()).filteredOn(Candidate::failed).singleElement()
                .satisfies(c -> assertThat(c.failure().restarts()).isEqualTo(IntervalEngine.FAILED_RESTARTS));
        assertThat(r.recommendation().explanation()).contains("failed at 12 s after 3 restarts: " + IntervalEngine.FAILED_REASON);
        // Which engine equals which: the failed one is left out.
        assertThat(FlinkComparisonResult.withoutFlink(r).sameResults()).containsOnlyKeys("batch", "microbatch");
        assertThat(FlinkComparisonResult.withoutFlink(r).sameResults().get("batch")).containsOnlyKeys("oracle", "microbatch");
    }

    @Test
    void aFailedEngineDoesNotHideAWrongOne() {
        ComparisonResult r = Comparison.run(small().withEnginesOf(IntervalEngine.factory(new AtomicInteger(), BatchEngineTypes.BATCH, StreamEngineType.STREAM,
                FAIL_AT)), ComparisonProgress.NONE);
        assertThat(r.agreement().resultsAgree()).isFalse();
        assertThat(r.agreement().differences()).singleElement().asString().startsWith("batch: 1 output differs");
        assertThat(r.agreement().failed()).containsExactly(StreamEngineType.STREAM);
        assertThat(r.recommendation().choice()).get().extracting(Candidate::paradigm).isEqualTo(BatchEngineTypes.MICROBATCH);
    }

    @Test
    void whenEveryEngineFailsNothingIsComparedAndNothingRecommended() {
        ComparisonResult r = Comparison.run(small().withEngines(StreamEngineType.STREAM).withEnginesOf(IntervalEngine.failing(new AtomicInteger(), StreamEngineType.STREAM, FAIL_AT)), ComparisonProgress.NONE);
        assertThat(r.agreement().resultsAgree()).isFalse();
        assertThat(r.agreement().differences()).isEmpty();
        assertThat(r.agreement().explanation()).isEqualTo("every engine failed, so no results were compared");
        assertThat(r.recommendation().outcome()).isEqualTo(Recommendation.Outcome.ALL_FAILED);
        assertThat(r.recommendation().choice()).isEmpty();
    }

    @Test
    void progressReachesOneForEveryEngineAndNeverGoesBack() {
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        double[][] last = {{-1, -1, -1}};
        ComparisonProgress progress = (p, f) -> {
            synchronized (last) {
                int i = List.of("batch", "microbatch", "stream").indexOf(p.id());
                assertThat(f).isGreaterThanOrEqualTo(last[0][i]);
                last[0][i] = f;
            }
            seen.add(p.id());
        };
        Comparison.run(small().withEngines(BatchEngineTypes.BATCH, StreamEngineType.STREAM).withEnginesOf(IntervalEngine.factory(new AtomicInteger())), progress);
        assertThat(last[0]).containsExactly(1.0, -1, 1.0);
        assertThat(seen).contains("batch", "stream").doesNotContain("microbatch");
    }

    @Test
    void aPlanRunsItsEnginesInTheOrderItNamesThemAndEachOnce() {
        ComparisonPlan plan = small().withEngines(StreamEngineType.STREAM, BatchEngineTypes.BATCH);
        assertThat(plan.engines()).containsExactly(StreamEngineType.STREAM, BatchEngineTypes.BATCH);
        assertThatThrownBy(() -> small().withEngines(StreamEngineType.STREAM, StreamEngineType.STREAM))
                .isInstanceOf(InvalidInputException.class).hasMessage("engines: stream is named twice");
    }

    @Test
    void anUnknownJobFailsBeforeAnythingRuns() {
        AtomicInteger runs = new AtomicInteger();
        assertThatThrownBy(() -> Comparison.run(small().withJob(JobChoice.named("nope")).withEnginesOf(IntervalEngine.factory(runs)),
                ComparisonProgress.NONE))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("unknown job 'nope'").hasMessageContaining("vwap-1s");
        assertThat(runs).hasValue(0);
    }

    @Test
    void aFaultOnAWorkerTheClusterLacksFailsBeforeAnythingRuns() {
        AtomicInteger runs = new AtomicInteger();
        assertThatThrownBy(() -> Comparison.run(small().withFaults(FaultPlan.parse("crash:worker=9@10s")).withEnginesOf(IntervalEngine.factory(runs)), ComparisonProgress.NONE))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("worker 9");
        assertThat(runs).hasValue(0);
    }

    @Test
    void theEventTimeContractIsTheGivenOneNeverChosenFromTheTrace() {
        ComparisonResult r = Comparison.run(small().withEnginesOf(IntervalEngine.factory(new AtomicInteger())), ComparisonProgress.NONE);
        assertThat(r.settings().eventTime()).isEqualTo(EventTimeContract.DEFAULT);
        EventTimeContract given = new EventTimeContract(3_000_000_000L, 60_000_000_000L);
        ComparisonResult withContract = Comparison.run(small().withSettings(small().settings().withEventTime(given)).withEnginesOf(IntervalEngine.factory(new AtomicInteger())), ComparisonProgress.NONE);
        assertThat(withContract.settings().eventTime()).isEqualTo(given);
    }

    @Test
    void planValidation() {
        assertThatThrownBy(() -> small().withSla(0)).isInstanceOf(InvalidInputException.class).hasMessageContaining("SLA");
        assertThatThrownBy(() -> small().withBudget(-1)).isInstanceOf(InvalidInputException.class).hasMessageContaining("budget");
        assertThatThrownBy(() -> small().withEngines(List.of())).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> small().withEngines(BatchEngineTypes.BATCH, BatchEngineTypes.BATCH)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("twice");
    }
}
