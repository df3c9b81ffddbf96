package org.flowlab.sim.fault;

import org.flowlab.workloads.InvalidInputException;
import org.flowlab.workloads.text.DurationText;

/**
 * Worker {@code worker} dies at {@code at}: every task on it stops. Engines notice after their
 * failure-detection delay ({@link #DEFAULT_DETECTION_DELAY} unless configured otherwise: the batch
 * driver's and the stream's heartbeat timeout) and restart the work {@code restartDelay} later,
 * when the worker, or its replacement, is back: it is lost for detection + restart delay in every
 * engine. Until then the batch driver still thinks it is alive and may place tasks on it, which
 * hang until the loss is noticed. Written {@code crash:worker=2@1h+30s}.
 *
 * @param worker       which worker, from 0
 * @param at           when it dies, >= 0
 * @param restartDelay from detection to restart, >= 0
 */
public record WorkerCrash(int worker, long at, long restartDelay) implements Fault {

    /** The restart delay when the text gives none: a replacement container starts in about 10 s. */
    public static final long DEFAULT_RESTART_DELAY = 10_000_000_000L;

    /**
     * How long every engine takes, unless configured otherwise, to notice that a worker died: 50 s,
     * Flink's {@code heartbeat.timeout}. The one default of both the batch engines' and the stream's
     * heartbeat timeout ({@code ExecutionSettings}, {@code StreamConfig}), so that a crash costs
     * every paradigm the same wait and a difference in their recovery is one of paradigm. Spark's
     * driver gives up on an executor whose heartbeats stop after {@code spark.network.timeout},
     * 120 s, unless its cluster manager reports the container's exit sooner; a machine that dies
     * reports nothing. 50 s is the shorter of the two documented defaults, so it errs, if at all,
     * in the batch engines' favour, and keeps the stream where Flink is. A cluster tuned to notice
     * quickly sets less, as the flink-cluster folder's standalone cluster does (heartbeats every
     * 1 s, lost after 8 s): {@code withHeartbeatTimeout} on either configuration.
     */
    public static final long DEFAULT_DETECTION_DELAY = 50_000_000_000L;

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
