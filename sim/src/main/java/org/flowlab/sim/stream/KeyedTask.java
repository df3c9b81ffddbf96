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
    private InputWatermarks inputTime;
    private boolean[] channelBlocked;
    /** How many inputs a barrier blocks now; never one that has finished, which sends no barrier after its end. */
    private int blockedInputs;
    /**
     * Which inputs hold an element, a bit each (input c: bit c % 64 of word c / 64), kept by the
     * channels ({@link #inputFilled}, {@link #inputEmptied}): whether the task holds nothing reads
     * these words, not every channel.
     */
    private long[] filledInputs;
    /** The input to take from next: of those holding an element and not blocked, the one whose element is ready first. */
    private EarliestInput earliest;
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
        inputTime = new InputWatermarks(in.length);
        channelBlocked = new boolean[in.length];
        barrierArrivals = new long[in.length];
        producerSlots = new int[in.length];
        for (int c = 0; c < in.length; c++) {
            producerSlots[c] = in[c].producer.slot;
        }
        filledInputs = new long[(in.length + 63) >>> 6]; // the channels are new: all empty
        earliest = new EarliestInput(in.length);
    }

    @Override
    void inputFilled(int input) {
        filledInputs[input >>> 6] |= 1L << input;
        if (!channelBlocked[input]) {
            earliest.offer(input, inputs[input].headReadyAt());
        }
    }

    @Override
    void inputEmptied(int input) {
        filledInputs[input >>> 6] &= ~(1L << input);
        earliest.withdraw(input);
    }

    void restore(Snapshot s) {
        watermark = s.watermark();
        inputTime = new InputWatermarks(s.channelWatermarks(), s.channelIdle(), s.channelFinished());
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
        if (finished || !inputTime.allFinished()) {
            return;
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
        return new Snapshot(watermark, inputTime.watermarks(), inputTime.idleFlags(), inputTime.finishedFlags(), finished,
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
        return blockedInputs == 0 && inputTime.finishedInputs() == 0;
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
        // Of the inputs holding an element and not blocked, the earliest (of two ready at once, the first).
        int best = earliest.earliest();
        long bestReady = earliest.earliestReady();
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
        if (!ch.isEmpty()) {
            earliest.offer(c, ch.headReadyAt()); // emptied, it withdrew itself (inputEmptied)
        }
        if (ch.blockedProducer != null && ch.hasRoom()) {
            Task producer = ch.blockedProducer;
            ch.blockedProducer = null;
            producer.unblock(t);
        }
        cost += costs.recordNanos();
        if (element instanceof StreamRecord record) {
            run.noteActivity();
            inputTime.record(c);
            push(record, plan.from[stage], true);
        } else if (element instanceof Control.Watermark w) {
            inputTime.watermark(c, w.value());
            advanceWatermark(t);
        } else if (element instanceof Control.Idle) {
            inputTime.idle(c);
            advanceWatermark(t);
        } else if (element instanceof Control.Barrier b) {
            channelBlocked[c] = true;
            earliest.withdraw(c);
            blockedInputs++;
            aligning = b.id();
            checkAligned();
        } else if (element instanceof Control.EndOfInput) {
            inputTime.finish(c);
            advanceWatermark(t);
            checkAligned();
            if (inputTime.allFinished()) {
                broadcast(Control.END);
                endPending = true;
            }
        } else {
            throw new IllegalStateException("unknown element " + element);
        }
    }

    /** Takes the inputs' combined watermark ({@link InputWatermarks#combined}) if it is ahead. */
    private void advanceWatermark(long t) {
        long combined = inputTime.combined(watermark);
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
        if (blockedInputs + inputTime.finishedInputs() < inputs.length) {
            return;
        }
        long id = aligning;
        aligning = -1;
        Arrays.fill(channelBlocked, false);
        blockedInputs = 0;
        for (int c = 0; c < inputs.length; c++) {
            if (!inputs[c].isEmpty()) {
                earliest.offer(c, inputs[c].headReadyAt());
            }
        }
        cost += costs.checkpointBaseNanos() + costs.checkpointPerEntryNanos() * stateEntries();
        broadcast(new Control.Barrier(id));
        acknowledge(id, snapshot());
    }
}
