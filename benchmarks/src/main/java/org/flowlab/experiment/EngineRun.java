package org.flowlab.experiment;

import org.flowlab.sim.engine.EngineType;
import java.util.Objects;
import org.flowlab.sim.engine.RunOutcome;

/**
 * One engine's part of a comparison.
 *
 * @param paradigm      which paradigm
 * @param configuration the settings that concern it, for people ({@code every 1 h})
 * @param outcome       what the engine returned: results, metrics, visibility
 * @param wallNanos     how long the run took on this machine, wall clock (never part of the metrics)
 * @param givingUp      when the engine gives up after failures, one sentence from its settings
 */
public record EngineRun(EngineType<?> paradigm, String configuration, RunOutcome outcome, long wallNanos, String givingUp) {

    public EngineRun {
        Objects.requireNonNull(paradigm, "paradigm");
        Objects.requireNonNull(configuration, "configuration");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(givingUp, "givingUp");
    }

    /** A run of an engine with its type's default settings. */
    public EngineRun(EngineType<?> paradigm, String configuration, RunOutcome outcome, long wallNanos) {
        this(paradigm, configuration, outcome, wallNanos, paradigm.givingUpOf(paradigm.defaults()));
    }

    /** How the engine's job failed for good, or null if it finished. */
    public EngineFailure failure() {
        return EngineFailure.of(this);
    }

    /** The engine's own name, for example {@code batch(1h)}. */
    public String engine() {
        return outcome.engine();
    }
}
