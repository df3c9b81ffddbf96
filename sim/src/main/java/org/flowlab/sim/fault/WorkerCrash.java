package org.flowlab.sim.fault;

import org.flowlab.workloads.InvalidInputException;
import org.flowlab.workloads.text.DurationText;

/**
 * Worker {@code worker} dies at {@code at}: every task on it stops. Engines notice after their
 * failure-detection delay (a stream's heartbeat timeout) and restart the work {@code restartDelay}
 * later, when the worker, or its replacement, is back. Written {@code crash:worker=2@1h+30s}.
 *
 * @param worker       which worker, from 0
 * @param at           when it dies, >= 0
 * @param restartDelay from detection to restart, >= 0
 */
public record WorkerCrash(int worker, long at, long restartDelay) implements Fault {

    /** The restart delay when the text gives none: a replacement container starts in about 10 s. */
    public static final long DEFAULT_RESTART_DELAY = 10_000_000_000L;

    public WorkerCrash {
        if (worker < 0) {
            throw new InvalidInputException("crash: worker must be >= 0 (got " + worker + ")");
        }
        if (at < 0) {
            throw new InvalidInputException("crash: the time must be >= 0 (got " + at + " ns)");
        }
        if (restartDelay < 0) {
            throw new InvalidInputException("crash: the restart delay must be >= 0 (got " + restartDelay + " ns)");
        }
    }

    @Override
    public String toString() {
        return "crash:worker=" + worker + "@" + DurationText.exact(at) + "+" + DurationText.exact(restartDelay);
    }
}
