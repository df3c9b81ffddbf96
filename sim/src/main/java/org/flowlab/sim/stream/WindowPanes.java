package org.flowlab.sim.stream;

import static org.flowlab.sim.stream.PaneChunk.NO_ID;

import java.util.Arrays;
import org.flowlab.sim.collections.LongMap;
import java.util.List;

/**
 * The panes of all keys for one window of a {@link WindowOperator}: slots 0, 1, … in
 * {@link PaneChunk chunks} that grow as keys come, found by a hash index on the key; the slots
 * changed since the last checkpoint and, with early firing, since the last emission; and trace
 * positions not yet put in their panes' lineage.
 */
final class WindowPanes {

    /** Panes per chunk: whole chunks, never one large array, so a window's state grows without copying it all. */
    static final int CHUNK_BITS = 12;
    static final int CHUNK = 1 << CHUNK_BITS;
    static final int CHUNK_MASK = CHUNK - 1;
    /** Windows with more panes than this index the others without a hash tag. */
    private static final int TAGGED_SLOTS = 1 << 24;
    private static final int[] NO_SLOTS = new int[0];
    private static final long[] NO_PENDING = new long[0];

    final long id;
    final long start;
    final long end;
    boolean fired;
    /** The chunks' layout: whether panes keep their largest row id, and the last value sent. */
    private final boolean withMaxId;
    private final boolean withLastValue;
    private PaneChunk[] chunks = new PaneChunk[1];
    int size;
    /**
     * Open addressing, linear probing, 0 for an empty entry: a slot plus one, with 7 bits of its
     * key's hash above it so that a probe rarely looks at a pane that is not the one sought;
     * slots beyond {@link #TAGGED_SLOTS} go in as their negated value plus one, untagged.
     */
    private int[] index = new int[16];
    /** The slots of the panes changed since the last checkpoint (with checkpoints), each once. */
    int[] dirtySlots = NO_SLOTS;
    int dirtyCount;
    /** Slots below this are in the changelog: the panes there at the last checkpoint (a new pane is changed). */
    int inChangelog;
    /** With early firing: the slots of the panes that took a row since they were last emitted, each once. */
    int[] earlySlots = NO_SLOTS;
    int earlyCount;
    /**
     * Trace positions of source records after a pane's first, not yet in its lineage, in arrival
     * order, each as its slot (high half) and position (low half): one sequential append per row
     * instead of growing each pane's own array; {@link #applyLineage} puts them in, sized exactly.
     */
    private long[] pending = NO_PENDING;
    private int pendingCount;

    WindowPanes(long id, long start, long end, boolean withMaxId, boolean withLastValue) {
        this.id = id;
        this.start = start;
        this.end = end;
        this.withMaxId = withMaxId;
        this.withLastValue = withLastValue;
    }

    PaneChunk chunk(int slot) {
        return chunks[slot >>> CHUNK_BITS];
    }

    /** The slot of {@code key}, whose {@link LongMap#hash} is {@code h}, or -1. */
    int find(long key, int h) {
        int tag = h >>> 25;
        int mask = index.length - 1;
        int i = h & mask;
        while (true) {
            int e = index[i];
            if (e == 0) {
                return -1;
            }
            if (e < 0 || e >>> 24 == tag) {
                int s = e < 0 ? -e - 1 : (e & (TAGGED_SLOTS - 1)) - 1;
                if (chunk(s).key(s & CHUNK_MASK) == key) {
                    return s;
                }
            }
            i = (i + 1) & mask;
        }
    }

    /** A new pane for {@code key} (not in the window yet), with no rows; its slot. */
    int insert(long key, int h, Object emptyAcc) {
        int slot = size++;
        int c = slot >>> CHUNK_BITS;
        int o = slot & CHUNK_MASK;
        if (c == chunks.length) {
            chunks = Arrays.copyOf(chunks, c * 2);
        }
        PaneChunk chunk = chunks[c];
        if (chunk == null) {
            chunk = new PaneChunk(16, withMaxId, withLastValue);
            chunks[c] = chunk;
        } else if (o == chunk.capacity()) {
            chunk.grow(o * 2);
        }
        chunk.set(o, key, emptyAcc, Long.MIN_VALUE, -1, NO_ID, null, null);
        if (size * 2 > index.length) {
            rehash();
        } else {
            place(h, slot);
        }
        return slot;
    }

    private void place(int h, int slot) {
        int mask = index.length - 1;
        int i = h & mask;
        while (index[i] != 0) {
            i = (i + 1) & mask;
        }
        index[i] = slot + 1 < TAGGED_SLOTS ? (h >>> 25) << 24 | (slot + 1) : -(slot + 1);
    }

    private void rehash() {
        index = new int[index.length * 2];
        for (int s = 0; s < size; s++) {
            place(LongMap.hash(chunk(s).key(s & CHUNK_MASK)), s);
        }
    }

    /** Defers adding trace position {@code id} (a source record's, so never negative) to the lineage of {@code slot}. */
    void deferLineage(int slot, int id) {
        if (pendingCount == pending.length) {
            pending = Arrays.copyOf(pending, Math.max(64, pendingCount * 2));
        }
        pending[pendingCount++] = (long) slot << 32 | id;
    }

    /**
     * Adds the deferred trace positions to their panes' lineage, in the order they came, as
     * {@link PaneChunk#addLineage} would have one by one: a pane that was empty and gets one is left
     * with it as its single position, else its {@link Lineage} grows by exactly its count.
     */
    void applyLineage() {
        if (pendingCount == 0) {
            return;
        }
        int[] counts = new int[size];
        for (int i = 0; i < pendingCount; i++) {
            counts[(int) (pending[i] >>> 32)]++;
        }
        Lineage[] lineages = new Lineage[size];
        for (int s = 0; s < size; s++) {
            if (counts[s] == 0) {
                continue;
            }
            PaneChunk c = chunk(s);
            int o = s & CHUNK_MASK;
            if (c.lineage(o) == null && c.singleId(o) == NO_ID) {
                if (counts[s] == 1) {
                    continue;
                }
                c.setLineage(o, new Lineage(counts[s]));
            } else {
                c.toLineage(o).reserve(counts[s]);
            }
            lineages[s] = c.lineage(o);
        }
        for (int i = 0; i < pendingCount; i++) {
            int slot = (int) (pending[i] >>> 32);
            int id = (int) pending[i];
            if (lineages[slot] == null) {
                chunk(slot).setSingleId(slot & CHUNK_MASK, id);
            } else {
                lineages[slot].addId(id);
            }
        }
        pendingCount = 0;
    }

    /** The slots in key order, the order in which the window fires. */
    int[] slotsByKey() {
        long[] keys = new long[size];
        for (int s = 0; s < size; s++) {
            keys[s] = chunk(s).key(s & CHUNK_MASK);
        }
        Arrays.sort(keys);
        int[] slots = new int[size];
        for (int i = 0; i < size; i++) {
            slots[i] = find(keys[i], LongMap.hash(keys[i]));
        }
        return slots;
    }

    /**
     * Notes that the pane at {@code slot} (offset {@code o} of chunk {@code c}) changed since the last
     * checkpoint, and adds this window to {@code changed} when it is its first such pane.
     */
    void markDirty(PaneChunk c, int o, int slot, List<WindowPanes> changed) {
        if (!c.markDirty(o)) {
            return;
        }
        if (dirtyCount == 0) {
            changed.add(this);
        }
        if (dirtyCount == dirtySlots.length) {
            dirtySlots = Arrays.copyOf(dirtySlots, Math.max(8, dirtyCount * 2));
        }
        dirtySlots[dirtyCount++] = slot;
    }

    /**
     * Notes that the pane at {@code slot} took a row since it was last emitted, and adds this window
     * to {@code pending} when it is its first such pane; false if the pane was noted already.
     */
    boolean markEarly(PaneChunk c, int o, int slot, List<WindowPanes> pending) {
        if (!c.markEarly(o)) {
            return false;
        }
        if (earlyCount == 0) {
            pending.add(this);
        }
        if (earlyCount == earlySlots.length) {
            earlySlots = Arrays.copyOf(earlySlots, Math.max(8, earlyCount * 2));
        }
        earlySlots[earlyCount++] = slot;
        return true;
    }
}
