package org.flowlab.sim.batch;

import java.util.NavigableSet;
import org.flowlab.sim.job.Job;
import org.flowlab.sim.job.KeyedProcess;
import org.flowlab.sim.job.KeyedProcessContext;
import org.flowlab.sim.job.KeyedProcessFunction;
import org.flowlab.sim.job.ResultKey;

/**
 * The provisional instance of a {@link ProcessStage}'s function, for a detector (the job's last
 * step) in the {@code updates} output mode: it runs each row as the run reads it, with its own
 * state and timers per key, and its alerts are taken back or confirmed once the final evaluation
 * has passed them (see {@link ProcessStage}).
 */
final class ProvisionalEvaluation {
    private final KeyedProcessFunction function;
    private final ProcessStageContext ctx;
    private final StageOutput out;
    private final int stageIndex;

    ProvisionalEvaluation(Job job, KeyedProcess op, boolean replayable, StageOutput out, int stageIndex) {
        this.function = op.newFunction();
        this.ctx = new ProcessStageContext(job, op, true, true, true, replayable, out, stageIndex);
        this.out = out;
        this.stageIndex = stageIndex;
    }

    /**
     * Runs a row at once through the provisional instance, in the order rows come; its records are
     * visible at this run's commit. What it emits past the run's watermark is put at once (and kept
     * pending until the final evaluation passes it); what it emits at or before is final in this
     * same run, so the final evaluation puts it.
     */
    void run(ProcessStageKey ks, ProcessInput e, RunDelta delta) {
        if (ks.provisionalState == null) {
            ks.provisionalState = new NamedValues();
            ks.provisionalTimers = new TimerSet();
        }
        ctx.begin(ks, delta, null);
        ctx.element(e);
        function.processElement(e.row, ctx);
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
    void reconcile(ProcessStageKey ks, long upTo, RunDelta delta) {
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
        if (timers == null || timers.isEmpty() || !KeyedProcessContext.isDue(timers.first(), upTo)) {
            return;
        }
        ctx.begin(ks, delta, null);
        while (!timers.isEmpty() && KeyedProcessContext.isDue(timers.first(), upTo)) {
            long t = timers.pollFirst();
            ctx.timer(t);
            function.onTimer(t, ctx);
        }
    }
}
