package org.flowlab.sim.batch;

import java.util.HashMap;
import java.util.Map;
import org.flowlab.sim.engine.LateJudgements;
import org.flowlab.sim.job.ResultKey;
import org.flowlab.workloads.hash.LongHash;

/**
 * What one run changes, computed when it starts and applied at its commit: the outputs it
 * upserts or deletes, the input records that become visible with it (and those that a final
 * evaluation makes final after a provisional one), the records it drops as late, and the work
 * each stage does (which sizes its tasks).
 */
final class RunDelta {
    /** One output change: the new value, or null for a deletion, and the latest arrival it reflects. */
    record Change(Object value, long maxArrival) {
    }

    final int fromRecord;
    final int toRecord;
    final long watermark;
    final boolean last;
    /** Each is applied on its own (an upsert, a latency sample), so their order decides nothing. */
    final Map<ResultKey, Change> changes;
    /** Records whose effect the commit makes visible, with no output that reflects them. */
    final IntList visible = new IntList(64);
    /** Records an output reflects, each beside that output ({@code viaOutputs}, in step): final when it last changes. */
    final IntList viaIds = new IntList(64);
    final IntList viaOutputs = new IntList(64);
    /** Records whose final evaluation the commit makes final, visible since an earlier provisional one (a detector's). */
    final IntList finalIds = new IntList(4);
    final IntList late = new IntList(4);
    /** Where the first stateful step's lateness judgements go, at once (a rerun judges alike). */
    private final LateJudgements judgements;
    long corrections;
    final StageWork[] work;

    RunDelta(int fromRecord, int toRecord, long watermark, boolean last, int stages, LateJudgements judgements) {
        this.judgements = judgements;
        this.fromRecord = fromRecord;
        this.toRecord = toRecord;
        this.watermark = watermark;
        this.last = last;
        // Sized for a run that changes one output per record read, up to a point, so that big runs do not rehash.
        this.changes = new HashMap<>((int) Math.min(1 << 17, Math.max(16, (toRecord - fromRecord) * 4L / 3 + 1)));
        work = new StageWork[stages + 1];
        for (int i = 0; i < work.length; i++) {
            work[i] = new StageWork();
        }
    }

    /** Records read by the run. */
    int records() {
        return toRecord - fromRecord;
    }

    void mark(IntList ids) {
        if (ids != null) {
            visible.addAll(ids);
        }
    }

    void mark(int id) {
        visible.add(id);
    }

    /**
     * Record {@code id} was judged for lateness against {@code watermark} (the last committed run's):
     * written straight into the run's judgements, since a failed run is rerun with this same delta.
     */
    void judge(int id, long watermark) {
        judgements.judge(id, watermark);
    }

    /** The records {@code ids} become final with the commit (a detector's final evaluation after a provisional one). */
    void markFinal(IntList ids) {
        if (ids != null) {
            finalIds.addAll(ids);
        }
    }

    /** How many records the commit makes visible, through an output or not. */
    int visibleCount() {
        return visible.size() + viaIds.size();
    }

    /** Each record the commit makes visible, through an output or not. */
    void forEachVisible(java.util.function.IntConsumer action) {
        for (int i = 0; i < visible.size(); i++) {
            action.accept(visible.get(i));
        }
        for (int i = 0; i < viaIds.size(); i++) {
            action.accept(viaIds.get(i));
        }
    }

    /** The records {@code ids} become visible through the output of id {@code output} ({@link org.flowlab.sim.metrics.RecordVisibility#outputId}). */
    void mark(IntList ids, int output) {
        if (ids == null) {
            return;
        }
        viaIds.addAll(ids);
        for (int i = 0; i < ids.size(); i++) {
            viaOutputs.add(output);
        }
    }

    /** Record {@code id} becomes visible through the output of id {@code output}. */
    void markVia(int id, int output) {
        viaIds.add(id);
        viaOutputs.add(output);
    }

    Map<ResultKey, Change> changes() {
        return changes;
    }

    /**
     * The work of one stage in one run: rows it handles (new rows plus rows read again to
     * recompute a window or replay a key), spread over buckets by key hash as a shuffle spreads
     * them over tasks, and the rows it writes to the next stage's shuffle.
     */
    static final class StageWork {
        /** Buckets of keys; a stage never has more tasks than this. */
        static final int BUCKETS = 256;

        long rows;
        long out;
        /** Rows by bucket; made at the first row, since most micro-batch runs are small and the map stage never needs it. */
        private long[] byBucket;

        void add(long key, long n) {
            if (n == 0) {
                return;
            }
            rows += n;
            if (byBucket == null) {
                byBucket = new long[BUCKETS];
            }
            byBucket[bucket(key)] += n;
        }

        /** The rows of bucket {@code b}. */
        long rows(int b) {
            return byBucket == null ? 0 : byBucket[b];
        }

        static int bucket(long key) {
            // Mixed so that nearby keys spread over all buckets.
            return (int) (LongHash.fmix64(key) & (BUCKETS - 1));
        }
    }
}
