package org.flowlab.experiment;

import org.flowlab.sim.engine.EngineType;
import java.util.Objects;
import org.flowlab.sim.engine.RunStatus;
import org.flowlab.workloads.text.DurationText;

/**
 * How an engine's job failed for good, as run.json, a sweep's points and the recommendation
 * report it: a result of the simulated world (its restart strategy or retries were exhausted), not
 * an error of Flowlab. The engine's figures cover its run up to the failure, and its results, what
 * was visible then, are not compared with the oracle's.
 *
 * @param atMs     when it failed, virtual milliseconds
 * @param restarts how often the stream had restarted, or a batch engine had rerun a failed run, by then
 * @param reason   why, in a few words
 * @param recovery what the engine does after a failure, a noun for counts: {@code restart}, {@code rerun}
 *                 ({@link EngineType#recovery()})
 * @param givingUp the sentence saying when the engine gives up, from its settings ({@link EngineType#givingUp()})
 */
public record EngineFailure(double atMs, int restarts, String reason, String recovery, String givingUp) {

    public EngineFailure {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(recovery, "recovery");
        Objects.requireNonNull(givingUp, "givingUp");
    }

    /** The failure of {@code run}, or null if it finished. */
    public static EngineFailure of(EngineRun run) {
        RunStatus status = run.outcome().status();
        return status.failed() ? new EngineFailure(status.failedAt() / 1e6, status.restarts(), status.reason(),
                run.paradigm().recovery(), run.givingUp()) : null;
    }

    /** A table cell: {@code FAILED after 3 restarts} for the stream, {@code FAILED after 9 reruns} for a batch engine. */
    public String cell() {
        return "FAILED after " + restarts + " " + recovery + (restarts == 1 ? "" : "s");
    }

    /** A sentence's clause: {@code failed at 41 m 10 s after 0 restarts: the restart strategy (none) allows no more restarts}. */
    public String clause() {
        return "failed at " + DurationText.format(Math.round(atMs * 1e6)) + cell().substring("FAILED".length())
                + ": " + reason;
    }
}
