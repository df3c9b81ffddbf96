package org.flowlab.sim.stream;

import java.util.Arrays;

/**
 * Which of a keyed task's inputs offers the earliest element, of two at one time the first: a
 * tournament tree over the inputs, each holding the time its first element is ready, or +inf while
 * it is empty or blocked by a barrier. A change costs the logarithm of the number of inputs, where
 * a scan of the inputs holding an element cost their number: a watermark broadcast fills every
 * input of every task, so with a thousand workers the scan per element made a tick cost the cube
 * of the workers.
 */
final class EarliestInput {
    private final int size;
    private final long[] ready;
    /** {@code winner[i]}, for an inner node {@code i} of {@code [1, size)}: the input that wins below it. */
    private final int[] winner;

    /** {@code n} inputs, all empty. */
    EarliestInput(int n) {
        this.size = n <= 1 ? 1 : Integer.highestOneBit(n - 1) << 1;
        this.ready = new long[size];
        Arrays.fill(ready, Long.MAX_VALUE);
        this.winner = new int[size];
        for (int i = size - 1; i >= 1; i--) {
            winner[i] = better(below(2 * i), below(2 * i + 1));
        }
    }

    /** Input {@code c}'s first element is ready at {@code readyAt}. */
    void offer(int c, long readyAt) {
        ready[c] = readyAt;
        replay(c);
    }

    /** Input {@code c} offers nothing: empty, or blocked. */
    void withdraw(int c) {
        if (ready[c] != Long.MAX_VALUE) {
            ready[c] = Long.MAX_VALUE;
            replay(c);
        }
    }

    /** The input whose element is ready first (the lowest of a tie), or -1 if none offers one. */
    int earliest() {
        int w = size == 1 ? 0 : winner[1];
        return ready[w] == Long.MAX_VALUE ? -1 : w;
    }

    /** When {@link #earliest}'s element is ready; +inf if none offers one. */
    long earliestReady() {
        return ready[size == 1 ? 0 : winner[1]];
    }

    private int below(int node) {
        return node >= size ? node - size : winner[node];
    }

    /** Of two inputs, {@code a} left of {@code b}: {@code b} only if it is strictly earlier. */
    private int better(int a, int b) {
        return ready[b] < ready[a] ? b : a;
    }

    private void replay(int c) {
        for (int i = (c + size) >>> 1; i >= 1; i >>>= 1) {
            winner[i] = better(below(2 * i), below(2 * i + 1));
        }
    }
}
