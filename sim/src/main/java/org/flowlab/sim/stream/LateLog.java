package org.flowlab.sim.stream;

import java.util.BitSet;
import org.flowlab.sim.engine.LateJudgements;

/**
 * Which input records were dropped as late, by their latest decision: a record dropped before a
 * crash and accepted when replayed is not late in the end, and one accepted into restored state
 * stays accepted. Beside each decision, the watermark it was made against.
 */
final class LateLog {
    private final BitSet late = new BitSet();
    private final LateJudgements judgements;

    LateLog(int records) {
        judgements = new LateJudgements(records);
    }

    /** Records the decision for trace position {@code id}, made against {@code watermark}. */
    void decide(int id, boolean isLate, long watermark) {
        judgements.judge(id, watermark);
        decide(id, isLate);
    }

    /** Records the decision for trace position {@code id}, reached through another record's lineage. */
    void decide(int id, boolean isLate) {
        if (isLate) {
            late.set(id);
        } else if (late.get(id)) {
            // Most records are never late: BitSet.clear would rescan its words each time.
            late.clear(id);
        }
    }

    /** The records whose latest decision was late. */
    BitSet lateIds() {
        return (BitSet) late.clone();
    }

    int count() {
        return late.cardinality();
    }

    /** The watermark each decision was made against. */
    LateJudgements judgements() {
        return judgements;
    }
}
