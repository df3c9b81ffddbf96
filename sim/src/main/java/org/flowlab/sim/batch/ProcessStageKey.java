package org.flowlab.sim.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import org.flowlab.sim.job.OutputNumbering;
import org.flowlab.sim.job.ResultKey;

/**
 * Everything a {@link ProcessStage} keeps for one key between runs: the function's state and
 * timers, the rows not yet processed (or all of them, fed by another stage), what a replay needs,
 * the numbering of its outputs (inherited, so it lives in this object), when the key next has
 * something to do, and the provisional instance's state, timers and unreconciled outputs.
 */
final class ProcessStageKey extends OutputNumbering {
    final long key;
    NamedValues state = new NamedValues();
    final TimerSet timers = new TimerSet();
    /**
     * Fed by the source: the rows not yet processed, in arrival order until a run sorts them
     * (they mostly come in order, and a key has few per run, so a list beats a sorted set).
     */
    List<ProcessInput> pending;
    /** Fed by another stage: every row, processed ones too, which changes remove by identity. */
    TreeSet<ProcessInput> rows;
    /** When fed by the source: the processed rows' trace positions, to rebuild them for a replay. */
    IntList history;
    /** The outputs so far, kept only when the key may be replayed; null while there are none. */
    TreeMap<ResultKey, Object> outputs;
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

    ProcessStageKey(long key) {
        this.key = key;
    }

    List<ProcessInput> pending() {
        if (pending == null) {
            pending = new ArrayList<>(2);
        }
        return pending;
    }

    TreeSet<ProcessInput> rows() {
        if (rows == null) {
            rows = new TreeSet<>(StageRow.ORDER);
        }
        return rows;
    }

    IntList history() {
        if (history == null) {
            history = new IntList(4);
        }
        return history;
    }
}
