package org.flowlab.flink;

import java.io.Serializable;
import java.util.Map;
import org.flowlab.sim.catalog.CatalogJob;
import org.flowlab.sim.job.Job;
import org.flowlab.workloads.TraceSchema;

/**
 * How to build a job inside every Flink task. A Flowlab {@link Job} is made of lambdas that are not
 * serializable, so Flink cannot ship the job itself; it ships this recipe instead, and each operator
 * rebuilds the job when it opens and takes the step it runs. A recipe must build the same job every
 * time. Catalog jobs have {@link #catalog}; for your own job, a lambda is enough, since this
 * interface is serializable — as long as it captures only serializable values:
 * <pre>{@code
 * JobRecipe mine = () -> Job.named("big-bids", "bids over 100 dollars")
 *         .from(RowFilter.ALL).filter(row -> row.value() > 10_000).build();
 * }</pre>
 */
@FunctionalInterface
public interface JobRecipe extends Serializable {

    /** The job; the same one at every call. */
    Job build();

    /** A catalog job for traces with this schema, with default parameters. */
    static JobRecipe catalog(CatalogJob job, TraceSchema schema) {
        return catalog(job, schema, Map.of());
    }

    /**
     * A catalog job for traces with this schema, with some parameters overridden (values as text).
     * The job is built once here, so a bad parameter fails now, with the catalog's message.
     *
     * @throws org.flowlab.workloads.InvalidInputException for an unknown parameter or a bad value
     */
    static JobRecipe catalog(CatalogJob job, TraceSchema schema, Map<String, String> parameters) {
        job.build(schema, parameters);
        return new CatalogRecipe(job.scenario(), job.name(), SchemaFields.of(schema), Map.copyOf(parameters));
    }
}
