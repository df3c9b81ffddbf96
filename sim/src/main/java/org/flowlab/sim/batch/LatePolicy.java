package org.flowlab.sim.batch;

/**
 * What a batch engine does with a late record, judged by the event-time contract against the
 * watermark of the last committed run ({@link org.flowlab.sim.engine.EventTimeContract}): the
 * batch engine corrects, the micro-batch engine drops, each as its real counterpart does.
 */
enum LatePolicy {
    /**
     * The next run recomputes what the record touches and upserts the new results (a window's
     * accumulator takes the record in; a process function replays the key's whole history), as a
     * batch system reruns a partition that data arrived for after it ran; the final table stays
     * exactly the oracle's. Each such record counts as a correction.
     */
    CORRECT,
    /**
     * The record is left out and counted as late, as Spark Structured Streaming drops records
     * behind its watermark; the final table is then the oracle's without exactly those records.
     */
    DROP
}
