package org.flowlab.sim.batch;

import java.util.Arrays;
import java.util.Locale;
import org.flowlab.workloads.InvalidInputException;
import org.flowlab.workloads.text.DurationText;

/**
 * The share of the cluster that other work takes, hour by hour of each day (virtual time 0 is
 * midnight): a nightly ETL, office-hours dashboards. A batch task that starts while the load is L
 * runs {@code 1 / (1 − L)} times slower, as if it got only the free share of its worker; this is
 * what makes "schedule heavy jobs off-peak" measurable.
 */
public final class BackgroundLoad {
    private static final BackgroundLoad NONE = new BackgroundLoad(new double[24]);

    private final double[] hourly;

    private BackgroundLoad(double[] hourly) {
        this.hourly = hourly;
    }

    /** No background load: tasks always run at full speed. */
    public static BackgroundLoad none() {
        return NONE;
    }

    /**
     * A load per hour of the day, 24 values, each in [0, 0.95] (beyond that a task would crawl).
     *
     * @throws InvalidInputException naming the hour and the allowed range
     */
    public static BackgroundLoad hourly(double... loads) {
        if (loads.length != 24) {
            throw new InvalidInputException("background load: give one load per hour of the day, 24 values (got "
                    + loads.length + ")");
        }
        for (int h = 0; h < 24; h++) {
            if (!(loads[h] >= 0 && loads[h] <= 0.95)) {
                throw new InvalidInputException(String.format(Locale.ROOT,
                        "background load: hour %02d: the load must be between 0 and 0.95 (got %s)", h, loads[h]));
            }
        }
        return new BackgroundLoad(loads.clone());
    }

    /**
     * {@code load} in the hours from {@code fromHour} up to (not including) {@code toHour},
     * wrapping past midnight when {@code toHour <= fromHour}; no load in the other hours. For
     * example {@code peak(9, 17, 0.6)}: office hours take 60 % of the cluster.
     */
    public static BackgroundLoad peak(int fromHour, int toHour, double load) {
        if (fromHour < 0 || fromHour > 23 || toHour < 0 || toHour > 24) {
            throw new InvalidInputException("background load: peak hours must be within 0..24 (got " + fromHour + ".." + toHour + ")");
        }
        double[] loads = new double[24];
        int span = toHour - fromHour <= 0 ? toHour - fromHour + 24 : toHour - fromHour;
        for (int i = 0; i < span; i++) {
            loads[(fromHour + i) % 24] = load;
        }
        return hourly(loads);
    }

    /** The load at virtual time {@code t}. */
    public double loadAt(long t) {
        long hour = Math.floorMod(t, DurationText.NANOS_PER_DAY) / DurationText.NANOS_PER_HOUR;
        return hourly[(int) hour];
    }

    /** How many times longer a task that starts at {@code t} takes: {@code 1 / (1 − load)}. */
    public double slowdownAt(long t) {
        return 1 / (1 - loadAt(t));
    }

    /**
     * The first time in {@code [from, to)} at which the load is under {@code threshold}, or -1.
     * The load changes only on the hour, so it looks at {@code from} and at each hour after it.
     */
    long firstBelow(long from, long to, double threshold) {
        long t = from;
        while (t < to) {
            if (loadAt(t) < threshold) {
                return t;
            }
            t = (Math.floorDiv(t, DurationText.NANOS_PER_HOUR) + 1) * DurationText.NANOS_PER_HOUR;
        }
        return -1;
    }

    /** Whether there is any load at all. */
    public boolean isNone() {
        for (double l : hourly) {
            if (l != 0) {
                return false;
            }
        }
        return true;
    }

    /** The 24 hourly loads (a copy). */
    public double[] hourlyLoads() {
        return hourly.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BackgroundLoad b && Arrays.equals(hourly, b.hourly);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(hourly);
    }

    @Override
    public String toString() {
        return isNone() ? "no background load" : "background load by hour " + Arrays.toString(hourly);
    }
}
