package org.flowlab.sim.metrics;

import java.util.Arrays;
import java.util.function.IntToLongFunction;
import org.HdrHistogram.Histogram;
import org.flowlab.sim.collections.HashSlots;
import org.flowlab.sim.job.ResultKey;
import org.flowlab.workloads.Trace;

/**
 * When each input record became visible, and when what it shows became final: two times per trace
 * position (DESIGN.md, "latency"; issue 13's "two latencies, named apart").
 *
 * <p><b>First visible</b>: the first moment an output reflecting the record is visible to
 * consumers, or, for a record no output reflects (filtered out, consumed by a detector's state,
 * dropped as late), its effect is committed; -1 while not yet. Later outputs that reflect it again
 * do not move it.
 *
 * <p><b>Final</b>: the moment the output that first reflected the record took the value it keeps
 * — its last change, known at the end of the run ({@link #outputChanged}) — or, for a record whose
 * effect is committed in a later, final step than its first (a detector's provisional and final
 * evaluation, {@link #markFinal}), that step's commit; never before first visible. A window emitted
 * once is final when it is first visible; one emitted early and updated (the {@code updates} output
 * mode), corrected by a late record or by a batch correction, is final at its last update. A record
 * whose first output was deleted (a session merged into a later one) is final at the deletion.
 * The headline latency of a record is {@code final − arrivalTime}.
 */
public final class RecordVisibility {
    private final long[] visibleAt;
    private int visible;
    /**
     * The id ({@link #outputId}) of the output that first reflected each record, {@link #NONE} where
     * none did; made at the first such mark. Ints, not keys: a record's mark costs an array write.
     */
    private int[] outputOf;
    /** Explicit final times (-1: none), made at the first {@link #markFinal}. */
    private long[] finalAt;
    /** Each output's key by id: ids are given in the order outputs were first named. */
    private ResultKey[] outputKeys = new ResultKey[16];
    private int outputs;
    /**
     * The ids by key ({@link HashSlots}: each slot the key's hash and its id). An output of a
     * stateless job is new at every record, so this costs no entry object or boxed id per output,
     * as a hash map would.
     */
    private long[] outputIndex = new long[32];
    /** When each output (by id) last changed, -1 if never. */
    private long[] lastChange = new long[16];
    /**
     * {@linkplain #placingOutputs By place}: at d, the key of the output whose key's {@code key()} is d,
     * if it was the first named with that number; null otherwise (and without places). Such an
     * output's id is {@code -2 - d}; a key has one id for the whole run, wherever it is kept.
     */
    private ResultKey[] placedKeys;
    /** When each output kept by place last changed, -1 if never; made with {@link #placedKeys}. */
    private long[] placedLastChange;
    /**
     * Whether some output changed after it first took a value: until one does (and without explicit
     * final marks) every record is final when first visible, and the final latency is the first's.
     */
    private boolean changedAgain;

    /** No output reflects the record: {@link #outputOf}'s mark; no output's id is -1. */
    private static final int NONE = -1;

    /** Nothing visible yet, for a trace of {@code size} records. */
    public RecordVisibility(int size) {
        visibleAt = new long[size];
        Arrays.fill(visibleAt, -1);
    }

    /** The record count. */
    public int size() {
        return visibleAt.length;
    }

    /** Marks record {@code i} visible at {@code t} unless it already is; says whether it was new. */
    public boolean mark(int i, long t) {
        if (visibleAt[i] >= 0) {
            return false;
        }
        if (t < 0) {
            throw new IllegalArgumentException("record " + i + ": visibility time " + t + " is negative");
        }
        visibleAt[i] = t;
        visible++;
        return true;
    }

    /**
     * Names outputs by place from now on, for a run whose outputs are mostly keyed by the trace
     * position of their record (a stateless job's: {@link ResultKey#row}): the first output named
     * whose key's {@code key()} is a position d gets the id {@code -2 - d}, found without hashing its
     * key; others are named as before. The ids are other numbers, and every figure the same. Only
     * before the first output is named.
     */
    public void placingOutputs() {
        if (outputs > 0) {
            throw new IllegalStateException("outputs are named by place from before the first is named, or never");
        }
        if (placedKeys == null) {
            placedKeys = new ResultKey[visibleAt.length];
            placedLastChange = new long[visibleAt.length];
            Arrays.fill(placedLastChange, -1);
        }
    }

    /**
     * The id of output {@code key}, the same every time it is asked for in a run: 0, 1, … in the
     * order outputs are first named, or {@linkplain #placingOutputs by place}. An engine looks it
     * up once per output and marks its records with it.
     */
    public int outputId(ResultKey key) {
        long k = key.key();
        int d = placedKeys != null && k >= 0 && k < placedKeys.length ? (int) k : NONE;
        if (d >= 0) {
            ResultKey there = placedKeys[d];
            if (there == null) {
                // A place once taken is kept, so a key named by hash found its place taken: this one is new.
                placedKeys[d] = key;
                return -2 - d;
            }
            if (there.equals(key)) {
                return -2 - d;
            }
        }
        int h = key.hashCode();
        int slot = indexSlot(key, h);
        if (outputIndex[slot] != 0) {
            return HashSlots.position(outputIndex[slot]);
        }
        int id = outputs++;
        if (id == outputKeys.length) {
            outputKeys = Arrays.copyOf(outputKeys, id * 2);
            lastChange = Arrays.copyOf(lastChange, id * 2);
        }
        outputKeys[id] = key;
        lastChange[id] = -1;
        outputIndex[slot] = HashSlots.slot(h, id);
        if (outputs * 2 > outputIndex.length) {
            outputIndex = HashSlots.doubled(outputIndex);
        }
        return id;
    }

    /**
     * Marks record {@code i} visible at {@code t} through the output of id {@code output} ({@link
     * #outputId}) unless it already is: the record is final when that output last changes. Says
     * whether it was new.
     */
    public boolean mark(int i, long t, int output) {
        if (!mark(i, t)) {
            return false;
        }
        if (outputOf == null) {
            outputOf = new int[visibleAt.length];
            Arrays.fill(outputOf, NONE);
        }
        outputOf[i] = output;
        return true;
    }

    /** {@link #mark(int, long, int)} through output {@code output}. */
    public boolean mark(int i, long t, ResultKey output) {
        return mark(i, t, outputId(output));
    }

    /**
     * The event-time latency of a run's windowed outputs (DESIGN.md: visible − window end), taken
     * alike for every engine: one sample per output consumers hold at the end of the run
     * ({@code finalOutputs}), from its window's end to when it took the value it keeps — its last
     * change ({@link #outputChanged}) — or 0 if that came first. An output emitted early and updated
     * (the {@code updates} mode), or corrected, counts once, at its final value, whether an engine
     * showed its partials at every early firing or once a micro-batch; an output of no window (one
     * that ends at {@code Long.MAX_VALUE}) does not count.
     */
    public LatencySummary eventTimeLatency(Iterable<ResultKey> finalOutputs) {
        Histogram h = LatencySummary.newHistogram();
        for (ResultKey at : finalOutputs) {
            if (at.windowEnd() == Long.MAX_VALUE) {
                continue;
            }
            long changed = lastChange(at);
            if (changed >= 0) {
                h.recordValue(Math.max(0, changed - at.windowEnd()));
            }
        }
        return LatencySummary.of(h);
    }

    /** When output {@code key} last changed, -1 if it never did (or was never named). */
    private long lastChange(ResultKey key) {
        long k = key.key();
        if (placedKeys != null && k >= 0 && k < placedKeys.length && key.equals(placedKeys[(int) k])) {
            return placedLastChange[(int) k];
        }
        long e = outputIndex[indexSlot(key, key.hashCode())];
        return e == 0 ? -1 : lastChange[HashSlots.position(e)];
    }

    /** The slot of {@link #outputIndex} that holds {@code key} (of hash {@code h}), or the empty one where it would go. */
    private int indexSlot(ResultKey key, int h) {
        int mask = outputIndex.length - 1;
        int slot = h & mask;
        for (long e = outputIndex[slot]; e != 0; e = outputIndex[slot]) {
            if (HashSlots.hash(e) == h && outputKeys[HashSlots.position(e)].equals(key)) {
                return slot;
            }
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    /** The output of id {@code output} took a new value (or was deleted) at {@code t}. */
    public void outputChanged(int output, long t) {
        long[] changes = output >= 0 ? lastChange : placedLastChange;
        int at = output >= 0 ? output : -2 - output;
        if (changes[at] >= 0) {
            changedAgain = true;
        }
        changes[at] = Math.max(changes[at], t);
    }

    /** Output {@code output} took a new value (or was deleted) at {@code t}. */
    public void outputChanged(ResultKey output, long t) {
        outputChanged(outputId(output), t);
    }

    /**
     * The effect of record {@code i} was committed by a final step at {@code t} (a detector's
     * evaluation in event-time order after a provisional one); the first such time counts.
     */
    public void markFinal(int i, long t) {
        if (finalAt == null) {
            finalAt = new long[visibleAt.length];
            Arrays.fill(finalAt, -1);
        }
        if (finalAt[i] < 0) {
            finalAt[i] = t;
        }
    }

    /** When what record {@code i} shows became final (see the class documentation), or -1 while it is not visible. */
    public long finalAt(int i) {
        long t = visibleAt[i];
        if (t < 0) {
            return -1;
        }
        if (finalAt != null && finalAt[i] > t) {
            t = finalAt[i];
        }
        if (outputOf != null && outputOf[i] != NONE) {
            int output = outputOf[i];
            t = Math.max(t, output >= 0 ? lastChange[output] : placedLastChange[-2 - output]);
        }
        return t;
    }

    /** Every record's {@link #finalAt} time. */
    public long[] finalTimes() {
        long[] out = new long[visibleAt.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = finalAt(i);
        }
        return out;
    }

    public boolean isVisible(int i) {
        return visibleAt[i] >= 0;
    }

    /** When record {@code i} became visible, or -1. */
    public long visibleAt(int i) {
        return visibleAt[i];
    }

    /** How many records are visible. */
    public int visibleCount() {
        return visible;
    }

    /** How many records are not visible (at the end of a run: lost, which must be 0). */
    public int invisibleCount() {
        return visibleAt.length - visible;
    }

    /** The first record not visible, or -1 if all are. */
    public int firstInvisible() {
        for (int i = 0; i < visibleAt.length; i++) {
            if (visibleAt[i] < 0) {
                return i;
            }
        }
        return -1;
    }

    /** A copy of the times, for {@link StalenessTimeline}. */
    public long[] toArray() {
        return visibleAt.clone();
    }

    /** The latest visibility time, or -1 if nothing is visible. */
    public long lastVisible() {
        long max = -1;
        for (long t : visibleAt) {
            max = Math.max(max, t);
        }
        return max;
    }

    /** The per-record first-visible latency, arrival to first visible, over the visible records. */
    public LatencySummary firstVisibleLatency(Trace trace) {
        return latencyOf(trace, i -> visibleAt[i]);
    }

    /** Whether every record is final when first visible, so that the two latencies are one. */
    public boolean finalIsFirstVisible() {
        // An output marks its records when it changes, or later: with one change each, final is first.
        return (outputOf == null || !changedAgain) && finalAt == null;
    }

    /**
     * The per-record final latency, given the first-visible one already worked out: that one again
     * when {@link #finalIsFirstVisible}, which spares a pass over the records.
     */
    public LatencySummary finalLatency(Trace trace, LatencySummary firstVisible) {
        return finalIsFirstVisible() ? firstVisible : finalLatency(trace);
    }

    /** The per-record final latency, arrival to final (the headline), over the visible records. */
    public LatencySummary finalLatency(Trace trace) {
        return finalIsFirstVisible() ? latencyOf(trace, i -> visibleAt[i]) : latencyOf(trace, this::finalAt);
    }

    /** The latency, arrival to {@code timeOf} (-1: never), of each record that has such a time. */
    private LatencySummary latencyOf(Trace trace, IntToLongFunction timeOf) {
        int n = visibleAt.length;
        if (trace.size() != n) {
            throw new IllegalArgumentException("the trace has " + trace.size() + " records, the visibility " + n);
        }
        long largest = 0;
        for (int i = 0; i < n; i++) {
            long t = timeOf.applyAsLong(i);
            if (t >= 0) {
                largest = Math.max(largest, t - trace.arrivalTime(i));
            }
        }
        Histogram h = LatencySummary.newHistogram(largest);
        // Last record first: records made visible together then have rising latencies, in runs
        // that share a bucket of the histogram; the order changes nothing else.
        BucketRuns runs = new BucketRuns(h);
        for (int i = n - 1; i >= 0; i--) {
            long t = timeOf.applyAsLong(i);
            if (t >= 0) {
                runs.record(Math.max(0, t - trace.arrivalTime(i)));
            }
        }
        runs.flush();
        return LatencySummary.of(h);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RecordVisibility v && Arrays.equals(visibleAt, v.visibleAt)
                && Arrays.equals(finalTimes(), v.finalTimes());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(visibleAt);
    }

    @Override
    public String toString() {
        return "RecordVisibility(" + visible + " of " + visibleAt.length + " visible)";
    }
}
