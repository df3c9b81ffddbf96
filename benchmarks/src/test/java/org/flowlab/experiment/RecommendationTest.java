package org.flowlab.experiment;

import org.flowlab.sim.registry.EngineRegistry;
import org.flowlab.sim.engine.EngineType;
import org.flowlab.sim.batch.BatchEngineTypes;
import org.flowlab.sim.stream.StreamEngineType;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The recommendation: the cheapest correct configuration within the SLA and the budget, said in a one-sentence verdict and
 * explained from its numbers, one reason per criterion.
 */
class RecommendationTest {

    static Candidate candidate(EngineType<?> p, double p99Ms, double cost, boolean correct) {
        return new Candidate(p, "cfg-" + p.id(), p99Ms / 2, p99Ms, cost, cost * 18_000, 70, 70, 1234, 0, 0, 0, 0, correct);
    }

    /** A configuration whose job failed for good at 41 m 10 s: its figures stop there, so it looks cheap and fast. */
    static Candidate failed(EngineType<?> p, double p99Ms, double cost, int restarts, String reason) {
        return new Candidate(p, "cfg-" + p.id(), p99Ms / 2, p99Ms, cost, cost * 18_000, 70, 70, 1234, 0, 0, 0, 0, false,
                new EngineFailure(41 * 60_000 + 10_000, restarts, reason, p.recovery(), p.givingUpOf(p.defaults())));
    }

    static final Candidate BATCH = candidate(BatchEngineTypes.BATCH, 3_600_000, 0.10, true);
    static final Candidate MICRO = candidate(BatchEngineTypes.MICROBATCH, 20_000, 0.80, true);
    static final Candidate STREAM = candidate(StreamEngineType.STREAM, 900, 1.60, true);
    static final List<Candidate> ALL = List.of(BATCH, MICRO, STREAM);

    static OptionalLong sla(long ms) {
        return OptionalLong.of(ms * 1_000_000);
    }

    /** The text of {@code r}'s reason on {@code criterion}. */
    static String reason(Recommendation r, String criterion) {
        return r.reasons().stream().filter(x -> x.criterion().equals(criterion)).map(Recommendation.Reason::text)
                .findFirst().orElseThrow(() -> new AssertionError("no reason on " + criterion + " in " + r.reasons()));
    }

    @Test
    void withoutConstraintsTheCheapestWins() {
        Recommendation r = Recommendation.choose(ALL, OptionalLong.empty(), LatencyMeasure.FINAL, OptionalDouble.empty());
        assertThat(r.outcome()).isEqualTo(Recommendation.Outcome.CHOSEN);
        assertThat(r.choice()).contains(BATCH);
        assertThat(r.verdict()).isEqualTo("Run batch (cfg-batch): the cheapest of the 3 that have correct results.");
        assertThat(r.reasons()).extracting(Recommendation.Reason::criterion)
                .containsExactly("Latency", "Results", "Cost", "Throughput", "Failures and recovery", "Complexity");
        assertThat(reason(r, "Latency")).startsWith("no SLA was given");
        assertThat(r.explanation()).startsWith(r.verdict() + " Latency: no SLA was given")
                .endsWith("Complexity: batch is " + BatchEngineTypes.BATCH.complexity() + ".");
    }

    @Test
    void theCheapestThatMeetsTheSlaWins() {
        Recommendation r = Recommendation.choose(ALL, sla(60_000), LatencyMeasure.FINAL, OptionalDouble.empty());
        assertThat(r.choice()).contains(MICRO);
        assertThat(r.verdict()).isEqualTo("Run micro-batch (cfg-microbatch): the cheapest of the 2 that meet the SLA of 1 m 00 s"
                + " on p99 final latency.");
        assertThat(reason(r, "Latency")).startsWith("its p99 per-record final latency of 20 s meets the SLA of 1 m 00 s");
        assertThat(reason(r, "Results")).isEqualTo("its results agree with the reference oracle's; batch (cfg-batch) agrees;"
                + " stream (cfg-stream) agrees.");
        assertThat(reason(r, "Cost")).startsWith("0.800 per run (14,400 worker-seconds)")
                .contains("batch (cfg-batch) would cost 0.100 but misses the SLA");
        assertThat(reason(r, "Throughput")).startsWith("it processed 70.0 records/s");
        assertThat(reason(r, "Complexity")).startsWith("micro-batch is the batch model");
        assertThat(reason(r, "Failures and recovery")).startsWith("no failure touched the runs");
        assertThat(r.explanation()).contains("Cost: 0.800 per run").contains("Failures and recovery: no failure touched the runs");
    }

    @Test
    void aTightSlaLeavesOnlyTheStream() {
        Recommendation r = Recommendation.choose(ALL, sla(1_000), LatencyMeasure.FINAL, OptionalDouble.of(5));
        assertThat(r.choice()).contains(STREAM);
        assertThat(r.verdict()).isEqualTo("Run stream (cfg-stream): the only one that meets the SLA of 1 s on p99 final latency"
                + " and is within the budget of 5.00.");
        assertThat(reason(r, "Cost")).contains("within the budget of 5.00");
    }

    @Test
    void aBudgetBelowEveryConfigurationThatMeetsTheSlaSaysSo() {
        Recommendation r = Recommendation.choose(ALL, sla(1_000), LatencyMeasure.FINAL, OptionalDouble.of(1.0));
        assertThat(r.outcome()).isEqualTo(Recommendation.Outcome.OVER_BUDGET);
        assertThat(r.choice()).isEmpty();
        assertThat(r.closest()).contains(STREAM);
        assertThat(r.verdict()).isEqualTo("Nothing fits both constraints: stream (cfg-stream) is the cheapest that meets"
                + " the SLA, at 1.60 per run, over the budget of 1.00 — raise the budget or relax the SLA.");
        assertThat(reason(r, "Cost")).isEqualTo("1.60 per run (28,800 worker-seconds), over the budget of 1.00.");
    }

    @Test
    void anSlaNobodyMeetsNamesTheFastest() {
        Recommendation r = Recommendation.choose(ALL, sla(100), LatencyMeasure.FINAL, OptionalDouble.empty());
        assertThat(r.outcome()).isEqualTo(Recommendation.Outcome.SLA_MISSED);
        assertThat(r.closest()).contains(STREAM);
        assertThat(r.verdict()).isEqualTo("No configuration meets the SLA of 100 ms on p99 final latency; the closest is"
                + " stream (cfg-stream) at 900 ms — shorten the interval, add workers or relax the SLA.");
        Recommendation first = Recommendation.choose(ALL, sla(100), LatencyMeasure.FIRST_VISIBLE, OptionalDouble.empty());
        assertThat(first.verdict()).startsWith("No configuration meets the SLA of 100 ms on p99 first-visible latency;");
    }

    @Test
    void wrongResultsAreNeverRecommended() {
        Candidate wrongBatch = candidate(BatchEngineTypes.BATCH, 3_600_000, 0.01, false);
        Recommendation r = Recommendation.choose(List.of(wrongBatch, MICRO), OptionalLong.empty(), LatencyMeasure.FINAL, OptionalDouble.empty());
        assertThat(r.choice()).contains(MICRO);
        assertThat(r.verdict()).isEqualTo("Run micro-batch (cfg-microbatch): the only one that has correct results.");
        assertThat(reason(r, "Results")).endsWith("; batch (cfg-batch) is wrong.");
        assertThat(reason(r, "Cost")).contains("would cost 0.0100 but its results are wrong");
        Recommendation none = Recommendation.choose(List.of(wrongBatch), OptionalLong.empty(), LatencyMeasure.FINAL, OptionalDouble.empty());
        assertThat(none.outcome()).isEqualTo(Recommendation.Outcome.NONE_CORRECT);
        assertThat(none.choice()).isEmpty();
        assertThat(none.closest()).isEmpty();
        assertThat(none.verdict()).isEqualTo("None is recommended: no configuration produced correct results (see the agreement"
                + " section).");
        assertThat(none.reasons()).containsExactly(new Recommendation.Reason("Results", "wrong for batch (cfg-batch)."));
    }

    @Test
    void aFailedEngineIsNeverRecommendedAndTheParagraphSaysWhichFailedAndWhy() {
        Candidate stream = failed(StreamEngineType.STREAM, 500, 0.05, 3,
                "the restart strategy (fixed-delay:attempts=3,delay=10s) allows no more restarts");
        for (OptionalLong sla : List.of(OptionalLong.empty(), sla(60_000))) {
            Recommendation r = Recommendation.choose(List.of(BATCH, MICRO, stream), sla, LatencyMeasure.FINAL,
                    OptionalDouble.empty());
            assertThat(r.outcome()).isEqualTo(Recommendation.Outcome.CHOSEN);
            assertThat(r.choice()).isPresent().get().isNotEqualTo(stream);
            assertThat(reason(r, "Failures and recovery"))
                    .contains("Failed, so never recommended: stream (cfg-stream) failed at 41 m 10 s after 3 restarts: the restart"
                            + " strategy (fixed-delay:attempts=3,delay=10s) allows no more restarts.");
            assertThat(r.explanation())
                    .contains("stream (cfg-stream) failed")
                    .doesNotContain("stream (cfg-stream) 500 ms").doesNotContain("stream (cfg-stream) would cost");
        }
        assertThat(Recommendation.choose(List.of(BATCH, MICRO, stream), sla(60_000), LatencyMeasure.FINAL, OptionalDouble.empty())
                .choice()).contains(MICRO);
        // Only the stream meets a one-second SLA, and it failed: nothing qualifies, and the closest is not the stream.
        Recommendation tight = Recommendation.choose(List.of(BATCH, MICRO, stream), sla(1_000), LatencyMeasure.FINAL,
                OptionalDouble.empty());
        assertThat(tight.outcome()).isEqualTo(Recommendation.Outcome.SLA_MISSED);
        assertThat(tight.closest()).contains(MICRO);
    }

    @Test
    void aFailedBatchSaysReruns() {
        Candidate batch = failed(BatchEngineTypes.BATCH, 1_000, 0.01, 9, "the run triggered at 1 h 00 m failed 10 times in a row");
        Recommendation r = Recommendation.choose(List.of(batch, STREAM), OptionalLong.empty(), LatencyMeasure.FINAL,
                OptionalDouble.empty());
        assertThat(r.choice()).contains(STREAM);
        assertThat(r.explanation()).contains("batch (cfg-batch) failed at 41 m 10 s after 9 reruns: the run triggered at 1 h 00 m");
    }

    @Test
    void whenEveryConfigurationFailedNoneIsRecommended() {
        Candidate batch = failed(BatchEngineTypes.BATCH, 1_000, 0.01, 9, "its runs failed");
        Candidate stream = failed(StreamEngineType.STREAM, 500, 0.05, 0, "the restart strategy (none) allows no more restarts");
        Recommendation r = Recommendation.choose(List.of(batch, stream), sla(60_000), LatencyMeasure.FINAL, OptionalDouble.of(5));
        assertThat(r.outcome()).isEqualTo(Recommendation.Outcome.ALL_FAILED);
        assertThat(r.choice()).isEmpty();
        assertThat(r.closest()).isEmpty();
        assertThat(r.verdict()).startsWith("Every configuration failed, so none is recommended");
        assertThat(r.reasons()).extracting(Recommendation.Reason::criterion).containsExactly("Failures and recovery");
        assertThat(r.explanation()).startsWith("Every configuration failed, so none is recommended")
                .contains("batch (cfg-batch) failed at 41 m 10 s after 9 reruns: its runs failed")
                .contains("stream (cfg-stream) failed at 41 m 10 s after 0 restarts");
    }

    @Test
    void aFailedConfigurationCannotBeMarkedCorrect() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Candidate(StreamEngineType.STREAM, "s", 1, 1, 1, 1, 1, 1, 0, 0, 0, 0,
                0, true, new EngineFailure(1, 0, "x", "restart", ""))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTieOnCostGoesToTheSimplerParadigm() {
        Candidate stream = candidate(StreamEngineType.STREAM, 900, 1.000, true);
        Candidate micro = candidate(BatchEngineTypes.MICROBATCH, 20_000, 1.005, true);
        Recommendation r = Recommendation.choose(List.of(micro, stream), OptionalLong.empty(), LatencyMeasure.FINAL, OptionalDouble.empty());
        assertThat(r.choice()).contains(micro);
        assertThat(reason(r, "Cost")).contains("ties on cost with stream (cfg-stream) and wins as the simpler to run");
        assertThat(r.verdict()).isEqualTo("Run micro-batch (cfg-microbatch): the cheapest of the 2 that have correct results,"
                + " tied on cost with stream (cfg-stream) and simpler to run.");
        // A tie with its own paradigm goes to the faster.
        Candidate slow = new Candidate(BatchEngineTypes.MICROBATCH, "slow", 10_000, 20_000, 1.000, 1, 70, 70, 0, 0, 0, 0, 0, true);
        Candidate fast = new Candidate(BatchEngineTypes.MICROBATCH, "fast", 5_000, 10_000, 1.005, 1, 70, 70, 0, 0, 0, 0, 0, true);
        Recommendation same = Recommendation.choose(List.of(slow, fast), OptionalLong.empty(), LatencyMeasure.FINAL,
                OptionalDouble.empty());
        assertThat(same.choice()).contains(fast);
        assertThat(same.verdict()).isEqualTo("Run micro-batch (fast): the cheapest of the 2 that have correct results, tied on"
                + " cost with micro-batch (slow), and of those the simplest to run, then the fastest.");
        assertThat(reason(same, "Cost")).endsWith("it ties on cost with micro-batch (slow) and wins as the simplest, then the fastest.");
    }

    @Test
    void theResultsSayWhatAnEngineDroppedAsLate() {
        Candidate dropping = new Candidate(StreamEngineType.STREAM, "s", 100, 900, 1, 1, 70, 70, 0, 0, 0, 0, 12, true);
        Candidate exact = candidate(BatchEngineTypes.BATCH, 60_000, 0.5, true);
        Recommendation r = Recommendation.choose(List.of(exact, dropping), OptionalLong.empty(), LatencyMeasure.FINAL,
                OptionalDouble.empty());
        assertThat(reason(r, "Results")).endsWith("; stream (s) agrees without the 12 it dropped as late.");
        Recommendation fast = Recommendation.choose(List.of(exact, dropping), sla(1_000), LatencyMeasure.FINAL,
                OptionalDouble.empty());
        assertThat(fast.choice()).contains(dropping);
        assertThat(reason(fast, "Results")).startsWith("its results agree with the reference oracle's, without the 12 records"
                + " it dropped as late");
    }

    @Test
    void recoveryFiguresAppearWhenFaultsStruck() {
        Candidate hit = new Candidate(StreamEngineType.STREAM, "s", 100, 900, 1, 1, 70, 70, 0, 45_000, 3_000, 12, 0, true);
        Candidate other = new Candidate(BatchEngineTypes.BATCH, "b", 100, 3_600_000, 0.5, 1, 70, 70, 0, 600_000, 40_000, 0, 0, true);
        Recommendation r = Recommendation.choose(List.of(other, hit), sla(1_000), LatencyMeasure.FINAL, OptionalDouble.empty());
        assertThat(reason(r, "Failures and recovery")).contains("recovered in 45 s, reading 3,000 records again, with 12 duplicate outputs")
                .contains("(batch (b): recovered in 10 m 00 s, 40,000 read again, no duplicate outputs)");
        Candidate untouched = new Candidate(BatchEngineTypes.MICROBATCH, "m", 100, 500, 0.1, 1, 70, 70, 0, 0, 0, 0, 0, true);
        Recommendation cheap = Recommendation.choose(List.of(untouched, hit), sla(1_000), LatencyMeasure.FINAL, OptionalDouble.empty());
        assertThat(cheap.explanation()).contains("Failures and recovery: the injected faults interrupted none of its work"
                + " (stream (s): recovered in 45 s, 3,000 read again, 12 duplicate outputs).");
    }

    @Test
    void faultsThatTouchedNoRunAreNamedNotAskedFor() {
        Candidate untouched = new Candidate(BatchEngineTypes.MICROBATCH, "m", 100, 500, 0.1, 1, 70, 70, 0, 0, 0, 0, 0, true);
        Recommendation r = Recommendation.choose(List.of(untouched), sla(1_000), LatencyMeasure.FINAL, OptionalDouble.empty(),
                org.flowlab.sim.fault.FaultPlan.parse("crash:worker=1@10d"));
        assertThat(reason(r, "Failures and recovery")).isEqualTo("the faults given (crash:worker=1@10d+10s) made no run fail or"
                + " read anything again, so recovery was not measured (a fault after a run has ended, or on a worker without"
                + " tasks, does nothing).");
    }

    @Property(tries = 200)
    void theChoiceIsCorrectWithinTheConstraintsAndNoneQualifyingIsCheaper(
            @ForAll @IntRange(min = 1, max = 6) int n, @ForAll("seeds") long seed,
            @ForAll @DoubleRange(min = 1, max = 1e7) double slaMs, @ForAll @DoubleRange(min = 0, max = 5) double budget) {
        java.util.Random random = new java.util.Random(seed);
        List<Candidate> cs = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            EngineType<?> p = EngineRegistry.STANDARD.all().get(random.nextInt(3));
            double p99 = Math.pow(10, random.nextDouble() * 7);
            double cost = random.nextDouble() * 4;
            cs.add(random.nextInt(4) == 0 ? failed(p, p99, cost, random.nextInt(5), "told to")
                    : candidate(p, p99, cost, random.nextInt(5) > 0));
        }
        OptionalLong sla = OptionalLong.of((long) (slaMs * 1e6));
        Recommendation r = Recommendation.choose(cs, sla, LatencyMeasure.FINAL, OptionalDouble.of(budget));
        List<Candidate> qualifying = cs.stream().filter(c -> !c.failed() && c.correct() && Recommendation.meetsSla(c, sla)
                && c.cost() <= budget).toList();
        assertThat(r.choice().isPresent()).isEqualTo(!qualifying.isEmpty());
        r.choice().ifPresent(choice -> {
            assertThat(qualifying).contains(choice);
            for (Candidate q : qualifying) {
                assertThat(choice.cost()).isLessThanOrEqualTo(q.cost() * (1 + Recommendation.COST_TIE_PERCENT / 100) + 1e-12);
            }
        });
        r.closest().ifPresent(closest -> assertThat(closest.failed()).isFalse());
        assertThat(r.explanation()).isNotBlank().doesNotContain("NaN");
        assertThat(r.verdict()).endsWith(".").doesNotContain(". ");
        assertThat(r.reasons()).isNotEmpty();
        if (cs.stream().anyMatch(Candidate::failed)) {
            assertThat(r.explanation()).contains("Failed, so never recommended");
        }
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<Long> seeds() {
        return net.jqwik.api.Arbitraries.longs();
    }
}
