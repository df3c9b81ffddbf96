package org.flowlab.sim.batch;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.IntFunction;
import org.flowlab.sim.collections.LongMap;
import org.flowlab.sim.engine.EventTimeContract;
import org.flowlab.sim.engine.OutputMode;
import org.flowlab.sim.job.Job;
import org.flowlab.sim.job.KeyedProcess;
import org.flowlab.sim.job.KeyedProcessFunction;
import org.flowlab.sim.job.ProcessContext;
import org.flowlab.sim.job.ResultKey;
import org.flowlab.sim.job.Row;
import org.flowlab.sim.kernel.EventQueue;

/**
 * A keyed process function (a detector) across runs. Each key's state, pending timers and output
 * numbering live on between runs. A run processes each key's rows up to its event-time watermark
 * in {@link Row#ORDER}, firing a timer before the first row later than it, exactly as the oracle
 * does, and then the timers up to the watermark; rows beyond it wait for a later run. A row at or
 * below a committed watermark is late: dropped and counted, or the key's whole history is
 * replayed from the start and its outputs rewritten (only what differs is upserted or deleted).
 *
 * <p>Provisional evaluation. A detector (the job's last step) in the {@code updates} output mode
 * also runs every row that is not late through a second, provisional instance of the function as
 * the run reads it, in arrival order, with its own state and timers per key; the row's records are
 * visible at that run's commit, and final at the commit of the run whose final evaluation
 * processes the row (often the same one). Its alerts past the run's watermark are put at once and
 * kept pending; those at or before it are final in the same run, so only the final evaluation puts
 * them. Once the final evaluation of a key (a run or a replay) has passed a pending alert's time,
 * the alert stands if the final evaluation emitted at the same result key (with the final value)
 * and is deleted otherwise; then the provisional timers up to the watermark fire, their alerts not
 * put. A late row is not run provisionally: it is dropped, or the replay of its key, whose outputs
 * are final, makes it visible.
 */
final class ProcessStage implements SourceStage, ChangeStage {

    /** One input row waiting to be processed (or, fed by another stage, kept for replays). */
    private static final class Entry {
        final ResultKey id;
        final Row row;
        final long maxArrival;
        IntList lineage;
        /** Run by the provisional instance, its records visible already: its final run marks them final. */
        boolean shown;

        Entry(ResultKey id, Row row, long maxArrival, IntList lineage) {
            this.id = id;
            this.row = row;
            this.maxArrival = maxArrival;
            this.lineage = lineage;
        }
    }

    private static final Comparator<Entry> ORDER = (a, b) -> {
        int c = Row.ORDER.compare(a.row, b.row);
        if (c != 0) {
            return c;
        }
        if (a.id == null || b.id == null) {
            return a.id == null ? (b.id == null ? 0 : -1) : 1;
        }
        return a.id.compareTo(b.id);
    };

    /** Everything kept for one key. */
    private static final class KeyState {
        final long key;
        NamedValues state = new NamedValues();
        final TimerSet timers = new TimerSet();
        /**
         * Fed by the source: the rows not yet processed, in arrival order until a run sorts them
         * (they mostly come in order, and a key has few per run, so a list beats a sorted set).
         */
        List<Entry> pending;
        /** Fed by another stage: every row, processed ones too, which changes remove by identity. */
        TreeSet<Entry> rows;
        /** When fed by the source: the processed rows' trace positions, to rebuild them for a replay. */
        IntList history;
        /** The outputs so far, kept only when the key may be replayed; null while there are none. */
        TreeMap<ResultKey, Object> outputs;
        boolean emittedAny;
        long seqTime;
        long seq;
        long maxArrival = Long.MIN_VALUE;
        boolean replay;
        /** When the key next has something to do: its first row past the watermark, or its first timer. */
        long wakeAt = Long.MAX_VALUE;
        /** Taken into the step in progress. */
        boolean due;
        // With provisional evaluation: the provisional instance's state and timers, made at the first row.
        NamedValues provisionalState;
        TimerSet provisionalTimers;
        /** The keys of the provisional outputs not yet reconciled with the final ones; null while there are none. */
        TreeSet<ResultKey> provisionalOutputs;

        KeyState(long key) {
            this.key = key;
        }

        List<Entry> pending() {
            if (pending == null) {
                pending = new ArrayList<>(2);
            }
            return pending;
        }

        TreeSet<Entry> rows() {
            if (rows == null) {
                rows = new TreeSet<>(ORDER);
            }
            return rows;
        }
    }

    /** An output produced during a replay, held until the replay is done and compared. */
    private record Produced(Object result, long maxArrival, IntList lineage) {
    }

    private final Job job;
    private final KeyedProcess op;
    private final boolean lastStep;
    private final LatePolicy latePolicy;
    private final EventTimeContract contract;
    private final StageOutput out;
    private final int stageIndex;
    /** Rebuilds a processed source row from its trace position; null when fed by another stage. */
    private final IntFunction<Row> sourceRow;
    private final IntFunction<Long> sourceArrival;
    private final KeyedProcessFunction function;
    /** Whether a key may be replayed, so its history and outputs must be kept. */
    private final boolean replayable;
    /** Whether rows are also run at once by a provisional instance (a detector in the {@code updates} output mode). */
    private final boolean provisional;
    private final KeyedProcessFunction provisionalFunction;
    private final Context ctx = new Context(false);
    private final Context provisionalCtx = new Context(true);

    private final LongMap<KeyState> keys = new LongMap<>();
    private final Map<ResultKey, Entry> byId = new HashMap<>();
    /**
     * Keys by wake time, earliest first. An entry is current while its time is still the key's
     * {@code wakeAt}; one left behind by a change is skipped when it comes up, which is cheaper
     * than finding and removing it.
     */
    private final EventQueue<KeyState> wakes = new EventQueue<>();
    /** Keys with a late row, to replay in the next step. */
    private final List<KeyState> replayKeys = new ArrayList<>();
    private long watermark = Long.MIN_VALUE;

    /**
     * @param sourceRow     for the first stateful step: rebuilds the row of a trace position as the
     *                      steps before it make it; null for a later step
     * @param sourceArrival for the first stateful step: the arrival time of a trace position
     */
    ProcessStage(Job job, KeyedProcess op, boolean lastStep, OutputMode mode, LatePolicy latePolicy,
                 EventTimeContract contract, StageOutput out, int stageIndex, IntFunction<Row> sourceRow,
                 IntFunction<Long> sourceArrival) {
        this.job = job;
        this.op = op;
        this.lastStep = lastStep;
        this.latePolicy = latePolicy;
        this.contract = contract;
        this.out = out;
        this.stageIndex = stageIndex;
        this.sourceRow = sourceRow;
        this.sourceArrival = sourceArrival;
        this.function = op.newFunction();
        this.replayable = sourceRow == null || latePolicy == LatePolicy.CORRECT;
        // Only a detector's alerts can be taken back; rows forwarded to later steps cannot.
        this.provisional = lastStep && mode == OutputMode.UPDATES;
        this.provisionalFunction = provisional ? op.newFunction() : null;
    }

    private KeyState key(long key) {
        return keys.computeIfAbsent(key, KeyState::new);
    }

    @Override
    public void acceptSource(int record, Row row, long arrival, RunDelta delta) {
        KeyState ks = key(row.key());
        delta.judge(record, watermark);
        if (contract.rowIsLate(row.eventTime(), watermark)) {
            if (latePolicy == LatePolicy.DROP) {
                delta.late.add(record);
                return;
            }
            delta.corrections++;
            needsReplay(ks);
        }
        IntList lineage = new IntList(1);
        lineage.add(record);
        Entry e = new Entry(null, row, arrival, lineage);
        ks.pending().add(e);
        delta.work[stageIndex].add(row.key(), 1);
        if (provisional && !ks.replay) {
            runProvisionally(ks, e, delta);
        }
        // A row only ever brings the key's wake forward, to its own time if it is past the watermark.
        if (row.eventTime() > watermark && row.eventTime() < ks.wakeAt) {
            wakeAt(ks, row.eventTime());
        }
    }

    @Override
    public void accept(ResultKey id, Row row, long maxArrival, IntList lineage, RunDelta delta) {
        Entry old = byId.remove(id);
        if (old != null) {
            KeyState ks = keys.get(old.row.key());
            ks.rows().remove(old);
            if (old.row.eventTime() <= watermark) {
                needsReplay(ks);
            }
            if (old.lineage != null) {
                lineage = lineage == null ? old.lineage : append(lineage, old.lineage);
            }
            updateWake(ks);
            delta.work[stageIndex].add(old.row.key(), 1);
        }
        if (row == null) {
            delta.mark(lineage);
            return;
        }
        KeyState ks = key(row.key());
        Entry e = new Entry(id, row, maxArrival, lineage);
        ks.rows().add(e);
        byId.put(id, e);
        if (row.eventTime() <= watermark) {
            needsReplay(ks);
        }
        delta.work[stageIndex].add(row.key(), 1);
        if (provisional && !ks.replay) {
            runProvisionally(ks, e, delta);
        }
        updateWake(ks);
    }

    private static IntList append(IntList a, IntList b) {
        a.addAll(b);
        return a;
    }

    private void needsReplay(KeyState ks) {
        if (!ks.replay) {
            ks.replay = true;
            replayKeys.add(ks);
        }
    }

    private static long after(long t) {
        return t == Long.MAX_VALUE ? t : t + 1;
    }

    /** An entry before every real row at {@code eventTime}. */
    private static Entry probe(long eventTime) {
        return new Entry(null, new Row(Long.MIN_VALUE, eventTime, Integer.MIN_VALUE, Long.MIN_VALUE,
                Double.NEGATIVE_INFINITY, Long.MIN_VALUE, Long.MIN_VALUE, Long.MIN_VALUE), 0, null);
    }

    /** The key's rows with event time in (from, to]. */
    private NavigableSet<Entry> rowsBetween(KeyState ks, long from, long to) {
        if (from == Long.MAX_VALUE) {
            return new TreeSet<>(ORDER);
        }
        Entry lo = probe(from + 1);
        return to == Long.MAX_VALUE ? ks.rows().tailSet(lo, true) : ks.rows().subSet(lo, true, probe(to + 1), false);
    }

    private void updateWake(KeyState ks) {
        long next = Long.MAX_VALUE;
        boolean any = false;
        if (watermark != Long.MAX_VALUE) {
            if (sourceRow != null) {
                // The first of the rows past the watermark in ORDER is one with the least event time.
                if (ks.pending != null) {
                    for (Entry e : ks.pending) {
                        long t = e.row.eventTime();
                        if (t > watermark && t < next) {
                            next = t;
                            any = true;
                        }
                    }
                }
            } else {
                Entry first = ks.rows == null ? null : ks.rows.ceiling(probe(after(watermark)));
                if (first != null) {
                    next = first.row.eventTime();
                    any = true;
                }
            }
        }
        if (!ks.timers.isEmpty()) {
            next = Math.min(next, ks.timers.first());
            any = true;
        }
        if (provisional && ks.provisionalTimers != null && !ks.provisionalTimers.isEmpty()) {
            next = Math.min(next, ks.provisionalTimers.first());
            any = true;
        }
        long at = any ? next : Long.MAX_VALUE;
        if (at != ks.wakeAt) {
            wakeAt(ks, at);
        }
    }

    private void wakeAt(KeyState ks, long at) {
        ks.wakeAt = at;
        if (at != Long.MAX_VALUE) {
            wakes.add(at, ks);
        }
    }

    /**
     * Runs every key that has something due by {@code newWatermark}: late ones replayed first, then
     * the others in wake order. Keys are independent — each output is keyed by its key, and all of a
     * run's changes become visible at its commit — so the order decides nothing but is fixed all the same.
     */
    @Override
    public void step(long newWatermark, RunDelta delta) {
        List<KeyState> todo = new ArrayList<>(replayKeys);
        replayKeys.clear();
        for (KeyState ks : todo) {
            ks.due = true;
        }
        while (!wakes.isEmpty() && wakes.peekTime() <= newWatermark) {
            long at = wakes.peekTime();
            KeyState ks = wakes.poll();
            if (ks.wakeAt == at && !ks.due) {
                ks.due = true;
                todo.add(ks);
            }
        }
        for (KeyState ks : todo) {
            if (ks.replay) {
                ks.replay = false;
                replay(ks, newWatermark, delta);
            } else {
                run(ks, newWatermark, delta);
            }
            if (provisional) {
                reconcile(ks, newWatermark, delta);
            }
        }
        watermark = newWatermark;
        for (KeyState ks : todo) {
            ks.due = false;
            updateWake(ks);
        }
    }

    private void run(KeyState ks, long upTo, RunDelta delta) {
        ctx.begin(ks, delta, null);
        long n = 0;
        if (sourceRow != null) {
            // Fed by the source, a key keeps only rows not yet processed, all past the watermark
            // (a late one makes the step replay the key instead), so those up to upTo lead in ORDER.
            List<Entry> pending = ks.pending;
            if (pending != null && !pending.isEmpty()) {
                pending.sort(ORDER);
                int taken = 0;
                while (taken < pending.size() && pending.get(taken).row.eventTime() <= upTo) {
                    Entry e = pending.get(taken++);
                    fireTimersBefore(ks, e.row.eventTime());
                    element(ks, e, delta);
                    if (replayable) {
                        history(ks).add((int) e.row.id());
                    }
                }
                pending.subList(0, taken).clear();
                n = taken;
            }
        } else {
            // The function cannot reach this stage's rows, so the live view is safe to walk.
            for (Entry e : rowsBetween(ks, watermark, upTo)) {
                fireTimersBefore(ks, e.row.eventTime());
                element(ks, e, delta);
                n++;
            }
        }
        fireTimersUpTo(ks, upTo);
        delta.work[stageIndex].add(ks.key, n);
    }

    private static IntList history(KeyState ks) {
        if (ks.history == null) {
            ks.history = new IntList(4);
        }
        return ks.history;
    }

    /** Runs the key again from nothing, over every row it has up to {@code upTo}, and rewrites what changed. */
    private void replay(KeyState ks, long upTo, RunDelta delta) {
        List<Entry> all = new ArrayList<>();
        if (ks.history != null) {
            for (int i = 0; i < ks.history.size(); i++) {
                int record = ks.history.get(i);
                all.add(new Entry(null, sourceRow.apply(record), sourceArrival.apply(record), null));
            }
        }
        if (sourceRow != null) {
            if (ks.pending != null) {
                all.addAll(ks.pending);
            }
        } else if (ks.rows != null) {
            all.addAll(ks.rows);
        }
        all.sort(ORDER);
        TreeMap<ResultKey, Object> before = ks.outputs;
        ks.state = new NamedValues();
        ks.timers.clear();
        ks.outputs = null;
        ks.emittedAny = false;
        ks.seq = 0;
        ks.maxArrival = Long.MIN_VALUE;
        TreeMap<ResultKey, Produced> produced = new TreeMap<>();
        ctx.begin(ks, delta, produced);
        IntList processed = sourceRow != null ? new IntList(Math.max(4, all.size())) : null;
        int n = 0;
        while (n < all.size() && all.get(n).row.eventTime() <= upTo) {
            Entry e = all.get(n++);
            fireTimersBefore(ks, e.row.eventTime());
            element(ks, e, delta);
            if (processed != null) {
                processed.add((int) e.row.id());
            }
        }
        fireTimersUpTo(ks, upTo);
        if (processed != null) {
            ks.history = processed;
            // What is left is past upTo, so none of it came from the history: the rows still pending.
            ks.pending = new ArrayList<>(all.subList(n, all.size()));
        }
        delta.work[stageIndex].add(ks.key, n);
        for (ResultKey at : before == null ? List.<ResultKey>of() : before.keySet()) {
            if (!produced.containsKey(at)) {
                out.put(at, null, Long.MIN_VALUE, null, delta);
            }
        }
        for (Map.Entry<ResultKey, Produced> p : produced.entrySet()) {
            Produced v = p.getValue();
            out.put(p.getKey(), v.result(), v.maxArrival(), v.lineage(), delta);
        }
    }

    private void element(KeyState ks, Entry e, RunDelta delta) {
        ks.maxArrival = Math.max(ks.maxArrival, e.maxArrival);
        if (e.shown) {
            // Visible since its provisional run; what it shows is final with this run's commit.
            delta.markFinal(e.lineage);
            e.lineage = null;
        }
        ctx.element(e);
        function.processElement(e.row, ctx);
        if (!ctx.producedForElement) {
            // Nothing came out of it: its effect on the key's state is what is committed.
            delta.mark(e.lineage);
            e.lineage = null;
        }
    }

    // ---------------------------------------------------------------- provisional evaluation

    /**
     * Runs a row at once through the provisional instance, in the order rows come; its records are
     * visible at this run's commit. What it emits past the run's watermark is put at once (and kept
     * pending until the final evaluation passes it); what it emits at or before is final in this
     * same run, so the final evaluation puts it.
     */
    private void runProvisionally(KeyState ks, Entry e, RunDelta delta) {
        if (ks.provisionalState == null) {
            ks.provisionalState = new NamedValues();
            ks.provisionalTimers = new TimerSet();
        }
        provisionalCtx.begin(ks, delta, null);
        provisionalCtx.element(e);
        provisionalFunction.processElement(e.row, provisionalCtx);
        delta.mark(e.lineage);
        e.shown = e.lineage != null;
        delta.work[stageIndex].add(ks.key, 1);
    }

    /**
     * The final evaluation of the key has run up to {@code upTo}: deletes the provisional outputs at
     * or before it that the final one did not emit at the same key (those it did emit it has
     * confirmed and put), then fires the provisional timers up to it — after the final evaluation,
     * so they only move the provisional state on.
     */
    private void reconcile(KeyState ks, long upTo, RunDelta delta) {
        if (ks.provisionalOutputs != null) {
            // Keys sort by time first: those up to upTo are the ones before the last possible key at upTo.
            NavigableSet<ResultKey> passed = ks.provisionalOutputs.headSet(
                    ResultKey.at(Long.MAX_VALUE, upTo, Long.MAX_VALUE), true);
            for (ResultKey at : passed) {
                out.put(at, null, Long.MIN_VALUE, null, delta);
            }
            passed.clear();
            if (ks.provisionalOutputs.isEmpty()) {
                ks.provisionalOutputs = null;
            }
        }
        TimerSet timers = ks.provisionalTimers;
        if (timers == null || timers.isEmpty() || timers.first() > upTo) {
            return;
        }
        provisionalCtx.begin(ks, delta, null);
        while (!timers.isEmpty() && timers.first() <= upTo) {
            long t = timers.pollFirst();
            provisionalCtx.timer(t);
            provisionalFunction.onTimer(t, provisionalCtx);
        }
    }

    private void fireTimersBefore(KeyState ks, long time) {
        while (!ks.timers.isEmpty() && ks.timers.first() < time) {
            long t = ks.timers.pollFirst();
            ctx.timer(t);
            function.onTimer(t, ctx);
        }
    }

    private void fireTimersUpTo(KeyState ks, long upTo) {
        while (!ks.timers.isEmpty() && ks.timers.first() <= upTo) {
            long t = ks.timers.pollFirst();
            ctx.timer(t);
            function.onTimer(t, ctx);
        }
    }

    /**
     * The context the function sees: the oracle's rules, the key's kept state — for the provisional
     * instance, the key's provisional state and timers.
     */
    private final class Context implements ProcessContext {
        private final boolean forProvisional;
        private KeyState ks;
        private RunDelta delta;
        private TreeMap<ResultKey, Produced> replaying;
        private Entry current;
        private long currentTime;
        private boolean inTimer;
        boolean producedForElement;

        Context(boolean forProvisional) {
            this.forProvisional = forProvisional;
        }

        private NamedValues state() {
            return forProvisional ? ks.provisionalState : ks.state;
        }

        private TimerSet timers() {
            return forProvisional ? ks.provisionalTimers : ks.timers;
        }

        void begin(KeyState keyState, RunDelta runDelta, TreeMap<ResultKey, Produced> produced) {
            ks = keyState;
            delta = runDelta;
            replaying = produced;
        }

        void element(Entry e) {
            current = e;
            currentTime = e.row.eventTime();
            inTimer = false;
            producedForElement = false;
        }

        void timer(long t) {
            current = null;
            currentTime = t;
            inTimer = true;
        }

        @Override
        public long key() {
            return ks.key;
        }

        @Override
        public long currentTime() {
            return currentTime;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T state(String name) {
            return (T) state().get(name);
        }

        @Override
        public void setState(String name, Object value) {
            state().put(name, value);
        }

        @Override
        public void clearState(String name) {
            state().put(name, null);
        }

        @Override
        public void registerTimer(long timestamp) {
            if (inTimer ? timestamp <= currentTime : timestamp < currentTime) {
                throw new IllegalArgumentException("job " + job.name() + ": " + op + " registered a timer at "
                        + timestamp + " for key " + ks.key + (inTimer ? ", not later than the firing timer at " : ", before the current time ")
                        + currentTime);
            }
            timers().add(timestamp);
        }

        @Override
        public void deleteTimer(long timestamp) {
            timers().remove(timestamp);
        }

        @Override
        public void emit(Object value) {
            if (!lastStep) {
                throw new IllegalStateException("job " + job.name() + ": " + op
                        + " called emit() but is not the job's last step; use forward(row) to pass rows on");
            }
            if (value == null) {
                throw new IllegalArgumentException("job " + job.name() + ": " + op + " emitted null for key " + ks.key);
            }
            produce(value);
        }

        @Override
        public void forward(Row row) {
            if (row == null) {
                throw new IllegalArgumentException("job " + job.name() + ": " + op + " forwarded null for key " + ks.key);
            }
            if (row.eventTime() < currentTime) {
                throw new IllegalArgumentException("job " + job.name() + ": " + op + " forwarded a row at "
                        + row.eventTime() + ", before the current time " + currentTime + " (it would be late downstream)");
            }
            produce(row);
        }

        private void produce(Object result) {
            if (forProvisional) {
                produceProvisionally(result);
                return;
            }
            if (!ks.emittedAny || ks.seqTime != currentTime) {
                ks.emittedAny = true;
                ks.seqTime = currentTime;
                ks.seq = 0;
            }
            ResultKey at = ResultKey.at(ks.key, currentTime, ks.seq++);
            if (provisional && ks.provisionalOutputs != null && ks.provisionalOutputs.remove(at)
                    && ks.provisionalOutputs.isEmpty()) {
                // Confirmed: the final value is put below, over the provisional one.
                ks.provisionalOutputs = null;
            }
            if (replayable) {
                if (ks.outputs == null) {
                    ks.outputs = new TreeMap<>();
                }
                ks.outputs.put(at, result);
            }
            IntList lineage = null;
            long maxArrival = ks.maxArrival;
            if (current != null) {
                lineage = current.lineage;
                current.lineage = null;
                maxArrival = current.maxArrival;
                producedForElement = true;
            }
            if (!lastStep) {
                delta.work[stageIndex].out++;
            }
            if (replaying != null) {
                replaying.put(at, new Produced(result, maxArrival, lineage));
            } else {
                out.put(at, result, maxArrival, lineage, delta);
            }
        }

        /** Numbered by the provisional outputs still pending at this time, as the rows come. */
        private void produceProvisionally(Object result) {
            if (currentTime <= delta.watermark) {
                return; // final in this same run: the final evaluation emits what belongs there
            }
            if (ks.provisionalOutputs == null) {
                ks.provisionalOutputs = new TreeSet<>();
            }
            long seq = ks.provisionalOutputs.subSet(ResultKey.at(ks.key, currentTime, 0), true,
                    ResultKey.at(ks.key, currentTime, Long.MAX_VALUE), true).size();
            ResultKey at = ResultKey.at(ks.key, currentTime, seq);
            ks.provisionalOutputs.add(at);
            out.put(at, result, current == null ? ks.maxArrival : current.maxArrival, null, delta);
        }
    }
}
