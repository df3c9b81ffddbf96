package org.flowlab.sim.kernel;

import java.util.Arrays;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * A min-priority queue of payloads ordered by {@code (time, sequence)}, where the sequence is the
 * insertion order the queue assigns itself: entries at the same time come out first in, first out,
 * so a run that schedules the same things in the same order pops them in the same order.
 *
 * <p>Built for speed with many entries pending: a 4-ary heap over parallel primitive arrays
 * ({@code long} time, {@code long} sequence, {@code int} slot per heap position), with the payloads
 * kept still in an {@code Object[]} indexed by slot and recycled through a free list. Sifting then
 * moves only primitives (no boxing, no write barriers on reference stores), and a 4-ary heap is half
 * as deep as a binary one while the four children's times it compares sit side by side in memory.
 *
 * <p>Entries can be cancelled in O(1) by their slot and sequence number ({@link #add} returns the
 * slot, {@link #sequenceAt} gives the sequence). Cancelling is lazy: the payload is replaced by a
 * tombstone that is dropped when it reaches the front (the front entry is never a tombstone, so
 * {@link #peek}, {@link #peekTime} and {@link #poll} read it straight away), and once tombstones are
 * the majority of a large queue they are swept out in one O(n) pass, so a timer re-armed a million
 * times does not keep a million dead entries.
 *
 * <p>An entry can also be ordered again among the entries at its time as if it were added now
 * ({@link #requeueAtItsTime}), in O(1): it takes a new sequence number then, and keeps its place in
 * the heap until it reaches the front, where it is put back under that number before anything
 * reads the front. Until then only entries that come out before it have been taken, so it comes out
 * exactly where a cancel and a new add at that moment would have put it.
 *
 * <p>Not thread-safe: a simulation is single-threaded by design.
 *
 * @param <T> what is queued, for example an action to run at that time
 */
public final class EventQueue<T> {
    private static final int ARITY = 4;
    private static final int DEFAULT_CAPACITY = 16;
    // Sweep tombstones once they are over half the heap, but not for a handful of them.
    private static final int MIN_TOMBSTONES_TO_SWEEP = 1024;
    // Marks a cancelled entry's payload; a constant, it holds no state.
    private static final Object TOMBSTONE = new Object();
    private static final long FREE = -1;

    // Heap arrays, indexed by heap position.
    private long[] times;
    private long[] seqs;
    private int[] slots;
    // Payloads and sequence numbers, indexed by slot; a slot stays put while its entry moves
    // through the heap, which is what lets a handle find its entry.
    private Object[] payloads;
    private long[] slotSeqs;
    // The sequence number an entry is to be ordered by once it reaches the front, by slot; FREE if none.
    private long[] requeuedSeqs;
    // Stack of free slots: freeSlots[0, freeCount) are the slots no entry holds.
    private int[] freeSlots;
    private int freeCount;

    private int heapSize; // entries in the heap, tombstones included
    private int tombstones;
    private long nextSeq;

    /** An empty queue. */
    public EventQueue() {
        this(DEFAULT_CAPACITY);
    }

    /** An empty queue with room for {@code initialCapacity} entries before it grows. */
    public EventQueue(int initialCapacity) {
        if (initialCapacity < 1) {
            throw new IllegalArgumentException("initialCapacity must be >= 1, was " + initialCapacity);
        }
        times = new long[initialCapacity];
        seqs = new long[initialCapacity];
        slots = new int[initialCapacity];
        payloads = new Object[initialCapacity];
        slotSeqs = new long[initialCapacity];
        Arrays.fill(slotSeqs, FREE);
        requeuedSeqs = new long[initialCapacity];
        Arrays.fill(requeuedSeqs, FREE);
        freeSlots = new int[initialCapacity];
        freeCount = 0;
        pushFreeSlots(0, initialCapacity);
    }

    /** How many entries are queued, cancelled ones not counted. */
    public int size() {
        return heapSize - tombstones;
    }

    public boolean isEmpty() {
        return heapSize == tombstones;
    }

    /** The sequence number the next {@link #add} (or {@link #requeueAtItsTime}) will assign. */
    public long nextSequence() {
        return nextSeq;
    }

    /**
     * Queues {@code payload} at {@code time} and returns the slot it occupies while queued. Its
     * sequence number, {@link #sequenceAt sequenceAt(slot)}, is unique within this queue and
     * increases with every call; together they identify the entry for {@link #cancel}.
     */
    public int add(long time, T payload) {
        Objects.requireNonNull(payload, "payload");
        if (heapSize == times.length) {
            grow();
        }
        int slot = freeSlots[--freeCount];
        long seq = nextSeq++;
        payloads[slot] = payload;
        slotSeqs[slot] = seq;
        siftUp(heapSize++, time, seq, slot);
        return slot;
    }

    /** The sequence number of the entry in {@code slot}, or -1 if no entry holds it. */
    public long sequenceAt(int slot) {
        return slotSeqs[slot];
    }

    /** Whether the entry added into {@code slot} with sequence number {@code seq} is still queued. */
    public boolean contains(int slot, long seq) {
        return slot >= 0 && slot < slotSeqs.length && seq >= 0 && slotSeqs[slot] == seq
                && payloads[slot] != TOMBSTONE;
    }

    /**
     * Cancels the entry added into {@code slot} with sequence number {@code seq}, if it is still
     * queued, and says whether it did. An entry that was polled, cancelled or removed is left alone,
     * even if its slot now holds another entry.
     */
    public boolean cancel(int slot, long seq) {
        if (!contains(slot, seq)) {
            return false;
        }
        payloads[slot] = TOMBSTONE;
        tombstones++;
        if (slot == slots[0]) {
            settleHead();
        } else if (tombstones >= MIN_TOMBSTONES_TO_SWEEP && tombstones > heapSize / 2) {
            sweep(null);
        }
        return true;
    }

    /**
     * Orders the entry added into {@code slot} with sequence number {@code seq}, if it is still
     * queued, among the entries at its time as if it were cancelled and added again now (it comes
     * out after every entry queued at that time so far, and before any added later), and says
     * whether it was queued. Its slot and the sequence number that identifies it stay as they were.
     */
    public boolean requeueAtItsTime(int slot, long seq) {
        if (!contains(slot, seq)) {
            return false;
        }
        requeuedSeqs[slot] = nextSeq++;
        if (slot == slots[0]) {
            settleHead();
        }
        return true;
    }

    /**
     * Whether an entry other than the one in {@code slot} is queued at {@code time}: one pass over
     * the heap's times, which sit side by side (faster, for the few dozen entries a simulation keeps
     * pending, than walking the heap's order).
     */
    public boolean anyOtherAt(long time, int slot) {
        for (int i = 0; i < heapSize; i++) {
            if (times[i] == time && slots[i] != slot && payloads[slots[i]] != TOMBSTONE) {
                return true;
            }
        }
        return false;
    }

    /** The time of the first entry; throws if the queue is empty. */
    public long peekTime() {
        requireNotEmpty();
        return times[0];
    }

    /** The sequence number of the first entry; throws if the queue is empty. */
    public long peekSequence() {
        requireNotEmpty();
        return seqs[0];
    }

    /** The first entry's payload, left in the queue; throws if the queue is empty. */
    @SuppressWarnings("unchecked")
    public T peek() {
        requireNotEmpty();
        return (T) payloads[slots[0]];
    }

    /** Removes the first entry and returns its payload; throws if the queue is empty. */
    @SuppressWarnings("unchecked")
    public T poll() {
        requireNotEmpty();
        Object payload = removeHead();
        settleHead();
        return (T) payload;
    }

    /**
     * Removes every entry whose payload matches and returns how many were removed, in O(size) time.
     * The remaining entries keep their times and sequence numbers, so the order they come out in is
     * unchanged.
     */
    public int removeIf(Predicate<? super T> filter) {
        Objects.requireNonNull(filter, "filter");
        int before = size();
        sweep(filter);
        return before - size();
    }

    /** Removes every entry; sequence numbers keep increasing from where they were. */
    public void clear() {
        Arrays.fill(payloads, null);
        Arrays.fill(slotSeqs, FREE);
        Arrays.fill(requeuedSeqs, FREE);
        heapSize = 0;
        tombstones = 0;
        freeCount = 0;
        pushFreeSlots(0, payloads.length);
    }

    /** Entries in the heap, cancelled ones included: what sweeping keeps bounded. */
    int entriesIncludingCancelled() {
        return heapSize;
    }

    private void requireNotEmpty() {
        if (heapSize == tombstones) {
            throw new NoSuchElementException("event queue is empty");
        }
    }

    /**
     * Keeps the front entry live and in its order: removes tombstones from the front, and puts a
     * requeued entry that reached it back under its new sequence number, until the front entry is
     * neither or nothing is left.
     */
    private void settleHead() {
        while (heapSize > 0) {
            int slot = slots[0];
            if (payloads[slot] == TOMBSTONE) {
                removeHead();
                tombstones--;
                continue;
            }
            long seq = requeuedSeqs[slot];
            if (seq == FREE) {
                return;
            }
            requeuedSeqs[slot] = FREE;
            long time = times[0];
            int last = --heapSize;
            if (last > 0) {
                siftDown(0, times[last], seqs[last], slots[last]);
            }
            siftUp(heapSize++, time, seq, slot);
        }
    }

    private Object removeHead() {
        int slot = slots[0];
        Object payload = payloads[slot];
        freeSlot(slot);
        int last = --heapSize;
        if (last > 0) {
            siftDown(0, times[last], seqs[last], slots[last]);
        }
        return payload;
    }

    private void freeSlot(int slot) {
        payloads[slot] = null;
        slotSeqs[slot] = FREE;
        requeuedSeqs[slot] = FREE;
        freeSlots[freeCount++] = slot;
    }

    /** Drops every tombstone, and every live entry {@code filter} matches, then rebuilds the heap. */
    @SuppressWarnings("unchecked")
    private void sweep(Predicate<? super T> filter) {
        int kept = 0;
        for (int i = 0; i < heapSize; i++) {
            int slot = slots[i];
            Object payload = payloads[slot];
            if (payload == TOMBSTONE || (filter != null && filter.test((T) payload))) {
                freeSlot(slot);
            } else {
                // A requeued entry takes its new sequence number now: the heap is built anew.
                times[kept] = times[i];
                seqs[kept] = requeuedSeqs[slot] == FREE ? seqs[i] : requeuedSeqs[slot];
                requeuedSeqs[slot] = FREE;
                slots[kept] = slot;
                kept++;
            }
        }
        heapSize = kept;
        tombstones = 0;
        // Floyd's heap construction: sift down every internal node, last first.
        for (int i = heapSize < 2 ? -1 : (heapSize - 2) / ARITY; i >= 0; i--) {
            siftDown(i, times[i], seqs[i], slots[i]);
        }
    }

    private static boolean before(long time, long seq, long otherTime, long otherSeq) {
        return time < otherTime || (time == otherTime && seq < otherSeq);
    }
    /** Moves the entry (time, seq, slot) from the hole at {@code pos} up to where it belongs. */
    private void siftUp(int pos, long time, long seq, int slot) {
        while (pos > 0) {
            int parent = (pos - 1) / ARITY;
            long parentTime = times[parent];
            if (!before(time, seq, parentTime, seqs[parent])) {
                break;
            }
            times[pos] = parentTime;
            seqs[pos] = seqs[parent];
            slots[pos] = slots[parent];
            pos = parent;
        }
        times[pos] = time;
        seqs[pos] = seq;
        slots[pos] = slot;
    }

    /** Moves the entry (time, seq, slot) from the hole at {@code pos} down to where it belongs. */
    private void siftDown(int pos, long time, long seq, int slot) {
        int n = heapSize;
        while (true) {
            int first = pos * ARITY + 1;
            if (first >= n) {
                break;
            }
            int end = Math.min(first + ARITY, n);
            // The earliest child by time alone, in a loop the JIT compiles without data-dependent
            // branches; a tie for the earliest time (noted on the way) is settled by sequence after.
            int best = first;
            long bestTime = times[first];
            boolean tie = false;
            for (int c = first + 1; c < end; c++) {
                long t = times[c];
                tie |= t == bestTime;
                if (t < bestTime) {
                    best = c;
                    bestTime = t;
                }
            }
            if (tie) {
                best = earliestChild(first, end);
            }
            long bestSeq = seqs[best];
            if (!before(bestTime, bestSeq, time, seq)) {
                break;
            }
            times[pos] = bestTime;
            seqs[pos] = bestSeq;
            slots[pos] = slots[best];
            pos = best;
        }
        times[pos] = time;
        seqs[pos] = seq;
        slots[pos] = slot;
    }

    /** The child in [first, end) that comes out first by (time, sequence). */
    private int earliestChild(int first, int end) {
        int best = first;
        for (int c = first + 1; c < end; c++) {
            if (before(times[c], seqs[c], times[best], seqs[best])) {
                best = c;
            }
        }
        return best;
    }

    private void grow() {
        int oldCapacity = times.length;
        int newCapacity = oldCapacity + Math.max(oldCapacity, DEFAULT_CAPACITY);
        if (newCapacity < 0 || newCapacity > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("event queue full at " + oldCapacity + " entries");
        }
        times = Arrays.copyOf(times, newCapacity);
        seqs = Arrays.copyOf(seqs, newCapacity);
        slots = Arrays.copyOf(slots, newCapacity);
        payloads = Arrays.copyOf(payloads, newCapacity);
        slotSeqs = Arrays.copyOf(slotSeqs, newCapacity);
        Arrays.fill(slotSeqs, oldCapacity, newCapacity, FREE);
        requeuedSeqs = Arrays.copyOf(requeuedSeqs, newCapacity);
        Arrays.fill(requeuedSeqs, oldCapacity, newCapacity, FREE);
        freeSlots = Arrays.copyOf(freeSlots, newCapacity);
        pushFreeSlots(oldCapacity, newCapacity);
    }

    // Pushed highest first, so the lowest slot is handed out first (keeps early slots dense).
    private void pushFreeSlots(int from, int to) {
        for (int s = to - 1; s >= from; s--) {
            freeSlots[freeCount++] = s;
        }
    }
}
