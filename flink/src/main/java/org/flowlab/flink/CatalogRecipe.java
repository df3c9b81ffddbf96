package org.flowlab.flink;

import java.util.Map;
import org.flowlab.sim.catalog.JobCatalog;
import org.flowlab.sim.job.Job;

/**
 * A catalog job by name: the scenario, the job, the trace schema it is built for and its
 * parameter overrides — plain strings, which is all a Flink task needs to rebuild it.
 */
record CatalogRecipe(String scenario, String job, SchemaFields schema, Map<String, String> parameters)
        implements JobRecipe {

    @Override
    public Job build() {
        return JobCatalog.get(scenario, job).build(schema.toSchema(), parameters);
    }

    @Override
    public String toString() {
        return scenario + "/" + job + (parameters.isEmpty() ? "" : " " + parameters);
    }
}
