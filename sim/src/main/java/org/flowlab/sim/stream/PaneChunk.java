package org.flowlab.sim.stream;

import java.util.Arrays;

/**
 * Up to {@link WindowPanes#CHUNK} panes of a window, a pane being a {@link WindowOperator}'s state
 * for one key in one window, addressed by its offset in the chunk. A pane's numbers sit side by
 * side in {@link #longs} — its key, latest arrival, single trace position and (when a step follows)
 * largest row id — and its references in {@link #refs} — accumulator, lineage and (with allowed
 * lateness or early firing) the last value sent — so updating a pane touches two cache lines, not
 * one per field, and a pane is a few dozen bytes and no object of its own.
 */
final class PaneChunk {

    /** A lineage that is no single trace position. */
    static final int NO_ID = -1;

    private static final int KEY = 0;
    private static final int ARRIVAL = 1;
    private static final int SINGLE_ID = 2;
    private static final int MAX_ID = 3;
    private static final int ACC = 0;
    private static final int LINEAGE = 1;
    private static final int LAST_VALUE = 2;

    /** Beside the single trace position (an int), whether the pane changed since the last checkpoint. */
    private static final long DIRTY = 1L << 32;
    /** Beside it too, with early firing: whether the pane took a row since it was last emitted. */
    private static final long EARLY = 1L << 33;

    private final int longStride;
    private final int refStride;
    private long[] longs;
    private Object[] refs;

    /**
     * Room for {@code capacity} panes; {@code withMaxId} when a step follows the window,
     * {@code withLastValue} with allowed lateness or early firing.
     */
    PaneChunk(int capacity, boolean withMaxId, boolean withLastValue) {
        longStride = withMaxId ? 4 : 3;
        refStride = withLastValue ? 3 : 2;
        longs = new long[capacity * longStride];
        refs = new Object[capacity * refStride];
    }

    int capacity() {
        return longs.length / longStride;
    }

    void grow(int capacity) {
        longs = Arrays.copyOf(longs, capacity * longStride);
        refs = Arrays.copyOf(refs, capacity * refStride);
    }

    long key(int o) {
        return longs[o * longStride + KEY];
    }

    long maxArrival(int o) {
        return longs[o * longStride + ARRIVAL];
    }

    int singleId(int o) {
        return (int) longs[o * longStride + SINGLE_ID];
    }

    void setSingleId(int o, int id) {
        int l = o * longStride + SINGLE_ID;
        longs[l] = (longs[l] & (DIRTY | EARLY)) | (id & 0xFFFF_FFFFL);
    }

    /** Marks the pane changed; false if it already was. */
    boolean markDirty(int o) {
        int l = o * longStride + SINGLE_ID;
        if ((longs[l] & DIRTY) != 0) {
            return false;
        }
        longs[l] |= DIRTY;
        return true;
    }

    void clearDirty(int o) {
        longs[o * longStride + SINGLE_ID] &= ~DIRTY;
    }

    /** Marks the pane changed since it was last emitted; false if it already was. */
    boolean markEarly(int o) {
        int l = o * longStride + SINGLE_ID;
        if ((longs[l] & EARLY) != 0) {
            return false;
        }
        longs[l] |= EARLY;
        return true;
    }

    void clearEarly(int o) {
        longs[o * longStride + SINGLE_ID] &= ~EARLY;
    }

    /** Whether the pane holds rows not yet in an emitted output: a single position or a lineage. */
    boolean hasPendingLineage(int o) {
        return singleId(o) != NO_ID || lineage(o) != null;
    }

    /** Whether the panes keep their largest row id (a step follows the window). */
    boolean keepsMaxId() {
        return longStride > MAX_ID;
    }

    /** The largest row id; only when a step follows the window. */
    long maxId(int o) {
        return longs[o * longStride + MAX_ID];
    }

    Object acc(int o) {
        return refs[o * refStride + ACC];
    }

    Lineage lineage(int o) {
        return (Lineage) refs[o * refStride + LINEAGE];
    }

    void setLineage(int o, Lineage l) {
        refs[o * refStride + LINEAGE] = l;
    }

    /** The value last sent; only with allowed lateness or early firing. */
    Object lastValue(int o) {
        return refs[o * refStride + LAST_VALUE];
    }

    boolean keepsLastValue() {
        return refStride > LAST_VALUE;
    }

    /** Sets a pane's fields; {@code maxId} is dropped when the window has no step after it. */
    void set(int o, long key, Object acc, long maxId, long maxArrival, int singleId, Lineage lineage, Object lastValue) {
        int l = o * longStride;
        longs[l + KEY] = key;
        longs[l + ARRIVAL] = maxArrival;
        longs[l + SINGLE_ID] = singleId & 0xFFFF_FFFFL;
        if (longStride > MAX_ID) {
            longs[l + MAX_ID] = maxId;
        }
        int r = o * refStride;
        refs[r + ACC] = acc;
        refs[r + LINEAGE] = lineage;
        if (refStride > LAST_VALUE) {
            refs[r + LAST_VALUE] = lastValue;
        }
    }

    /** Folds one more row into a pane. */
    void add(int o, Object acc, long rowId, long arrival) {
        int l = o * longStride;
        longs[l + ARRIVAL] = Math.max(longs[l + ARRIVAL], arrival);
        if (longStride > MAX_ID) {
            longs[l + MAX_ID] = Math.max(longs[l + MAX_ID], rowId);
        }
        refs[o * refStride + ACC] = acc;
    }

    void setLastValue(int o, Object value) {
        refs[o * refStride + LAST_VALUE] = value;
    }

    /** A pane reflects one more record: a trace position while its lineage is just that, else a {@link Lineage}. */
    void addLineage(int o, StreamRecord record) {
        if (lineage(o) == null && singleId(o) == NO_ID && record.lineage == null) {
            // The lineage was empty: now it is the record's trace position, if it has one.
            setSingleId(o, record.sourceId);
            return;
        }
        toLineage(o).add(record);
    }

    /** The pane's lineage as a {@link Lineage}, made from its single trace position if it has one. */
    Lineage toLineage(int o) {
        Lineage l = lineage(o);
        if (l == null) {
            l = new Lineage();
            if (singleId(o) != NO_ID) {
                l.addId(singleId(o));
                setSingleId(o, NO_ID);
            }
            setLineage(o, l);
        }
        return l;
    }
}
