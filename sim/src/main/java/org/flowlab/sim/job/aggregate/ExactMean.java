package org.flowlab.sim.job.aggregate;

import java.util.Objects;

/**
 * The accumulator of a mean: an exact sum and a count, so the mean is the same double whatever
 * the order and grouping of the values.
 *
 * @param sum   the exact sum of the values
 * @param count how many values
 */
public record ExactMean(ExactSum sum, long count) {
    public static final ExactMean EMPTY = new ExactMean(ExactSum.ZERO, 0);

    public ExactMean {
        Objects.requireNonNull(sum, "sum");
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative (got " + count + ")");
        }
    }

    public ExactMean plus(double value) {
        return new ExactMean(sum.plus(value), count + 1);
    }

    public ExactMean plus(ExactMean other) {
        return new ExactMean(sum.plus(other.sum), count + other.count);
    }

    /** The mean, NaN when empty. */
    public double toDouble() {
        return sum.dividedBy(count);
    }
}
