package org.flowlab.sim.batch;

import java.util.Objects;
import org.flowlab.workloads.InvalidInputException;
import org.flowlab.workloads.text.DurationText;

/**
 * What a comparison sets on a batch engine of its own: how often it runs, and how often it tries again
 * before its job fails. The batch engine and the micro-batch engine each have one, with their own
 * defaults ({@link BatchEngineTypes}).
 *
 * @param interval one run (or trigger) every this long, virtual nanoseconds
 * @param retries  attempts per task and runs of the same input before the job fails
 */
public record BatchSettings(long interval, BatchRetries retries) {

    public BatchSettings {
        if (interval <= 0) {
            throw new InvalidInputException("interval: must be a positive duration (got " + DurationText.format(interval) + ")");
        }
        Objects.requireNonNull(retries, "retries");
    }

    public BatchSettings withInterval(long nanos) {
        return new BatchSettings(nanos, retries);
    }

    public BatchSettings withRetries(BatchRetries r) {
        return new BatchSettings(interval, r);
    }
}
