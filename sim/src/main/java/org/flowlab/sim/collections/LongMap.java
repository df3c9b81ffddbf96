package org.flowlab.sim.collections;

import java.util.Arrays;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import org.flowlab.workloads.hash.LongHash;

/**
 * A hash map from {@code long} keys (a job's grouping keys) to values, open addressing with linear
 * probing, so the keyed hot path neither boxes keys nor allocates entries, which a hash map of
 * {@code Long} pays on every record. Iteration order is the table's and must never decide an
 * output's order: callers sort {@link #keys()} where order matters.
 *
 * @param <V> the value kept per key; never null
 */
public final class LongMap<V> {
    private static final long EMPTY = 0;
    private long[] keys;
    private Object[] values;
    private boolean hasZeroKey;
    private Object zeroValue;
    private int size;
    private int mask;

    /** An empty map with room for 16 keys before it grows. */
    public LongMap() {
        this(16);
    }

    /**
     * A copy of {@code other} with room for {@code more} entries: its arrays copied when they have
     * the room (cheaper than putting each entry again), else its entries put into larger ones.
     */
    public LongMap(LongMap<V> other, int more) {
        hasZeroKey = other.hasZeroKey;
        zeroValue = other.zeroValue;
        size = other.size;
        long needed = 2L * (other.size + Math.max(0, more));
        if (needed <= other.keys.length) {
            keys = other.keys.clone();
            values = other.values.clone();
            mask = other.mask;
            return;
        }
        int capacity = Integer.highestOneBit((int) Math.min(1 << 30, needed - 1)) << 1;
        keys = new long[capacity];
        values = new Object[capacity];
        mask = capacity - 1;
        reinsert(other.keys, other.values);
    }

    /** An empty map with room for {@code expected} keys before it grows. */
    public LongMap(int expected) {
        int capacity = Integer.highestOneBit(Math.max(4, expected * 2 - 1)) << 1;
        keys = new long[capacity];
        values = new Object[capacity];
        mask = capacity - 1;
    }

    /** How many keys have a value. */
    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** The value of {@code key}, or null. */
    @SuppressWarnings("unchecked")
    public V get(long key) {
        if (key == EMPTY) {
            return hasZeroKey ? (V) zeroValue : null;
        }
        int i = find(key);
        return keys[i] == EMPTY ? null : (V) values[i];
    }

    /** Sets the value of {@code key}; a null value is not allowed (use {@link #remove}). */
    public void put(long key, V value) {
        if (value == null) {
            throw new IllegalArgumentException("null value");
        }
        if (key == EMPTY) {
            if (!hasZeroKey) {
                size++;
            }
            hasZeroKey = true;
            zeroValue = value;
            return;
        }
        int i = find(key);
        if (keys[i] == EMPTY) {
            insertAt(i, key, value);
        } else {
            values[i] = value;
        }
    }

    /**
     * The value of {@code key}, made by {@code create} and kept if there is none yet; a null made
     * value is returned and not kept. {@code create} must not change this map.
     */
    @SuppressWarnings("unchecked")
    public V computeIfAbsent(long key, LongFunction<? extends V> create) {
        if (key == EMPTY) {
            if (hasZeroKey) {
                return (V) zeroValue;
            }
            V value = create.apply(key);
            if (value != null) {
                hasZeroKey = true;
                zeroValue = value;
                size++;
            }
            return value;
        }
        int i = find(key);
        if (keys[i] != EMPTY) {
            return (V) values[i];
        }
        V value = create.apply(key);
        if (value != null) {
            insertAt(i, key, value);
        }
        return value;
    }

    /** Removes {@code key} and returns its value, or null if it had none. */
    @SuppressWarnings("unchecked")
    public V remove(long key) {
        if (key == EMPTY) {
            if (!hasZeroKey) {
                return null;
            }
            V v = (V) zeroValue;
            hasZeroKey = false;
            zeroValue = null;
            size--;
            return v;
        }
        int i = find(key);
        if (keys[i] == EMPTY) {
            return null;
        }
        V v = (V) values[i];
        deleteAt(i);
        size--;
        return v;
    }

    /** The slot that holds {@code key} (not {@link #EMPTY}), or the empty slot where it would go. */
    private int find(long key) {
        int i = slot(key);
        while (keys[i] != key && keys[i] != EMPTY) {
            i = (i + 1) & mask;
        }
        return i;
    }

    private void insertAt(int i, long key, V value) {
        keys[i] = key;
        values[i] = value;
        // Kept at most half full, so probes stay short.
        if (++size * 2 > keys.length) {
            grow();
        }
    }

    /** The keys, sorted. */
    public long[] keys() {
        long[] out = new long[size];
        int n = 0;
        if (hasZeroKey) {
            out[n++] = 0;
        }
        for (long k : keys) {
            if (k != EMPTY) {
                out[n++] = k;
            }
        }
        Arrays.sort(out);
        return out;
    }

    /** Passes every value, in the table's order: for work whose result does not depend on order. */
    @SuppressWarnings("unchecked")
    public void forEachValue(Consumer<? super V> action) {
        if (hasZeroKey) {
            action.accept((V) zeroValue);
        }
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != EMPTY) {
                action.accept((V) values[i]);
            }
        }
    }

    /**
     * The hash of a key in a table. Not {@link LongHash#fmix64} of the key itself: the keys of one
     * keyed task all share the low bits of that mix (that is how they were routed to it), so a table
     * indexed by those bits would use a fraction of its slots; mixing the key with a constant first
     * gives unrelated bits.
     */
    public static int hash(long key) {
        return (int) LongHash.fmix64(key ^ LongHash.GOLDEN_GAMMA);
    }

    /** A key and its value. */
    public interface EntryConsumer<V> {
        void accept(long key, V value);
    }

    /** Passes every entry, in the table's order: for work whose result does not depend on order. */
    @SuppressWarnings("unchecked")
    public void forEachEntry(EntryConsumer<? super V> action) {
        if (hasZeroKey) {
            action.accept(0, (V) zeroValue);
        }
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != EMPTY) {
                action.accept(keys[i], (V) values[i]);
            }
        }
    }

    /** Forgets every key and keeps the capacity. */
    public void clear() {
        Arrays.fill(keys, EMPTY);
        Arrays.fill(values, null);
        hasZeroKey = false;
        zeroValue = null;
        size = 0;
    }

    /** Backward-shift deletion keeps every probe chain unbroken without tombstones. */
    private void deleteAt(int hole) {
        int i = hole;
        while (true) {
            i = (i + 1) & mask;
            long k = keys[i];
            if (k == EMPTY) {
                break;
            }
            int home = slot(k);
            // Move k into the hole unless its home lies cyclically in (hole, i].
            boolean stays = hole <= i ? (hole < home && home <= i) : (hole < home || home <= i);
            if (!stays) {
                keys[hole] = k;
                values[hole] = values[i];
                hole = i;
            }
        }
        keys[hole] = EMPTY;
        values[hole] = null;
    }

    private int slot(long key) {
        return hash(key) & mask;
    }

    private void grow() {
        long[] oldKeys = keys;
        Object[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new Object[oldKeys.length * 2];
        mask = keys.length - 1;
        reinsert(oldKeys, oldValues);
    }

    /** Puts the entries of another table's arrays into this one's, which holds none of their keys. */
    private void reinsert(long[] fromKeys, Object[] fromValues) {
        for (int j = 0; j < fromKeys.length; j++) {
            long k = fromKeys[j];
            if (k != EMPTY) {
                int i = find(k);
                keys[i] = k;
                values[i] = fromValues[j];
            }
        }
    }

    @Override
    public String toString() {
        return "LongMap(" + size + " keys)";
    }
}
