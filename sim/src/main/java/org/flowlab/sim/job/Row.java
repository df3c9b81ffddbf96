package org.flowlab.sim.job;

import java.util.Comparator;
import org.flowlab.workloads.Trace;

/**
 * One record flowing through a job: immutable, with {@code withX} copies in the style of Kafka
 * Streams' {@code Record}. A source row is trace event {@code i} as it is ({@link #of}); operators
 * derive new rows from it.
 *
 * <p>{@code id} says which input a row comes from: for a source row its trace index, for a mapped
 * row the id of the row it was mapped from, for a window result the largest id among the rows of
 * that key and window (the one that arrived last), for a row a process function forwards whatever
 * id the function gives it (by convention the id of the row that caused it). Ids order rows of the
 * same event time, so there is deliberately no {@code withId}.
 *
 * @param id        which input the row derives from (see above)
 * @param eventTime when it happened, virtual nanoseconds
 * @param kind      index into the trace schema's kinds
 * @param key       the grouping key; a {@link KeyBy} sets it
 * @param value     the numeric value
 * @param attr1     scenario attribute
 * @param attr2     scenario attribute
 * @param attr3     scenario attribute
 * @param payload   what a row carries beyond the fixed fields (a compiled SQL job's tuple), with value
 *                  equality; null for catalog jobs. Every {@code withX} keeps it; {@link #ORDER} ignores it.
 */
public record Row(long id, long eventTime, int kind, long key, double value, long attr1, long attr2, long attr3,
                  Object payload) {

    /** A row without a payload. */
    public Row(long id, long eventTime, int kind, long key, double value, long attr1, long attr2, long attr3) {
        this(id, eventTime, kind, key, value, attr1, attr2, attr3, null);
    }

    /**
     * The order in which keyed process functions see a key's rows: event time, then id, then the
     * remaining fields, so that even rows with equal time and id have one agreed order.
     */
    public static final Comparator<Row> ORDER = Row::compareInOrder;

    // Written out rather than as a chain of comparator lambdas: engines sort every keyed row by it,
    // and almost every comparison ends at the event time or the id.
    private static int compareInOrder(Row a, Row b) {
        int c = Long.compare(a.eventTime, b.eventTime);
        if (c != 0) {
            return c;
        }
        c = Long.compare(a.id, b.id);
        if (c != 0) {
            return c;
        }
        c = Integer.compare(a.kind, b.kind);
        if (c != 0) {
            return c;
        }
        c = Long.compare(a.key, b.key);
        if (c != 0) {
            return c;
        }
        c = Double.compare(a.value, b.value);
        if (c != 0) {
            return c;
        }
        c = Long.compare(a.attr1, b.attr1);
        if (c != 0) {
            return c;
        }
        c = Long.compare(a.attr2, b.attr2);
        return c != 0 ? c : Long.compare(a.attr3, b.attr3);
    }

    /** The source row for trace position {@code i}: the event's own fields, its id being {@code i}. */
    public static Row of(Trace trace, int i) {
        return new Row(i, trace.eventTime(i), trace.kind(i), trace.key(i), trace.value(i),
                trace.attr1(i), trace.attr2(i), trace.attr3(i));
    }

    public Row withEventTime(long newEventTime) {
        return new Row(id, newEventTime, kind, key, value, attr1, attr2, attr3, payload);
    }

    public Row withKind(int newKind) {
        return new Row(id, eventTime, newKind, key, value, attr1, attr2, attr3, payload);
    }

    public Row withKey(long newKey) {
        return new Row(id, eventTime, kind, newKey, value, attr1, attr2, attr3, payload);
    }

    public Row withValue(double newValue) {
        return new Row(id, eventTime, kind, key, newValue, attr1, attr2, attr3, payload);
    }

    public Row withAttr1(long newAttr1) {
        return new Row(id, eventTime, kind, key, value, newAttr1, attr2, attr3, payload);
    }

    public Row withAttr2(long newAttr2) {
        return new Row(id, eventTime, kind, key, value, attr1, newAttr2, attr3, payload);
    }

    public Row withAttr3(long newAttr3) {
        return new Row(id, eventTime, kind, key, value, attr1, attr2, newAttr3, payload);
    }

    public Row withPayload(Object newPayload) {
        return new Row(id, eventTime, kind, key, value, attr1, attr2, attr3, newPayload);
    }

    /** The fields, and the payload only when there is one (so catalog jobs' rows print as before). */
    @Override
    public String toString() {
        return "Row[id=" + id + ", eventTime=" + eventTime + ", kind=" + kind + ", key=" + key + ", value=" + value
                + ", attr1=" + attr1 + ", attr2=" + attr2 + ", attr3=" + attr3
                + (payload == null ? "" : ", payload=" + payload) + "]";
    }
}
