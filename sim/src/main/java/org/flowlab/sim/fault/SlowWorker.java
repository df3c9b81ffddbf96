package org.flowlab.sim.fault;

import org.flowlab.workloads.InvalidInputException;
import org.flowlab.workloads.text.DurationText;

/**
 * Worker {@code worker} runs {@code factor} times slower during {@code [from, to)}: work done on it
 * then takes {@code factor} times its usual time, in every engine alike — a stream element begun in
 * the period, the part of a batch task that runs within it (a noisy neighbour, a failing disk, GC).
 * Written {@code slow:worker=1,x4@2h..3h}.
 *
 * @param worker which worker, from 0
 * @param factor service-time factor, from 1 to {@link #MAX_FACTOR}
 * @param from   when it starts, >= 0
 * @param to     when it ends, after {@code from}
 */
public record SlowWorker(int worker, double factor, long from, long to) implements Fault {

    /**
     * The slowest a slow period makes a worker: a million times (a 1 s batch start-up takes eleven
     * days). Far larger factors only push the simulated times past what a long holds.
     */
    public static final double MAX_FACTOR = 1_000_000;

    public SlowWorker {
        if (worker < 0) {
            throw new InvalidInputException("slow: worker must be >= 0 (got " + worker + ")");
        }
        if (!(factor >= 1 && factor <= MAX_FACTOR)) {
            throw new InvalidInputException("slow: the factor must be a number from 1 to " + FaultPlan.exactNumber(MAX_FACTOR)
                    + " (got " + factor + ")");
        }
        if (from < 0) {
            throw new InvalidInputException("slow: the period must start at a time >= 0 (got " + from + " ns)");
        }
        if (to <= from) {
            throw new InvalidInputException("slow: the period must end after it starts (got "
                    + DurationText.exact(from) + ".." + DurationText.exact(to) + ")");
        }
    }

    /** Whether the slow period covers {@code t}. */
    public boolean covers(long t) {
        return from <= t && t < to;
    }

    @Override
    public String toString() {
        return "slow:worker=" + worker + ",x" + FaultPlan.exactNumber(factor) + "@" + DurationText.exact(from) + ".." + DurationText.exact(to);
    }
}
