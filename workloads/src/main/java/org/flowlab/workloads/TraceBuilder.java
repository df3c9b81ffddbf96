package org.flowlab.workloads;

import java.util.Arrays;

/**
 * Collects events in any order and builds a {@link Trace} sorted by arrival time (ties by event
 * time, then by the order they were added), with ids assigned densely in that order. Generators
 * add events as they produce them; nothing here is random, so the same additions give the same
 * trace.
 */
public final class TraceBuilder {
    private final WorkloadSpec spec;
    private final long seed;
    private TraceSchema schema;
    private GroundTruth groundTruth = GroundTruth.NONE;
    private int size;
    private long[] eventTime;
    private long[] arrivalTime;
    private byte[] kind;
    private long[] key;
    private double[] value;
    private long[] attr1;
    private long[] attr2;
    private long[] attr3;
    private byte[] label;

    public TraceBuilder(WorkloadSpec spec, long seed, TraceSchema schema) {
        this(spec, seed, schema, 1024);
    }

    public TraceBuilder(WorkloadSpec spec, long seed, TraceSchema schema, int expectedSize) {
        this.spec = spec;
        this.seed = seed;
        this.schema = schema;
        int capacity = Math.max(16, expectedSize);
        eventTime = new long[capacity];
        arrivalTime = new long[capacity];
        kind = new byte[capacity];
        key = new long[capacity];
        value = new double[capacity];
        attr1 = new long[capacity];
        attr2 = new long[capacity];
        attr3 = new long[capacity];
        label = new byte[capacity];
    }

    public int size() {
        return size;
    }

    public TraceBuilder groundTruth(GroundTruth truth) {
        this.groundTruth = truth;
        return this;
    }

    /**
     * Replaces the schema the trace will have by one with the same kinds and labels: for builders that learn how
     * to read their columns while adding events, such as an importer's string dictionaries.
     */
    public TraceBuilder schema(TraceSchema completed) {
        if (!completed.kinds().equals(schema.kinds()) || !completed.labels().equals(schema.labels())) {
            throw new IllegalArgumentException("the completed schema must keep the kinds " + schema.kinds() + " and labels " + schema.labels());
        }
        this.schema = completed;
        return this;
    }

    /** Adds one event; the arrival must not precede the event time. */
    public TraceBuilder add(long eventTime, long arrivalTime, int kind, long key, double value,
                            long attr1, long attr2, long attr3, int label) {
        if (arrivalTime < eventTime) {
            throw new IllegalArgumentException("arrivalTime " + arrivalTime + " is before eventTime " + eventTime);
        }
        if (kind < 0 || kind >= schema.kinds().size()) {
            throw new IllegalArgumentException("kind " + kind + " is not in the schema " + schema.kinds());
        }
        if (label < 0 || label >= schema.labels().size()) {
            throw new IllegalArgumentException("label " + label + " is not in the schema " + schema.labels());
        }
        if (size == this.eventTime.length) {
            grow();
        }
        this.eventTime[size] = eventTime;
        this.arrivalTime[size] = arrivalTime;
        this.kind[size] = (byte) kind;
        this.key[size] = key;
        this.value[size] = value;
        this.attr1[size] = attr1;
        this.attr2[size] = attr2;
        this.attr3[size] = attr3;
        this.label[size] = (byte) label;
        size++;
        return this;
    }

    /** Adds an event with no attributes and no label. */
    public TraceBuilder add(long eventTime, long arrivalTime, int kind, long key, double value) {
        return add(eventTime, arrivalTime, kind, key, value, 0, 0, 0, 0);
    }

    private void grow() {
        int capacity = eventTime.length * 2;
        eventTime = Arrays.copyOf(eventTime, capacity);
        arrivalTime = Arrays.copyOf(arrivalTime, capacity);
        kind = Arrays.copyOf(kind, capacity);
        key = Arrays.copyOf(key, capacity);
        value = Arrays.copyOf(value, capacity);
        attr1 = Arrays.copyOf(attr1, capacity);
        attr2 = Arrays.copyOf(attr2, capacity);
        attr3 = Arrays.copyOf(attr3, capacity);
        label = Arrays.copyOf(label, capacity);
    }

    /** Sorts what was added into arrival order and returns the immutable trace. */
    public Trace build() {
        int[] order = arrivalOrder();
        long[] et = new long[size];
        long[] at = new long[size];
        byte[] k = new byte[size];
        long[] ky = new long[size];
        double[] v = new double[size];
        long[] a1 = new long[size];
        long[] a2 = new long[size];
        long[] a3 = new long[size];
        byte[] lb = new byte[size];
        for (int i = 0; i < size; i++) {
            int j = order[i];
            et[i] = eventTime[j];
            at[i] = arrivalTime[j];
            k[i] = kind[j];
            ky[i] = key[j];
            v[i] = value[j];
            a1[i] = attr1[j];
            a2[i] = attr2[j];
            a3[i] = attr3[j];
            lb[i] = label[j];
        }
        return new Trace(spec, seed, schema, groundTruth, et, at, k, ky, v, a1, a2, a3, lb);
    }

    /** A stable merge sort of positions by (arrivalTime, eventTime); stability keeps insertion order for ties. */
    private int[] arrivalOrder() {
        int[] order = new int[size];
        boolean sorted = true;
        for (int i = 0; i < size; i++) {
            order[i] = i;
            if (i > 0 && before(i, i - 1)) {
                sorted = false;
            }
        }
        if (sorted) {
            return order;
        }
        int[] scratch = new int[size];
        for (int width = 1; width < size; width *= 2) {
            for (int lo = 0; lo < size; lo += 2 * width) {
                int mid = Math.min(lo + width, size);
                int hi = Math.min(lo + 2 * width, size);
                int a = lo;
                int b = mid;
                int out = lo;
                while (a < mid && b < hi) {
                    scratch[out++] = before(order[b], order[a]) ? order[b++] : order[a++];
                }
                while (a < mid) {
                    scratch[out++] = order[a++];
                }
                while (b < hi) {
                    scratch[out++] = order[b++];
                }
            }
            int[] swap = order;
            order = scratch;
            scratch = swap;
        }
        return order;
    }

    private boolean before(int x, int y) {
        if (arrivalTime[x] != arrivalTime[y]) {
            return arrivalTime[x] < arrivalTime[y];
        }
        return eventTime[x] < eventTime[y];
    }
}
