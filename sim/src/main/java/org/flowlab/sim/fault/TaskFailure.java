package org.flowlab.sim.fault;

import org.flowlab.workloads.InvalidInputException;

/**
 * Tasks fail at random, with probability {@code probability}: in a batch engine each task attempt
 * fails with that probability (and is retried); in the stream engine each task fails with that
 * probability in each second of virtual time in which it is busy (and the job restarts from its
 * last checkpoint). Draws come from the simulation's {@code "faults"} stream, so the same seed
 * gives the same failures. Written {@code task-fail:p=0.01}.
 *
 * @param probability in [0, 1): at 1 no task would ever finish
 */
public record TaskFailure(double probability) implements Fault {

    public TaskFailure {
        if (!(probability >= 0 && probability < 1)) {
            throw new InvalidInputException("task-fail: p must be at least 0 and below 1 (got " + probability + ")");
        }
        probability += 0.0; // -0.0 becomes 0.0, so the text form reads back to an equal fault
    }

    @Override
    public String toString() {
        return "task-fail:p=" + FaultPlan.exactNumber(probability);
    }
}
