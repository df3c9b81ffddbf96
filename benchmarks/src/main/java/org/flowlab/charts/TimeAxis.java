package org.flowlab.charts;

import org.flowlab.workloads.text.DurationText;

/**
 * A unit for a time axis chosen from the span it shows, so a day reads in hours and a minute in
 * seconds.
 *
 * @param label         the unit's name for axis titles, e.g. "h"
 * @param nanosPerUnit  nanoseconds in one unit
 */
public record TimeAxis(String label, long nanosPerUnit) {

    /** The unit that shows {@code spanNanos} with numbers between about 1 and 1000. */
    public static TimeAxis forSpan(long spanNanos) {
        if (spanNanos >= 3 * DurationText.NANOS_PER_DAY) {
            return new TimeAxis("d", DurationText.NANOS_PER_DAY);
        }
        if (spanNanos >= 3 * DurationText.NANOS_PER_HOUR) {
            return new TimeAxis("h", DurationText.NANOS_PER_HOUR);
        }
        if (spanNanos >= 3 * DurationText.NANOS_PER_MINUTE) {
            return new TimeAxis("min", DurationText.NANOS_PER_MINUTE);
        }
        if (spanNanos >= 3 * DurationText.NANOS_PER_SECOND) {
            return new TimeAxis("s", DurationText.NANOS_PER_SECOND);
        }
        return new TimeAxis("ms", DurationText.NANOS_PER_MILLI);
    }

    /** {@code nanos} in this unit. */
    public double of(long nanos) {
        return nanos / (double) nanosPerUnit;
    }
}
