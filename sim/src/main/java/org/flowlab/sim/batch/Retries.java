package org.flowlab.sim.batch;

import org.flowlab.workloads.InvalidInputException;
import org.flowlab.workloads.text.DurationText;

/**
 * How a batch engine retries: a failed task attempt is retried after an exponential back-off
 * ({@code backoffBase × backoffFactor^(failures − 1)}, at most {@code backoffCap}) until it has
 * failed {@code maxAttempts} times; then the run fails and is rerun whole after {@code rerunDelay},
 * reading the same input and overwriting the same output (idempotent). A run that fails
 * {@code maxRunAttempts} times in a row stops the engine with an error rather than lose data.
 *
 * @param maxAttempts    attempts per task, at least 1 (Spark's {@code spark.task.maxFailures}, 4)
 * @param backoffBase    the wait before the first retry, >= 0
 * @param backoffFactor  how much each further wait grows, >= 1
 * @param backoffCap     the longest wait, >= backoffBase
 * @param rerunDelay     from a failed run to its rerun, >= 0 (Airflow's {@code retry_delay}, 5 min)
 * @param maxRunAttempts runs of the same input before giving up, at least 1
 */
public record Retries(int maxAttempts, long backoffBase, double backoffFactor, long backoffCap, long rerunDelay,
                      int maxRunAttempts) {

    /** 4 attempts, back-off 1 s doubling up to 1 min, reruns 5 min after a failed run, at most 10 runs. */
    public static final Retries DEFAULT = new Retries(4, DurationText.NANOS_PER_SECOND, 2,
            DurationText.NANOS_PER_MINUTE, 5 * DurationText.NANOS_PER_MINUTE, 10);

    public Retries {
        if (maxAttempts < 1) {
            throw new InvalidInputException("retries: maxAttempts must be at least 1 (got " + maxAttempts + ")");
        }
        if (backoffBase < 0) {
            throw new InvalidInputException("retries: backoffBase must be >= 0 (got " + backoffBase + " ns)");
        }
        if (!(backoffFactor >= 1) || Double.isInfinite(backoffFactor)) {
            throw new InvalidInputException("retries: backoffFactor must be a finite number >= 1 (got " + backoffFactor + ")");
        }
        if (backoffCap < backoffBase) {
            throw new InvalidInputException("retries: backoffCap must be at least backoffBase (got "
                    + DurationText.format(backoffCap) + " < " + DurationText.format(backoffBase) + ")");
        }
        if (rerunDelay < 0) {
            throw new InvalidInputException("retries: rerunDelay must be >= 0 (got " + rerunDelay + " ns)");
        }
        if (maxRunAttempts < 1) {
            throw new InvalidInputException("retries: maxRunAttempts must be at least 1 (got " + maxRunAttempts + ")");
        }
    }

    /** The wait before retrying a task that has failed {@code failures} times (>= 1). */
    public long backoff(int failures) {
        double wait = backoffBase * Math.pow(backoffFactor, failures - 1);
        return wait >= backoffCap ? backoffCap : (long) wait;
    }

    public Retries withMaxAttempts(int n) {
        return new Retries(n, backoffBase, backoffFactor, backoffCap, rerunDelay, maxRunAttempts);
    }

    public Retries withBackoff(long base, double factor, long cap) {
        return new Retries(maxAttempts, base, factor, cap, rerunDelay, maxRunAttempts);
    }

    public Retries withRerunDelay(long delay) {
        return new Retries(maxAttempts, backoffBase, backoffFactor, backoffCap, delay, maxRunAttempts);
    }

    public Retries withMaxRunAttempts(int n) {
        return new Retries(maxAttempts, backoffBase, backoffFactor, backoffCap, rerunDelay, n);
    }
}
