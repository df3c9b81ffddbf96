package org.flowlab.workloads;

import java.util.Objects;

/**
 * The single input of every engine: events stored column-wise in primitive arrays, sorted by
 * arrival time, with dense ids equal to their positions. Read it by index without boxing:
 * <pre>{@code for (int i = 0; i < trace.size(); i++) total += trace.value(i); }</pre>
 * A trace is immutable once built (see {@link TraceBuilder}); the spec and seed that made it
 * travel with it, so a trace file says how to regenerate itself.
 */
public final class Trace {

    /**
     * The longest a trace may span, in years, from its first arrival to its last and from an event
     * to its arrival: inside the 292 that a long of nanoseconds holds, with room for the engines'
     * delays on top (a table of dates from 1920 to 2170 fits).
     */
    public static final int MAX_SPAN_YEARS = 260;

    /** {@link #MAX_SPAN_YEARS} in nanoseconds, years of 365.25 days. */
    public static final long MAX_SPAN_NANOS = MAX_SPAN_YEARS * 31_557_600L * 1_000_000_000L;

    private final WorkloadSpec spec;
    private final long seed;
    private final TraceSchema schema;
    private final GroundTruth groundTruth;
    private final long[] eventTime;
    private final long[] arrivalTime;
    private final byte[] kind;
    private final long[] key;
    private final double[] value;
    private final long[] attr1;
    private final long[] attr2;
    private final long[] attr3;
    private final byte[] label;

    Trace(WorkloadSpec spec, long seed, TraceSchema schema, GroundTruth groundTruth,
          long[] eventTime, long[] arrivalTime, byte[] kind, long[] key, double[] value,
          long[] attr1, long[] attr2, long[] attr3, byte[] label) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.seed = seed;
        this.schema = Objects.requireNonNull(schema, "schema");
        this.groundTruth = Objects.requireNonNull(groundTruth, "groundTruth");
        this.eventTime = eventTime;
        this.arrivalTime = arrivalTime;
        this.kind = kind;
        this.key = key;
        this.value = value;
        this.attr1 = attr1;
        this.attr2 = attr2;
        this.attr3 = attr3;
        this.label = label;
    }

    public WorkloadSpec spec() {
        return spec;
    }

    public long seed() {
        return seed;
    }

    public TraceSchema schema() {
        return schema;
    }

    public GroundTruth groundTruth() {
        return groundTruth;
    }

    public int size() {
        return eventTime.length;
    }

    public long eventTime(int i) {
        return eventTime[i];
    }

    public long arrivalTime(int i) {
        return arrivalTime[i];
    }

    /**
     * The trace's disorder: how far, at most, an event's time lies before the largest event time
     * that arrived before it, nanoseconds. Watermarks trailing by this much make no event late.
     */
    public long disorder() {
        long maxSeen = Long.MIN_VALUE;
        long disorder = 0;
        for (long t : eventTime) {
            if (t < maxSeen) {
                disorder = Math.max(disorder, maxSeen - t);
            } else {
                maxSeen = t;
            }
        }
        return disorder;
    }

    public int kind(int i) {
        return kind[i];
    }

    public long key(int i) {
        return key[i];
    }

    public double value(int i) {
        return value[i];
    }

    public long attr1(int i) {
        return attr1[i];
    }

    public long attr2(int i) {
        return attr2[i];
    }

    public long attr3(int i) {
        return attr3[i];
    }

    public int label(int i) {
        return label[i];
    }

    /** The event at position {@code i}, boxed; its id is {@code i}. */
    public Event event(int i) {
        return new Event(i, eventTime[i], arrivalTime[i], kind[i], key[i], value[i],
                attr1[i], attr2[i], attr3[i], label[i]);
    }

    /** Arrival time of the first event, or 0 for an empty trace. */
    public long firstArrival() {
        return size() == 0 ? 0 : arrivalTime[0];
    }

    /** Arrival time of the last event, or 0 for an empty trace. */
    public long lastArrival() {
        return size() == 0 ? 0 : arrivalTime[size() - 1];
    }
}
