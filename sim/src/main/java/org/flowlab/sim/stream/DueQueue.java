package org.flowlab.sim.stream;

import java.util.Arrays;

/**
 * A {@link ProcessOperator}'s keys waiting by (due, key), earliest first: a sorted run, in which each entry comes after the one pushed before it, and
 * a 4-ary heap for the entries that come out of order; the first entry is the earlier of the
 * run's head and the heap's. Timers are mostly set in due order (a key runs in due order, and
 * sets its timers a fixed time after the row it runs), so they go in and out of the run in O(1)
 * and in memory order, and only the others sift through the heap. Four children side by side
 * make the heap half as deep as a binary one, and their eight longs share one or two cache lines.
 */
final class DueQueue {
    private static final int ARITY = 4;
    private long[] dueAndKey = new long[32];
    private ProcessKeyState[] states = new ProcessKeyState[16];
    private int size;
    // The sorted run: a ring of (due, key) pairs and states, runSize entries from runHead.
    private long[] runDueAndKey = new long[32];
    private ProcessKeyState[] runStates = new ProcessKeyState[16];
    private int runHead;
    private int runSize;

    boolean isEmpty() {
        return size == 0 && runSize == 0;
    }

    /** Whether the first entry is the run's head rather than the heap's; only if not empty. */
    private boolean firstInRun() {
        return runSize > 0 && (size == 0 || before(runDueAndKey[2 * runHead],
                runDueAndKey[2 * runHead + 1], dueAndKey[0], dueAndKey[1]));
    }

    /** The first entry's due time; only if not empty. */
    long firstDue() {
        return firstInRun() ? runDueAndKey[2 * runHead] : dueAndKey[0];
    }

    private long firstKey() {
        return firstInRun() ? runDueAndKey[2 * runHead + 1] : dueAndKey[1];
    }

    /** Whether this queue's first entry comes before {@code other}'s (an empty queue's never does). */
    boolean before(DueQueue other) {
        if (isEmpty()) {
            return false;
        }
        return other.isEmpty() || before(firstDue(), firstKey(), other.firstDue(), other.firstKey());
    }

    void push(long d, ProcessKeyState ks) {
        if (runSize == 0) {
            runHead = 0;
            appendToRun(d, ks);
            return;
        }
        int last = (runHead + runSize - 1) & (runStates.length - 1);
        if (!before(d, ks.key, runDueAndKey[2 * last], runDueAndKey[2 * last + 1])) {
            appendToRun(d, ks);
        } else {
            pushToHeap(d, ks);
        }
    }

    private void appendToRun(long d, ProcessKeyState ks) {
        int capacity = runStates.length;
        if (runSize == capacity) {
            long[] dk = new long[4 * capacity];
            ProcessKeyState[] st = new ProcessKeyState[2 * capacity];
            for (int n = 0; n < runSize; n++) {
                int from = (runHead + n) & (capacity - 1);
                dk[2 * n] = runDueAndKey[2 * from];
                dk[2 * n + 1] = runDueAndKey[2 * from + 1];
                st[n] = runStates[from];
            }
            runDueAndKey = dk;
            runStates = st;
            runHead = 0;
        }
        int at = (runHead + runSize) & (runStates.length - 1);
        runDueAndKey[2 * at] = d;
        runDueAndKey[2 * at + 1] = ks.key;
        runStates[at] = ks;
        runSize++;
    }

    /** Removes the first entry and returns its key's state; only if not empty. */
    ProcessKeyState poll() {
        if (firstInRun()) {
            ProcessKeyState first = runStates[runHead];
            runStates[runHead] = null;
            runHead = (runHead + 1) & (runStates.length - 1);
            runSize--;
            return first;
        }
        return pollHeap();
    }

    void clear() {
        Arrays.fill(states, 0, size, null);
        size = 0;
        Arrays.fill(runStates, null);
        runHead = 0;
        runSize = 0;
    }

    private void pushToHeap(long d, ProcessKeyState ks) {
        if (size == states.length) {
            dueAndKey = Arrays.copyOf(dueAndKey, 4 * size);
            states = Arrays.copyOf(states, 2 * size);
        }
        // Sift up from the end.
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) / ARITY;
            if (!before(d, ks.key, dueAndKey[2 * parent], dueAndKey[2 * parent + 1])) {
                break;
            }
            move(parent, i);
            i = parent;
        }
        dueAndKey[2 * i] = d;
        dueAndKey[2 * i + 1] = ks.key;
        states[i] = ks;
    }

    private ProcessKeyState pollHeap() {
        ProcessKeyState first = states[0];
        int last = --size;
        long d = dueAndKey[2 * last];
        long k = dueAndKey[2 * last + 1];
        ProcessKeyState ks = states[last];
        states[last] = null;
        if (last > 0) {
            // Sift the last entry down from the top.
            int i = 0;
            while (true) {
                int child = ARITY * i + 1;
                if (child >= last) {
                    break;
                }
                int end = Math.min(child + ARITY, last);
                for (int c = child + 1; c < end; c++) {
                    if (before(dueAndKey[2 * c], dueAndKey[2 * c + 1],
                            dueAndKey[2 * child], dueAndKey[2 * child + 1])) {
                        child = c;
                    }
                }
                if (!before(dueAndKey[2 * child], dueAndKey[2 * child + 1], d, k)) {
                    break;
                }
                move(child, i);
                i = child;
            }
            dueAndKey[2 * i] = d;
            dueAndKey[2 * i + 1] = k;
            states[i] = ks;
        }
        return first;
    }

    private void move(int from, int to) {
        dueAndKey[2 * to] = dueAndKey[2 * from];
        dueAndKey[2 * to + 1] = dueAndKey[2 * from + 1];
        states[to] = states[from];
    }

    /** Whether (due, key) A comes before (due, key) B. */
    private static boolean before(long dueA, long keyA, long dueB, long keyB) {
        return dueA < dueB || (dueA == dueB && keyA < keyB);
    }
}
