package org.flowlab.sim.stream;

import java.util.Arrays;

/**
 * One parallel instance of a keyed stage: it takes elements from one channel per upstream task,
 * the earliest ready first (ties by channel), runs rows through the stage's steps and its stateful
 * operator, and keeps the stage's event time: its watermark is the minimum over the inputs that are
 * neither idle nor finished, never going back; when it advances, windows and timers fire and the
 * watermark is passed on. A checkpoint barrier blocks its channel until it has come on every input
 * (alignment); then the task snapshots its state and passes the barrier on.
 */
final class KeyedTask extends Task {

    /** What a checkpoint keeps of a keyed task. */
    record Snapshot(long watermark, long[] channelWatermarks, boolean[] channelIdle, boolean[] channelFinished,
                    boolean finished, Object operatorState) {
    }

    /** The snapshots of a run that never restores one: they tell only whether the task finished. */
    private static final Snapshot RUNNING = new Snapshot(Long.MIN_VALUE, null, null, null, false, null);
    private static final Snapshot FINISHED = new Snapshot(Long.MIN_VALUE, null, null, null, true, null);

    final StatefulOperator operator;
    Channel[] inputs;
    long watermark = Long.MIN_VALUE;
    private long[] channelWatermark;
    private boolean[] channelIdle;
    private boolean[] channelFinished;
    private boolean[] channelBlocked;
    /**
     * Which inputs hold an element, a bit each (input c: bit c % 64 of word c / 64), kept by the
     * channels ({@link #inputFilled}, {@link #inputEmptied}): the wake-up's scan of the inputs reads
     * these words, not every channel.
     */
    private long[] filledInputs;
    private long aligning = -1;
    /** Scratch for {@link #barrierPassage}: when each input's barrier arrives. */
    private long[] barrierArrivals;
    /** Each input's producer's slot, for {@link #barrierPassage}. */
    private int[] producerSlots;
    private int picked = -1;
    /** With early firing: when the operator's partial results are next due (processing time), or +inf. */
    private long earlyFireAt = Long.MAX_VALUE;
    /** {@link #picked} when the early fire comes before any input. */
    private static final int EARLY_FIRE = -2;

    KeyedTask(StreamRun run, int stage, int index, int slot, int worker, StatefulOperator operator) {
        super(run, stage, index, slot, worker);
        this.operator = operator;
    }

    void connect(Channel[] in) {
        inputs = in;
        channelWatermark = new long[in.length];
        Arrays.fill(channelWatermark, Long.MIN_VALUE);
        channelIdle = new boolean[in.length];
        channelFinished = new boolean[in.length];
        channelBlocked = new boolean[in.length];
        barrierArrivals = new long[in.length];
        producerSlots = new int[in.length];
        for (int c = 0; c < in.length; c++) {
            producerSlots[c] = in[c].producer.slot;
        }
        filledInputs = new long[(in.length + 63) >>> 6]; // the channels are new: all empty
    }

    @Override
    void inputFilled(int input) {
        filledInputs[input >>> 6] |= 1L << input;
    }

    @Override
    void inputEmptied(int input) {
        filledInputs[input >>> 6] &= ~(1L << input);
    }

    void restore(Snapshot s) {
        watermark = s.watermark();
        channelWatermark = s.channelWatermarks().clone();
        channelIdle = s.channelIdle().clone();
        channelFinished = s.channelFinished().clone();
        finished = s.finished();
        if (operator != null && s.operatorState() != null) {
            operator.restore(s.operatorState());
            if (operator.awaitsEarlyFire()) {
                requestEarlyFire();
            }
        }
    }

    /**
     * Has the operator fire early at the next multiple of the early-fire interval after now, unless
     * an early fire is due already (a processing-time timer, re-armed only once it has fired).
     */
    void requestEarlyFire() {
        if (earlyFireAt != Long.MAX_VALUE) {
            return;
        }
        long interval = run.config.earlyFireInterval();
        long now = Math.max(run.sim.now(), busyUntil);
        earlyFireAt = Math.floorDiv(now, interval) * interval + interval;
        // Idle, the task would not look at its inputs again: it must wake for the timer.
        scheduleWake(earlyFireAt);
    }

    /**
     * After a restore: a task whose inputs had all ended when the checkpoint was taken passed the
     * barrier on before its end of input, so it sends the end again.
     */
    void resume(long t) {
        if (finished) {
            return;
        }
        for (boolean f : channelFinished) {
            if (!f) {
                return;
            }
        }
        broadcast(Control.END);
        endPending = true;
        scheduleWake(t);
    }

    /**
     * The task's checkpoint; a finished task never processes again, so it keeps no operator state,
     * and in a run that never restores one ({@link StreamRun#restorable}) only whether it finished.
     */
    @Override
    Snapshot snapshot() {
        if (!run.restorable) {
            return finished ? FINISHED : RUNNING;
        }
        return new Snapshot(watermark, channelWatermark.clone(), channelIdle.clone(), channelFinished.clone(), finished,
                operator == null || finished ? null : operator.snapshot());
    }

    @Override
    boolean holdsNothing(long t) {
        if (dead || finished || aligning >= 0 || !atRest(t)) {
            return false;
        }
        for (long word : filledInputs) {
            if (word != 0) {
                return false;
            }
        }
        for (int c = 0; c < inputs.length; c++) {
            if (channelBlocked[c] || channelFinished[c]) {
                return false;
            }
        }
        return true;
    }

    /**
     * When the task, holding nothing, would be done with a checkpoint's barriers, each reaching it a
     * hop after its producer's processing ended ({@code end}, by slot): taken as {@link #readyTime}
     * takes elements, earliest first (of two at one time, either: the times come out the same), each
     * at the record cost, the last one with the snapshot's. Its busy time goes to {@code busy[slot]}.
     */
    long barrierPassage(long[] end, long[] busy) {
        int n = inputs.length;
        long hop = costs.networkHopNanos();
        long[] arrivals = barrierArrivals;
        int[] from = producerSlots;
        boolean sorted = true;
        for (int c = 0; c < n; c++) {
            arrivals[c] = end[from[c]] + hop;
            sorted &= c == 0 || arrivals[c] >= arrivals[c - 1];
        }
        if (!sorted) {
            Arrays.sort(arrivals);
        }
        long t = busyUntil;
        long busyFor = 0;
        for (int k = 0; k < n; k++) {
            t = Math.max(t, arrivals[k]);
            long cost = costs.recordNanos();
            if (k == n - 1) {
                cost += costs.checkpointBaseNanos() + costs.checkpointPerEntryNanos() * stateEntries();
            }
            long c = charged(cost, t);
            busyFor += c;
            t += c;
        }
        busy[slot] = busyFor;
        return t;
    }

    int stateEntries() {
        return operator == null ? 0 : operator.entries();
    }

    @Override
    long readyTime(long t) {
        int best = -1;
        long bestReady = Long.MAX_VALUE;
        // The inputs that hold an element, in their order (of two ready at once, the first wins).
        for (int w = 0; w < filledInputs.length; w++) {
            for (long bits = filledInputs[w]; bits != 0; bits &= bits - 1) {
                int c = (w << 6) + Long.numberOfTrailingZeros(bits);
                if (!channelBlocked[c]) {
                    long r = inputs[c].headReadyAt();
                    if (r < bestReady) {
                        bestReady = r;
                        best = c;
                    }
                }
            }
        }
        picked = best;
        if (earlyFireAt <= bestReady) {
            picked = EARLY_FIRE;
            return earlyFireAt;
        }
        return bestReady;
    }

    @Override
    void processNext(long t) {
        int c = picked;
        if (c == EARLY_FIRE) {
            earlyFireAt = Long.MAX_VALUE;
            run.noteActivity();
            cost += costs.recordNanos();
            operator.earlyFire(this);
            return;
        }
        Channel ch = inputs[c];
        Object element = ch.take();
        if (ch.blockedProducer != null && ch.hasRoom()) {
            Task producer = ch.blockedProducer;
            ch.blockedProducer = null;
            producer.unblock(t);
        }
        cost += costs.recordNanos();
        if (element instanceof StreamRecord record) {
            run.noteActivity();
            channelIdle[c] = false;
            push(record, plan.from[stage], true);
        } else if (element instanceof Control.Watermark w) {
            channelIdle[c] = false;
            channelWatermark[c] = Math.max(channelWatermark[c], w.value());
            advanceWatermark(t);
        } else if (element instanceof Control.Idle) {
            channelIdle[c] = true;
            advanceWatermark(t);
        } else if (element instanceof Control.Barrier b) {
            channelBlocked[c] = true;
            aligning = b.id();
            checkAligned();
        } else if (element instanceof Control.EndOfInput) {
            channelFinished[c] = true;
            channelWatermark[c] = Long.MAX_VALUE;
            advanceWatermark(t);
            checkAligned();
            boolean all = true;
            for (boolean f : channelFinished) {
                all &= f;
            }
            if (all) {
                broadcast(Control.END);
                endPending = true;
            }
        } else {
            throw new IllegalStateException("unknown element " + element);
        }
    }

    /**
     * The minimum over the inputs that are neither idle nor finished; +inf once all are finished; no
     * change while the only unfinished inputs are idle (so a finished input never lets the watermark
     * run past an idle one, which may still send records).
     */
    private void advanceWatermark(long t) {
        long min = Long.MAX_VALUE;
        boolean active = false;
        boolean allFinished = true;
        for (int c = 0; c < inputs.length; c++) {
            // A +inf watermark comes only just before the end of input: that input is done.
            if (channelFinished[c] || channelWatermark[c] == Long.MAX_VALUE) {
                continue;
            }
            allFinished = false;
            if (channelIdle[c]) {
                continue;
            }
            active = true;
            min = Math.min(min, channelWatermark[c]);
        }
        long combined = allFinished ? Long.MAX_VALUE : active ? min : watermark;
        if (combined > watermark) {
            watermark = combined;
            run.watermarkAdvanced(this, t, false);
            if (operator != null) {
                operator.advance(combined, this);
            }
            broadcast(new Control.Watermark(combined));
        }
    }

    /** Whether the task {@linkplain #holdsNothing holds nothing} at {@code t}, with no wake-up pending and no early fire due. */
    boolean holdsNothingAndWaitsForNothing(long t) {
        return holdsNothing(t) && earlyFireAt == Long.MAX_VALUE && wakeTime() == Long.MAX_VALUE;
    }

    /** Snapshots once barrier {@code aligning} has come on every input that has not finished. */
    private void checkAligned() {
        if (aligning < 0) {
            return;
        }
        for (int c = 0; c < inputs.length; c++) {
            if (!channelBlocked[c] && !channelFinished[c]) {
                return;
            }
        }
        long id = aligning;
        aligning = -1;
        Arrays.fill(channelBlocked, false);
        cost += costs.checkpointBaseNanos() + costs.checkpointPerEntryNanos() * stateEntries();
        broadcast(new Control.Barrier(id));
        acknowledge(id, snapshot());
    }
}
