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
 * as deep as a binary one while its four children's times share a cache line.
 *
 * <p>Not thread-safe: a simulation is single-threaded by design.
 *
 * @param <T> what is queued, for example an action to run at that time
 */
public final class EventQueue<T> {
    private static final int ARITY = 4;
    private static final int DEFAULT_CAPACITY = 16;

    // Heap arrays, indexed by heap position.
    private long[] times;
    private long[] seqs;
    private int[] slots;
    // Payloads, indexed by slot; a slot stays put while its entry moves through the heap.
    private Object[] payloads;
    // Stack of free slots: freeSlots[0, freeCount) are the slots no entry holds.
    private int[] freeSlots;
    private int freeCount;

    private int size;
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
        freeSlots = new int[initialCapacity];
        freeCount = 0;
        pushFreeSlots(0, initialCapacity);
    }

    /** How many entries are queued. */
    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** The sequence number the next {@link #add} will assign; also how many entries were ever added. */
    public long nextSequence() {
        return nextSeq;
    }

    /**
     * Queues {@code payload} at {@code time} and returns the sequence number it was given, unique
     * within this queue and increasing with every call.
     */
    public long add(long time, T payload) {
        Objects.requireNonNull(payload, "payload");
        if (size == times.length) {
            grow();
        }
        int slot = freeSlots[--freeCount];
        payloads[slot] = payload;
        long seq = nextSeq++;
        siftUp(size++, time, seq, slot);
        return seq;
    }

    /** The time of the first entry; throws if the queue is empty. */
    public long peekTime() {
        requireNonEmpty();
        return times[0];
    }

    /** The sequence number of the first entry; throws if the queue is empty. */
    public long peekSequence() {
        requireNonEmpty();
        return seqs[0];
    }

    /** The first entry's payload, left in the queue; throws if the queue is empty. */
    @SuppressWarnings("unchecked")
    public T peek() {
        requireNonEmpty();
        return (T) payloads[slots[0]];
    }

    /** Removes the first entry and returns its payload; throws if the queue is empty. */
    @SuppressWarnings("unchecked")
    public T poll() {
        requireNonEmpty();
        int slot = slots[0];
        T payload = (T) payloads[slot];
        payloads[slot] = null;
        freeSlots[freeCount++] = slot;
        int last = --size;
        if (last > 0) {
            siftDown(0, times[last], seqs[last], slots[last]);
        }
        return payload;
    }

    /**
     * Removes every entry whose payload matches and returns how many were removed, in O(size) time.
     * The remaining entries keep their times and sequence numbers, so the order they come out in is
     * unchanged.
     */
    public int removeIf(Predicate<? super T> filter) {
        Objects.requireNonNull(filter, "filter");
        int kept = 0;
        for (int i = 0; i < size; i++) {
            int slot = slots[i];
            @SuppressWarnings("unchecked")
            T payload = (T) payloads[slot];
            if (filter.test(payload)) {
                payloads[slot] = null;
                freeSlots[freeCount++] = slot;
            } else {
                times[kept] = times[i];
                seqs[kept] = seqs[i];
                slots[kept] = slot;
                kept++;
            }
        }
        int removed = size - kept;
        size = kept;
        if (removed > 0) {
            // Floyd's heap construction: sift down every internal node, last first.
            for (int i = (size - 2) / ARITY; i >= 0; i--) {
                siftDown(i, times[i], seqs[i], slots[i]);
            }
        }
        return removed;
    }

    /** Removes every entry; sequence numbers keep increasing from where they were. */
    public void clear() {
        Arrays.fill(payloads, null);
        size = 0;
        freeCount = 0;
        pushFreeSlots(0, payloads.length);
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
        int n = size;
        while (true) {
            int first = pos * ARITY + 1;
            if (first >= n) {
                break;
            }
            int end = Math.min(first + ARITY, n);
            int best = first;
            long bestTime = times[first];
            long bestSeq = seqs[first];
            for (int c = first + 1; c < end; c++) {
                long t = times[c];
                if (t < bestTime || (t == bestTime && seqs[c] < bestSeq)) {
                    best = c;
                    bestTime = t;
                    bestSeq = seqs[c];
                }
            }
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
        freeSlots = Arrays.copyOf(freeSlots, newCapacity);
        pushFreeSlots(oldCapacity, newCapacity);
    }

    // Pushed highest first, so the lowest slot is handed out first (keeps early slots dense).
    private void pushFreeSlots(int from, int to) {
        for (int s = to - 1; s >= from; s--) {
            freeSlots[freeCount++] = s;
        }
    }

    private void requireNonEmpty() {
        if (size == 0) {
            throw new NoSuchElementException("event queue is empty");
        }
    }
}
