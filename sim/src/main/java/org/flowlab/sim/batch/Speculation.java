package org.flowlab.sim.batch;

import org.flowlab.workloads.InvalidInputException;

/**
 * Speculative execution of stragglers, as Spark's {@code spark.speculation}: once {@code quantile}
 * of a stage's tasks have finished, a task running longer than {@code multiplier} times their
 * median duration gets a copy on a free slot of another worker; the first to finish wins and the
 * other is killed.
 *
 * @param enabled    whether to speculate at all
 * @param multiplier how many medians make a straggler, >= 1 (Spark: 1.5)
 * @param quantile   the share of the stage that must be done first, in (0, 1] (Spark: 0.75)
 */
public record Speculation(boolean enabled, double multiplier, double quantile) {

    /** No speculation (Spark's default). */
    public static final Speculation OFF = new Speculation(false, 1.5, 0.75);

    /** Spark's settings when {@code spark.speculation} is switched on: 1.5 × the median, after 75 %. */
    public static final Speculation SPARK = new Speculation(true, 1.5, 0.75);

    public Speculation {
        if (!(multiplier >= 1) || Double.isInfinite(multiplier)) {
            throw new InvalidInputException("speculation: multiplier must be a finite number >= 1 (got " + multiplier + ")");
        }
        if (!(quantile > 0 && quantile <= 1)) {
            throw new InvalidInputException("speculation: quantile must be above 0 and at most 1 (got " + quantile + ")");
        }
    }
}
