package org.flowlab.sim.engine;

import java.util.Objects;

/**
 * Whether an engine's run finished, or its job failed for good: a stream job whose restart
 * strategy was exhausted or that could make no progress, a batch or micro-batch job whose runs
 * failed more often than its retries allow. A failure is a result of the simulated world, reported
 * like any other; the outcome's figures then cover the run up to the failure.
 *
 * @param failed   whether the job failed for good
 * @param failedAt when it did, in virtual time (0 if it did not)
 * @param restarts how many times it had restarted (stream) or rerun a failed run (batch) by then
 * @param reason   why, in a few words (empty if it did not fail)
 */
public record RunStatus(boolean failed, long failedAt, int restarts, String reason) {

    /** The run finished. */
    public static final RunStatus COMPLETED = new RunStatus(false, 0, 0, "");

    public RunStatus {
        Objects.requireNonNull(reason, "reason");
        if (failed == reason.isEmpty()) {
            throw new IllegalArgumentException(failed ? "a failed run needs a reason" : "a completed run has no reason");
        }
    }

    /** The job failed for good at {@code at}, after {@code restarts} restarts, because of {@code reason}. */
    public static RunStatus failed(long at, int restarts, String reason) {
        return new RunStatus(true, at, restarts, reason);
    }

    /** {@code completed} or {@code failed}, as run.json writes it. */
    public String text() {
        return failed ? "failed" : "completed";
    }
}
