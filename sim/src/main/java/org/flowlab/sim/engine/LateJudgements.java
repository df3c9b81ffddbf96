package org.flowlab.sim.engine;

import java.util.Arrays;
import java.util.BitSet;

/**
 * The watermark each input record was judged against when it reached the job's first stateful
 * step — what the {@link EventTimeContract}'s lateness rules were applied to — so that a test can
 * check an engine's late records are exactly the records its watermark put behind the contract,
 * and that no watermark ran ahead of what had arrived. A record judged again after a restart keeps
 * its latest judgement, as its late decision does. Records that never reached a stateful step
 * (filtered out, or a job without one) are not judged.
 */
public final class LateJudgements {
    private final long[] against;
    private final BitSet judged = new BitSet();

    /** No record judged yet, for a trace of {@code size} records. */
    public LateJudgements(int size) {
        against = new long[size];
    }

    /** Record {@code i} was judged against {@code watermark} (this judgement replaces an earlier one). */
    public void judge(int i, long watermark) {
        against[i] = watermark;
        judged.set(i);
    }

    /** Whether record {@code i} was judged. */
    public boolean isJudged(int i) {
        return judged.get(i);
    }

    /** The watermark record {@code i} was last judged against; only if {@link #isJudged}. */
    public long against(int i) {
        return against[i];
    }

    /** How many records the judgements are for. */
    public int size() {
        return against.length;
    }

    /** How many records were judged. */
    public int judgedCount() {
        return judged.cardinality();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof LateJudgements j) || !judged.equals(j.judged)) {
            return false;
        }
        for (int i = judged.nextSetBit(0); i >= 0; i = judged.nextSetBit(i + 1)) {
            if (against[i] != j.against[i]) {
                return false;
            }
        }
        return against.length == j.against.length;
    }

    @Override
    public int hashCode() {
        return 31 * judged.hashCode() + Arrays.hashCode(new long[]{against.length});
    }

    @Override
    public String toString() {
        return "LateJudgements(" + judgedCount() + " of " + against.length + " judged)";
    }
}
