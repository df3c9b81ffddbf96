package org.flowlab.sim.fault;

import org.flowlab.workloads.InvalidInputException;
import org.flowlab.workloads.text.DurationText;

/**
 * Task failures at random times: each worker fails as a Poisson process with mean time between
 * failures {@code mtbf}, from time 0. Each failure is a {@link TaskFailure} at a time drawn from the
 * run seed and the worker's number only ({@link TaskFailureTimes}), so every engine of a comparison
 * meets the same failures at the same instants; what a failure does depends on what runs on the
 * worker then. Written {@code task-fail:mtbf=2h}.
 *
 * @param mtbf the mean time between failures of one worker, at least one second
 */
public record RandomTaskFailures(long mtbf) implements Fault {

    /** Shorter means are surely a mistake: a cluster failing every second does nothing else. */
    public static final long MIN_MTBF = DurationText.NANOS_PER_SECOND;

    public RandomTaskFailures {
        if (mtbf < MIN_MTBF) {
            throw new InvalidInputException("task-fail: mtbf must be at least 1s (got " + DurationText.exact(Math.max(0, mtbf))
                    + ")");
        }
    }

    @Override
    public String toString() {
        return "task-fail:mtbf=" + DurationText.exact(mtbf);
    }
}
