package org.flowlab.experiment;

import org.flowlab.sim.engine.EngineType;

/**
 * Told how far each engine of a comparison has got. Engines run on their own threads, so calls
 * come from several threads at once: implementations synchronise what they share.
 */
@FunctionalInterface
public interface ComparisonProgress {

    /** Ignores every report. */
    ComparisonProgress NONE = (paradigm, fraction) -> {
    };

    /** {@code paradigm}'s engine has consumed {@code fraction} (0 to 1) of the trace. */
    void update(EngineType<?> paradigm, double fraction);
}
