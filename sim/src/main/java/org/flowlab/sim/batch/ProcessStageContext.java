package org.flowlab.sim.batch;

import java.util.TreeMap;
import java.util.TreeSet;
import org.flowlab.sim.job.Job;
import org.flowlab.sim.job.KeyedProcess;
import org.flowlab.sim.job.KeyedProcessContext;
import org.flowlab.sim.job.ResultKey;
import org.flowlab.sim.job.Row;

/**
 * The context a {@link ProcessStage}'s function sees: the rules of {@link KeyedProcessContext}
 * over the key's kept state and timers — for the provisional instance, the key's provisional state
 * and timers — and where its outputs go: to the stage's output at once, or, during a replay, into
 * the table of what the replay produced, compared with the key's earlier outputs when it is done.
 */
final class ProcessStageContext extends KeyedProcessContext {

    /** An output produced during a replay, held until the replay is done and compared. */
    record Produced(Object result, long maxArrival, IntList lineage) {
    }

    private final boolean forProvisional;
    /** Whether the stage runs a provisional instance too, whose pending outputs a final one confirms. */
    private final boolean provisional;
    /** Whether the key may be replayed, so its outputs are kept. */
    private final boolean replayable;
    private final boolean lastStep;
    private final StageOutput out;
    private final int stageIndex;
    private ProcessStageKey ks;
    private RunDelta delta;
    private TreeMap<ResultKey, Produced> replaying;
    private ProcessInput current;
    /** Whether the row being processed produced an output, which then carries its lineage. */
    boolean producedForElement;

    ProcessStageContext(Job job, KeyedProcess op, boolean lastStep, boolean forProvisional, boolean provisional,
                        boolean replayable, StageOutput out, int stageIndex) {
        super(job.name(), op, lastStep);
        this.forProvisional = forProvisional;
        this.provisional = provisional;
        this.replayable = replayable;
        this.lastStep = lastStep;
        this.out = out;
        this.stageIndex = stageIndex;
    }

    /** The rows and timers that follow are the key's, in a run with {@code runDelta}; {@code produced} during a replay. */
    void begin(ProcessStageKey keyState, RunDelta runDelta, TreeMap<ResultKey, Produced> produced) {
        ks = keyState;
        delta = runDelta;
        replaying = produced;
        forKey(keyState.key);
    }

    void element(ProcessInput e) {
        current = e;
        atRow(e.row.eventTime());
        producedForElement = false;
    }

    void timer(long t) {
        current = null;
        atTimer(t);
    }

    private NamedValues state() {
        return forProvisional ? ks.provisionalState : ks.state;
    }

    private TimerSet timers() {
        return forProvisional ? ks.provisionalTimers : ks.timers;
    }

    @Override
    protected Object stateValue(String name) {
        return state().get(name);
    }

    @Override
    protected void putState(String name, Object value) {
        state().put(name, value);
    }

    @Override
    public void clearState(String name) {
        state().put(name, null);
    }

    @Override
    protected void addTimer(long timestamp) {
        timers().add(timestamp);
    }

    @Override
    public void deleteTimer(long timestamp) {
        timers().remove(timestamp);
    }

    @Override
    protected void onEmit(Object value) {
        produce(value);
    }

    @Override
    protected void onForward(Row row) {
        produce(row);
    }

    private void produce(Object result) {
        if (forProvisional) {
            produceProvisionally(result);
            return;
        }
        ResultKey at = ks.nextAt(ks.key, currentTime());
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
        long time = currentTime();
        if (time <= delta.watermark) {
            return; // final in this same run: the final evaluation emits what belongs there
        }
        if (ks.provisionalOutputs == null) {
            ks.provisionalOutputs = new TreeSet<>();
        }
        long seq = ks.provisionalOutputs.subSet(ResultKey.at(ks.key, time, 0), true,
                ResultKey.at(ks.key, time, Long.MAX_VALUE), true).size();
        ResultKey at = ResultKey.at(ks.key, time, seq);
        ks.provisionalOutputs.add(at);
        out.put(at, result, current == null ? ks.maxArrival : current.maxArrival, null, delta);
    }
}
