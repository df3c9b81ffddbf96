package org.flowlab.torture;

import org.flowlab.sim.engine.EngineType;
import org.flowlab.sim.registry.EngineRegistry;
import static org.assertj.core.api.Assertions.assertThat;

import org.flowlab.sim.catalog.JobCatalog;
import org.junit.jupiter.api.Test;

/**
 * The torture every build runs: a fixed seed, so a commit always gets the same verdict, and about
 * half a minute on two cores. On a violation the message is the summary, with the command that
 * replays each violated invariant's first run. For a long one: {@code ./flowlab torture --runs
 * 10000 --seed $RANDOM}.
 */
class ShortTortureTest {
    static final int RUNS = 120;
    static final long SEED = 14;
    static final int MINUTES = 3;

    @Test
    void everyInvariantHoldsAndEveryKindOfFaultFires() {
        TortureSummary summary = Torture.run(new TortureSettings(RUNS, SEED, MINUTES, JobCatalog.scenarios()),
                EngineRegistry.STANDARD, "ci", TortureProgress.NONE);
        String text = summary.toText();

        assertThat(summary.violations()).as(text).isEmpty();
        for (FaultKind kind : FaultKind.values()) {
            assertThat(summary.runsWhereFired(kind)).as("%s fired in no run:%n%s", kind, text).isPositive();
        }
        for (EngineType<?> engine : EngineRegistry.STANDARD.all()) {
            assertThat(summary.fired(engine, FaultKind.CRASH_DURING_CHECKPOINT)).as("%s: %s", engine, text).isPositive();
            assertThat(summary.fired(engine, FaultKind.TASK_FAILURE)).as("%s: %s", engine, text).isPositive();
        }
        for (Invariant invariant : Invariant.values()) {
            assertThat(summary.checked(invariant)).as("%s never checked:%n%s", invariant, text).isPositive();
        }
    }
}
