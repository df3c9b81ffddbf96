package org.flowlab.sim.catalog;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.flowlab.sim.job.Job;
import org.flowlab.workloads.InvalidInputException;
import org.flowlab.workloads.Trace;
import org.flowlab.workloads.TraceSchema;

/**
 * One job of the {@link JobCatalog}: which scenario it reads, its short name, a one-line
 * explanation, whether it is a detector (its outputs are {@link Alert}s, scored against the
 * scenario's ground truth) and how to build it:
 * <pre>{@code
 * Job q5 = JobCatalog.get("nexmark", "q5").build(trace);
 * Job strict = JobCatalog.get("card-fraud", "fraud-alerts").build(trace.schema(), Map.of("k", "8"));
 * }</pre>
 *
 * @param scenario   the scenario of the {@link org.flowlab.workloads.scenario.ScenarioCatalog} it reads
 * @param name       short, lower case, unique within the scenario ({@code q5}, {@code eod-balance})
 * @param summary    one line saying what it computes
 * @param detector   whether its outputs are alerts
 * @param parameters its knobs with their defaults, empty for most jobs
 * @param factory    builds the job for a trace schema and parameter values
 */
public record CatalogJob(String scenario, String name, String summary, boolean detector,
                         List<JobParameter> parameters, JobFactory factory) {

    public CatalogJob {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(name, "name");
        if (!name.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            throw new IllegalArgumentException("job name '" + name + "' must be lower-case words joined by '-'");
        }
        Objects.requireNonNull(summary, "summary");
        parameters = List.copyOf(parameters);
        Objects.requireNonNull(factory, "factory");
    }

    /** {@code scenario/name}, as messages and reports name the job. */
    public String qualifiedName() {
        return scenario + "/" + name;
    }

    /** The job for this trace, with default parameters. */
    public Job build(Trace trace) {
        return build(trace.schema(), Map.of());
    }

    /** The job for traces with this schema, with default parameters. */
    public Job build(TraceSchema schema) {
        return build(schema, Map.of());
    }

    /**
     * The job for traces with this schema, with some parameters overridden (values as text).
     *
     * @throws InvalidInputException for an unknown parameter, a bad value, or a schema without the
     *                               event kinds the job reads
     */
    public Job build(TraceSchema schema, Map<String, String> overrides) {
        JobParameters values = JobParameters.resolve(qualifiedName(), parameters, overrides);
        try {
            return factory.build(schema, values);
        } catch (IllegalArgumentException e) {
            // A parameter gave the job model something it rejects (a slide above the size …), or the
            // trace lacks a kind the job reads: either way, the user's input.
            throw new InvalidInputException("job " + qualifiedName() + ": " + e.getMessage(), e);
        }
    }

    /** The parameters' defaults, by name. */
    public JobParameters defaults() {
        return JobParameters.resolve(qualifiedName(), parameters, Map.of());
    }

    @Override
    public String toString() {
        return qualifiedName() + (detector ? " (detector)" : "") + ": " + summary;
    }
}
