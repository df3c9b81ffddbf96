package org.flowlab.experiment;

import java.util.Map;
import java.util.Objects;
import org.flowlab.sim.catalog.CatalogJob;
import org.flowlab.sim.catalog.JobCatalog;
import org.flowlab.sim.job.Job;
import org.flowlab.sql.SqlQuery;
import org.flowlab.workloads.InvalidInputException;
import org.flowlab.workloads.Trace;

/**
 * Which job a comparison runs: one of the scenario's catalog jobs (by name, or its default), a SQL
 * query over the trace's tables, or a job built by hand, for example in a notebook cell.
 */
public sealed interface JobChoice permits JobChoice.FromCatalog, JobChoice.Given, JobChoice.Sql {

    /** The scenario's default catalog job. */
    static JobChoice scenarioDefault() {
        return new FromCatalog(null, Map.of());
    }

    /** The catalog job {@code name} of the comparison's scenario, with its default parameters. */
    static JobChoice named(String name) {
        return new FromCatalog(Objects.requireNonNull(name, "name"), Map.of());
    }

    /** The SQL query {@code text}, compiled against the trace's tables ({@link SqlQuery#compile}). */
    static JobChoice sql(String text) {
        return new Sql(text);
    }

    /** This job as it is. */
    static JobChoice of(Job job) {
        return new Given(job);
    }

    /** The job's name for reports, checking that it exists for {@code scenario}. */
    String name(String scenario);

    /** The job to run on {@code trace}. */
    Job build(Trace trace);

    /**
     * A catalog job.
     *
     * @param name       the job's name in the scenario's catalog, or null for the scenario's default
     * @param parameters overrides of the job's parameters, values as text
     */
    record FromCatalog(String name, Map<String, String> parameters) implements JobChoice {
        public FromCatalog {
            parameters = Map.copyOf(parameters);
        }

        /**
         * The catalog entry for {@code scenario}.
         *
         * @throws org.flowlab.workloads.InvalidInputException naming the job and the known ones, or saying that
         *                                                     the scenario (an imported trace's) has no catalog jobs
         */
        public CatalogJob resolve(String scenario) {
            if (!JobCatalog.scenarios().contains(scenario)) {
                throw new InvalidInputException((name == null ? "job" : "--job " + name) + ": this trace's scenario '"
                        + scenario + "' has no catalog jobs (those of " + String.join(", ", JobCatalog.scenarios())
                        + " have); give its job as SQL with --sql");
            }
            return name == null ? JobCatalog.defaultJob(scenario) : JobCatalog.get(scenario, name);
        }

        @Override
        public String name(String scenario) {
            return resolve(scenario).name();
        }

        @Override
        public Job build(Trace trace) {
            return resolve(trace.spec().scenario()).build(trace.schema(), parameters);
        }
    }

    /** A hand-built job. */
    record Given(Job job) implements JobChoice {
        public Given {
            Objects.requireNonNull(job, "job");
        }

        @Override
        public String name(String scenario) {
            return job.name();
        }

        @Override
        public Job build(Trace trace) {
            return job;
        }
    }

    /**
     * A SQL query: compiled once per trace, against that trace's tables, to a job every engine and the
     * oracle run; its outputs are {@link org.flowlab.workloads.table.SqlRow}s.
     *
     * @param text the query
     */
    record Sql(String text) implements JobChoice {
        public Sql {
            Objects.requireNonNull(text, "text");
        }

        @Override
        public String name(String scenario) {
            return "sql";
        }

        /** The query compiled for {@code trace}; a query that does not compile is an {@link InvalidInputException}. */
        public SqlQuery compile(Trace trace) {
            return SqlQuery.compile(text, trace.schema());
        }

        @Override
        public Job build(Trace trace) {
            return compile(trace).job();
        }
    }
}
