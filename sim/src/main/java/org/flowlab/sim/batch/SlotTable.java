package org.flowlab.sim.batch;

/**
 * The window slots of a window aggregate by (key, start, end): an open-addressing table of the
 * slots themselves, probed linearly. A row finds its slot from three longs, with no key object to
 * allocate and no entry to follow, which is most of what a group-by costs per record.
 */
final class SlotTable {
    private static final int INITIAL_CAPACITY = 64;

    private WindowAccumulatorStage.Slot[] table = new WindowAccumulatorStage.Slot[INITIAL_CAPACITY];
    private int size;

    /** How many slots there are. */
    int size() {
        return size;
    }

    /** The slot of (key, start, end), added empty if there is none yet. */
    WindowAccumulatorStage.Slot getOrAdd(long key, long start, long end) {
        int mask = table.length - 1;
        int i = index(key, start, end, mask);
        while (true) {
            WindowAccumulatorStage.Slot s = table[i];
            if (s == null) {
                break;
            }
            if (s.key == key && s.start == start && s.end == end) {
                return s;
            }
            i = (i + 1) & mask;
        }
        WindowAccumulatorStage.Slot added = new WindowAccumulatorStage.Slot(key, start, end);
        table[i] = added;
        // Kept at most half full, so probes stay short.
        if (++size * 2 > table.length) {
            grow();
        }
        return added;
    }

    private static int index(long key, long start, long end, int mask) {
        return SlotKey.hash(key, start, end) & mask;
    }

    private void grow() {
        WindowAccumulatorStage.Slot[] old = table;
        table = new WindowAccumulatorStage.Slot[old.length * 2];
        int mask = table.length - 1;
        for (WindowAccumulatorStage.Slot s : old) {
            if (s != null) {
                int i = index(s.key, s.start, s.end, mask);
                while (table[i] != null) {
                    i = (i + 1) & mask;
                }
                table[i] = s;
            }
        }
    }

    @Override
    public String toString() {
        return "SlotTable(" + size + " slots of " + table.length + ")";
    }
}
