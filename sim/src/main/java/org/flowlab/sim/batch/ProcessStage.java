package org.flowlab.sim.batch;

import java.util.ArrayList;
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
import org.flowlab.sim.job.KeyedProcessContext;
import org.flowlab.sim.job.KeyedProcessFunction;
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
    /** The provisional instance, null without. */
    private final ProvisionalEvaluation provisionalRuns;
    private final ProcessStageContext ctx;

    private final LongMap<ProcessStageKey> keys = new LongMap<>();
    private final Map<ResultKey, ProcessInput> byId = new HashMap<>();
    /**
     * Keys by wake time, earliest first. An entry is current while its time is still the key's
     * {@code wakeAt}; one left behind by a change is skipped when it comes up, which is cheaper
     * than finding and removing it.
     */
    private final EventQueue<ProcessStageKey> wakes = new EventQueue<>();
    /** Keys with a late row, to replay in the next step. */
    private final List<ProcessStageKey> replayKeys = new ArrayList<>();
    private long watermark = Long.MIN_VALUE;

    /**
     * @param sourceRow     for the first stateful step: rebuilds the row of a trace position as the
     *                      steps before it make it; null for a later step
     * @param sourceArrival for the first stateful step: the arrival time of a trace position
     */
    ProcessStage(Job job, KeyedProcess op, boolean lastStep, OutputMode mode, LatePolicy latePolicy,
                 EventTimeContract contract, StageOutput out, int stageIndex, IntFunction<Row> sourceRow,
                 IntFunction<Long> sourceArrival) {
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
        this.provisionalRuns = provisional ? new ProvisionalEvaluation(job, op, replayable, out, stageIndex) : null;
        this.ctx = new ProcessStageContext(job, op, lastStep, false, provisional, replayable, out, stageIndex);
    }

    private ProcessStageKey key(long key) {
        return keys.computeIfAbsent(key, ProcessStageKey::new);
    }

    @Override
    public void acceptSource(int record, Row row, long arrival, RunDelta delta) {
        ProcessStageKey ks = key(row.key());
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
        ProcessInput e = new ProcessInput(null, row, arrival, lineage);
        ks.pending().add(e);
        delta.work[stageIndex].add(row.key(), 1);
        if (provisional && !ks.replay) {
            provisionalRuns.run(ks, e, delta);
        }
        // A row only ever brings the key's wake forward, to its own time if it is past the watermark.
        if (row.eventTime() > watermark && row.eventTime() < ks.wakeAt) {
            wakeAt(ks, row.eventTime());
        }
    }

    @Override
    public void accept(ResultKey id, Row row, long maxArrival, IntList lineage, RunDelta delta) {
        ProcessInput old = byId.remove(id);
        if (old != null) {
            ProcessStageKey ks = keys.get(old.row.key());
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
        ProcessStageKey ks = key(row.key());
        ProcessInput e = new ProcessInput(id, row, maxArrival, lineage);
        ks.rows().add(e);
        byId.put(id, e);
        if (row.eventTime() <= watermark) {
            needsReplay(ks);
        }
        delta.work[stageIndex].add(row.key(), 1);
        if (provisional && !ks.replay) {
            provisionalRuns.run(ks, e, delta);
        }
        updateWake(ks);
    }

    private static IntList append(IntList a, IntList b) {
        a.addAll(b);
        return a;
    }

    private void needsReplay(ProcessStageKey ks) {
        if (!ks.replay) {
            ks.replay = true;
            replayKeys.add(ks);
        }
    }

    private static long after(long t) {
        return t == Long.MAX_VALUE ? t : t + 1;
    }

    /** The key's rows with event time in (from, to]. */
    private NavigableSet<ProcessInput> rowsBetween(ProcessStageKey ks, long from, long to) {
        if (from == Long.MAX_VALUE) {
            return new TreeSet<>(StageRow.ORDER);
        }
        ProcessInput lo = ProcessInput.probe(from + 1);
        return to == Long.MAX_VALUE ? ks.rows().tailSet(lo, true) : ks.rows().subSet(lo, true, ProcessInput.probe(to + 1), false);
    }

    private void updateWake(ProcessStageKey ks) {
        long next = Long.MAX_VALUE;
        boolean any = false;
        if (watermark != Long.MAX_VALUE) {
            if (sourceRow != null) {
                // The first of the rows past the watermark in ORDER is one with the least event time.
                if (ks.pending != null) {
                    for (ProcessInput e : ks.pending) {
                        long t = e.row.eventTime();
                        if (t > watermark && t < next) {
                            next = t;
                            any = true;
                        }
                    }
                }
            } else {
                ProcessInput first = ks.rows == null ? null : ks.rows.ceiling(ProcessInput.probe(after(watermark)));
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

    private void wakeAt(ProcessStageKey ks, long at) {
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
        List<ProcessStageKey> todo = new ArrayList<>(replayKeys);
        replayKeys.clear();
        for (ProcessStageKey ks : todo) {
            ks.due = true;
        }
        while (!wakes.isEmpty() && wakes.peekTime() <= newWatermark) {
            long at = wakes.peekTime();
            ProcessStageKey ks = wakes.poll();
            if (ks.wakeAt == at && !ks.due) {
                ks.due = true;
                todo.add(ks);
            }
        }
        for (ProcessStageKey ks : todo) {
            if (ks.replay) {
                ks.replay = false;
                replay(ks, newWatermark, delta);
            } else {
                run(ks, newWatermark, delta);
            }
            if (provisional) {
                provisionalRuns.reconcile(ks, newWatermark, delta);
            }
        }
        watermark = newWatermark;
        for (ProcessStageKey ks : todo) {
            ks.due = false;
            updateWake(ks);
        }
    }

    private void run(ProcessStageKey ks, long upTo, RunDelta delta) {
        ctx.begin(ks, delta, null);
        long n = 0;
        if (sourceRow != null) {
            // Fed by the source, a key keeps only rows not yet processed, all past the watermark
            // (a late one makes the step replay the key instead), so those up to upTo lead in ORDER.
            List<ProcessInput> pending = ks.pending;
            if (pending != null && !pending.isEmpty()) {
                pending.sort(StageRow.ORDER);
                int taken = 0;
                while (taken < pending.size() && pending.get(taken).row.eventTime() <= upTo) {
                    ProcessInput e = pending.get(taken++);
                    fireTimersBefore(ks, e.row.eventTime());
                    element(ks, e, delta);
                    if (replayable) {
                        ks.history().add((int) e.row.id());
                    }
                }
                pending.subList(0, taken).clear();
                n = taken;
            }
        } else {
            // The function cannot reach this stage's rows, so the live view is safe to walk.
            for (ProcessInput e : rowsBetween(ks, watermark, upTo)) {
                fireTimersBefore(ks, e.row.eventTime());
                element(ks, e, delta);
                n++;
            }
        }
        fireTimersUpTo(ks, upTo);
        delta.work[stageIndex].add(ks.key, n);
    }

    /** Runs the key again from nothing, over every row it has up to {@code upTo}, and rewrites what changed. */
    private void replay(ProcessStageKey ks, long upTo, RunDelta delta) {
        List<ProcessInput> all = new ArrayList<>();
        if (ks.history != null) {
            for (int i = 0; i < ks.history.size(); i++) {
                int record = ks.history.get(i);
                all.add(new ProcessInput(null, sourceRow.apply(record), sourceArrival.apply(record), null));
            }
        }
        if (sourceRow != null) {
            if (ks.pending != null) {
                all.addAll(ks.pending);
            }
        } else if (ks.rows != null) {
            all.addAll(ks.rows);
        }
        all.sort(StageRow.ORDER);
        TreeMap<ResultKey, Object> before = ks.outputs;
        ks.state = new NamedValues();
        ks.timers.clear();
        ks.outputs = null;
        ks.resetNumbering();
        ks.maxArrival = Long.MIN_VALUE;
        TreeMap<ResultKey, ProcessStageContext.Produced> produced = new TreeMap<>();
        ctx.begin(ks, delta, produced);
        IntList processed = sourceRow != null ? new IntList(Math.max(4, all.size())) : null;
        int n = 0;
        while (n < all.size() && all.get(n).row.eventTime() <= upTo) {
            ProcessInput e = all.get(n++);
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
        for (Map.Entry<ResultKey, ProcessStageContext.Produced> p : produced.entrySet()) {
            ProcessStageContext.Produced v = p.getValue();
            out.put(p.getKey(), v.result(), v.maxArrival(), v.lineage(), delta);
        }
    }

    private void element(ProcessStageKey ks, ProcessInput e, RunDelta delta) {
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

    private void fireTimersBefore(ProcessStageKey ks, long rowTime) {
        while (!ks.timers.isEmpty() && !KeyedProcessContext.rowBeforeTimer(rowTime, ks.timers.first())) {
            fire(ks.timers.pollFirst());
        }
    }

    private void fireTimersUpTo(ProcessStageKey ks, long upTo) {
        while (!ks.timers.isEmpty() && KeyedProcessContext.isDue(ks.timers.first(), upTo)) {
            fire(ks.timers.pollFirst());
        }
    }

    private void fire(long t) {
        ctx.timer(t);
        function.onTimer(t, ctx);
    }
}
