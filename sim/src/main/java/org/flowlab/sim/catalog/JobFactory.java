package org.flowlab.sim.catalog;

import org.flowlab.sim.job.Job;
import org.flowlab.workloads.TraceSchema;

/**
 * Builds a catalog job for a trace. Jobs that tell event kinds apart inside their steps need the
 * kinds' indexes, which only the trace's schema knows; the parameters carry the job's knobs.
 */
@FunctionalInterface
public interface JobFactory {

    /**
     * The job for traces with this schema.
     *
     * @throws org.flowlab.workloads.InvalidInputException for a parameter out of range
     * @throws IllegalArgumentException                    for a schema the job cannot read
     */
    Job build(TraceSchema schema, JobParameters parameters);
}
