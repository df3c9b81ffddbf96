package org.flowlab.bench;

import java.util.Arrays;

/**
 * Sums of doubles by {@code long} key in an open-addressing table with linear probing: two primitive
 * arrays, no boxing, no entry objects. The data structure a hand-written group-by would use, so
 * the hand-written loops measure the physical limit of keyed aggregation rather than a library's.
 */
public final class PrimitiveSums {
    private long[] keys;
    private double[] sums;
    private boolean[] used;
    private int size;
    private int mask;

    /** A table with room for {@code expected} keys before it grows. */
    public PrimitiveSums(int expected) {
        int capacity = Integer.highestOneBit(Math.max(4, expected * 2 - 1)) << 1;
        allocate(capacity);
    }

    private void allocate(int capacity) {
        keys = new long[capacity];
        sums = new double[capacity];
        used = new boolean[capacity];
        mask = capacity - 1;
        size = 0;
    }

    /** Adds {@code v} to the sum of {@code key}, which starts at zero. */
    public void add(long key, double v) {
        int i = slot(key);
        while (used[i]) {
            if (keys[i] == key) {
                sums[i] += v;
                return;
            }
            i = (i + 1) & mask;
        }
        used[i] = true;
        keys[i] = key;
        sums[i] = v;
        if (++size * 2 > keys.length) {
            rehash();
        }
    }

    /** The sum of {@code key}, zero if it was never added. */
    public double get(long key) {
        int i = slot(key);
        while (used[i]) {
            if (keys[i] == key) {
                return sums[i];
            }
            i = (i + 1) & mask;
        }
        return 0;
    }

    public int size() {
        return size;
    }

    /** Forgets every key and keeps the capacity. */
    public void clear() {
        Arrays.fill(used, false);
        size = 0;
    }

    private int slot(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }

    private void rehash() {
        long[] oldKeys = keys;
        double[] oldSums = sums;
        boolean[] oldUsed = used;
        allocate(oldKeys.length * 2);
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldUsed[i]) {
                add(oldKeys[i], oldSums[i]);
            }
        }
    }
}
