package org.flowlab.sim.engine;

import java.util.BitSet;
import java.util.Objects;
import org.flowlab.sim.job.ResultTable;
import org.flowlab.sim.metrics.RecordVisibility;
import org.flowlab.sim.metrics.RunMetrics;

/**
 * What one engine's run gives back.
 *
 * @param engine           the engine's {@link Engine#name()}
 * @param results          the final visible result table: upserts applied, repeated outputs
 *                         collapsed into one (and counted in {@code duplicateOutputs})
 * @param metrics          every figure of the run
 * @param lateRecords      input records dropped as late (the side output), never silently lost
 * @param duplicateOutputs outputs made visible again with the same value (at-least-once replays)
 * @param visibility       when each input record became visible
 * @param lateRecordIds    the trace positions of the late records ({@code lateRecords} of them)
 * @param judgements       the watermark each record was judged against for lateness
 * @param status           whether the run finished or its job failed for good (then every figure
 *                         covers the run up to the failure, and the results are what was visible then)
 */
public record RunOutcome(String engine, ResultTable results, RunMetrics metrics, long lateRecords,
                         long duplicateOutputs, RecordVisibility visibility, BitSet lateRecordIds,
                         LateJudgements judgements, RunStatus status) {

    /** A finished run's outcome. */
    public RunOutcome(String engine, ResultTable results, RunMetrics metrics, long lateRecords, long duplicateOutputs,
                      RecordVisibility visibility, BitSet lateRecordIds, LateJudgements judgements) {
        this(engine, results, metrics, lateRecords, duplicateOutputs, visibility, lateRecordIds, judgements,
                RunStatus.COMPLETED);
    }

    /** An outcome without lateness judgements (a run with no watermark, or one built by hand). */
    public RunOutcome(String engine, ResultTable results, RunMetrics metrics, long lateRecords, long duplicateOutputs,
                      RecordVisibility visibility, BitSet lateRecordIds) {
        this(engine, results, metrics, lateRecords, duplicateOutputs, visibility, lateRecordIds,
                new LateJudgements(visibility.size()));
    }

    public RunOutcome {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(results, "results");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(visibility, "visibility");
        Objects.requireNonNull(judgements, "judgements");
        Objects.requireNonNull(status, "status");
        lateRecordIds = (BitSet) lateRecordIds.clone();
        if (lateRecordIds.cardinality() != lateRecords) {
            throw new IllegalArgumentException("lateRecords is " + lateRecords + " but " + lateRecordIds.cardinality()
                    + " late record ids are given");
        }
    }

    /** A copy of the late records' trace positions. */
    @Override
    public BitSet lateRecordIds() {
        return (BitSet) lateRecordIds.clone();
    }

    /** Whether the engine's job failed for good ({@link #status()}). */
    public boolean failed() {
        return status.failed();
    }

    /** Input records neither visible nor late at the end: must be 0 for a run that did not fail. */
    public long lostRecords() {
        return metrics.recovery().lost();
    }
}
