package org.flowlab.sim.fault;

import org.flowlab.workloads.InvalidInputException;
import org.flowlab.workloads.text.DurationText;

/**
 * A task failure on worker {@code worker} at {@code at}: whatever runs on that worker at that
 * instant fails — a batch or micro-batch task attempt fails and is retried, a stream job restarts
 * from its last completed checkpoint (as Flink restarts a job when one of its tasks throws); a
 * worker with nothing running is not affected. Unlike a {@link WorkerCrash}, the worker stays up
 * and the failure is noticed at once. Written {@code task-fail:worker=1@40m}.
 *
 * @param worker which worker, from 0
 * @param at     when, >= 0
 */
public record TaskFailure(int worker, long at) implements Fault {

    public TaskFailure {
        if (worker < 0) {
            throw new InvalidInputException("task-fail: worker must be >= 0 (got " + worker + ")");
        }
        if (at < 0) {
            throw new InvalidInputException("task-fail: the time must be >= 0 (got " + at + " ns)");
        }
    }

    @Override
    public String toString() {
        return "task-fail:worker=" + worker + "@" + DurationText.exact(at);
    }
}
