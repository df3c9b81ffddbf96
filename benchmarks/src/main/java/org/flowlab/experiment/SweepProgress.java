package org.flowlab.experiment;

/**
 * Told as each point of a sweep is done, whether it was run now or read back from an earlier run.
 * Points run on several threads and finish in any order, but the sweep makes its calls one at a
 * time, {@code done} counting up by one each call: an implementation need not synchronise.
 */
@FunctionalInterface
public interface SweepProgress {

    /** Ignores every report. */
    SweepProgress NONE = (point, reused, done, total) -> {
    };

    /**
     * {@code point} is done, the {@code done}th of {@code total}; {@code total} is 0 when not known
     * ahead, in a search for sustainable throughput, whose rates depend on each other's verdicts.
     */
    void finished(SweepPoint point, boolean reused, int done, int total);

    /**
     * The sweep is under way: called once, before the first {@link #finished}, when the first input
     * it must make is made (so a spec its generator refuses is refused before it), or at once when it
     * makes none: every point is stored, or it searches rates that each make their own.
     */
    default void started() {
    }
}
