package org.flowlab.sim.stream;

import static org.flowlab.sim.stream.PaneChunk.NO_ID;
import static org.flowlab.sim.stream.WindowPanes.CHUNK_MASK;

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
import org.flowlab.sim.job.SlidingWindows;
import org.flowlab.sim.job.TimeWindow;
import org.flowlab.sim.job.WindowAggregate;
import org.flowlab.sim.job.WindowResult;
import org.flowlab.sim.job.aggregate.AggregateFunction;
import org.flowlab.sim.job.aggregate.Fold;

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
 * <p>State. The panes of one window are a {@link WindowPanes}: chunks of two arrays that grow as
 * keys come, found by a hash index on the key, a pane being a few dozen bytes and no object of its
 * own. A pane's lineage is a single trace position while it reflects one source record, until, with
 * allowed lateness, it is first emitted (later records must reach the output already sent);
 * otherwise a {@link Lineage}. With early firing a pane's lineage holds only the rows since its
 * last emission: each emission takes it along and starts it afresh. Checkpoints are a
 * {@link StateChangelog} of the panes changed since the last one, keyed by (window, slot).
 *
 * <p>Slices. Sliding windows whose slide divides their size, without allowed lateness or early
 * firing, keep their panes per slice instead — the stretch of one slide that every row of it shares
 * with the same windows — so a row updates one pane, not size / slide of them, and a window's pane of
 * a key is the {@code merge} of that key's slice panes when it fires (the aggregate's laws make it
 * the same result), its lineage theirs together. A slice is a {@link WindowPanes} of its own bounds;
 * it goes once the last window over it has fired. Nothing a run reports changes: each row is
 * charged one state access per window as before, and a checkpoint's entries are the (key, window)
 * panes the windows would hold.
 */
final class WindowOperator implements StatefulOperator {

    /** A pane as a checkpoint keeps it: its lineage is a trace position, or else a snapshot of a {@link Lineage}. */
    record PaneState(long key, Object acc, long maxId, long maxArrival, int singleId, Lineage.Snapshot lineage,
                     Object lastValue) {
    }

    /** A window as a checkpoint keeps it (its panes are in the changelog, under the window's id). */
    record WindowState(long id, long start, long end, boolean fired) {
    }

    /**
     * What a checkpoint keeps: the windows (or slices), their panes by (window id, slot), the next
     * window id, and with slices the end of the last window fired.
     */
    record State(List<WindowState> windows, StateChangelog.Version panes, long nextId, long firedThrough) {
    }

    private final WindowAggregate step;
    private final AggregateFunction<Object, Object> f;
    /**
     * Whether a pane made here holds the aggregate's {@link Fold}, filled in place, rather than an
     * accumulator: when it has one. A pane restored from a checkpoint holds the accumulator kept
     * there, and goes on with {@code add}; both give the same accumulator ({@link #accumulator}).
     */
    private final boolean folds;
    private final int opIndex;
    private final boolean last;
    private final EventTimeContract contract;
    private final long lateness;
    /** Whether partial results are emitted before the watermark reaches a window ({@link OutputMode#UPDATES}, last step). */
    private final boolean earlyFire;
    /** Whether panes keep the value last sent: with allowed lateness or early firing. */
    private final boolean keepsLastValue;
    /** With early firing: the windows with panes changed since they were last emitted. */
    private final List<WindowPanes> earlyBuckets = new ArrayList<>();
    private final String jobName;
    private final boolean checkpointed;
    private final LongMap<WindowPanes> byEndLookup = new LongMap<>();
    private final TreeMap<Long, WindowPanes> byEnd = new TreeMap<>();
    /** The windows of the row being added. */
    private final AssignedWindows windows;
    /**
     * The windows of the previous row, {@code recentCount} of them: rows of one task mostly fall
     * into the same windows as the one before, found so without a lookup. Emptied when a window
     * goes, so it never holds one that is no longer in {@link #byEnd}.
     */
    private WindowPanes[] recent = new WindowPanes[8];
    private int recentCount;
    private final List<WindowPanes> dirtyBuckets = new ArrayList<>();
    private StateChangelog changelog = new StateChangelog();
    private long nextId;
    private int paneCount;
    /** With slices: the windows' size and slide, else 0. */
    private final long sliceSize;
    private final long slide;
    /** With slices: the end of the last window fired, or -inf. */
    private long firedThrough = Long.MIN_VALUE;

    WindowOperator(WindowAggregate step, int opIndex, boolean last, EventTimeContract contract, OutputMode output,
                   String jobName, boolean checkpointed) {
        this.step = step;
        this.f = step.untypedAggregate();
        Fold<Object> probe = f.newFold();
        this.folds = probe != null && !(probe.accumulator() instanceof Fold);
        this.windows = new AssignedWindows(step.window());
        this.opIndex = opIndex;
        this.last = last;
        this.contract = contract;
        this.lateness = contract.latenessOfWindow(last);
        this.earlyFire = last && output == OutputMode.UPDATES;
        this.keepsLastValue = lateness > 0 || earlyFire;
        this.jobName = jobName;
        this.checkpointed = checkpointed;
        // A row of a slice then goes into no window that has fired (it would be late), so slices never change after.
        boolean sliced = step.window() instanceof SlidingWindows w && w.size() % w.slide() == 0 && w.size() > w.slide()
                && !keepsLastValue;
        this.sliceSize = sliced ? ((SlidingWindows) step.window()).size() : 0;
        this.slide = sliced ? ((SlidingWindows) step.window()).slide() : 0;
    }

    @Override
    public void add(StreamRecord record, long watermark, KeyedTask task) {
        Row row = record.row;
        windows.assign(row.eventTime());
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
        WindowPanes[] buckets;
        int panes;
        if (slide > 0) {
            // The slice ends with the row's first window; the row is charged as if it went into each window.
            task.cost += task.costs.stateAccessNanos() * windows.count;
            buckets = sliceBuckets(windows.ends[0]);
            panes = 1;
        } else {
            buckets = buckets();
            panes = windows.count;
        }
        for (int j = 0; j < panes; j++) {
            WindowPanes bucket = buckets[j];
            if (slide == 0) {
                task.cost += task.costs.stateAccessNanos();
            }
            int slot = bucket.find(key, h);
            if (slot < 0) {
                slot = bucket.insert(key, h, folds ? f.newFold() : f.create());
                paneCount++;
            }
            PaneChunk c = bucket.chunk(slot);
            int o = slot & CHUNK_MASK;
            Object acc = c.acc(o);
            if (folds && acc instanceof Fold<?> fold) {
                // Nobody else holds the pane's fold: a checkpoint and a result take its accumulator.
                fold.add(row);
            } else {
                acc = f.add(acc, row);
            }
            c.add(o, acc, row.id(), record.maxArrival);
            if (bucket.fired || record.lineage != null || record.sourceId < 0) {
                // Deferred positions go in first, so that every pane's lineage keeps the order rows came in.
                bucket.applyLineage();
                c.addLineage(o, record);
            } else if (c.lineage(o) == null && c.singleId(o) == NO_ID) {
                // A pane's first record (it has none deferred, having had none) is its single position, as addLineage makes it.
                c.setSingleId(o, record.sourceId);
            } else {
                bucket.deferLineage(slot, record.sourceId);
            }
            if (checkpointed) {
                bucket.markDirty(c, o, slot, dirtyBuckets);
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
    private WindowPanes[] buckets() {
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
            recent = new WindowPanes[windows.starts.length];
        }
        for (int j = 0; j < n; j++) {
            recent[j] = bucket(windows.starts[j], windows.ends[j]);
        }
        recentCount = n;
        return recent;
    }

    /** The one bucket of the slice ending at {@code end}, in {@link #recent}. */
    private WindowPanes[] sliceBuckets(long end) {
        if (recentCount != 1 || recent[0].end != end) {
            recent[0] = bucket(end - slide, end);
            recentCount = 1;
        }
        return recent;
    }

    private WindowPanes bucket(long start, long end) {
        WindowPanes bucket = byEndLookup.get(end);
        if (bucket == null) {
            bucket = new WindowPanes(nextId++, start, end, !last, keepsLastValue);
            byEndLookup.put(end, bucket);
            byEnd.put(end, bucket);
        } else if (bucket.start != start) {
            throw new IllegalStateException("job " + jobName + ": windows [" + bucket.start + ", " + end + ") and ["
                    + start + ", " + end + ") of " + step + " end together; a window assigner gives one start per end");
        }
        return bucket;
    }

    /** Notes that a pane took a row since it was last emitted, and has the task fire early at its next time. */
    private void markEarly(WindowPanes bucket, PaneChunk c, int o, int slot, KeyedTask task) {
        if (bucket.markEarly(c, o, slot, earlyBuckets) && task != null) {
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
        for (WindowPanes bucket : earlyBuckets) {
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
                PaneChunk c = bucket.chunk(slot);
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

    @Override
    public void advance(long watermark, KeyedTask task) {
        if (slide > 0) {
            advanceSlices(watermark, task);
            return;
        }
        if (byEnd.isEmpty() || byEnd.firstKey() - 1 > watermark) {
            return; // no window ends by the watermark (most advances): no iterator made to find that
        }
        Iterator<Map.Entry<Long, WindowPanes>> it = byEnd.entrySet().iterator();
        while (it.hasNext()) {
            WindowPanes bucket = it.next().getValue();
            if (bucket.end - 1 > watermark) {
                break;
            }
            boolean removed = contract.windowIsExpired(bucket.end, last, watermark);
            if (!bucket.fired) {
                bucket.fired = true;
                bucket.applyLineage();
                for (int slot : bucket.slotsByKey()) {
                    PaneChunk c = bucket.chunk(slot);
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
                it.remove();
                forget(bucket);
            }
        }
    }

    /** Takes a window or slice out of the state, {@link #byEnd} aside (the caller's iterator removes it there). */
    private void forget(WindowPanes bucket) {
        recentCount = 0;
        byEndLookup.remove(bucket.end);
        paneCount -= bucket.size;
        // Panes made since the last checkpoint never reached the changelog: nothing to take out.
        for (int s = 0; s < bucket.inChangelog; s++) {
            changelog.remove(paneId(bucket, s));
        }
    }

    /**
     * With slices: fires, in end order, every window the watermark has reached that holds a row,
     * each key's pane merged from its slices, then drops the slices whose last window has fired.
     */
    private void advanceSlices(long watermark, KeyedTask task) {
        while (!byEnd.isEmpty()) {
            // The first slice is in the next window to fire: its earlier windows have, its last one has not.
            long end = Math.max(byEnd.firstKey(), firedThrough == Long.MIN_VALUE ? Long.MIN_VALUE : firedThrough + slide);
            if (end - 1 > watermark) {
                return;
            }
            List<WindowPanes> slices = slicesOf(end);
            for (WindowPanes slice : slices) {
                slice.applyLineage();
            }
            for (long key : keysOf(slices)) {
                fireSliced(slices, key, end, task);
            }
            firedThrough = end;
            Iterator<WindowPanes> it = byEnd.values().iterator();
            while (it.hasNext()) {
                WindowPanes slice = it.next();
                if (slice.end > end - sliceSize + slide) {
                    break;
                }
                it.remove();
                forget(slice);
            }
        }
    }

    /** The slices of the window ending at {@code end}, in end order. */
    private List<WindowPanes> slicesOf(long end) {
        return new ArrayList<>(byEnd.subMap(end - sliceSize, false, end, true).values());
    }

    /** The keys with a pane in any of {@code slices}, ascending, each once. */
    private static long[] keysOf(List<WindowPanes> slices) {
        int n = 0;
        for (WindowPanes slice : slices) {
            n += slice.size;
        }
        long[] keys = new long[n];
        int i = 0;
        for (WindowPanes slice : slices) {
            for (int s = 0; s < slice.size; s++) {
                keys[i++] = slice.chunk(s).key(s & CHUNK_MASK);
            }
        }
        Arrays.sort(keys);
        int distinct = 0;
        for (int j = 0; j < n; j++) {
            if (j == 0 || keys[j] != keys[j - 1]) {
                keys[distinct++] = keys[j];
            }
        }
        return Arrays.copyOf(keys, distinct);
    }

    /** Emits {@code key}'s pane of the window ending at {@code end}: its slice panes merged. */
    private void fireSliced(List<WindowPanes> slices, long key, long end, KeyedTask task) {
        int h = LongMap.hash(key);
        Object acc = null;
        long maxId = Long.MIN_VALUE;
        long maxArrival = -1;
        int sourceId = NO_ID;
        Lineage single = null;
        Lineage lineage = null;
        for (WindowPanes slice : slices) {
            int slot = slice.find(key, h);
            if (slot < 0) {
                continue;
            }
            PaneChunk c = slice.chunk(slot);
            int o = slot & CHUNK_MASK;
            acc = acc == null ? accumulator(c, o) : f.merge(acc, accumulator(c, o));
            if (c.keepsMaxId()) {
                maxId = Math.max(maxId, c.maxId(o));
            }
            maxArrival = Math.max(maxArrival, c.maxArrival(o));
            Lineage l = c.lineage(o);
            int id = c.singleId(o);
            if (l == null && id == NO_ID) {
                continue;
            }
            if (lineage == null && sourceId == NO_ID && single == null) {
                // The first slice with records: its lineage, as it is, until a second one comes.
                sourceId = id;
                single = l;
                continue;
            }
            if (lineage == null) {
                lineage = new Lineage();
                if (single != null) {
                    lineage.addPart(single);
                } else {
                    lineage.addId(sourceId);
                }
                sourceId = NO_ID;
            }
            if (l != null) {
                lineage.addPart(l);
            } else {
                lineage.addId(id);
            }
        }
        if (lineage == null) {
            lineage = single;
        }
        Object value = checkedResult(acc, key, end - sliceSize, end);
        send(key, end - sliceSize, end, value, maxId, maxArrival, sourceId, lineage, task);
    }

    private Object result(WindowPanes bucket, PaneChunk c, int o) {
        return checkedResult(accumulator(c, o), c.key(o), bucket.start, bucket.end);
    }

    private Object checkedResult(Object acc, long key, long start, long end) {
        Object value = f.result(acc);
        if (value == null) {
            throw new IllegalStateException("job " + jobName + ": " + step + " gave no result (null) for key "
                    + key + " in [" + start + ", " + end + ")");
        }
        return value;
    }

    private void emit(WindowPanes bucket, int slot, Object value, KeyedTask task) {
        PaneChunk c = bucket.chunk(slot);
        int o = slot & CHUNK_MASK;
        if (c.keepsLastValue()) {
            c.setLastValue(o, value);
            if (checkpointed) {
                bucket.markDirty(c, o, slot, dirtyBuckets);
            }
            if (!earlyFire) {
                // The window stays open for late rows, which the output already sent must reflect when it becomes visible.
                c.toLineage(o);
            }
        }
        Lineage lineage = c.lineage(o);
        int sourceId = lineage == null ? c.singleId(o) : NO_ID;
        send(c.key(o), bucket.start, bucket.end, value, c.keepsMaxId() ? c.maxId(o) : Long.MIN_VALUE, c.maxArrival(o),
                sourceId, lineage, task);
        if (last && earlyFire) {
            // The next output of this pane carries only the rows that come after this one.
            c.setLineage(o, null);
            c.setSingleId(o, NO_ID);
        }
    }

    /** Sends the result of {@code key}'s pane of window [start, end): to the sink, or on to the next step. */
    private void send(long key, long start, long end, Object value, long maxId, long maxArrival, int sourceId,
                      Lineage lineage, KeyedTask task) {
        task.cost += task.costs.windowResultNanos();
        ResultKey at = ResultKey.window(key, start, end);
        if (last) {
            task.output(new SinkOutput(at, value, sourceId, lineage, maxArrival));
            return;
        }
        TimeWindow window = new TimeWindow(start, end);
        Row row = step.toRow().toRow(new WindowResult(key, window, maxId, value));
        if (row == null || row.eventTime() < window.maxTimestamp()) {
            throw new IllegalStateException("job " + jobName + ": the row mapper of " + step + " made "
                    + row + " for window " + window + "; its event time must be at least the window's last instant "
                    + window.maxTimestamp() + " (start from WindowResult.row())");
        }
        task.push(new StreamRecord(row, at, sourceId, lineage, maxArrival), opIndex + 1, false);
    }

    // ---------------------------------------------------------------- checkpoints

    private static long paneId(WindowPanes bucket, int slot) {
        return bucket.id << 32 | slot;
    }

    /** The panes changed since the last checkpoint go into the changelog; the windows are listed whole (there are few). */
    @Override
    public Object snapshot() {
        for (WindowPanes bucket : dirtyBuckets) {
            // A removed window's panes are out of the changelog already.
            boolean live = byEndLookup.get(bucket.end) == bucket;
            bucket.applyLineage();
            for (int i = 0; i < bucket.dirtyCount; i++) {
                int slot = bucket.dirtySlots[i];
                PaneChunk c = bucket.chunk(slot);
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
        for (WindowPanes bucket : byEnd.values()) {
            list.add(new WindowState(bucket.id, bucket.start, bucket.end, bucket.fired));
        }
        return new State(list, changelog.checkpoint(), nextId, firedThrough);
    }

    /** The accumulator of a pane: the one it holds, or its fold's so far. */
    private Object accumulator(PaneChunk c, int o) {
        Object acc = c.acc(o);
        return folds && acc instanceof Fold<?> fold ? fold.accumulator() : acc;
    }

    private PaneState freeze(PaneChunk c, int o) {
        Lineage lineage = c.lineage(o);
        return new PaneState(c.key(o), accumulator(c, o), c.keepsMaxId() ? c.maxId(o) : Long.MIN_VALUE,
                c.maxArrival(o), c.singleId(o), lineage == null ? null : lineage.snapshot(),
                c.keepsLastValue() ? c.lastValue(o) : null);
    }

    @Override
    public int entries() {
        return slide > 0 ? windowPanes() : paneCount;
    }

    /**
     * With slices: the (key, window) panes of the windows not fired yet, as whole windows would hold
     * them — a key has a pane in every unfired window over one of its slices. A slice ending at e is
     * in the windows ending at e, e + slide, ..., e + size − slide, so the slices in end order give
     * each key runs of window ends that only move on: a key counts the ends of a slice's run past
     * the last end it counted, in one pass over the slices' panes.
     */
    private int windowPanes() {
        int panes = 0;
        long firstOpen = firedThrough == Long.MIN_VALUE ? Long.MIN_VALUE : firedThrough + slide;
        // Each key's last window end counted.
        LongMap<long[]> countedThrough = new LongMap<>();
        for (WindowPanes slice : byEnd.values()) {
            long from = Math.max(slice.end, firstOpen);
            long to = slice.end + sliceSize - slide;
            for (int s = 0; s < slice.size; s++) {
                long[] counted = countedThrough.computeIfAbsent(slice.chunk(s).key(s & CHUNK_MASK), k -> new long[] {Long.MIN_VALUE});
                long start = Math.max(from, counted[0] == Long.MIN_VALUE ? Long.MIN_VALUE : counted[0] + slide);
                if (start <= to) {
                    panes += (int) ((to - start) / slide) + 1;
                    counted[0] = to;
                }
            }
        }
        return panes;
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
        firedThrough = state.firedThrough();
        changelog = new StateChangelog(state.panes());
        LongMap<WindowPanes> byId = new LongMap<>();
        for (WindowState w : state.windows()) {
            WindowPanes bucket = new WindowPanes(w.id(), w.start(), w.end(), !last, keepsLastValue);
            bucket.fired = w.fired();
            byId.put(w.id(), bucket);
            byEndLookup.put(w.end(), bucket);
            byEnd.put(w.end(), bucket);
        }
        // The changelog is keyed by (window, slot): each pane goes back to its slot, so later changes find it there.
        LongMap<Object> panes = state.panes().entries();
        long[] ids = panes.keys();
        for (long id : ids) {
            WindowPanes bucket = byId.get(id >>> 32);
            PaneState ps = (PaneState) panes.get(id);
            int slot = bucket.insert(ps.key(), LongMap.hash(ps.key()), ps.acc());
            if (slot != (int) id) {
                throw new IllegalStateException("window " + bucket.id + ": pane " + (int) id + " restored at slot " + slot);
            }
            PaneChunk c = bucket.chunk(slot);
            int o = slot & CHUNK_MASK;
            c.set(o, ps.key(), ps.acc(), ps.maxId(), ps.maxArrival(), ps.singleId(),
                    ps.lineage() == null ? null : ps.lineage().restore(), ps.lastValue());
            paneCount++;
        }
        byId.forEachValue(b -> b.inChangelog = b.size);
        if (earlyFire) {
            // As Flink's restored timers fire: every unfired pane with rows in no emitted output fires early again.
            for (WindowPanes bucket : byEnd.values()) {
                if (bucket.fired) {
                    continue;
                }
                for (int s = 0; s < bucket.size; s++) {
                    PaneChunk c = bucket.chunk(s);
                    if (c.hasPendingLineage(s & CHUNK_MASK)) {
                        markEarly(bucket, c, s & CHUNK_MASK, s, null);
                    }
                }
            }
        }
    }
}
