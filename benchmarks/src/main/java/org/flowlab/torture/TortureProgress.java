package org.flowlab.torture;

/** Told each time another run of a torture is done; calls may come from several threads. */
@FunctionalInterface
public interface TortureProgress {

    /** Ignores every report. */
    TortureProgress NONE = (done, total) -> {
    };

    /** {@code done} of {@code total} runs are finished. */
    void finished(int done, int total);
}
