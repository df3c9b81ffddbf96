package org.flowlab.sim.batch;

import java.util.Arrays;

/**
 * Each worker's crashes as the driver meets them: a worker that dies at {@code t} is dead at once,
 * noticed at {@code t + detection} (the heartbeat timeout), and back, or replaced,
 * {@code restartDelay} later. Until the loss is noticed the driver takes the worker for alive and
 * places tasks on it, as Spark's scheduler offers a silent executor's cores until its heartbeats
 * time out; those tasks hang until then. One per run loop, shared by its runs' executions.
 */
final class WorkerAvailability {
    private final long[] diedAt;
    private final long[] noticedAt;
    private final long[] backAt;

    WorkerAvailability(int workers) {
        this.diedAt = new long[workers];
        this.noticedAt = new long[workers];
        this.backAt = new long[workers];
    }

    /**
     * Worker {@code worker} crashes at {@code now}. A worker already dead stays dead until the later
     * of its two returns, and its loss is noticed when the first one is.
     *
     * @return whether the worker was alive: whether this is a new death
     */
    boolean crash(int worker, long now, long detection, long restartDelay) {
        long back = now + detection + restartDelay;
        if (dead(worker, now)) {
            backAt[worker] = Math.max(backAt[worker], back);
            return false;
        }
        diedAt[worker] = now;
        noticedAt[worker] = now + detection;
        backAt[worker] = back;
        return true;
    }

    /** Every worker alive, as on a cluster just started: no crash of an earlier one carries over. */
    void clear() {
        Arrays.fill(diedAt, 0);
        Arrays.fill(noticedAt, 0);
        Arrays.fill(backAt, 0);
    }

    /** Whether {@code worker} is dead at {@code t}: it has crashed and is not back. */
    boolean dead(int worker, long t) {
        return t >= diedAt[worker] && t < backAt[worker];
    }

    /** Whether the driver places tasks on {@code worker} at {@code t}: it is alive, or dead without the driver knowing. */
    boolean schedulable(int worker, long t) {
        return !dead(worker, t) || t < noticedAt[worker];
    }

    /** When the driver notices {@code worker}'s last death. */
    long noticedAt(int worker) {
        return noticedAt[worker];
    }

    /** When {@code worker} last died. */
    long diedAt(int worker) {
        return diedAt[worker];
    }

    /** When {@code worker} is back from its last crash. */
    long backAt(int worker) {
        return backAt[worker];
    }

    /** Whether some worker is dead at {@code t}. */
    boolean anyDeadAt(long t) {
        for (int w = 0; w < backAt.length; w++) {
            if (dead(w, t)) {
                return true;
            }
        }
        return false;
    }
}
