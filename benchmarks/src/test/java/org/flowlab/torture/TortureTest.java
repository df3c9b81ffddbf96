package org.flowlab.torture;

import org.flowlab.sim.registry.EngineRegistry;
import org.flowlab.sim.batch.BatchEngineTypes;
import org.flowlab.sim.stream.StreamEngineType;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.flowlab.sim.stream.Delivery;
import org.flowlab.sim.catalog.JobCatalog;
import org.flowlab.sim.fault.FaultPlan;
import org.flowlab.sim.metrics.RecoveryFigures;
import org.junit.jupiter.api.Test;

/** Torture catches what it must catch: each invariant broken on purpose by a wrapped engine. */
class TortureTest {
    private static final String VERSION = "test";

    /** A small nexmark run (q7: a tumbling window, so a restore has state to get wrong) with {@code faults} and {@code delivery}. */
    private static TortureCase nexmark(String faults, Delivery delivery) {
        TortureCase drawn = new CaseGenerator(5, 1, List.of("nexmark")).draw(0);
        return new TortureCase(0, "nexmark", "q7", 60_000_000_000L, 40, 11,
                drawn.settings().with(StreamEngineType.STREAM, st -> st.withDelivery(delivery)).with(StreamEngineType.STREAM, st -> st.withCheckpointInterval(2_000_000_000L)), FaultPlan.parse(faults));
    }

    @Test
    void aStreamThatLosesARowAfterARestoreIsCaughtWithTheCommandThatReplaysIt() {
        TortureSettings settings = new TortureSettings(8, 2, 1, JobCatalog.scenarios());
        TortureSummary summary = Torture.run(settings, BrokenEngines.droppingARowAfterARestore(), VERSION, TortureProgress.NONE, 2);

        assertThat(summary.ok()).isFalse();
        assertThat(summary.violationsByInvariant()).containsOnlyKeys(Invariant.RESULTS);
        for (Violation v : summary.violations()) {
            TortureCase run = summary.runs().get(v.run()).run();
            assertThat(v.engine()).isEqualTo("stream");
            assertThat(v.command()).isEqualTo(run.command()).startsWith("./flowlab compare --scenario " + run.scenario());
            assertThat(InvariantCheck.hasFailures(run.faults())).as("only a run with failures restarts").isTrue();
            assertThat(Torture.runCase(run, EngineRegistry.STANDARD, VERSION).violations())
                    .as("the same run with the real stream keeps every invariant").isEmpty();
        }
        assertThat(summary.toText()).contains("VIOLATED", "results equal the oracle's without the late records",
                "replay: " + summary.violations().get(0).command());
    }

    @Test
    void anEngineThatFailsIsLegalOnlyWithACrashOrTaskFailure() {
        EngineRegistry failing = BrokenEngines.streamAlwaysFailing();
        CaseOutcome quiet = Torture.runCase(nexmark("slow:worker=0,x4@10s..20s", Delivery.AT_LEAST_ONCE), failing, VERSION);
        CaseOutcome crashed = Torture.runCase(nexmark("crash:worker=0@20s+1s", Delivery.AT_LEAST_ONCE), failing, VERSION);

        assertThat(quiet.violations()).extracting(Violation::invariant).containsExactly(Invariant.NO_FAILURE_WITHOUT_FAULT);
        assertThat(quiet.violations().get(0).engine()).isEqualTo("stream");
        assertThat(crashed.violations()).isEmpty();
        assertThat(crashed.failed()).containsExactly("stream");
        assertThat(crashed.checked().get(Invariant.RESULTS)).as("a failed engine's results are not held to the oracle").isEqualTo(2);
        TortureSummary both = new TortureSummary(TortureSettings.of(2, 1), List.of(quiet, crashed));
        assertThat(both.failed(StreamEngineType.STREAM)).isEqualTo(2);
        assertThat(both.failed(BatchEngineTypes.BATCH)).isZero();
    }

    @Test
    void recoveryFiguresWithoutAFailureAreCaught() {
        EngineRegistry restarting = BrokenEngines.streamReporting(r -> new RecoveryFigures(r.timeNanos(), r.reprocessed(),
                r.duplicates(), r.lost(), r.restarts() + 1), 0);
        CaseOutcome stalled = Torture.runCase(nexmark("stall:source@10s..15s", Delivery.AT_LEAST_ONCE), restarting, VERSION);
        CaseOutcome crashed = Torture.runCase(nexmark("crash:worker=0@20s+1s", Delivery.AT_LEAST_ONCE), restarting, VERSION);

        assertThat(stalled.violations()).extracting(Violation::invariant).containsExactly(Invariant.QUIET_WITHOUT_FAILURES);
        assertThat(crashed.violations()).isEmpty();
    }

    @Test
    void duplicatesUnderExactlyOnceAreCaught() {
        EngineRegistry duplicating = BrokenEngines.streamReporting(r -> r, 1);
        CaseOutcome exactlyOnce = Torture.runCase(nexmark("crash:worker=0@20s+1s", Delivery.EXACTLY_ONCE), duplicating, VERSION);
        CaseOutcome atLeastOnce = Torture.runCase(nexmark("crash:worker=0@20s+1s", Delivery.AT_LEAST_ONCE), duplicating, VERSION);

        assertThat(exactlyOnce.violations()).extracting(Violation::invariant).containsExactly(Invariant.NO_DUPLICATES);
        assertThat(atLeastOnce.violations()).isEmpty();
    }

    @Test
    void aRunThatDiffersWhenRepeatedIsCaught() {
        AtomicLong runs = new AtomicLong();
        EngineRegistry drifting = BrokenEngines.streamReporting(r -> new RecoveryFigures(r.timeNanos() + runs.incrementAndGet() * 1_000_000L,
                r.reprocessed(), r.duplicates(), r.lost(), r.restarts()), 0);
        CaseOutcome outcome = Torture.runCase(nexmark("crash:worker=0@20s+1s", Delivery.AT_LEAST_ONCE), drifting, VERSION);

        assertThat(outcome.violations()).extracting(Violation::invariant).containsExactly(Invariant.REPEATABLE);
        assertThat(outcome.violations().get(0).detail()).contains("timeMs");
    }

    @Test
    void anEngineThatThrowsIsAViolationAndTheTortureGoesOn() {
        EngineRegistry throwing = BrokenEngines.brokenStream(o -> {
            throw new IllegalStateException("the stream stopped making progress");
        });
        TortureSummary summary = Torture.run(new TortureSettings(3, 1, 1, List.of("stock-ticks")), throwing, VERSION,
                TortureProgress.NONE, 2);

        assertThat(summary.runs()).hasSize(3);
        assertThat(summary.violations()).hasSize(3).allSatisfy(v -> {
            assertThat(v.invariant()).isEqualTo(Invariant.COMPLETES);
            assertThat(v.detail()).startsWith("IllegalStateException: the stream stopped making progress");
        });
    }
}
