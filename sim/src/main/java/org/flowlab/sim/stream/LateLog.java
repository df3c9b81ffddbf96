package org.flowlab.sim.stream;

import java.util.BitSet;

/**
 * Which input records were dropped as late, by their latest decision: a record dropped before a
 * crash and accepted when replayed is not late in the end, and one accepted into restored state
 * stays accepted.
 */
final class LateLog {
    private final BitSet late = new BitSet();

    /** Records the decision for trace position {@code id}. */
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
}
