package org.flowlab.sim.stream;

import java.util.Arrays;

/**
 * The event time of a keyed task's inputs, as Flink's {@code StatusWatermarkValve} keeps it: each
 * input's watermark (never going back), whether it is idle, whether it has finished. The combined
 * watermark is the minimum over the inputs that are neither idle nor finished; an input whose
 * watermark is +inf counts as finished, since that comes only just before its end. The minimum is
 * kept in a tree of the inputs, so a change costs the logarithm of their number, not a scan of all
 * of them: with all-to-all channels every source's watermark reaches every task, and a scan per
 * watermark made a thousand-worker run quadratic in the workers per tick.
 */
final class InputWatermarks {
    private final int n;
    private final long[] watermark;
    private final boolean[] idle;
    private final boolean[] finished;
    /**
     * Leaves at {@code [n, 2n)}: an input's watermark if it counts, else +inf; each inner node the
     * minimum of its two children. An input that counts is below +inf, so some input counts exactly
     * when the root is.
     */
    private final long[] tree;
    /** Inputs whose end of input came. */
    private int ended;
    /** Inputs at +inf: those that ended (their end sets it) and those that sent it just before their end. */
    private int done;

    /** {@code n} inputs, none idle or finished, each at -inf. */
    InputWatermarks(int n) {
        this(filled(n), new boolean[n], new boolean[n]);
    }

    /** The inputs as a checkpoint kept them; the arrays are copied. */
    InputWatermarks(long[] watermark, boolean[] idle, boolean[] finished) {
        this.n = watermark.length;
        this.watermark = watermark.clone();
        this.idle = idle.clone();
        this.finished = finished.clone();
        this.tree = new long[Math.max(2, 2 * n)];
        Arrays.fill(tree, Long.MAX_VALUE);
        for (int c = 0; c < n; c++) {
            ended += this.finished[c] ? 1 : 0;
            done += this.watermark[c] == Long.MAX_VALUE ? 1 : 0;
            tree[n + c] = leaf(c);
        }
        for (int i = n - 1; i >= 1; i--) {
            tree[i] = Math.min(tree[2 * i], tree[2 * i + 1]);
        }
    }

    private static long[] filled(int n) {
        long[] w = new long[n];
        Arrays.fill(w, Long.MIN_VALUE);
        return w;
    }

    /** Input {@code c} sent watermark {@code value}; it is no longer idle. */
    void watermark(int c, long value) {
        idle[c] = false;
        raise(c, value);
    }

    /** Input {@code c} sent a record: if it was idle, it is active again, at the watermark it had. */
    void record(int c) {
        if (idle[c]) {
            idle[c] = false;
            update(c);
        }
    }

    /** Input {@code c} said it is idle. */
    void idle(int c) {
        idle[c] = true;
        update(c);
    }

    /** Input {@code c} ended: its watermark is +inf. */
    void finish(int c) {
        if (!finished[c]) {
            finished[c] = true;
            ended++;
        }
        raise(c, Long.MAX_VALUE);
    }

    /**
     * The watermark the inputs give a task now at {@code current}: +inf once all are finished; the
     * minimum over the inputs that count; {@code current} while every unfinished input is idle (so a
     * finished input never lets the watermark run past an idle one, which may still send records).
     */
    long combined(long current) {
        if (done == n) {
            return Long.MAX_VALUE;
        }
        return tree[1] != Long.MAX_VALUE ? tree[1] : current;
    }

    /** How many inputs have ended. */
    int finishedInputs() {
        return ended;
    }

    /** Whether every input has ended. */
    boolean allFinished() {
        return ended == n;
    }

    long[] watermarks() {
        return watermark.clone();
    }

    boolean[] idleFlags() {
        return idle.clone();
    }

    boolean[] finishedFlags() {
        return finished.clone();
    }

    /** Input {@code c}'s watermark goes up to {@code value}, never back. */
    private void raise(int c, long value) {
        if (value > watermark[c]) {
            done += value == Long.MAX_VALUE ? 1 : 0;
            watermark[c] = value;
        }
        update(c);
    }

    /** What input {@code c} puts in the tree: its watermark if it counts (neither idle nor at +inf), else +inf. */
    private long leaf(int c) {
        return idle[c] ? Long.MAX_VALUE : watermark[c];
    }

    private void update(int c) {
        int i = n + c;
        long v = leaf(c);
        if (tree[i] == v) {
            return;
        }
        tree[i] = v;
        for (i >>>= 1; i >= 1; i >>>= 1) {
            long m = Math.min(tree[2 * i], tree[2 * i + 1]);
            if (tree[i] == m) {
                break;
            }
            tree[i] = m;
        }
    }
}
