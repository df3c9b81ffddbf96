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

    /**
     * The trace is generated (or read) and no engine has run yet: a spec or file the trace could not
     * be made from has been refused by now. Called once, before any {@link #update}, by the whole
     * comparisons ({@link Comparison#run}, {@link FlinkComparison#run}); a replay of a given trace does not.
     */
    default void traceReady() {
    }
}
