package org.flowlab.sim.batch;

/**
 * The window slots of a window aggregate by (key, start, end): an open-addressing table of the
 * slots themselves, probed linearly. A row finds its slot from three longs, with no key object to
 * allocate and no entry to follow, which is most of what a group-by costs per record.
 */
final class SlotTable {
    private static final int INITIAL_CAPACITY = 64;

    private WindowAccumulatorStage.Slot[] table = new WindowAccumulatorStage.Slot[INITIAL_CAPACITY];
    /**
     * The hash of the slot at the same index: growing the table moves slots by it without reading
     * them, and a probe passes slots of other hashes without reading them either.
     */
    private int[] hashes = new int[INITIAL_CAPACITY];
    private int size;

    /** How many slots there are. */
    int size() {
        return size;
    }

    /** The slot of (key, start, end), added empty if there is none yet. */
    WindowAccumulatorStage.Slot getOrAdd(long key, long start, long end) {
        int hash = SlotKey.hash(key, start, end);
        int mask = table.length - 1;
        int i = hash & mask;
        while (true) {
            WindowAccumulatorStage.Slot s = table[i];
            if (s == null) {
                break;
            }
            if (hashes[i] == hash && s.key == key && s.start == start && s.end == end) {
                return s;
            }
            i = (i + 1) & mask;
        }
        WindowAccumulatorStage.Slot added = new WindowAccumulatorStage.Slot(key, start, end);
        table[i] = added;
        hashes[i] = hash;
        // Kept at most half full, so probes stay short.
        if (++size * 2 > table.length) {
            grow();
        }
        return added;
    }

    private void grow() {
        WindowAccumulatorStage.Slot[] old = table;
        int[] oldHashes = hashes;
        table = new WindowAccumulatorStage.Slot[old.length * 2];
        hashes = new int[old.length * 2];
        int mask = table.length - 1;
        for (int j = 0; j < old.length; j++) {
            if (old[j] != null) {
                int i = oldHashes[j] & mask;
                while (table[i] != null) {
                    i = (i + 1) & mask;
                }
                table[i] = old[j];
                hashes[i] = oldHashes[j];
            }
        }
    }

    @Override
    public String toString() {
        return "SlotTable(" + size + " slots of " + table.length + ")";
    }
}
