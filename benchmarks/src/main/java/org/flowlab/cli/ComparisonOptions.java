package org.flowlab.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.flowlab.bench.CostProfile;
import org.flowlab.experiment.ComparisonPlan;
import org.flowlab.experiment.EngineSettings;
import org.flowlab.experiment.JobChoice;
import org.flowlab.experiment.LatencyMeasure;
import org.flowlab.experiment.TraceSource;
import org.flowlab.sim.engine.EngineType;
import org.flowlab.sim.engine.OutputMode;
import org.flowlab.sim.fault.FaultPlan;
import org.flowlab.sim.registry.EngineRegistry;
import org.flowlab.workloads.InvalidInputException;
import org.flowlab.workloads.WorkloadSpec;
import org.flowlab.workloads.scenario.ScenarioCatalog;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The options that make a {@link ComparisonPlan}, shared by {@code compare}, {@code sweep} and {@code flink}: the
 * ones every engine shares are fields here; each engine's own ({@code --batch-interval}, {@code --delivery} …) are
 * added to the command from the engine registry ({@link EngineFlags}).
 */
final class ComparisonOptions {

    @Option(names = "--scenario", paramLabel = "NAME|FILE",
            description = "A scenario of the catalog (see 'flowlab scenarios') or a JSON spec file naming one.")
    String scenario;

    @Option(names = "--trace", paramLabel = "FILE",
            description = "Replay the trace file FILE (from 'flowlab workload generate --out' or 'flowlab workload import') "
                    + "instead of generating one; it fixes the events, so --scenario, --duration and --rate do not go with it.")
    Path trace;

    @Option(names = "--job", paramLabel = "J",
            description = "A job of the scenario's catalog, for example q5 for nexmark (default: the scenario's first); "
                    + "with --trace, a job of the trace's scenario.")
    String job;

    @Option(names = "--sql", paramLabel = "FILE.sql|QUERY",
            description = "The job as a SQL query (Flink SQL dialect) over the trace's tables — events for an imported trace, "
                    + "bid, auction and person for nexmark — given as text or as a .sql file: SELECT, WHERE, GROUP BY with "
                    + "COUNT/SUM/AVG/MIN/MAX/COUNT(DISTINCT), TABLE(TUMBLE|HOP|SESSION(...)) windows, joins. "
                    + "See queries/nexmark/ for examples.")
    String sql;

    @Option(names = "--seed", paramLabel = "N",
            description = "Seed of the trace and of every engine (default: " + ComparisonPlan.DEFAULT_SEED
                    + "; with --trace, the trace file's).")
    Long seed;

    @Option(names = "--duration", paramLabel = "D", converter = DurationConverter.class,
            description = "Event-time span to generate, e.g. 10m, 4h (default: the scenario's).")
    Long duration;

    @Option(names = "--rate", paramLabel = "R", converter = RateConverter.class,
            description = "Mean input rate, e.g. 2000/s (default: the scenario's).")
    Double rate;

    @Option(names = "--engines", paramLabel = "E[,E...]", split = ",",
            description = "Which engines, by id (default: every one: batch, microbatch, stream).")
    List<String> engines;

    /** The command these options are mixed into: it holds each engine's own flags ({@link EngineFlags}). */
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(names = "--workers", paramLabel = "N", description = "Workers of every engine's cluster (default: 4).")
    Integer workers;

    @Option(names = "--watermark-delay", paramLabel = "D", converter = NonNegativeDurationConverter.class,
            description = "Every engine: how far the watermark trails the largest event time read (bounded "
                    + "out-of-orderness, 0s to 366d; default: 5s). Stream and micro-batch drop records behind it "
                    + "as late; batch corrects them by running again.")
    Long watermarkDelay;

    @Option(names = "--allowed-lateness", paramLabel = "D", converter = NonNegativeDurationConverter.class,
            description = "Every engine with a watermark: how long after the watermark passes a window it still "
                    + "takes records and emits the window again (0s to 366d; default: 0s).")
    Long allowedLateness;

    @Option(names = "--output", paramLabel = "final|updates", converter = OutputModeConverter.class,
            description = "Every engine: emit each window or alert once, when complete (final, the default: Spark's "
                    + "append mode, Flink's on-watermark trigger), or partial results early too (updates: Spark's update "
                    + "mode, Flink's early firing, Kafka Streams' changelog).")
    OutputMode output;

    @Option(names = "--faults", paramLabel = "SPEC", converter = FaultPlanConverter.class,
            description = "Faults injected into every engine, joined by ';': crash:worker=2@1h+30s, task-fail:mtbf=2h "
                    + "(each worker's tasks fail on average every 2 h), task-fail:worker=1@40m, slow:worker=1,x4@2h..3h, "
                    + "stall:source@10m..12m, or none.")
    FaultPlan faults;

    @Option(names = "--sla", paramLabel = "D", converter = DurationConverter.class,
            description = "Latency SLA: the p99 per-record latency (arrival to final, or to first visible with --sla-on first) must be at most D.")
    Long sla;

    @Option(names = "--sla-on", paramLabel = "first|final", converter = LatencyMeasureConverter.class,
            description = "Which per-record latency the SLA bounds and the recommendation weighs: final (the output "
                    + "that reflects the record will not change again; the default) or first (an output first reflects it).")
    LatencyMeasure slaOn;

    @Option(names = "--budget", paramLabel = "X",
            description = "The most a run may cost, in the cluster price's currency (4 workers at 0.20 per worker-hour by default).")
    Double budget;

    @Option(names = "--cost-profile", paramLabel = "FILE",
            description = "Charge the virtual cost of each step of work from FILE, a cost profile in the shape of "
                    + "cost-model.json (as 'flowlab calibrate' writes; fields it leaves out keep their defaults), instead of "
                    + "the default order-of-magnitude costs of Flink and Spark.")
    Path costProfile;

    /** Whether neither a scenario nor a trace file was named, which makes {@code compare} run its showcase. */
    boolean noScenario() {
        return scenario == null && trace == null;
    }

    /**
     * The plan of {@code registry}'s engines (those {@code --engines} names, in the registry's order, or all);
     * without a scenario, {@code showcase} is the base the flags change.
     */
    ComparisonPlan plan(ComparisonPlan showcase, EngineRegistry registry) {
        ComparisonPlan plan;
        if (trace != null) {
            rejectWithTrace("--scenario", scenario);
            rejectWithTrace("--duration", duration);
            rejectWithTrace("--rate", rate);
            plan = ComparisonPlan.of(TraceSource.read(trace));
        } else {
            plan = scenario == null ? showcase : ComparisonPlan.of(workload(scenario));
        }
        if (duration != null) {
            plan = plan.withDuration(duration, GivenOption.text(command, "--duration"));
        }
        if (rate != null) {
            plan = plan.withRate(rate, GivenOption.text(command, "--rate"));
        }
        if (seed != null) {
            plan = plan.withSeed(seed);
        }
        if (job != null && sql != null) {
            throw new InvalidInputException("--job and --sql do not go together: give a catalog job or a SQL query");
        }
        if (job != null) {
            plan = plan.withJob(JobChoice.named(job));
        }
        if (sql != null) {
            plan = plan.withJob(JobChoice.sql(sqlText(sql)));
        }
        plan = plan.withEngines(engines == null ? registry.all() : chosen(registry));
        plan = plan.withSettings(EngineFlags.apply(command, registry, settings(plan.settings())));
        if (faults != null) {
            plan = plan.withFaults(faults);
        }
        if (sla != null) {
            plan = plan.withSla(sla);
        }
        if (slaOn != null) {
            plan = plan.withSlaOn(slaOn);
        }
        if (budget != null) {
            plan = plan.withBudget(budget);
        }
        return plan;
    }

    /**
     * The engines {@code --engines} names, in the registry's order; an unknown name is an error here, a name
     * given twice is the plan's ({@link ComparisonPlan}).
     */
    private List<EngineType<?>> chosen(EngineRegistry registry) {
        return engines.stream().<EngineType<?>>map(registry::parse)
                .sorted(Comparator.comparingInt(t -> registry.all().indexOf(t))).toList();
    }

    private EngineSettings settings(EngineSettings base) {
        EngineSettings s = base;
        if (workers != null) {
            s = s.withWorkers(workers);
        }
        if (output != null) {
            s = s.withOutput(output);
        }
        if (watermarkDelay != null) {
            s = s.withWatermarkDelay(watermarkDelay);
        }
        if (allowedLateness != null) {
            s = s.withAllowedLateness(allowedLateness);
        }
        if (costProfile != null) {
            s = s.withCosts(CostProfile.read(costProfile));
        }
        return s;
    }

    /** {@code option}, given with {@code --trace}, is an error: the file fixes what it would generate. */
    private void rejectWithTrace(String option, Object given) {
        if (given != null) {
            throw TraceSource.fixedBy(trace, option);
        }
    }

    /** A catalog name, or a spec file when the text names a file or ends in .json. */
    static WorkloadSpec workload(String scenario) {
        if (scenario.endsWith(".json") || Files.isRegularFile(Path.of(scenario))) {
            return WorkloadSpec.fromFile(Path.of(scenario));
        }
        if (Files.exists(Path.of(scenario))) {
            // A folder or a device: neither a catalog name nor a spec file, and "unknown scenario" would not say why.
            throw new InvalidInputException(scenario + ": is " + (Files.isDirectory(Path.of(scenario)) ? "a folder" : "not a regular file")
                    + ", not a spec file; give a scenario's spec file or one of " + String.join(", ", ScenarioCatalog.names()));
        }
        return WorkloadSpec.defaults(scenario);
    }

    /** The query of {@code --sql}: the file's text when it ends in .sql, else the text itself. */
    static String sqlText(String sql) {
        if (!sql.strip().endsWith(".sql")) {
            return sql;
        }
        Path file = Path.of(sql.strip());
        try {
            return Files.readString(file, java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw InvalidInputException.cannot("read the SQL file", file, e);
        }
    }
}
