package org.flowlab.sim.batch;

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

    /** How flags and run.json write them: {@code attempts=4,runs=10}. */
    @Override
    public String toString() {
        return "attempts=" + maxAttempts + ",runs=" + maxRunAttempts;
    }

    /**
     * Reads {@link #toString()}'s form; either part may be left out and keeps its default.
     *
     * @throws InvalidInputException naming what is wrong and the allowed form
     */
    public static BatchRetries parse(String text) {
        int attempts = DEFAULT.maxAttempts;
        int runs = DEFAULT.maxRunAttempts;
        for (String part : text.trim().split(",")) {
            String[] kv = part.trim().split("=", 2);
            int value;
            try {
                value = kv.length == 2 ? Integer.parseInt(kv[1].trim()) : -1;
            } catch (NumberFormatException e) {
                value = -1;
            }
            switch (kv[0].trim()) {
                case "attempts" -> attempts = value;
                case "runs" -> runs = value;
                default -> value = -1;
            }
            if (value < 1) {
                throw new InvalidInputException("retries: '" + text + "' is not attempts=N,runs=M with whole numbers >= 1");
            }
        }
        return new BatchRetries(attempts, runs);
    }

    /** An engine's own retries with these attempts. */
    public Retries applyTo(Retries own) {
        return own.withMaxAttempts(maxAttempts).withMaxRunAttempts(maxRunAttempts);
    }
}
