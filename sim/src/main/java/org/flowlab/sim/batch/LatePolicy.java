package org.flowlab.sim.batch;

/**
 * What a batch or micro-batch engine does with a late record: one whose windows (or whose key's
 * process function) a committed run has already covered, that is, at or below the watermark of
 * the last committed run.
 */
public enum LatePolicy {
    /**
     * The next run recomputes what the record touches and upserts the new results (a window's
     * accumulator takes the record in; a process function replays the key's whole history), so
     * the final table stays exactly the oracle's. Each such record counts as a correction.
     */
    REPROCESS,
    /**
     * The record is left out and counted as late, as Spark Structured Streaming drops records
     * behind its watermark; the final table is then the oracle's without exactly those records.
     */
    DROP
}
