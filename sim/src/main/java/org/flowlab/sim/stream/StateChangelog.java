package org.flowlab.sim.stream;

import java.util.Arrays;
import org.flowlab.sim.collections.LongMap;

/**
 * The checkpoints of one operator's keyed state as a changelog, as Flink's changelog state backend
 * keeps them: a checkpoint holds only the entries written or removed since the one before, chained
 * to it, and the chain is folded into a full copy again once its changes add up to the size of the
 * last full copy. A checkpoint then costs, in real time, what changed rather than the whole state
 * (a card that bought nothing is not copied again), restoring walks the chain once, and folding
 * costs at most twice the changes it folds. The virtual cost a checkpoint charges is unchanged: it
 * models a full snapshot.
 *
 * <p>The operator freezes each entry it changed — an immutable value — when a checkpoint is taken,
 * and hands it over with {@link #put}, or {@link #remove}s the key; {@link #checkpoint} seals those
 * changes into a {@link Version}. Versions are immutable: a restart may restore the same one twice.
 */
final class StateChangelog {

    /** The state at one checkpoint: a full copy, or the changes since an earlier version. */
    static final class Version {
        /** The version these changes apply to; null for a full copy. */
        private final Version previous;
        /** A full copy's entries, never changed once made; null for a change set. */
        private final LongMap<Object> all;
        private final long[] keys;
        /** A change set's frozen entries, null for a removed key. */
        private final Object[] values;
        /** Entries of the full copy the chain starts from. */
        private final int fullSize;
        /** Changes in the chain from that full copy up to and including this version. */
        private final long chained;

        /** A full copy. */
        private Version(LongMap<Object> all) {
            this.previous = null;
            this.all = all;
            this.keys = null;
            this.values = null;
            this.fullSize = all.size();
            this.chained = 0;
        }

        /** The changes since {@code previous}. */
        private Version(Version previous, long[] keys, Object[] values) {
            this.previous = previous;
            this.all = null;
            this.keys = keys;
            this.values = values;
            this.fullSize = previous.fullSize;
            this.chained = previous.chained + keys.length;
        }

        /** Every entry of the state at this checkpoint, by key; to read, not to change. */
        LongMap<Object> entries() {
            if (all != null) {
                return all;
            }
            int depth = 0;
            Version v = this;
            for (; v.all == null; v = v.previous) {
                depth++;
            }
            LongMap<Object> out = new LongMap<>(v.all, (int) Math.min(Integer.MAX_VALUE / 4, chained));
            Version[] changes = new Version[depth];
            for (v = this; v.all == null; v = v.previous) {
                changes[--depth] = v;
            }
            for (Version c : changes) {
                for (int i = 0; i < c.keys.length; i++) {
                    if (c.values[i] == null) {
                        out.remove(c.keys[i]);
                    } else {
                        out.put(c.keys[i], c.values[i]);
                    }
                }
            }
            return out;
        }
    }

    private Version last;
    private long[] keys = new long[16];
    private Object[] values = new Object[16];
    private int size;

    /** A changelog of a state that starts empty. */
    StateChangelog() {
    }

    /** A changelog of a state restored from {@code from}: the next checkpoint holds the changes since it. */
    StateChangelog(Version from) {
        this.last = from;
    }

    /** {@code key} now holds {@code frozen}, an immutable copy of its entry. */
    void put(long key, Object frozen) {
        if (frozen == null) {
            throw new IllegalArgumentException("null entry for key " + key + " (use remove)");
        }
        append(key, frozen);
    }

    /** {@code key} no longer has an entry. */
    void remove(long key) {
        append(key, null);
    }

    private void append(long key, Object value) {
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        keys[size] = key;
        values[size++] = value;
    }

    /** Seals the changes since the last checkpoint into the version of this one. */
    Version checkpoint() {
        if (size == 0 && last != null) {
            return last;
        }
        Version v = new Version(last == null ? new Version(new LongMap<>()) : last, Arrays.copyOf(keys, size),
                Arrays.copyOf(values, size));
        if (v.chained >= v.fullSize) {
            v = new Version(v.entries());
        }
        Arrays.fill(values, 0, size, null);
        size = 0;
        last = v;
        return v;
    }
}
