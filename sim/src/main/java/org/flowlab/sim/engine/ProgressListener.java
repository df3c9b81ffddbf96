package org.flowlab.sim.engine;

/**
 * Told how far a run has got, so a harness can draw a progress bar while an engine works. Engines
 * call it from the thread that runs them, with fractions that never decrease and end at 1; the
 * listener must be cheap and, if it shares state with other threads, thread-safe.
 */
@FunctionalInterface
public interface ProgressListener {

    /** Ignores every report. */
    ProgressListener NONE = fraction -> {
    };

    /** The fraction of the trace consumed so far, between 0 and 1. */
    void progress(double fraction);
}
