package org.flowlab.sim.batch;

import java.util.function.LongFunction;
import org.flowlab.workloads.hash.LongHash;

/**
 * Values by a {@code long} key (a job's grouping key): open addressing over a primitive key array,
 * probed linearly. Finding a key's state costs no boxing and no entry object, which a hash map of
 * {@code Long} pays on every record. Never iterated, so its layout cannot decide any order.
 *
 * @param <V> the value kept per key
 */
final class LongTable<V> {
    private static final int INITIAL_CAPACITY = 64;

    private long[] keys = new long[INITIAL_CAPACITY];
    private Object[] values = new Object[INITIAL_CAPACITY];
    private int size;

    /** How many keys have a value. */
    int size() {
        return size;
    }

    /** The value of {@code key}, or null. */
    @SuppressWarnings("unchecked")
    V get(long key) {
        int mask = keys.length - 1;
        for (int i = index(key, mask); values[i] != null; i = (i + 1) & mask) {
            if (keys[i] == key) {
                return (V) values[i];
            }
        }
        return null;
    }

    /** The value of {@code key}, made by {@code create} and kept if there is none yet. */
    @SuppressWarnings("unchecked")
    V computeIfAbsent(long key, LongFunction<? extends V> create) {
        int mask = keys.length - 1;
        int i = index(key, mask);
        for (; values[i] != null; i = (i + 1) & mask) {
            if (keys[i] == key) {
                return (V) values[i];
            }
        }
        V value = create.apply(key);
        keys[i] = key;
        values[i] = value;
        // Kept at most half full, so probes stay short.
        if (++size * 2 > keys.length) {
            grow();
        }
        return value;
    }

    private static int index(long key, int mask) {
        // Mixed: ids that differ only in their high bits still spread.
        return (int) LongHash.fmix64(key) & mask;
    }

    private void grow() {
        long[] oldKeys = keys;
        Object[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new Object[oldValues.length * 2];
        int mask = keys.length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldValues[j] != null) {
                int i = index(oldKeys[j], mask);
                while (values[i] != null) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[j];
                values[i] = oldValues[j];
            }
        }
    }

    @Override
    public String toString() {
        return "LongTable(" + size + " keys)";
    }
}
