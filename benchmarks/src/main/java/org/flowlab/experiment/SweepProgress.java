package org.flowlab.experiment;

/** Told as each point of a sweep is done, whether it was run now or read back from an earlier run. */
@FunctionalInterface
public interface SweepProgress {

    /** Ignores every report. */
    SweepProgress NONE = (point, reused) -> {
    };

    void finished(SweepPoint point, boolean reused);
}
