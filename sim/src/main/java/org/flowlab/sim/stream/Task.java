package org.flowlab.sim.stream;

import java.util.Arrays;
import org.flowlab.sim.cluster.CostModel;
import org.flowlab.sim.job.Filter;
import org.flowlab.sim.job.KeyBy;
import org.flowlab.sim.job.MapRow;
import org.flowlab.sim.job.Operator;
import org.flowlab.sim.job.ResultKey;
import org.flowlab.sim.job.Row;
import org.flowlab.sim.kernel.SimTimer;
import org.flowlab.sim.kernel.Simulation;

/**
 * One parallel instance of a stage, a server in virtual time. It keeps a {@code busyUntil} time and
 * drains its inputs in a plain loop, charging each element's cost, and asks the kernel for an event
 * only when it next needs the clock: an input not ready yet, or another kernel event due before its
 * local time (which might concern it: a crash, a barrier, another task's output). What processing an
 * element produces waits in an outbox and leaves when the element's processing ends: records into
 * bounded channels (a full one blocks the task: back-pressure), control elements, sink outputs and
 * commits.
 */
abstract class Task {
    private static final Channel[] NO_CHANNELS = new Channel[0];
    static final byte OUT_RECORD = 0;
    static final byte OUT_BROADCAST = 1;
    static final byte OUT_SINK = 2;
    static final byte OUT_COMMIT_ID = 3;
    static final byte OUT_COMMIT_LINEAGE = 4;
    static final byte OUT_ACK = 5;
    static final byte OUT_COMMIT_FINAL_ID = 6;
    static final byte OUT_COMMIT_FINAL_LINEAGE = 7;

    final StreamRun run;
    final PhysicalPlan plan;
    final CostModel costs;
    final int stage;
    final int index;
    /** The task's position in checkpoint acknowledgements: sources first, then each stage. */
    final int slot;
    final int worker;
    Channel[] outputs = NO_CHANNELS;

    boolean dead;
    boolean finished;
    /** The end of input has been sent; the task finishes once its outbox is empty. */
    boolean endPending;
    long busyUntil;
    /** The cost of the element being processed, before a slow worker's factor. */
    long cost;
    long busyNanos;
    long backPressuredNanos;
    long lastAckedCheckpoint;
    Epoch epoch = new Epoch();

    /** The task's wake-up, re-armed in place: waking costs the kernel no allocation. */
    private final SimTimer wake;
    private Channel blockedOn;
    private long blockedSince;

    /**
     * A consumer that the flush handed a record to, to take it in line once this task stops
     * ({@link #mayHandOff}), at {@link #handOffAt}; null if none.
     */
    private Task handOff;
    private long handOffAt = Long.MAX_VALUE;

    private byte[] outKind = new byte[16];
    private int[] outTarget = new int[16];
    private Object[] outElement = new Object[16];
    private int outHead;
    private int outTail;

    Task(StreamRun run, int stage, int index, int slot, int worker) {
        this.run = run;
        this.plan = run.plan;
        this.costs = run.costs;
        this.stage = stage;
        this.index = index;
        this.slot = slot;
        this.worker = worker;
        this.wake = run.sim.timer(this::onWake);
    }

    /**
     * When the next element can be processed: at or before {@code t} if now, else the time it will
     * be ready, or +inf if none is in sight (an arrival will wake the task).
     */
    abstract long readyTime(long t);

    /** An input channel of this task ({@code input}, its index among them) now holds an element: it held none. */
    void inputFilled(int input) {
    }

    /** An input channel of this task now holds no element. */
    void inputEmptied(int input) {
    }

    /** Processes the next element at {@code t}, adding its cost to {@link #cost}. */
    abstract void processNext(long t);

    /** What a checkpoint keeps of the task now. */
    abstract Object snapshot();

    /**
     * Whether the task holds nothing at {@code t}: alive and not finished, at rest, no element
     * waiting in its inputs or controls, no barrier half-aligned.
     */
    abstract boolean holdsNothing(long t);

    private void onWake(Simulation sim) {
        if (!dead) {
            loop(sim.now());
        }
    }

    /**
     * Runs the task from {@code now}: flush, then process elements while nothing else is due first.
     * The task goes on in line at {@code t} where a wake-up armed now would: an action pending at a
     * time before {@code t}, or at {@code t} itself once the task's time has moved past now, was
     * scheduled before that wake-up and comes first, so the task stops and wakes at {@code t}; so it
     * does past the {@linkplain StreamRun#horizon horizon} the run is advanced to.
     * A source that handed a record to a consumer to take in line ({@link #mayHandOff}) stops
     * before the record's arrival, then runs that consumer's loop from there.
     */
    final void loop(long now) {
        runUntilStopped(now);
        Task consumer = handOff;
        if (consumer != null) {
            // This task has stopped, its wake-up armed: the consumer's would have been the next event.
            long at = handOffAt;
            handOff = null;
            handOffAt = Long.MAX_VALUE;
            run.handOffs++;
            consumer.loop(at);
        }
    }

    /** {@link #loop}, up to where the task stops, with a record handed off counted as the event due next. */
    private void runUntilStopped(long now) {
        long t = Math.max(now, busyUntil);
        while (true) {
            long next = nextDue();
            if (t > next || (t == next && t > run.sim.now())) {
                yieldUntil(t);
                return;
            }
            if (outTail > outHead && !flush(t)) {
                return;
            }
            if (endPending) {
                endPending = false;
                finished = true;
                run.taskFinished(this, t);
            }
            if (finished || dead) {
                return;
            }
            long ready = readyTime(t);
            if (ready > t) {
                if (ready == Long.MAX_VALUE) {
                    return;
                }
                if (ready >= nextDue() || ready > run.horizon()) {
                    // Past the horizon a caller may act on the run first (a crash through the API).
                    scheduleWake(ready);
                    return;
                }
                // Nothing else happens before then: go on at that time, as a wake would (and in its place).
                wake.cancel();
                t = ready;
                continue;
            }
            cost = 0;
            processNext(t);
            long c = charged(cost, t);
            busyNanos += c;
            t += c;
            busyUntil = t;
        }
    }

    /** When the next kernel event is due, or the wake-up of a consumer handed a record ({@link #mayHandOff}), if earlier. */
    private long nextDue() {
        return Math.min(run.sim.nextEventTime(), handOffAt);
    }

    /**
     * Whether the record this source sends at {@code t}, the last element of its outbox, to
     * {@code consumer}, where it arrives at {@code arrival}, may be taken there in line: the
     * consumer then takes it once this source has stopped, in this event, instead of in a wake-up
     * of its own at {@code arrival}. Event by event, the source would arm the consumer's wake-up,
     * then its own for its next action, due after the arrival, and stop, and the consumer's wake-up
     * would be the next event, alone at its time: so nothing else may be due up to the arrival,
     * within the {@linkplain StreamRun#horizon horizon}, and the consumer must be a keyed task that
     * holds nothing and waits for nothing, so that the record is all it has. Nothing the consumer
     * does then asks the clock for the time (its early fires would: {@link StreamRun#recordsInLine}).
     */
    private boolean mayHandOff(Task consumer, long t, long arrival) {
        return this instanceof SourceTask && run.recordsInLine && run.phase == StreamRun.Phase.RUNNING
                && outHead == outTail - 1 && arrival <= run.horizon() && run.sim.nextEventTime() > arrival
                && readyTime(t) > arrival && consumer instanceof KeyedTask keyed
                && keyed.holdsNothingAndWaitsForNothing(t);
    }

    /**
     * The wake-up at {@code arrival} of a task that held nothing, with no wake-up pending, until an
     * element reached it then, run in line ahead of its time by a caller that knows nothing else is
     * due before it ({@link SourceTask#takeTickInOneStep}): what {@link #loop loop(arrival)} does,
     * with the wake-ups of other tasks at {@code arrival} counted as pending when
     * {@code othersAtArrival} (event by event, theirs come after this one). The task takes the
     * element at once; then, as the loop would, it stops if another wake-up is due first, arming
     * its own if it has something left, or else goes on in the loop.
     */
    final void wakeInOneStep(long arrival, boolean othersAtArrival) {
        readyTime(arrival); // picks the element, due at arrival
        cost = 0;
        processNext(arrival);
        long c = charged(cost, arrival);
        busyNanos += c;
        long t = arrival + c;
        busyUntil = t;
        if (othersAtArrival && t > arrival) {
            yieldUntil(t);
            return;
        }
        loop(t);
    }

    /**
     * The task stops at {@code t}, its busy time, since another action is due first: it wakes at
     * {@code t} if it has something left to do then. A wake-up that would find nothing to deliver or
     * process is not armed; an arrival wakes the task (never before t), as would an early fire it
     * asks for.
     */
    private void yieldUntil(long t) {
        if (outTail != outHead || endPending || readyTime(t) != Long.MAX_VALUE) {
            scheduleWake(t);
        }
    }

    /** An element's cost {@code c}, its processing begun at {@code t}, as charged: more on a slow worker. */
    final long charged(long c, long t) {
        if (c > 0) {
            double factor = run.slowFactor(worker, t);
            if (factor != 1) {
                c = Math.round(c * factor);
            }
        }
        return c;
    }

    /** The time of the task's pending wake-up, or +inf if none is pending. */
    final long wakeTime() {
        return wake.time();
    }

    /** Whether another action is pending at the time of the task's wake-up. */
    final boolean wakeSharesItsTime() {
        return wake.sharesItsTime();
    }

    /**
     * A checkpoint's barrier passed through the task in one step ({@link CheckpointCoordinator}):
     * it was busy {@code busy} more, up to {@code end}; what it acknowledges is its snapshot, taken
     * here, and {@link #sealEpoch}.
     */
    final void passedBarrier(long end, long busy) {
        busyNanos += busy;
        busyUntil = end;
    }

    /** Whether the task has nothing in hand at {@code t}: not busy, blocked or finishing, its outbox empty. */
    final boolean atRest(long t) {
        return busyUntil <= t && blockedOn == null && outTail == outHead && !endPending;
    }

    /** Makes sure the task runs at {@code t} at the latest. */
    final void scheduleWake(long t) {
        if (dead) {
            return;
        }
        long at = Math.max(t, run.sim.now());
        if (wake.isPending() && wake.time() <= at) {
            return;
        }
        wake.arm(at);
    }

    /** Arms the task's wake-up at {@code t}, pending or not, as a new one: after every action scheduled so far. */
    final void wakeAt(long t) {
        if (!dead) {
            wake.arm(t);
        }
    }

    /** An element reaches one of the task's inputs at {@code readyAt}. */
    final void notifyArrival(long readyAt) {
        if (dead || finished || blockedOn != null) {
            return;
        }
        scheduleWake(Math.max(readyAt, busyUntil));
    }

    /** The channel the task waited on has room again, since {@code t}. */
    final void unblock(long t) {
        if (dead || blockedOn == null) {
            return;
        }
        long resume = Math.max(t, blockedSince);
        backPressuredNanos += resume - blockedSince;
        blockedOn = null;
        busyUntil = Math.max(busyUntil, resume);
        scheduleWake(busyUntil);
    }

    /** Stops the task for good: its worker crashed, or the job is being restarted. */
    final void kill() {
        dead = true;
        wake.cancel();
        if (blockedOn != null) {
            blockedOn.blockedProducer = null;
            blockedOn = null;
        }
    }

    /** Delivers the outbox at {@code t}; false if a full channel blocked it. */
    private boolean flush(long t) {
        long hop = costs.networkHopNanos();
        while (outHead < outTail) {
            byte kind = outKind[outHead];
            Object element = outElement[outHead];
            int target = outTarget[outHead];
            switch (kind) {
                case OUT_RECORD -> {
                    Channel ch = outputs[target];
                    if (!ch.hasRoom()) {
                        blockedOn = ch;
                        ch.blockedProducer = this;
                        blockedSince = t;
                        busyUntil = t;
                        return false;
                    }
                    boolean inLine = mayHandOff(ch.consumer, t, t + hop); // as the consumer is before the push
                    ch.push(element, t + hop);
                    if (inLine) {
                        handOff = ch.consumer;
                        handOffAt = t + hop;
                    } else {
                        ch.consumer.notifyArrival(t + hop);
                    }
                }
                case OUT_BROADCAST -> {
                    for (Channel ch : outputs) {
                        ch.push(element, t + hop);
                        ch.consumer.notifyArrival(t + hop);
                    }
                }
                case OUT_SINK -> run.sink.deliver(this, (SinkOutput) element, t);
                case OUT_COMMIT_ID -> run.commitId(this, target, t);
                case OUT_COMMIT_LINEAGE -> run.commitLineage(this, (Lineage) element, t);
                case OUT_ACK -> run.coordinator.ack(this, (CheckpointCoordinator.Ack) element, t);
                case OUT_COMMIT_FINAL_ID -> run.commitFinalId(this, target, t);
                case OUT_COMMIT_FINAL_LINEAGE -> run.commitFinalLineage(this, (Lineage) element, t);
                default -> throw new IllegalStateException("unknown outbox entry " + kind);
            }
            outElement[outHead] = null;
            outHead++;
        }
        outHead = 0;
        outTail = 0;
        return true;
    }

    private void enqueue(byte kind, int target, Object element) {
        if (outTail == outKind.length) {
            if (outHead > 0) {
                int n = outTail - outHead;
                System.arraycopy(outKind, outHead, outKind, 0, n);
                System.arraycopy(outTarget, outHead, outTarget, 0, n);
                System.arraycopy(outElement, outHead, outElement, 0, n);
                Arrays.fill(outElement, n, outTail, null);
                outHead = 0;
                outTail = n;
            }
            if (outTail == outKind.length) {
                outKind = Arrays.copyOf(outKind, outTail * 2);
                outTarget = Arrays.copyOf(outTarget, outTail * 2);
                outElement = Arrays.copyOf(outElement, outTail * 2);
            }
        }
        outKind[outTail] = kind;
        outTarget[outTail] = target;
        outElement[outTail] = element;
        outTail++;
    }

    /** Sends a control element to every downstream task. */
    final void broadcast(Control control) {
        if (outputs.length > 0) {
            enqueue(OUT_BROADCAST, -1, control);
        }
    }

    /** Hands a checkpoint's acknowledgement to the coordinator once the current element is done. */
    final void acknowledge(long checkpointId, Object snapshot) {
        enqueue(OUT_ACK, -1, seal(checkpointId, snapshot));
    }

    /** The acknowledgement of checkpoint {@code checkpointId}: the snapshot, and what the task staged before it. */
    final CheckpointCoordinator.Ack seal(long checkpointId, Object snapshot) {
        return new CheckpointCoordinator.Ack(checkpointId, snapshot, sealEpoch(checkpointId));
    }

    /** What the task staged before checkpoint {@code checkpointId}'s barrier, which it acknowledges now; a new epoch begins. */
    final Epoch sealEpoch(long checkpointId) {
        Epoch sealed = epoch;
        if (sealed.isEmpty()) {
            // Nothing staged: the task's epoch stays as it is, empty, for what comes after the barrier.
            sealed = Epoch.EMPTY;
        } else {
            epoch = new Epoch();
        }
        lastAckedCheckpoint = checkpointId;
        return sealed;
    }

    /** Marks the record's input records as consumed here (visible now, or at the next checkpoint). */
    final void commit(StreamRecord record) {
        if (record.sourceId >= 0) {
            enqueue(OUT_COMMIT_ID, record.sourceId, null);
        }
        if (record.lineage != null) {
            enqueue(OUT_COMMIT_LINEAGE, -1, record.lineage);
        }
    }

    /**
     * Marks what the record's input records show as final here (at once, or at the next
     * checkpoint): a detector's final evaluation, after a provisional one made them visible.
     */
    final void commitFinal(StreamRecord record) {
        if (record.sourceId >= 0) {
            enqueue(OUT_COMMIT_FINAL_ID, record.sourceId, null);
        }
        if (record.lineage != null) {
            enqueue(OUT_COMMIT_FINAL_LINEAGE, -1, record.lineage);
        }
    }

    /** A reconciliation of provisional outputs, leaving through the sink in order with the outputs. */
    final void reconcile(SinkOutput marker) {
        enqueue(OUT_SINK, -1, marker);
    }

    /** A job output, leaving through the sink chained into this task. */
    final void output(SinkOutput out) {
        cost += costs.sinkWriteNanos();
        enqueue(OUT_SINK, -1, out);
    }

    /** Drops a record as late against {@code watermark}: the side output, counted, its input records committed as consumed. */
    final void late(StreamRecord record, long watermark) {
        if (record.sourceId >= 0) {
            decide(record.sourceId, true, watermark);
        }
        if (record.lineage != null) {
            record.lineage.markLate(run.late);
        }
        commit(record);
    }

    /** A record accepted into state against {@code watermark}: if it was late before a restart, it is not any more. */
    final void accepted(StreamRecord record, long watermark) {
        if (record.sourceId >= 0) {
            decide(record.sourceId, false, watermark);
        }
    }

    /**
     * Records a late decision; its watermark is a judgement of the source record only at the stage of
     * the job's first stateful step (a later one judges a window's result, which carries a single
     * source record's position as its own).
     */
    private void decide(int sourceId, boolean isLate, long watermark) {
        if (stage == plan.firstStatefulStage) {
            run.late.decide(sourceId, isLate, watermark);
        } else {
            run.late.decide(sourceId, isLate);
        }
    }

    /**
     * Runs {@code rec} through this stage's steps from step {@code i}: stateless steps in line, a
     * keyBy routes it to the next stage, the stateful step takes it, and past the job's last step
     * it is an output. {@code keyed} says whether the row's key was set by a keyBy and may not change.
     */
    final void push(StreamRecord rec, int i, boolean keyed) {
        int end = plan.to[stage];
        for (; i < end; i++) {
            Operator op = plan.ops[i];
            if (op instanceof Filter f) {
                cost += costs.recordNanos();
                if (!f.predicate().test(rec.row)) {
                    commit(rec);
                    return;
                }
            } else if (op instanceof MapRow m) {
                cost += costs.recordNanos();
                Row mapped = m.function().apply(rec.row);
                if (mapped == null) {
                    throw new IllegalStateException("job " + plan.job.name() + ": " + m + " returned null for " + rec.row);
                }
                if (keyed && mapped.key() != rec.row.key()) {
                    throw new IllegalStateException("job " + plan.job.name() + ": " + m + " changed the key of a keyed row ("
                            + rec.row.key() + " to " + mapped.key() + "); put a keyBy after it instead");
                }
                rec.row = mapped; // in place: this task is the record's only holder (see StreamRecord)
            } else if (op instanceof KeyBy k) {
                cost += costs.keyByNanos();
                long key = k.selector().key(rec.row);
                // Rows are immutable: one already keyed by its key goes on as it is.
                if (key != rec.row.key()) {
                    rec.row = rec.row.withKey(key);
                }
                enqueue(OUT_RECORD, StreamRecord.partition(key, outputs.length), rec);
                return;
            } else {
                ((KeyedTask) this).operator.add(rec, ((KeyedTask) this).watermark, (KeyedTask) this);
                return;
            }
        }
        ResultKey at = rec.at != null ? rec.at : ResultKey.row(rec.row);
        output(new SinkOutput(at, rec.row, rec.sourceId, rec.lineage, rec.maxArrival));
    }

    @Override
    public String toString() {
        return (stage == 0 ? "source " : "stage " + stage + " task ") + index + " (worker " + worker + ")";
    }
}
