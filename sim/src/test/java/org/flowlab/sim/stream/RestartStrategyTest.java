package org.flowlab.sim.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.flowlab.sim.engine.ContractJobs;
import org.flowlab.sim.engine.RunOutcome;
import org.flowlab.sim.fault.FaultPlan;
import org.flowlab.sim.job.Job;
import org.flowlab.sim.job.ResultKey;
import org.flowlab.sim.job.ResultTable;
import org.flowlab.sim.oracle.ReferenceOracle;
import org.flowlab.workloads.InvalidInputException;
import org.flowlab.workloads.Trace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Flink's restart strategies, and a stream job that exhausts one: a failed outcome, not an exception. */
class RestartStrategyTest {
    private static final long S = 1_000_000_000L;

    @ParameterizedTest
    @ValueSource(strings = {"none", "fixed-delay:attempts=3,delay=10s", "exponential-delay:initial=1s,max=1m,multiplier=1.5,reset=1h",
            "exponential-delay:initial=500ms,max=10s,multiplier=2.0,reset=30m,attempts=5"})
    void theTextFormReadsBack(String text) {
        RestartStrategy s = RestartStrategy.parse(text);
        assertThat(s).hasToString(text);
        assertThat(RestartStrategy.parse(s.toString())).isEqualTo(s);
    }

    @Test
    void anOptionGivenTwiceIsRefusedNotResolvedSilently() {
        assertThatThrownBy(() -> RestartStrategy.parse("fixed-delay:attempts=1,delay=1s,attempts=2"))
                .hasMessage("restart strategy 'fixed-delay:attempts=1,delay=1s,attempts=2': 'attempts' is given twice; "
                        + "give each option once");
    }

    @Test
    void optionsLeftOutKeepFlinksDefaults() {
        assertThat(RestartStrategy.parse("exponential-delay")).isEqualTo(RestartStrategy.DEFAULT);
        assertThat(RestartStrategy.parse("fixed-delay")).isEqualTo(new RestartStrategy.FixedDelay(1, S));
        assertThat(RestartStrategy.parse("exponential-delay:attempts=4"))
                .isEqualTo(new RestartStrategy.ExponentialDelay(S, 60 * S, 1.5, 3600 * S, 4));
    }

    @ParameterizedTest
    @ValueSource(strings = {"always", "fixed-delay:tries=3", "fixed-delay:attempts=x", "exponential-delay:initial=2m,max=1m",
            "exponential-delay:multiplier=0.5", "fixed-delay:delay=soon", "fixed-delay:attempts",
            "fixed-delay:attempts=1,delay=1s,attempts=2"})
    void mistakesAreOneLineNamingTheText(String text) {
        assertThatThrownBy(() -> RestartStrategy.parse(text)).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("restart strategy '" + text + "'")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void exponentialDelayGrowsToItsMaximumAndStartsAgainAfterAQuietSpell() {
        RestartStrategy.Backoff b = new RestartStrategy.ExponentialDelay(S, 10 * S, 2, 3600 * S, Integer.MAX_VALUE).start();
        assertThat(b.onFailure(0)).isEqualTo(S);
        assertThat(b.onFailure(5 * S)).isEqualTo(2 * S);
        assertThat(b.onFailure(10 * S)).isEqualTo(4 * S);
        assertThat(b.onFailure(20 * S)).isEqualTo(8 * S);
        assertThat(b.onFailure(30 * S)).isEqualTo(10 * S);
        assertThat(b.onFailure(40 * S)).isEqualTo(10 * S);
        assertThat(b.onFailure(40 * S + 3601 * S)).as("more than the reset threshold after the last").isEqualTo(S);
    }

    @Test
    void attemptsLimitTheRestartsSinceTheDelayLastStartedAgain() {
        RestartStrategy.Backoff exp = new RestartStrategy.ExponentialDelay(S, 10 * S, 2, 60 * S, 2).start();
        assertThat(exp.onFailure(0)).isEqualTo(S);
        assertThat(exp.onFailure(10 * S)).isEqualTo(2 * S);
        assertThat(exp.onFailure(20 * S)).isEqualTo(-1);
        RestartStrategy.Backoff fixed = new RestartStrategy.FixedDelay(2, 5 * S).start();
        assertThat(fixed.onFailure(0)).isEqualTo(5 * S);
        assertThat(fixed.onFailure(3600 * S)).isEqualTo(5 * S);
        assertThat(fixed.onFailure(7200 * S)).as("fixed-delay counts over the whole run").isEqualTo(-1);
        assertThat(new RestartStrategy.NoRestart().start().onFailure(0)).isEqualTo(-1);
    }

    private static Trace trace() {
        return StreamEngineTest.nexmark(60, 200, 4);
    }

    @Test
    void aJobThatExhaustsItsStrategyFailsAtTheFailureAfterTheLastRestartAndKeepsWhatItShowed() {
        Trace trace = trace();
        Job job = ContractJobs.hotItems();
        StreamConfig config = StreamConfig.defaults().withCheckpointInterval("2s")
                .withFaults(FaultPlan.parse("task-fail:worker=0@10s;task-fail:worker=1@30s;task-fail:worker=2@45s"))
                .withRestartStrategy(RestartStrategy.parse("fixed-delay:attempts=1,delay=2s"));
        StreamRun run = StreamRun.start(job, trace, config);
        RunOutcome out = run.finish();
        assertThat(out.failed()).isTrue();
        assertThat(out.status().failedAt()).isEqualTo(30 * S);
        assertThat(out.status().restarts()).isEqualTo(1);
        assertThat(out.status().reason()).contains("fixed-delay:attempts=1,delay=2s").contains("no more restarts");
        assertThat(out.status().text()).isEqualTo("failed");
        assertThat(run.isFinished()).isTrue();
        assertThat(out.metrics().faults().taskFailures()).as("the failure at 45 s meets no job").isEqualTo(2);
        assertThat(out.metrics().endTime()).isEqualTo(30 * S);
        // Its throughput is what it read, about 30 s of a 60 s trace, over the time it read.
        assertThat(out.metrics().throughputPerSecond() * 30).isLessThan(trace.size() * 0.6);
        // What it had shown by then was right: every window it emitted is the oracle's.
        ResultTable expected = ReferenceOracle.run(job, trace);
        assertThat(out.results().isEmpty()).isFalse();
        for (Map.Entry<ResultKey, Object> e : out.results().asMap().entrySet()) {
            assertThat(e.getValue()).as("%s", e.getKey()).isEqualTo(expected.get(e.getKey()));
        }
        assertThat(out.results().size()).isLessThan(expected.size());
        assertThat(StreamRun.start(job, trace, config).finish()).as("the same every time").isEqualTo(out);
    }

    @Test
    void theDefaultStrategyRestartsThroughTheSameFailures() {
        Trace trace = trace();
        Job job = ContractJobs.hotItems();
        StreamConfig config = StreamConfig.defaults().withCheckpointInterval("2s")
                .withFaults(FaultPlan.parse("task-fail:worker=0@10s;task-fail:worker=1@30s;task-fail:worker=2@45s"));
        RunOutcome out = StreamEngine.run(job, trace, config);
        assertThat(out.failed()).isFalse();
        assertThat(out.metrics().recovery().restarts()).isEqualTo(3);
        assertThat(out.results()).isEqualTo(ReferenceOracle.run(job, trace));
    }

    @Test
    void aJobThatRestartsFromTheStartTooOftenToEverFinishFailsForLackOfProgress() {
        Trace trace = trace();
        // No checkpoints: every restart reads from the start, and failures every quarter second on average
        // never leave it the minute it needs.
        StreamConfig config = StreamConfig.defaults().withCheckpointing(false)
                .withFaults(FaultPlan.parse("task-fail:mtbf=1s"))
                .withRestartStrategy(RestartStrategy.parse("fixed-delay:attempts=100000,delay=100ms"));
        RunOutcome out = StreamEngine.run(ContractJobs.hotItems(), trace, config);
        assertThat(out.failed()).isTrue();
        assertThat(out.status().reason()).startsWith("no progress: restarted " + RestartStrategy.MAX_RESTARTS_WITHOUT_PROGRESS
                + " times in a row from the same");
        assertThat(out.status().reason()).endsWith("from the same start (no checkpoint ever completed)");
        assertThat(out.status().restarts()).isEqualTo(RestartStrategy.MAX_RESTARTS_WITHOUT_PROGRESS);
    }
}
