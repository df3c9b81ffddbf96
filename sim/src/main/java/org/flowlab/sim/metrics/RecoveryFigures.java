package org.flowlab.sim.metrics;

/**
 * What faults cost a run (DESIGN.md, "recovery").
 *
 * @param timeNanos   the longest recovery among the run's failures: from a failure to the first
 *                    moment after work resumed at which staleness is back within 10 % (or 1 s,
 *                    whichever is larger) of its level just before the failure; 0 without failures
 * @param reprocessed input records read again because of a fault: after a stream's restart, by a batch
 *                    task's retry (what the failed or killed attempt had read), recomputation or rerun
 * @param duplicates  outputs made visible again with the same value (at-least-once replays)
 * @param lost        input records never reflected in a visible output nor counted late; must be 0
 * @param restarts    how many times the work restarted
 */
public record RecoveryFigures(long timeNanos, long reprocessed, long duplicates, long lost, int restarts) {

    /** No failure, nothing reprocessed, duplicated or lost. */
    public static final RecoveryFigures NONE = new RecoveryFigures(0, 0, 0, 0, 0);

    /** The smallest tolerance of "back to the pre-failure level". */
    public static final long MIN_TOLERANCE_NANOS = 1_000_000_000L;

    /**
     * The recovery time of one failure: from {@code failedAt} to the first sample at or after
     * {@code resumedAt} with staleness within the tolerance of its level at {@code failedAt}; if
     * staleness never gets back, to the end of the timeline.
     */
    public static long recoveryTime(StalenessTimeline staleness, long failedAt, long resumedAt) {
        if (staleness.size() == 0) {
            return Math.max(0, resumedAt - failedAt);
        }
        long before = staleness.at(failedAt);
        long bound = before + Math.max(before / 10, MIN_TOLERANCE_NANOS);
        long back = staleness.firstAtMost(Math.max(failedAt, resumedAt), bound);
        if (back < 0) {
            long[] times = staleness.times();
            back = times[times.length - 1];
        }
        return Math.max(0, back - failedAt);
    }
}
