package org.flowlab.sim.job;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import org.flowlab.sim.collections.HashSlots;

/**
 * The final result of a job: every output's value by its {@link ResultKey}, sorted. Two tables are
 * equal when they hold the same keys with equal values (doubles bit for bit, as
 * {@link Double#equals} compares them); {@link #diff} says where they are not.
 */
public final class ResultTable {
    private static final int RENDERED_VALUE_LIMIT = 160;
    private static final Output[] NO_OUTPUTS = new Output[0];

    /** The outputs, sorted by key, one per key: tables of millions are binary-searched, not tree-walked. */
    private final Output[] sorted;
    /** {@link #asMap()}, made on first use: engines build many tables that nobody looks at as a map. */
    private volatile NavigableMap<ResultKey, Object> map;

    private ResultTable(Output[] sorted) {
        this.sorted = sorted;
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
    public static ResultTable of(Map<ResultKey, ?> values) {
        if (values instanceof SortedMap<ResultKey, ?> sorted && sorted.comparator() == null) {
            // Already in key order, one value per key: copied in linear time rather than sorted again.
            Output[] outputs = new Output[sorted.size()];
            int i = 0;
            for (Map.Entry<ResultKey, ?> e : sorted.entrySet()) {
                outputs[i++] = new Output(e.getKey(), Objects.requireNonNull(e.getValue(), "value"));
            }
            return new ResultTable(outputs);
        }
        Builder b = builder();
        values.forEach(b::put);
        return b.build();
    }

    public static ResultTable empty() {
        return new ResultTable(NO_OUTPUTS);
    }

    public static Builder builder() {
        return new Builder(0);
    }

    /**
     * A builder for outputs most of which are keyed by a distinct small number, as a stateless job's
     * are (its output for a row is keyed by the row's id, the trace position of the record it comes
     * from; {@link ResultKey#row}): the first output whose key's {@link ResultKey#key() key()} is
     * {@code d}, in [0, {@code places}), is kept at place {@code d} of an array, found without
     * hashing its key; any other output goes to the hash index. The table built is the same as a
     * {@link #builder()}'s.
     */
    public static Builder builderByPlace(int places) {
        if (places < 0) {
            throw new IllegalArgumentException("places must be >= 0, was " + places);
        }
        return new Builder(places);
    }

    public int size() {
        return sorted.length;
    }

    public boolean isEmpty() {
        return sorted.length == 0;
    }

    /** The value at {@code key}, or null. */
    public Object get(ResultKey key) {
        int i = indexOf(key);
        return i < 0 ? null : sorted[i].value();
    }

    public boolean containsKey(ResultKey key) {
        return indexOf(key) >= 0;
    }

    private int indexOf(ResultKey key) {
        int lo = 0;
        int hi = sorted.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = sorted[mid].at().compareTo(key);
            if (c < 0) {
                lo = mid + 1;
            } else if (c > 0) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -1;
    }

    /** The values by key, in key order; unmodifiable. */
    public NavigableMap<ResultKey, Object> asMap() {
        NavigableMap<ResultKey, Object> m = map;
        if (m == null) {
            TreeMap<ResultKey, Object> tree = new TreeMap<>();
            for (Output o : sorted) {
                tree.put(o.at(), o.value());
            }
            m = Collections.unmodifiableNavigableMap(tree);
            map = m;
        }
        return m;
    }

    /** The outputs in key order, in a new list. */
    public List<Output> outputs() {
        return new ArrayList<>(Arrays.asList(sorted));
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
        Output[] e = sorted;
        Output[] a = actual.sorted;
        int i = 0;
        int j = 0;
        while (i < e.length || j < a.length) {
            int c = i == e.length ? 1 : j == a.length ? -1 : e[i].at().compareTo(a[j].at());
            Difference d = null;
            if (c < 0) {
                d = new Difference(e[i].at(), e[i].value(), null);
                i++;
            } else if (c > 0) {
                d = new Difference(a[j].at(), null, a[j].value());
                j++;
            } else {
                if (!e[i].value().equals(a[j].value())) {
                    d = new Difference(e[i].at(), e[i].value(), a[j].value());
                }
                i++;
                j++;
            }
            if (d != null && !sink.accept(d)) {
                return;
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ResultTable t && Arrays.equals(sorted, t.sorted);
    }

    /** As a {@link Map}'s: the sum over entries of the key's hash XOR the value's. */
    @Override
    public int hashCode() {
        int h = 0;
        for (Output o : sorted) {
            h += o.at().hashCode() ^ o.value().hashCode();
        }
        return h;
    }

    /** The size and the first outputs, one a line. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("ResultTable(").append(size()).append(size() == 1 ? " output)" : " outputs)");
        int shown = 0;
        for (Output o : sorted) {
            if (shown++ == 20) {
                s.append("\n  … ").append(size() - 20).append(" more");
                break;
            }
            s.append("\n  ").append(o);
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
     * as a batch rerun upserts its output partition; {@link #remove} retracts one. Outputs are
     * kept in an array with a hash index (and, {@linkplain ResultTable#builderByPlace by place}, in an
     * array by their key's number), and sorted once when the table is built.
     */
    public static final class Builder {
        private Output[] outputs = new Output[16];
        /** Each output's window end, the first thing keys sort by, kept beside it for {@link #build}. */
        private long[] ends = new long[16];
        /** How many outputs {@link #outputs} holds (those of the hash index). */
        private int size;
        /**
         * {@linkplain ResultTable#builderByPlace By place}: at d, the output whose key's {@code key()}
         * is d, if it was the first to find that place free; null without places. A key is in
         * exactly one of this array and the hash index, for as long as it is in the builder.
         */
        private final Output[] places;
        private int placed;
        /**
         * The outputs by key ({@link HashSlots}: each slot a key's hash, {@link ResultKey#hashCode},
         * which only finds outputs — their order is the sort's — and its place in {@link #outputs}).
         */
        private long[] index = new long[32];
        private long repeats;

        private Builder(int places) {
            this.places = places > 0 ? new Output[places] : null;
        }

        /** Adds an output; a different value at a key already present is an error. */
        public Builder add(Output output) {
            Object previous = upsertOutput(output, false);
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
            upsert(key, value);
            return this;
        }

        /** Sets the value at a key, replacing any earlier one, and returns the value replaced, or null. */
        public Object upsert(ResultKey key, Object value) {
            return upsertOutput(new Output(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value")), true);
        }

        /**
         * Puts {@code output} in at its key if the key is new, or else, if {@code replace}, in place
         * of the one there; returns the value that was at the key, or null.
         */
        private Object upsertOutput(Output output, boolean replace) {
            ResultKey key = output.at();
            int d = place(key);
            if (d >= 0) {
                Output there = places[d];
                if (there != null && there.at().equals(key)) {
                    if (replace) {
                        places[d] = output;
                    }
                    return there.value();
                }
                if (there == null && size == 0) {
                    // The hash index is empty, so the key is new: no need to hash it.
                    places[d] = output;
                    placed++;
                    return null;
                }
            }
            int h = key.hashCode();
            int slot = find(key, h);
            if (index[slot] == 0) {
                if (d >= 0 && places[d] == null) {
                    places[d] = output;
                    placed++;
                } else {
                    insert(slot, h, output);
                }
                return null;
            }
            int i = HashSlots.position(index[slot]);
            Object previous = outputs[i].value();
            if (replace) {
                outputs[i] = output;
            }
            return previous;
        }

        /** The place of {@code key} by its number ({@link ResultTable#builderByPlace}), or -1 if it has none. */
        private int place(ResultKey key) {
            long k = key.key();
            return places != null && k >= 0 && k < places.length ? (int) k : -1;
        }

        /**
         * Removes the value at a key, if there is one, and returns it, or null: a retraction. The
         * last output takes the freed place, so the outputs stay dense for {@link #build}.
         */
        public Object remove(ResultKey key) {
            int d = place(Objects.requireNonNull(key, "key"));
            if (d >= 0 && places[d] != null && places[d].at().equals(key)) {
                Object previous = places[d].value();
                places[d] = null;
                placed--;
                return previous;
            }
            int h = key.hashCode();
            int slot = find(key, h);
            if (index[slot] == 0) {
                return null;
            }
            int i = HashSlots.position(index[slot]);
            Object previous = outputs[i].value();
            deleteSlot(slot);
            int last = --size;
            if (i != last) {
                Output moved = outputs[last];
                int movedSlot = find(moved.at(), moved.at().hashCode());
                index[movedSlot] = HashSlots.slot(HashSlots.hash(index[movedSlot]), i);
                outputs[i] = moved;
                ends[i] = ends[last];
            }
            outputs[last] = null;
            return previous;
        }

        /**
         * Empties a slot of the index and shifts back the entries of its probe run that could no
         * longer be found past the gap (deletion without tombstones in linear probing).
         */
        private void deleteSlot(int slot) {
            int mask = index.length - 1;
            int gap = slot;
            int j = slot;
            while (true) {
                j = (j + 1) & mask;
                long e = index[j];
                if (e == 0) {
                    break;
                }
                int home = HashSlots.hash(e) & mask;
                // The entry may fill the gap unless its home lies cyclically in (gap, j].
                boolean homeBetween = gap <= j ? gap < home && home <= j : gap < home || home <= j;
                if (!homeBetween) {
                    index[gap] = e;
                    gap = j;
                }
            }
            index[gap] = 0;
        }

        /** How many identical outputs {@link #add} has seen again. */
        public long repeats() {
            return repeats;
        }

        /** How many keys have a value so far. */
        public int size() {
            return size + placed;
        }

        /** The table of the outputs so far; the builder may go on. */
        public ResultTable build() {
            if (size + placed == 0) {
                return empty();
            }
            if (placed == 0) {
                return new ResultTable(OutputSort.byKey(Arrays.copyOf(outputs, size), ends));
            }
            Output[] all = Arrays.copyOf(outputs, size + placed);
            long[] allEnds = Arrays.copyOf(ends, size + placed);
            int n = size;
            for (Output o : places) {
                if (o != null) {
                    allEnds[n] = o.at().windowEnd();
                    all[n++] = o;
                }
            }
            return new ResultTable(OutputSort.byKey(all, allEnds));
        }

        /** The slot of {@code key} (whose hash is {@code h}), or the empty slot where it would go. */
        private int find(ResultKey key, int h) {
            int mask = index.length - 1;
            int slot = h & mask;
            while (true) {
                long e = index[slot];
                if (e == 0 || (HashSlots.hash(e) == h && outputs[HashSlots.position(e)].at().equals(key))) {
                    return slot;
                }
                slot = (slot + 1) & mask;
            }
        }

        private void insert(int slot, int h, Output output) {
            if (size == outputs.length) {
                outputs = Arrays.copyOf(outputs, size * 2);
                ends = Arrays.copyOf(ends, size * 2);
            }
            ends[size] = output.at().windowEnd();
            outputs[size++] = output;
            index[slot] = HashSlots.slot(h, size - 1);
            if (size * 2 > index.length) {
                index = HashSlots.doubled(index);
            }
        }
    }
}
