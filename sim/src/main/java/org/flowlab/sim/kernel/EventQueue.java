package org.flowlab.sim.kernel;

import java.util.Arrays;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * A min-priority queue of payloads ordered by {@code (time, sequence)}, where the sequence is the
 * insertion order the queue assigns itself: entries at the same time come out first in, first out,
 * so a run that schedules the same things in the same order pops them in the same order. An entry
 * added {@linkplain #addTrackedLast last at its time} comes out after every other entry at its
 * time, whenever that one was added.
 *
 * <p>Built for speed with many entries pending: a 4-ary heap over parallel primitive arrays
 * ({@code long} time, {@code long} sequence, {@code int} slot per heap position), with the payloads
 * kept still in an {@code Object[]} indexed by slot and recycled through a free list. Sifting then
 * moves only primitives (no boxing, no write barriers on reference stores), and a 4-ary heap is half
 * as deep as a binary one while the four children's times it compares sit side by side in memory.
 *
 * <p>An entry is found by its slot and sequence number ({@link #add} returns the slot,
 * {@link #sequenceAt} gives the sequence); cancelling it takes it out of the heap at once, so the
 * heap holds live entries only. For a component that re-schedules one action again and again (a
 * timer), {@link #move} gives an entry a new time and a new sequence number, as a cancel and a new
 * add would, without freeing its slot. An entry added with {@link #addTracked} has its heap
 * position kept up to date as it moves, so a cancel and a move take O(log n); any other entry is
 * found by a scan of the heap, O(n), which spares every sift the
 * write of a position (at a million entries, a cache miss per step) for entries that are seldom
 * or never cancelled.
 *
 * <p>Not thread-safe: a simulation is single-threaded by design.
 *
 * @param <T> what is queued, for example an action to run at that time
 */
public final class EventQueue<T> {
    private static final int ARITY = 4;
    private static final int DEFAULT_CAPACITY = 16;
    private static final long FREE = -1;
    private static final int UNTRACKED = -1;
    /** Added to a {@code last} entry's sequence number where the heap orders it ({@link #lastOrder}). */
    private static final long LAST = 1L << 62;

    // Heap arrays, indexed by heap position. An entry's slot word is its slot, or ~slot (negative)
    // for a tracked entry, whose position is kept in positions.
    private long[] times;
    private long[] seqs;
    private int[] slots;
    // Indexed by slot: the payload, the sequence number that identifies the entry (the one add or
    // move gave it; seqs orders a last entry by it plus LAST), and a tracked entry's position in the
    // heap (UNTRACKED otherwise). A slot stays put while its entry moves through the heap, which is
    // what lets a handle find its entry.
    private Object[] payloads;
    private long[] slotSeqs;
    private int[] positions;
    // Stack of free slots: freeSlots[0, freeCount) are the slots no entry holds.
    private int[] freeSlots;
    private int freeCount;

    private int heapSize;
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
        positions = new int[initialCapacity];
        freeSlots = new int[initialCapacity];
        freeCount = 0;
        pushFreeSlots(0, initialCapacity);
    }

    /** How many entries are queued. */
    public int size() {
        return heapSize;
    }

    public boolean isEmpty() {
        return heapSize == 0;
    }

    /** The sequence number the next {@link #add} or {@link #move} will assign. */
    public long nextSequence() {
        return nextSeq;
    }

    /**
     * Queues {@code payload} at {@code time} and returns the slot it occupies while queued. Its
     * sequence number, {@link #sequenceAt sequenceAt(slot)}, is unique within this queue and
     * increases with every call; together they identify the entry for {@link #cancel}.
     */
    public int add(long time, T payload) {
        return add(time, payload, false);
    }

    /**
     * {@link #add}, for an entry whose slot will be cancelled or moved again and again
     * (a timer's): its heap position is kept up to date, so each of those takes O(log n).
     */
    public int addTracked(long time, T payload) {
        return add(time, payload, true);
    }

    /**
     * {@link #addTracked}, for an entry that comes out after every entry at its time that is not
     * {@code last}, whenever either was added or moved (among {@code last} entries at one time, in
     * the order they were added or moved): a clock tick whose place among the actions of its
     * instant is a rule, not a matter of when it was scheduled. {@link #moveLast} moves it.
     */
    public int addTrackedLast(long time, T payload) {
        return add(time, payload, true, true);
    }

    private int add(long time, T payload, boolean tracked) {
        return add(time, payload, tracked, false);
    }

    private int add(long time, T payload, boolean tracked, boolean last) {
        Objects.requireNonNull(payload, "payload");
        if (heapSize == times.length) {
            grow();
        }
        int slot = freeSlots[--freeCount];
        long seq = nextSeq++;
        payloads[slot] = payload;
        slotSeqs[slot] = seq;
        positions[slot] = UNTRACKED;
        siftUp(heapSize++, time, last ? lastOrder(seq) : seq, tracked ? ~slot : slot);
        return slot;
    }

    /**
     * Where a {@code last} entry with sequence number {@code seq} sorts among the entries at its time:
     * above every sequence number (they stay far below 2^62), in its order.
     */
    private static long lastOrder(long seq) {
        return LAST + seq;
    }

    /** The sequence number of the entry in {@code slot}, or -1 if no entry holds it. */
    public long sequenceAt(int slot) {
        return slotSeqs[slot];
    }

    /** Whether the entry added into {@code slot} with sequence number {@code seq} is still queued. */
    public boolean contains(int slot, long seq) {
        return slot >= 0 && slot < slotSeqs.length && seq >= 0 && slotSeqs[slot] == seq;
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
        removeAt(positionOf(slot));
        freeSlot(slot);
        return true;
    }

    /**
     * Gives the entry added into {@code slot} with sequence number {@code seq}, if it is still
     * queued, the time {@code time} and a new sequence number, and returns that number (-1 if the
     * entry was not queued, which is left alone): it comes out exactly where a {@link #cancel} and
     * an {@link #add} of the same payload at {@code time} would have put it, and keeps its slot,
     * where it is now identified by the new number.
     */
    public long move(int slot, long seq, long time) {
        return move(slot, seq, time, false);
    }

    /**
     * {@link #move}, for an entry added with {@link #addTrackedLast}: at its new time it comes out
     * after every entry that is not {@code last}, as it did at its old one.
     */
    public long moveLast(int slot, long seq, long time) {
        return move(slot, seq, time, true);
    }

    private long move(int slot, long seq, long time, boolean last) {
        if (!contains(slot, seq)) {
            return FREE;
        }
        long newSeq = nextSeq++;
        slotSeqs[slot] = newSeq;
        int pos = positionOf(slot);
        reposition(pos, time, last ? lastOrder(newSeq) : newSeq, slots[pos]);
        return newSeq;
    }

    /**
     * Whether an entry other than the one in {@code slot} is queued at {@code time}: one pass over
     * the heap's times, which sit side by side (faster, for the few dozen entries a simulation keeps
     * pending, than walking the heap's order).
     */
    public boolean anyOtherAt(long time, int slot) {
        for (int i = 0; i < heapSize; i++) {
            if (times[i] == time && slotAt(i) != slot) {
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
        return slotSeqs[slotAt(0)];
    }

    /** The first entry's payload, left in the queue; throws if the queue is empty. */
    @SuppressWarnings("unchecked")
    public T peek() {
        requireNotEmpty();
        return (T) payloads[slotAt(0)];
    }

    /** Removes the first entry and returns its payload; throws if the queue is empty. */
    @SuppressWarnings("unchecked")
    public T poll() {
        requireNotEmpty();
        int slot = slotAt(0);
        Object payload = payloads[slot];
        removeAt(0);
        freeSlot(slot);
        return (T) payload;
    }

    /**
     * Removes every entry whose payload matches and returns how many were removed, in O(size) time.
     * The remaining entries keep their times and sequence numbers, so the order they come out in is
     * unchanged.
     */
    @SuppressWarnings("unchecked")
    public int removeIf(Predicate<? super T> filter) {
        Objects.requireNonNull(filter, "filter");
        int kept = 0;
        int before = heapSize;
        for (int i = 0; i < heapSize; i++) {
            int slot = slotAt(i);
            if (filter.test((T) payloads[slot])) {
                freeSlot(slot);
            } else {
                place(kept, times[i], seqs[i], slots[i]);
                kept++;
            }
        }
        heapSize = kept;
        // Floyd's heap construction: sift down every internal node, last first.
        for (int i = heapSize < 2 ? -1 : (heapSize - 2) / ARITY; i >= 0; i--) {
            siftDown(i, times[i], seqs[i], slots[i]);
        }
        return before - heapSize;
    }

    /** Removes every entry; sequence numbers keep increasing from where they were. */
    public void clear() {
        Arrays.fill(payloads, null);
        Arrays.fill(slotSeqs, FREE);
        heapSize = 0;
        freeCount = 0;
        pushFreeSlots(0, payloads.length);
    }

    private void requireNotEmpty() {
        if (heapSize == 0) {
            throw new NoSuchElementException("event queue is empty");
        }
    }

    /** The slot of the entry at heap position {@code pos}. */
    private int slotAt(int pos) {
        int word = slots[pos];
        return word < 0 ? ~word : word;
    }

    /** The heap position of the queued entry in {@code slot}: kept if it is tracked, else found by a scan. */
    private int positionOf(int slot) {
        int pos = positions[slot];
        if (pos != UNTRACKED) {
            return pos;
        }
        for (int i = 0; ; i++) {
            if (slots[i] == slot) {
                return i;
            }
        }
    }

    /** Takes the entry at heap position {@code pos} out of the heap (its slot is left to the caller). */
    private void removeAt(int pos) {
        int last = --heapSize;
        if (pos != last) {
            reposition(pos, times[last], seqs[last], slots[last]);
        }
    }

    /** Puts the entry (time, seq, slot word) into the hole at {@code pos}, then up or down to where it belongs. */
    private void reposition(int pos, long time, long seq, int slot) {
        if (pos > 0 && before(time, seq, times[(pos - 1) / ARITY], seqs[(pos - 1) / ARITY])) {
            siftUp(pos, time, seq, slot);
        } else {
            siftDown(pos, time, seq, slot);
        }
    }

    private void freeSlot(int slot) {
        payloads[slot] = null;
        slotSeqs[slot] = FREE;
        positions[slot] = UNTRACKED;
        freeSlots[freeCount++] = slot;
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
            place(pos, parentTime, seqs[parent], slots[parent]);
            pos = parent;
        }
        place(pos, time, seq, slot);
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
            place(pos, bestTime, bestSeq, slots[best]);
            pos = best;
        }
        place(pos, time, seq, slot);
    }

    /** Writes the entry (time, seq, slot word) at heap position {@code pos}, and there a tracked entry's position. */
    private void place(int pos, long time, long seq, int slot) {
        times[pos] = time;
        seqs[pos] = seq;
        slots[pos] = slot;
        if (slot < 0) {
            positions[~slot] = pos;
        }
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
        positions = Arrays.copyOf(positions, newCapacity);
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
