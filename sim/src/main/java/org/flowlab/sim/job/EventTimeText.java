package org.flowlab.sim.job;

import java.math.BigDecimal;

/**
 * Event-time instants for people, exactly: {@code 10s}, {@code 1.200000123s}, {@code -inf}. Unlike
 * rounded durations, two different instants never print alike, which is what a result diff needs.
 */
public final class EventTimeText {

    private EventTimeText() {
    }

    /** Seconds with up to nine decimals, trailing zeros dropped; the extreme longs print as ±inf. */
    public static String format(long nanos) {
        if (nanos == Long.MIN_VALUE) {
            return "-inf";
        }
        if (nanos == Long.MAX_VALUE) {
            return "+inf";
        }
        if (nanos == 0) {
            return "0s";
        }
        return BigDecimal.valueOf(nanos, 9).stripTrailingZeros().toPlainString() + "s";
    }
}
