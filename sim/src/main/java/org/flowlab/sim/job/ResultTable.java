package org.flowlab.sim.job;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The final result of a job: every output's value by its {@link ResultKey}, sorted. Two tables are
 * equal when they hold the same keys with equal values (doubles bit for bit, as
 * {@link Double#equals} compares them); {@link #diff} says where they are not.
 */
public final class ResultTable {
    private static final int RENDERED_VALUE_LIMIT = 160;

    private final NavigableMap<ResultKey, Object> values;

    private ResultTable(TreeMap<ResultKey, Object> values) {
        this.values = Collections.unmodifiableNavigableMap(values);
    }

    /** The table of these outputs; two outputs at one key are an error, unless their values are equal. */
    public static ResultTable of(Collection<Output> outputs) {
        Builder b = builder();
        for (Output o : outputs) {
            b.add(o);
        }
        return b.build();
    }

    /** The table of this map of values (null values are not allowed). */
    @SuppressWarnings("unchecked")
    public static ResultTable of(Map<ResultKey, ?> values) {
        if (values instanceof SortedMap<ResultKey, ?> sorted && sorted.comparator() == null) {
            // Already in key order: copied in linear time rather than inserted one by one.
            for (Object value : sorted.values()) {
                Objects.requireNonNull(value, "value");
            }
            return new ResultTable(new TreeMap<>((SortedMap<ResultKey, Object>) sorted));
        }
        Builder b = builder();
        values.forEach(b::put);
        return b.build();
    }

    public static ResultTable empty() {
        return new ResultTable(new TreeMap<>());
    }

    public static Builder builder() {
        return new Builder();
    }

    public int size() {
        return values.size();
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** The value at {@code key}, or null. */
    public Object get(ResultKey key) {
        return values.get(key);
    }

    public boolean containsKey(ResultKey key) {
        return values.containsKey(key);
    }

    /** The values by key, in key order; unmodifiable. */
    public NavigableMap<ResultKey, Object> asMap() {
        return values;
    }

    /** The outputs in key order. */
    public List<Output> outputs() {
        List<Output> out = new ArrayList<>(values.size());
        values.forEach((k, v) -> out.add(new Output(k, v)));
        return out;
    }

    /**
     * The first {@code max} differences, in key order, taking this table as expected and
     * {@code actual} as what an engine produced: values that differ, keys only one side has.
     */
    public List<Difference> diff(ResultTable actual, int max) {
        List<Difference> out = new ArrayList<>();
        forEachDifference(actual, d -> out.size() < max && out.add(d));
        return out;
    }

    /** How many keys differ between the two tables. */
    public int countDifferences(ResultTable actual) {
        int[] n = {0};
        forEachDifference(actual, d -> {
            n[0]++;
            return true;
        });
        return n[0];
    }

    /**
     * A readable account of the differences: how many, then the first {@code max}, one a line,
     * for example {@code key 7 [10s, 20s): expected 3, actual 4}. Empty when the tables are equal.
     */
    public String diffReport(ResultTable actual, int max) {
        int total = countDifferences(actual);
        if (total == 0) {
            return "";
        }
        StringBuilder s = new StringBuilder();
        s.append(total).append(total == 1 ? " difference" : " differences")
                .append(" (expected ").append(size()).append(" outputs, actual ").append(actual.size()).append(')');
        List<Difference> first = diff(actual, max);
        if (first.size() < total) {
            s.append(", the first ").append(first.size());
        }
        s.append(':');
        for (Difference d : first) {
            s.append('\n').append("  ").append(d);
        }
        return s.toString();
    }

    private interface DifferenceSink {
        /** Returns false to stop. */
        boolean accept(Difference d);
    }

    private void forEachDifference(ResultTable actual, DifferenceSink sink) {
        Iterator<Map.Entry<ResultKey, Object>> e = values.entrySet().iterator();
        Iterator<Map.Entry<ResultKey, Object>> a = actual.values.entrySet().iterator();
        Map.Entry<ResultKey, Object> x = e.hasNext() ? e.next() : null;
        Map.Entry<ResultKey, Object> y = a.hasNext() ? a.next() : null;
        while (x != null || y != null) {
            int c = x == null ? 1 : y == null ? -1 : x.getKey().compareTo(y.getKey());
            Difference d = null;
            if (c < 0) {
                d = new Difference(x.getKey(), x.getValue(), null);
                x = e.hasNext() ? e.next() : null;
            } else if (c > 0) {
                d = new Difference(y.getKey(), null, y.getValue());
                y = a.hasNext() ? a.next() : null;
            } else {
                if (!x.getValue().equals(y.getValue())) {
                    d = new Difference(x.getKey(), x.getValue(), y.getValue());
                }
                x = e.hasNext() ? e.next() : null;
                y = a.hasNext() ? a.next() : null;
            }
            if (d != null && !sink.accept(d)) {
                return;
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ResultTable t && values.equals(t.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    /** The size and the first outputs, one a line. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("ResultTable(").append(size()).append(size() == 1 ? " output)" : " outputs)");
        int shown = 0;
        for (Map.Entry<ResultKey, Object> entry : values.entrySet()) {
            if (shown++ == 20) {
                s.append("\n  … ").append(size() - 20).append(" more");
                break;
            }
            s.append("\n  ").append(entry.getKey()).append(" = ").append(render(entry.getValue()));
        }
        return s.toString();
    }

    /** A value as text, cut to a readable length. */
    static String render(Object value) {
        String s = String.valueOf(value);
        return s.length() <= RENDERED_VALUE_LIMIT ? s : s.substring(0, RENDERED_VALUE_LIMIT) + "…";
    }

    /**
     * One place where two tables differ.
     *
     * @param at       the key
     * @param expected the expected value, null if only the actual table has the key
     * @param actual   the actual value, null if only the expected table has the key
     */
    public record Difference(ResultKey at, Object expected, Object actual) {
        @Override
        public String toString() {
            return at + ": expected " + (expected == null ? "nothing" : render(expected))
                    + ", actual " + (actual == null ? "nothing" : render(actual));
        }
    }

    /**
     * Collects outputs into a table. {@link #add} is for outputs that must agree (an identical
     * repeat, as at-least-once sinks produce, is counted and kept once); {@link #put} overwrites,
     * as a batch rerun upserts its output partition.
     */
    public static final class Builder {
        private TreeMap<ResultKey, Object> values = new TreeMap<>();
        private long repeats;

        private Builder() {
        }

        /** Adds an output; a different value at a key already present is an error. */
        public Builder add(Output output) {
            Object previous = values.putIfAbsent(output.at(), output.value());
            if (previous != null) {
                if (!previous.equals(output.value())) {
                    throw new IllegalStateException("two different outputs at " + output.at() + ": "
                            + render(previous) + " and " + render(output.value()));
                }
                repeats++;
            }
            return this;
        }

        /** Sets the value at a key, replacing any earlier one. */
        public Builder put(ResultKey key, Object value) {
            values.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** How many identical outputs {@link #add} has seen again. */
        public long repeats() {
            return repeats;
        }

        public ResultTable build() {
            ResultTable t = new ResultTable(values);
            values = new TreeMap<>(values);
            return t;
        }
    }
}
