package org.flowlab.experiment;

import java.util.Objects;
import org.flowlab.sim.engine.RunOutcome;

/**
 * One engine's part of a comparison.
 *
 * @param paradigm      which paradigm
 * @param configuration the settings that concern it, for people ({@code every 1 h})
 * @param outcome       what the engine returned: results, metrics, visibility
 * @param wallNanos     how long the run took on this machine, wall clock (never part of the metrics)
 */
public record EngineRun(Paradigm paradigm, String configuration, RunOutcome outcome, long wallNanos) {

    public EngineRun {
        Objects.requireNonNull(paradigm, "paradigm");
        Objects.requireNonNull(configuration, "configuration");
        Objects.requireNonNull(outcome, "outcome");
    }

    /** The engine's own name, for example {@code batch(1h)}. */
    public String engine() {
        return outcome.engine();
    }
}
