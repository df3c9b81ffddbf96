package org.flowlab.sim.stream;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.flowlab.sim.collections.LongMap;
import org.flowlab.sim.engine.EventTimeContract;
import org.flowlab.sim.engine.OutputMode;
import org.flowlab.sim.job.ResultKey;
import org.flowlab.sim.job.Row;
import org.flowlab.sim.job.TimeWindow;
import org.flowlab.sim.job.WindowAggregate;
import org.flowlab.sim.job.WindowAssigner;
import org.flowlab.sim.job.WindowConsumer;
import org.flowlab.sim.job.WindowResult;
import org.flowlab.sim.job.aggregate.AggregateFunction;

/**
 * A window aggregate over tumbling, sliding or global windows in one task: an accumulator per
 * (key, window), folded with the aggregate's {@code add} as rows come, fired in (end, key) order
 * when the watermark reaches a window's last instant.
 *
 * <p>Late rows. A row is late when the earliest of its windows ends at or before its late bound
 * (see the package documentation) less the allowed lateness; it is then dropped from all its
 * windows (Flink would still add it to those not yet fired — whole rows keep the difference to the
 * oracle exactly the counted late records). Allowed
 * lateness applies only when the window aggregate is the job's last step: a fired window stays
 * until {@code end − 1 + lateness}, and a late row within it fires the window again with the
 * updated value (the sink upserts; an unchanged value is not sent again). A window whose result
 * went on to further steps cannot be corrected without retractions, so there lateness is 0.
 *
 * <p>Early firing. In the {@link OutputMode#UPDATES} output mode a window that is the job's last
 * step also emits its panes' partial results before the watermark reaches it: every early-fire
 * interval of processing time (on the task's clock, aligned to multiples of the interval, as
 * Flink's {@code ContinuousProcessingTimeTrigger}), each pane a row changed since it was last
 * emitted is emitted again if its value changed; the sink upserts. Each emission carries the
 * lineage of the rows added since the one before, so a record is first visible with the first
 * output that reflects it and final when its window last changes.
 *
 * <p>State. The panes of one window live in chunks of two arrays (see {@link Chunk}) that grow as
 * keys come, found by a hash index on the key: a pane is a few dozen bytes and no object of its
 * own. Its lineage is a single trace position while it reflects one source record, until, with
 * allowed lateness, it is first emitted (later records must reach the output already sent);
 * otherwise a {@link Lineage}. With early firing a pane's lineage holds only the rows since its last
 * emission: each emission takes it along and starts it afresh. Checkpoints are a {@link StateChangelog} of the panes changed since
 * the last one, keyed by (window, slot).
 */
final class WindowOperator implements StatefulOperator {

    /** A lineage that is no single trace position. */
    private static final int NO_ID = -1;
    private static final int[] NO_SLOTS = new int[0];
    private static final long[] NO_PENDING = new long[0];

    /** A pane as a checkpoint keeps it: its lineage is a trace position, or else a snapshot of a {@link Lineage}. */
    record PaneState(long key, Object acc, long maxId, long maxArrival, int singleId, Lineage.Snapshot lineage,
                     Object lastValue) {
    }

    /** A window as a checkpoint keeps it (its panes are in the changelog, under the window's id). */
    record WindowState(long id, long start, long end, boolean fired) {
    }

    /** What a checkpoint keeps: the windows, their panes by (window id, slot), and the next window id. */
    record State(List<WindowState> windows, StateChangelog.Version panes, long nextId) {
    }

    /** Collects the windows a row belongs to without allocating. */
    private static final class Windows implements WindowConsumer {
        long[] starts = new long[8];
        long[] ends = new long[8];
        int count;

        @Override
        public void accept(long start, long end) {
            if (count == starts.length) {
                starts = Arrays.copyOf(starts, count * 2);
                ends = Arrays.copyOf(ends, count * 2);
            }
            starts[count] = start;
            ends[count] = end;
            count++;
        }
    }

    /**
     * Up to {@link #CHUNK} panes of a window. A pane's numbers sit side by side in {@link #longs} —
     * its key, latest arrival, single trace position and (when a step follows) largest row id —
     * and its references in {@link #refs} — accumulator, lineage and (with allowed lateness) the
     * last value sent — so updating a pane touches two cache lines, not one per field.
     */
    private static final class Chunk {
        static final int KEY = 0;
        static final int ARRIVAL = 1;
        static final int SINGLE_ID = 2;
        static final int MAX_ID = 3;
        static final int ACC = 0;
        static final int LINEAGE = 1;
        static final int LAST_VALUE = 2;

        final int longStride;
        final int refStride;
        /** Beside the single trace position (an int), whether the pane changed since the last checkpoint. */
        static final long DIRTY = 1L << 32;
        /** Beside it too, with early firing: whether the pane took a row since it was last emitted. */
        static final long EARLY = 1L << 33;

        long[] longs;
        Object[] refs;

        Chunk(int capacity, WindowOperator op) {
            longStride = op.last ? 3 : 4;
            refStride = op.lateness > 0 || op.earlyFire ? 3 : 2;
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
    }

    /** The panes of all keys for one window: slots 0, 1, … in chunks, and a hash index from key to slot. */
    private static final class Bucket {
        final long id;
        final long start;
        final long end;
        boolean fired;
        Chunk[] chunks = new Chunk[1];
        int size;
        /**
         * Open addressing, linear probing, 0 for an empty entry: a slot plus one, with 7 bits of its
         * key's hash above it so that a probe rarely looks at a pane that is not the one sought;
         * slots beyond {@link #TAGGED_SLOTS} go in as their negated value plus one, untagged.
         */
        int[] index = new int[16];
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
        long[] pending = NO_PENDING;
        int pendingCount;

        Bucket(long id, long start, long end) {
            this.id = id;
            this.start = start;
            this.end = end;
        }

        Chunk chunk(int slot) {
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
        int insert(long key, int h, Object emptyAcc, WindowOperator op) {
            int slot = size++;
            int c = slot >>> CHUNK_BITS;
            int o = slot & CHUNK_MASK;
            if (c == chunks.length) {
                chunks = Arrays.copyOf(chunks, c * 2);
            }
            Chunk chunk = chunks[c];
            if (chunk == null) {
                chunk = new Chunk(16, op);
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
         * {@link #addLineage} would have one by one: a pane that was empty and gets one is left
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
                Chunk c = chunk(s);
                int o = s & CHUNK_MASK;
                if (c.lineage(o) == null && c.singleId(o) == NO_ID) {
                    if (counts[s] == 1) {
                        continue;
                    }
                    c.setLineage(o, new Lineage(counts[s]));
                } else {
                    toLineage(c, o).reserve(counts[s]);
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
    }

    /** Windows with more panes than this index the others without a hash tag. */
    private static final int TAGGED_SLOTS = 1 << 24;

    /** Panes per chunk: whole chunks, never one large array, so a window's state grows without copying it all. */
    private static final int CHUNK_BITS = 12;
    private static final int CHUNK = 1 << CHUNK_BITS;
    private static final int CHUNK_MASK = CHUNK - 1;

    private final WindowAggregate step;
    private final AggregateFunction<Object, Object> f;
    private final WindowAssigner assigner;
    private final int opIndex;
    private final boolean last;
    private final EventTimeContract contract;
    private final long lateness;
    /** Whether partial results are emitted before the watermark reaches a window ({@link OutputMode#UPDATES}, last step). */
    private final boolean earlyFire;
    /** With early firing: the windows with panes changed since they were last emitted. */
    private final List<Bucket> earlyBuckets = new ArrayList<>();
    private final String jobName;
    private final boolean checkpointed;
    private final LongMap<Bucket> byEndLookup = new LongMap<>();
    private final TreeMap<Long, Bucket> byEnd = new TreeMap<>();
    private final Windows windows = new Windows();
    /** {@link #windows} holds the windows of every event time in [assignedFrom, assignedUntil): rows there skip the assigner. */
    private long assignedFrom = Long.MAX_VALUE;
    private long assignedUntil = Long.MIN_VALUE;
    /**
     * The windows of the previous row, {@code recentCount} of them: rows of one task mostly fall
     * into the same windows as the one before, found so without a lookup. Emptied when a window
     * goes, so it never holds one that is no longer in {@link #byEnd}.
     */
    private Bucket[] recent = new Bucket[8];
    private int recentCount;
    private final List<Bucket> dirtyBuckets = new ArrayList<>();
    private StateChangelog changelog = new StateChangelog();
    private long nextId;
    private int paneCount;

    WindowOperator(WindowAggregate step, int opIndex, boolean last, EventTimeContract contract, OutputMode output,
                   String jobName, boolean checkpointed) {
        this.step = step;
        this.f = step.untypedAggregate();
        this.assigner = step.window();
        this.opIndex = opIndex;
        this.last = last;
        this.contract = contract;
        this.lateness = contract.latenessOfWindow(last);
        this.earlyFire = last && output == OutputMode.UPDATES;
        this.jobName = jobName;
        this.checkpointed = checkpointed;
    }

    @Override
    public void add(StreamRecord record, long watermark, KeyedTask task) {
        Row row = record.row;
        long eventTime = row.eventTime();
        if (eventTime < assignedFrom || eventTime >= assignedUntil) {
            windows.count = 0;
            assigner.assign(eventTime, windows);
            assignedFrom = assigner.sameWindowsFrom(eventTime);
            assignedUntil = assigner.sameWindowsUntil(eventTime);
        }
        if (windows.count == 0) {
            task.commit(record);
            return;
        }
        // Ends grow with starts (one size), so the first window is the first to fire.
        long against = record.lateAfter(watermark);
        if (contract.windowRowIsLate(windows.ends[0], last, against)) {
            task.late(record, against);
            return;
        }
        task.accepted(record, against);
        long key = row.key();
        int h = LongMap.hash(key);
        Bucket[] buckets = buckets();
        for (int j = 0; j < windows.count; j++) {
            task.cost += task.costs.stateAccessNanos();
            Bucket bucket = buckets[j];
            int slot = bucket.find(key, h);
            if (slot < 0) {
                slot = bucket.insert(key, h, f.create(), this);
                paneCount++;
            }
            Chunk c = bucket.chunk(slot);
            int o = slot & CHUNK_MASK;
            c.add(o, f.add(c.acc(o), row), row.id(), record.maxArrival);
            if (bucket.fired || record.lineage != null || record.sourceId < 0) {
                // Deferred positions go in first, so that every pane's lineage keeps the order rows came in.
                bucket.applyLineage();
                addLineage(c, o, record);
            } else if (c.lineage(o) == null && c.singleId(o) == NO_ID) {
                // A pane's first record (it has none deferred, having had none) is its single position, as addLineage makes it.
                c.setSingleId(o, record.sourceId);
            } else {
                bucket.deferLineage(slot, record.sourceId);
            }
            if (checkpointed) {
                markDirty(bucket, c, o, slot);
            }
            if (earlyFire && !bucket.fired) {
                markEarly(bucket, c, o, slot, task);
            }
            if (bucket.fired) {
                // Late but within the allowed lateness: fire again if the value changed.
                Object value = result(bucket, c, o);
                if (value.equals(c.lastValue(o))) {
                    task.commit(record);
                } else {
                    emit(bucket, slot, value, task);
                }
            }
        }
    }

    /** The buckets of {@link #windows}, in their order: those of the previous row if the windows are the same. */
    private Bucket[] buckets() {
        int n = windows.count;
        if (n == recentCount) {
            int j = 0;
            while (j < n && recent[j].end == windows.ends[j] && recent[j].start == windows.starts[j]) {
                j++;
            }
            if (j == n) {
                return recent;
            }
        }
        if (recent.length < n) {
            recent = new Bucket[windows.starts.length];
        }
        for (int j = 0; j < n; j++) {
            recent[j] = bucket(windows.starts[j], windows.ends[j]);
        }
        recentCount = n;
        return recent;
    }

    private Bucket bucket(long start, long end) {
        Bucket bucket = byEndLookup.get(end);
        if (bucket == null) {
            bucket = new Bucket(nextId++, start, end);
            byEndLookup.put(end, bucket);
            byEnd.put(end, bucket);
        } else if (bucket.start != start) {
            throw new IllegalStateException("job " + jobName + ": windows [" + bucket.start + ", " + end + ") and ["
                    + start + ", " + end + ") of " + step + " end together; a window assigner gives one start per end");
        }
        return bucket;
    }

    /** A pane reflects one more record: a trace position while its lineage is just that, else a {@link Lineage}. */
    private static void addLineage(Chunk c, int o, StreamRecord record) {
        if (c.lineage(o) == null && c.singleId(o) == NO_ID && record.lineage == null) {
            // The lineage was empty: now it is the record's trace position, if it has one.
            c.setSingleId(o, record.sourceId);
            return;
        }
        toLineage(c, o).add(record);
    }

    /** The pane's lineage as a {@link Lineage}, made from its single trace position if it has one. */
    private static Lineage toLineage(Chunk c, int o) {
        Lineage l = c.lineage(o);
        if (l == null) {
            l = new Lineage();
            if (c.singleId(o) != NO_ID) {
                l.addId(c.singleId(o));
                c.setSingleId(o, NO_ID);
            }
            c.setLineage(o, l);
        }
        return l;
    }

    /** Notes that a pane took a row since it was last emitted, and has the task fire early at its next time. */
    private void markEarly(Bucket bucket, Chunk c, int o, int slot, KeyedTask task) {
        if (!c.markEarly(o)) {
            return;
        }
        if (bucket.earlyCount == 0) {
            earlyBuckets.add(bucket);
        }
        if (bucket.earlyCount == bucket.earlySlots.length) {
            bucket.earlySlots = Arrays.copyOf(bucket.earlySlots, Math.max(8, bucket.earlyCount * 2));
        }
        bucket.earlySlots[bucket.earlyCount++] = slot;
        if (task != null) {
            task.requestEarlyFire();
        }
    }

    @Override
    public boolean awaitsEarlyFire() {
        return !earlyBuckets.isEmpty();
    }

    /**
     * The early-fire time has come: every pane that took a row since it was last emitted, of every
     * window not fired yet, is emitted in (end, key) order, its value changed or not (the sink shows
     * an unchanged value's new rows without counting a duplicate).
     */
    @Override
    public void earlyFire(KeyedTask task) {
        earlyBuckets.sort((a, b) -> Long.compare(a.end, b.end));
        for (Bucket bucket : earlyBuckets) {
            if (bucket.fired || bucket.earlyCount == 0) {
                bucket.earlyCount = 0;
                continue;
            }
            bucket.applyLineage();
            int[] slots = Arrays.copyOf(bucket.earlySlots, bucket.earlyCount);
            bucket.earlyCount = 0;
            // In key order, as the on-time fire emits.
            Integer[] order = new Integer[slots.length];
            for (int i = 0; i < slots.length; i++) {
                order[i] = slots[i];
            }
            Arrays.sort(order, (x, y) -> Long.compare(bucket.chunk(x).key(x & CHUNK_MASK), bucket.chunk(y).key(y & CHUNK_MASK)));
            for (int slot : order) {
                Chunk c = bucket.chunk(slot);
                int o = slot & CHUNK_MASK;
                c.clearEarly(o);
                Object value = result(bucket, c, o);
                // A row that left the value as it was is shown too, as a batch run shows every row it read.
                if (c.hasPendingLineage(o) || !value.equals(c.lastValue(o))) {
                    emit(bucket, slot, value, task);
                }
            }
        }
        earlyBuckets.clear();
    }

    private void markDirty(Bucket bucket, Chunk c, int o, int slot) {
        if (!c.markDirty(o)) {
            return;
        }
        if (bucket.dirtyCount == 0) {
            dirtyBuckets.add(bucket);
        }
        if (bucket.dirtyCount == bucket.dirtySlots.length) {
            bucket.dirtySlots = Arrays.copyOf(bucket.dirtySlots, Math.max(8, bucket.dirtyCount * 2));
        }
        bucket.dirtySlots[bucket.dirtyCount++] = slot;
    }

    @Override
    public void advance(long watermark, KeyedTask task) {
        Iterator<Map.Entry<Long, Bucket>> it = byEnd.entrySet().iterator();
        while (it.hasNext()) {
            Bucket bucket = it.next().getValue();
            if (bucket.end - 1 > watermark) {
                break;
            }
            boolean removed = contract.windowIsExpired(bucket.end, last, watermark);
            if (!bucket.fired) {
                bucket.fired = true;
                bucket.applyLineage();
                for (int slot : bucket.slotsByKey()) {
                    Chunk c = bucket.chunk(slot);
                    int o = slot & CHUNK_MASK;
                    Object value = result(bucket, c, o);
                    if (earlyFire) {
                        c.clearEarly(o);
                        if (!c.hasPendingLineage(o) && value.equals(c.lastValue(o))) {
                            continue; // emitted early with this value, and no row came since
                        }
                    }
                    emit(bucket, slot, value, task);
                }
                bucket.earlyCount = 0;
            }
            if (removed) {
                recentCount = 0;
                it.remove();
                byEndLookup.remove(bucket.end);
                paneCount -= bucket.size;
                // Panes made since the last checkpoint never reached the changelog: nothing to take out.
                for (int s = 0; s < bucket.inChangelog; s++) {
                    changelog.remove(paneId(bucket, s));
                }
            }
        }
    }

    private Object result(Bucket bucket, Chunk c, int o) {
        Object value = f.result(c.acc(o));
        if (value == null) {
            throw new IllegalStateException("job " + jobName + ": " + step + " gave no result (null) for key "
                    + c.key(o) + " in [" + bucket.start + ", " + bucket.end + ")");
        }
        return value;
    }

    private void emit(Bucket bucket, int slot, Object value, KeyedTask task) {
        Chunk c = bucket.chunk(slot);
        int o = slot & CHUNK_MASK;
        if (c.keepsLastValue()) {
            c.setLastValue(o, value);
            if (checkpointed) {
                markDirty(bucket, c, o, slot);
            }
            if (!earlyFire) {
                // The window stays open for late rows, which the output already sent must reflect when it becomes visible.
                toLineage(c, o);
            }
        }
        task.cost += task.costs.windowResultNanos();
        long key = c.key(o);
        ResultKey at = ResultKey.window(key, bucket.start, bucket.end);
        Lineage lineage = c.lineage(o);
        int sourceId = lineage == null ? c.singleId(o) : NO_ID;
        if (last) {
            task.output(new SinkOutput(at, value, sourceId, lineage, c.maxArrival(o)));
            if (earlyFire) {
                // The next output of this pane carries only the rows that come after this one.
                c.setLineage(o, null);
                c.setSingleId(o, NO_ID);
            }
            return;
        }
        TimeWindow window = new TimeWindow(bucket.start, bucket.end);
        Row row = step.toRow().toRow(new WindowResult(key, window, c.maxId(o), value));
        if (row == null || row.eventTime() < window.maxTimestamp()) {
            throw new IllegalStateException("job " + jobName + ": the row mapper of " + step + " made "
                    + row + " for window " + window + "; its event time must be at least the window's last instant "
                    + window.maxTimestamp() + " (start from WindowResult.row())");
        }
        task.push(new StreamRecord(row, at, sourceId, lineage, c.maxArrival(o)), opIndex + 1, false);
    }

    // ---------------------------------------------------------------- checkpoints

    private static long paneId(Bucket bucket, int slot) {
        return bucket.id << 32 | slot;
    }

    /** The panes changed since the last checkpoint go into the changelog; the windows are listed whole (there are few). */
    @Override
    public Object snapshot() {
        for (Bucket bucket : dirtyBuckets) {
            // A removed window's panes are out of the changelog already.
            boolean live = byEndLookup.get(bucket.end) == bucket;
            bucket.applyLineage();
            for (int i = 0; i < bucket.dirtyCount; i++) {
                int slot = bucket.dirtySlots[i];
                Chunk c = bucket.chunk(slot);
                int o = slot & CHUNK_MASK;
                c.clearDirty(o);
                if (live) {
                    changelog.put(paneId(bucket, slot), freeze(c, o));
                }
            }
            bucket.dirtyCount = 0;
            bucket.inChangelog = bucket.size;
        }
        dirtyBuckets.clear();
        List<WindowState> list = new ArrayList<>(byEnd.size());
        for (Bucket bucket : byEnd.values()) {
            list.add(new WindowState(bucket.id, bucket.start, bucket.end, bucket.fired));
        }
        return new State(list, changelog.checkpoint(), nextId);
    }

    private static PaneState freeze(Chunk c, int o) {
        Lineage lineage = c.lineage(o);
        return new PaneState(c.key(o), c.acc(o), c.longStride > Chunk.MAX_ID ? c.maxId(o) : Long.MIN_VALUE,
                c.maxArrival(o), c.singleId(o), lineage == null ? null : lineage.snapshot(),
                c.keepsLastValue() ? c.lastValue(o) : null);
    }

    @Override
    public int entries() {
        return paneCount;
    }

    @Override
    public void restore(Object snapshot) {
        State state = (State) snapshot;
        byEnd.clear();
        byEndLookup.clear();
        recentCount = 0;
        dirtyBuckets.clear();
        earlyBuckets.clear();
        paneCount = 0;
        nextId = state.nextId();
        changelog = new StateChangelog(state.panes());
        LongMap<Bucket> byId = new LongMap<>();
        for (WindowState w : state.windows()) {
            Bucket bucket = new Bucket(w.id(), w.start(), w.end());
            bucket.fired = w.fired();
            byId.put(w.id(), bucket);
            byEndLookup.put(w.end(), bucket);
            byEnd.put(w.end(), bucket);
        }
        // The changelog is keyed by (window, slot): each pane goes back to its slot, so later changes find it there.
        LongMap<Object> panes = state.panes().entries();
        long[] ids = panes.keys();
        for (long id : ids) {
            Bucket bucket = byId.get(id >>> 32);
            PaneState ps = (PaneState) panes.get(id);
            int slot = bucket.insert(ps.key(), LongMap.hash(ps.key()), ps.acc(), this);
            if (slot != (int) id) {
                throw new IllegalStateException("window " + bucket.id + ": pane " + (int) id + " restored at slot " + slot);
            }
            Chunk c = bucket.chunk(slot);
            int o = slot & CHUNK_MASK;
            c.set(o, ps.key(), ps.acc(), ps.maxId(), ps.maxArrival(), ps.singleId(),
                    ps.lineage() == null ? null : ps.lineage().restore(), ps.lastValue());
            paneCount++;
        }
        byId.forEachValue(b -> b.inChangelog = b.size);
        if (earlyFire) {
            // As Flink's restored timers fire: every unfired pane with rows in no emitted output fires early again.
            for (Bucket bucket : byEnd.values()) {
                if (bucket.fired) {
                    continue;
                }
                for (int s = 0; s < bucket.size; s++) {
                    Chunk c = bucket.chunk(s);
                    if (c.hasPendingLineage(s & CHUNK_MASK)) {
                        markEarly(bucket, c, s & CHUNK_MASK, s, null);
                    }
                }
            }
        }
    }
}
