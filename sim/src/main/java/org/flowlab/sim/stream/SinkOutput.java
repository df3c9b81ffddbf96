package org.flowlab.sim.stream;

import org.flowlab.sim.job.ResultKey;

/**
 * One output on its way to consumers: where it belongs in the result table, its value, and for the
 * metrics the input records it reflects and the latest arrival among them (-1 when unknown); and
 * its {@link Kind}: an output, a provisional one, or the reconciliation that retracts provisional
 * ones.
 */
record SinkOutput(ResultKey at, Object value, int sourceId, Lineage lineage, long maxArrival, Kind kind) {

    /** What the sink does with it. */
    enum Kind {
        /** Upserted: a final result (it confirms a provisional output at the same key). */
        OUTPUT,
        /** Upserted and remembered as provisional until an output confirms it or a reconciliation retracts it. */
        PROVISIONAL,
        /**
         * The final evaluation of key {@code at.key()} has run up to event time {@code at.windowStart()}:
         * the provisional outputs of that key up to then that no output confirmed are deleted.
         */
        RECONCILE
    }

    /** A final output. */
    SinkOutput(ResultKey at, Object value, int sourceId, Lineage lineage, long maxArrival) {
        this(at, value, sourceId, lineage, maxArrival, Kind.OUTPUT);
    }

    /** The reconciliation of {@code key}'s provisional outputs once its final evaluation has run up to {@code upTo}. */
    static SinkOutput reconcile(long key, long upTo) {
        return new SinkOutput(ResultKey.at(key, upTo, 0), null, -1, null, -1, Kind.RECONCILE);
    }
}
