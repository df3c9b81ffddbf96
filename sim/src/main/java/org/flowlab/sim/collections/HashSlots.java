package org.flowlab.sim.collections;

/**
 * The slots of an open-addressing, linear-probing index over entries kept elsewhere in a dense
 * array: each slot holds an entry's 32-bit hash in its high half and the entry's position plus one
 * in its low half, 0 when empty. Probes compare hashes before they look at an entry, and growing
 * needs no entry at all. Used where the entries are objects (result keys) that a {@link LongMap}
 * cannot hold as keys.
 */
public final class HashSlots {

    private HashSlots() {
    }

    /** The slot value for an entry whose hash is {@code hash} at position {@code position}. */
    public static long slot(int hash, int position) {
        return (long) hash << 32 | (position + 1);
    }

    /** The hash a non-empty slot holds. */
    public static int hash(long slot) {
        return (int) (slot >>> 32);
    }

    /** The entry position a non-empty slot holds. */
    public static int position(long slot) {
        return (int) slot - 1;
    }

    /** The same slots in an index twice as large, each at the first free place from its hash. */
    public static long[] doubled(long[] index) {
        long[] grown = new long[index.length * 2];
        int mask = grown.length - 1;
        for (long e : index) {
            if (e != 0) {
                int slot = hash(e) & mask;
                while (grown[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                grown[slot] = e;
            }
        }
        return grown;
    }
}
