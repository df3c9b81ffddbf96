package org.flowlab.sim.batch;

import org.flowlab.sim.job.ResultKey;
import org.flowlab.sim.job.Row;

/**
 * One input row of a {@link ProcessStage}: waiting to be processed, or, fed by another stage, kept
 * for replays; with whether the provisional evaluation has already shown it.
 */
final class ProcessInput extends StageRow {

    /** Run by the provisional instance, its records visible already: its final run marks them final. */
    boolean shown;

    ProcessInput(ResultKey id, Row row, long maxArrival, IntList lineage) {
        super(id, row, maxArrival, lineage);
    }

    /** An input before every real row at {@code eventTime} and after every earlier one, for range probes. */
    static ProcessInput probe(long eventTime) {
        return new ProcessInput(null, probeRow(eventTime), 0, null);
    }
}
