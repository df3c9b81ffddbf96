package org.flowlab.experiment;

import org.flowlab.sim.batch.Retries;
import org.flowlab.workloads.InvalidInputException;

/**
 * How often the batch and micro-batch engines try again before their job fails for good: a failed
 * task attempt is retried until the task has failed {@code maxAttempts} times, which fails the run;
 * a failed run is rerun whole, and the job fails when the same run has failed
 * {@code maxRunAttempts} times in a row. Each engine keeps its own back-off between attempts and
 * delay before a rerun ({@link Retries}).
 *
 * @param maxAttempts    attempts per task, at least 1 (Spark's {@code spark.task.maxFailures}, 4)
 * @param maxRunAttempts runs of the same input, at least 1
 */
public record BatchRetries(int maxAttempts, int maxRunAttempts) {

    /** Spark's 4 attempts per task, and at most 10 runs of the same input: {@link Retries#DEFAULT}'s. */
    public static final BatchRetries DEFAULT = new BatchRetries(Retries.DEFAULT.maxAttempts(), Retries.DEFAULT.maxRunAttempts());

    public BatchRetries {
        if (maxAttempts < 1) {
            throw new InvalidInputException("retries: maxAttempts must be at least 1 (got " + maxAttempts + ")");
        }
        if (maxRunAttempts < 1) {
            throw new InvalidInputException("retries: maxRunAttempts must be at least 1 (got " + maxRunAttempts + ")");
        }
    }

    /** An engine's own retries with these attempts. */
    public Retries applyTo(Retries own) {
        return own.withMaxAttempts(maxAttempts).withMaxRunAttempts(maxRunAttempts);
    }
}
