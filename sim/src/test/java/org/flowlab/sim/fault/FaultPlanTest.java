package org.flowlab.sim.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.flowlab.sim.cluster.ClusterSpec;
import org.flowlab.workloads.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FaultPlanTest {
    private static final long S = 1_000_000_000L;

    @Test
    void theDocumentedFormsParse() {
        FaultPlan plan = FaultPlan.parse("crash:worker=2@1h+30s; task-fail:mtbf=2h;task-fail:worker=1@40m;"
                + "slow:worker=1,x4@2h..3h ; stall:source@10m..12m");
        assertThat(plan.faults()).containsExactly(
                new WorkerCrash(2, 3600 * S, 30 * S),
                new RandomTaskFailures(7200 * S),
                new TaskFailure(1, 2400 * S),
                new SlowWorker(1, 4, 7200 * S, 10800 * S),
                new SourceStall(600 * S, 720 * S));
        assertThat(plan).hasToString("crash:worker=2@1h+30s;task-fail:mtbf=2h;task-fail:worker=1@40m;slow:worker=1,x4@2h..3h;"
                + "stall:source@10m..12m");
    }

    @Test
    void aCrashWithoutDelayRestartsAfterTheDefault() {
        assertThat(FaultPlan.parse("crash:worker=0@90s").faults())
                .containsExactly(new WorkerCrash(0, 90 * S, WorkerCrash.DEFAULT_RESTART_DELAY));
        assertThat(FaultPlan.DEFAULT_RESTART_TEXT).isEqualTo("10s");
        assertThat(WorkerCrash.DEFAULT_RESTART_DELAY).isEqualTo(10 * S);
    }

    @Test
    void noneAndEmptyTextAreTheEmptyPlan() {
        assertThat(FaultPlan.parse("none")).isEqualTo(FaultPlan.NONE);
        assertThat(FaultPlan.parse("  ")).isEqualTo(FaultPlan.NONE);
        assertThat(FaultPlan.NONE).hasToString("none");
        assertThat(FaultPlan.NONE.isNone()).isTrue();
    }

    @Test
    void odd_durationsAndNumbersPrintExactly() {
        FaultPlan plan = FaultPlan.of(new WorkerCrash(0, 1_500_000_001L, 0), new RandomTaskFailures(S + 7),
                new SlowWorker(3, 2.5, 0, 1), new SourceStall(86_400 * S + 3, 86_400 * S + 4_000));
        assertThat(plan).hasToString("crash:worker=0@1s500ms1ns+0s;task-fail:mtbf=1s7ns;slow:worker=3,x2.5@0s..1ns;"
                + "stall:source@1d3ns..1d4us");
        assertThat(FaultPlan.parse(plan.toString())).isEqualTo(plan);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "crash:worker=x@1h | part 1 'crash:worker=x@1h': the worker must be a whole number >= 0 (got 'x')",
            "crash:worker=-1@1h | part 1 'crash:worker=-1@1h': the worker must be a whole number >= 0 (got '-1')",
            "crash:worker=1@soon | the crash time must be a duration such as 500ms, 10s, 5m, 2h, 1d or 1h30m (got 'soon')",
            "crash:worker=1@1h+ | the restart delay must be a duration",
            "crash:worker=1@1h+100000d | the restart delay must be at most about 146 years (got '100000d')",
            "crash:worker=1 | part 1 'crash:worker=1': is not a well-formed crash fault",
            "crash | is not a well-formed crash fault",
            "task-fail:p=0.01 | task-fail:p= is gone: a probability meant something different to each engine",
            "task-fail:mtbf=500ms | task-fail: mtbf must be at least 1s (got 500ms)",
            "task-fail:mtbf=often | the mtbf must be a duration such as 500ms",
            "task-fail:worker=a@1h | the worker must be a whole number >= 0 (got 'a')",
            "task-fail:worker=1@x | the failure time must be a duration",
            "task-fail:q=0.1 | is not a well-formed task-fail fault",
            "slow:worker=1,x0.5@1h..2h | slow: the factor must be a number from 1 to 1000000 (got 0.5)",
            "slow:worker=1,x1e18@1h..2h | slow: the factor must be a number from 1 to 1000000 (got 1.0E18)",
            "slow:worker=1,x4@2h..1h | slow: the period must end after it starts (got 2h..1h)",
            "slow:worker=1,x4@2h | is not a well-formed slow fault",
            "slow:worker=1,xfast@1h..2h | the factor must be a number (got 'fast')",
            "stall:source@5m..5m | stall: the period must end after it starts (got 5m..5m)",
            "stall:sink@5m..6m | is not a well-formed stall fault",
            "explode:now | 'explode' is not a kind of fault",
            "crash:worker=1@1h;; | part 2 '': is empty (a stray ';'?)",
    })
    void badTextIsRejectedNamingThePartAndTheAllowedForms(String text, String expected) {
        assertThatThrownBy(() -> FaultPlan.parse(text))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("fault plan '" + text.trim() + "': part ")
                .hasMessageContaining(expected)
                .hasMessageEndingWith("; allowed: " + FaultPlan.ALLOWED)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void workersMustExistInTheCluster() {
        ClusterSpec four = new ClusterSpec(4, 1, 0);
        FaultPlan.parse("crash:worker=3@1s;slow:worker=0,x2@0s..1s;task-fail:worker=3@1s").validateFor(four);
        assertThatThrownBy(() -> FaultPlan.parse("task-fail:worker=4@1s").validateFor(four))
                .hasMessage("fault plan: task-fail:worker=4@1s names worker 4, but the cluster has 4 workers (0 to 3)");
        assertThatThrownBy(() -> FaultPlan.parse("crash:worker=4@1s").validateFor(four))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("fault plan: crash:worker=4@1s+10s names worker 4, but the cluster has 4 workers (0 to 3)");
        assertThatThrownBy(() -> FaultPlan.parse("slow:worker=1,x2@0s..1s").validateFor(new ClusterSpec(1, 1, 0)))
                .hasMessage("fault plan: slow:worker=1,x2@0s..1s names worker 1, but the cluster has 1 worker (0)");
    }

    @Test
    void queriesCombineTheFaults() {
        FaultPlan plan = FaultPlan.parse("task-fail:mtbf=1h;task-fail:worker=0@1s;slow:worker=1,x2@0s..10s;slow:worker=1,x3@5s..20s;"
                + "stall:source@10s..20s;stall:source@20s..30s;stall:source@25s..40s;crash:worker=1@9s;crash:worker=0@2s");
        assertThat(plan.hasTaskFailures()).isTrue();
        assertThat(plan.slowFactor(1, 4 * S)).isEqualTo(2);
        assertThat(plan.slowFactor(1, 5 * S)).isEqualTo(6);
        assertThat(plan.slowFactor(1, 10 * S)).isEqualTo(3);
        assertThat(plan.slowFactor(0, 5 * S)).isEqualTo(1);
        // Overlapping periods multiply up to one period's bound: six of a million would overflow the clock.
        FaultPlan overlapping = FaultPlan.parse(String.join(";", java.util.Collections.nCopies(6, "slow:worker=1,x1000000@0s..5s")));
        assertThat(overlapping.slowFactor(1, S)).isEqualTo(SlowWorker.MAX_FACTOR);
        assertThat(plan.stallEnd(15 * S)).isEqualTo(40 * S);
        assertThat(plan.stallEnd(9 * S)).isEqualTo(9 * S);
        assertThat(plan.crashes()).extracting(WorkerCrash::worker).containsExactly(0, 1);
        assertThat(FaultPlan.NONE.hasTaskFailures()).isFalse();
        assertThat(FaultPlan.parse("crash:worker=1@9s").hasTaskFailures()).isFalse();
    }
}
