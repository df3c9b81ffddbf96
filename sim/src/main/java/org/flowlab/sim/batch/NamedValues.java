package org.flowlab.sim.batch;

import java.util.Arrays;

/**
 * A key's named state values for a process function: a handful of names (a detector keeps one or
 * two), so parallel arrays scanned in order, names compared by identity first. One key's state
 * then sits in two small arrays instead of a hash map's table and entries, which is what reading
 * it costs on every record of a key that has not been touched for a while.
 */
final class NamedValues {
    private String[] names = new String[2];
    private Object[] values = new Object[2];
    private int size;

    /** The value named {@code name}, or null. */
    Object get(String name) {
        int i = indexOf(name);
        return i < 0 ? null : values[i];
    }

    /** Sets the value named {@code name}; null removes it. */
    void put(String name, Object value) {
        int i = indexOf(name);
        if (value == null) {
            if (i >= 0) {
                size--;
                names[i] = names[size];
                values[i] = values[size];
                names[size] = null;
                values[size] = null;
            }
            return;
        }
        if (i >= 0) {
            values[i] = value;
            return;
        }
        if (size == names.length) {
            names = Arrays.copyOf(names, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        names[size] = name;
        values[size] = value;
        size++;
    }

    int size() {
        return size;
    }

    private int indexOf(String name) {
        for (int i = 0; i < size; i++) {
            if (names[i] == name) {
                return i;
            }
        }
        for (int i = 0; i < size; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }
}
