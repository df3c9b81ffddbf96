package org.flowlab.sim.stream;

import java.util.Arrays;

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
        private final long[] keys;
        /** The frozen entries; in a change set, null for a removed key. */
        private final Object[] values;
        /** Entries of the full copy the chain starts from. */
        private final int fullSize;
        /** Changes in the chain from that full copy up to and including this version. */
        private final long chained;

        private Version(Version previous, long[] keys, Object[] values) {
            this.previous = previous;
            this.keys = keys;
            this.values = values;
            this.fullSize = previous == null ? keys.length : previous.fullSize;
            this.chained = previous == null ? 0 : previous.chained + keys.length;
        }

        /** Every entry of the state at this checkpoint, by key. */
        LongMap<Object> entries() {
            int depth = 0;
            for (Version v = this; v != null; v = v.previous) {
                depth++;
            }
            Version[] chain = new Version[depth];
            for (Version v = this; v != null; v = v.previous) {
                chain[--depth] = v;
            }
            LongMap<Object> out = new LongMap<>((int) Math.min(Integer.MAX_VALUE / 4, Math.max(16, fullSize + chained)));
            for (Version v : chain) {
                for (int i = 0; i < v.keys.length; i++) {
                    if (v.values[i] == null) {
                        out.remove(v.keys[i]);
                    } else {
                        out.put(v.keys[i], v.values[i]);
                    }
                }
            }
            return out;
        }

        /** This version as a full copy. */
        private Version folded() {
            LongMap<Object> all = entries();
            long[] k = new long[all.size()];
            Object[] v = new Object[all.size()];
            int[] n = {0};
            all.forEachEntry((key, value) -> {
                k[n[0]] = key;
                v[n[0]++] = value;
            });
            return new Version(null, k, v);
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
        Version v = new Version(last, Arrays.copyOf(keys, size), Arrays.copyOf(values, size));
        if (last == null || v.chained >= v.fullSize) {
            v = v.folded();
        }
        Arrays.fill(values, 0, size, null);
        size = 0;
        last = v;
        return v;
    }
}
