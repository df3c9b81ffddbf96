package org.flowlab.sim.stream;

import org.flowlab.sim.job.ResultKey;
import org.flowlab.sim.job.Row;
import org.flowlab.workloads.hash.LongHash;

/**
 * A row travelling between tasks, with what the engine needs beside it: the output key of the
 * stateful result it derives from ({@code at}, null before any), its lineage (a single trace
 * position for a source row, else a {@link Lineage}), the latest arrival time among the input
 * records it reflects (-1 when unknown, as for a timer's output), and for a source row its
 * partition's watermark when it was read ({@code lateBound}): the largest event time read before it
 * from its partition minus the out-of-orderness. Lateness is judged against that bound (or the
 * task's watermark, if higher), so a replay after a restart judges every record as before.
 *
 * <p>One holder at a time: a record belongs to the task running it through {@link Task#push} (then
 * to the outbox, the channel and the next task, each letting go as it hands it on), so {@code push}
 * changes its row in place when a stateless step maps or re-keys it, rather than making a new
 * record per step. Once a stateful step or the sink has taken it, nothing changes it any more.
 */
final class StreamRecord {
    /** Changed only by {@link Task#push}, while the task running it is its only holder. */
    Row row;
    final ResultKey at;
    final int sourceId;
    final Lineage lineage;
    final long maxArrival;
    final long lateBound;

    StreamRecord(Row row, ResultKey at, int sourceId, Lineage lineage, long maxArrival) {
        this(row, at, sourceId, lineage, maxArrival, Long.MIN_VALUE);
    }

    StreamRecord(Row row, ResultKey at, int sourceId, Lineage lineage, long maxArrival, long lateBound) {
        this.row = row;
        this.at = at;
        this.sourceId = sourceId;
        this.lineage = lineage;
        this.maxArrival = maxArrival;
        this.lateBound = lateBound;
    }

    /** The event time at or below which this record is late: its late bound or the task's watermark. */
    long lateAfter(long watermark) {
        return Math.max(watermark, lateBound);
    }

    /** Which of {@code n} partitions or tasks a key goes to: by its well-mixed hash (MurmurHash3's finaliser). */
    static int partition(long key, int n) {
        return (int) Long.remainderUnsigned(LongHash.fmix64(key), n);
    }
}
