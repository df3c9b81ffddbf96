package org.flowlab.workloads.table;

import java.util.Locale;
import org.flowlab.workloads.Trace;

/**
 * The field of a trace event that holds a column's values: the event time, the kind, the key, the value
 * (a double) or one of the three attributes (longs).
 */
public enum TraceField {
    EVENT_TIME, KIND, KEY, VALUE, ATTR1, ATTR2, ATTR3;

    /** The name in trace files: {@code eventTime}, {@code kind}, {@code key}, {@code value}, {@code attr1} … */
    public String text() {
        return this == EVENT_TIME ? "eventTime" : name().toLowerCase(Locale.ROOT);
    }

    /** The field named {@code text}, or null. */
    public static TraceField parse(String text) {
        for (TraceField f : values()) {
            if (f.text().equals(text)) {
                return f;
            }
        }
        return null;
    }

    /** Whether the field holds a double ({@link #VALUE}) rather than a long. */
    public boolean holdsDouble() {
        return this == VALUE;
    }

    /**
     * Event {@code i}'s field as 64 raw bits, which {@link TraceColumn#decode} reads: the value field's double
     * as its bits ({@link Double#doubleToRawLongBits}), the kind as its index, every other field as it is.
     */
    public long rawOf(Trace trace, int i) {
        return switch (this) {
            case EVENT_TIME -> trace.eventTime(i);
            case KIND -> trace.kind(i);
            case KEY -> trace.key(i);
            case VALUE -> Double.doubleToRawLongBits(trace.value(i));
            case ATTR1 -> trace.attr1(i);
            case ATTR2 -> trace.attr2(i);
            case ATTR3 -> trace.attr3(i);
        };
    }
}
