package org.flowlab.sim.batch;

/** The counters a batch or micro-batch run loop keeps while it runs; {@link BatchFigures} is their final value. */
final class BatchTally {
    long taskAttempts;
    long failedAttempts;
    long tasksRetried;
    long tasksKilledByCrash;
    long tasksRecomputed;
    long speculativeCopies;
    long speculativeWins;
    long busySlotNanos;
    long wastedSlotNanos;
    long extraTimeNanos;

    void extraTimeNanos(long n) {
        extraTimeNanos += n;
    }
}
