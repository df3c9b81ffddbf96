package org.flowlab.sim.batch;

import org.flowlab.sim.job.ResultKey;
import org.flowlab.sim.job.Row;

/**
 * One stateful step of a job as a batch engine runs it: it takes a run's input, then {@link #step}
 * computes what the run changes and passes it on. State is kept between runs.
 */
interface Stage {

    /** Ends the run's input: computes and passes on the changes, with the run's event-time watermark. */
    void step(long watermark, RunDelta delta);
}

/** The first stateful step, fed the source rows that pass the steps before it. */
interface SourceStage extends Stage {
    void acceptSource(int record, Row row, long arrival, RunDelta delta);
}

/** A later stateful step, fed changes of the previous one's results: row {@code id} is now {@code row}, or gone. */
interface ChangeStage extends Stage {
    void accept(ResultKey id, Row row, long maxArrival, IntList lineage, RunDelta delta);
}
