package org.flowlab.experiment;

import org.flowlab.sim.engine.EngineType;
import org.flowlab.sim.registry.EngineRegistry;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.flowlab.sim.fault.FaultPlan;
import org.flowlab.workloads.InvalidInputException;
import org.flowlab.workloads.WorkloadSpec;
import org.flowlab.workloads.text.DurationText;
import org.flowlab.workloads.text.RateText;

/**
 * Everything a comparison needs, as one value: which trace (generated from a scenario's spec and the
 * seed, or read from a trace file: {@link TraceSource}), which job, which engines with which
 * settings, which faults to inject into every engine, and the latency SLA and budget the
 * recommendation weighs. Build it in one line and vary it with the
 * {@code withX} copies:
 * <pre>{@code
 * ComparisonPlan plan = ComparisonPlan.of("stock-ticks").withSeed(7).withFaults(FaultPlan.parse("crash:worker=1@5m+30s"));
 * }</pre>
 *
 * @param input    where the trace comes from
 * @param seed     the seed of every engine's randomness, and of a generated trace
 * @param job      which job to run
 * @param engines  which engines, distinct, in the order tables and charts show them
 * @param settings the engines' knobs
 * @param faults   the faults injected into every engine
 * @param sla      the latency SLA: a bound on the p99 per-record latency, nanoseconds; empty = none
 * @param slaOn    which per-record latency the SLA bounds and the recommendation weighs (final by default)
 * @param budget   the most a run may cost, in the cluster price's currency; empty = no limit
 */
public record ComparisonPlan(TraceSource input, long seed, JobChoice job, List<EngineType<?>> engines,
                             EngineSettings settings, FaultPlan faults, OptionalLong sla, LatencyMeasure slaOn,
                             OptionalDouble budget) {

    /** The seed used when none is given, as for {@code flowlab workload}. */
    public static final long DEFAULT_SEED = 1L;

    /** The scenario of the showcase. */
    public static final String SHOWCASE_SCENARIO = "card-fraud";
    /** The showcase's span of event time. */
    public static final long SHOWCASE_DURATION = 4 * DurationText.NANOS_PER_HOUR;
    /** The showcase's rate: with its duration, about a million events. */
    public static final double SHOWCASE_RATE = 70;
    /** The showcase's fault: worker 1 dies at 1 h 30 m and is back 30 s after it is found dead. */
    public static final String SHOWCASE_FAULTS = "crash:worker=1@1h30m+30s";
    /** The showcase's SLA: a fraud alert within a minute of the purchase's arrival, for 99 % of purchases. */
    public static final long SHOWCASE_SLA = DurationText.NANOS_PER_MINUTE;

    public ComparisonPlan {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(faults, "faults");
        Objects.requireNonNull(sla, "sla");
        Objects.requireNonNull(slaOn, "slaOn");
        Objects.requireNonNull(budget, "budget");
        if (engines.isEmpty()) {
            throw new InvalidInputException("engines: name at least one of " + EngineRegistry.STANDARD.ids());
        }
        Set<String> distinct = new HashSet<>();
        for (EngineType<?> p : engines) {
            if (!distinct.add(Objects.requireNonNull(p, "engine").id())) {
                throw new InvalidInputException("engines: " + p.id() + " is named twice");
            }
        }
        engines = List.copyOf(engines);
        if (sla.isPresent() && sla.getAsLong() <= 0) {
            throw new InvalidInputException("SLA: must be a positive duration (got " + DurationText.format(sla.getAsLong()) + ")");
        }
        if (budget.isPresent() && !(budget.getAsDouble() >= 0 && Double.isFinite(budget.getAsDouble()))) {
            throw new InvalidInputException("budget: must be a number >= 0 (got " + budget.getAsDouble() + ")");
        }
    }

    /** A scenario's defaults: seed 1, its default job, every engine of {@link EngineRegistry#STANDARD}, default settings, no faults, no SLA or budget. */
    public static ComparisonPlan of(String scenario) {
        return of(WorkloadSpec.defaults(scenario));
    }

    /** A workload's comparison with the defaults of {@link #of(String)}. */
    public static ComparisonPlan of(WorkloadSpec workload) {
        return of(TraceSource.generated(workload));
    }

    /**
     * The comparison of a trace's source with the defaults of {@link #of(String)}, except the seed: the
     * source's ({@link TraceSource#defaultSeed()}: a trace file's own).
     */
    public static ComparisonPlan of(TraceSource input) {
        return new ComparisonPlan(input, input.defaultSeed(), JobChoice.scenarioDefault(), EngineRegistry.STANDARD.all(),
                EngineSettings.defaults(), FaultPlan.NONE, OptionalLong.empty(), LatencyMeasure.FINAL,
                OptionalDouble.empty());
    }

    /**
     * The showcase of {@code flowlab compare} without arguments: card fraud, about a million events
     * over four hours, one worker crash in the middle, and an SLA of one minute on the p99
     * per-record final latency (a purchase's effect on the fraud rules final within a minute). The
     * scenario's offline terminals forward one purchase in a thousand minutes late: under the default
     * event-time contract the stream and the micro-batch drop those as late and the batch corrects
     * them, and the agreement counts them.
     */
    public static ComparisonPlan showcase() {
        WorkloadSpec spec = WorkloadSpec.defaults(SHOWCASE_SCENARIO)
                .withDuration(SHOWCASE_DURATION, "the showcase's duration " + DurationText.exact(SHOWCASE_DURATION))
                .withRate(SHOWCASE_RATE, "the showcase's rate " + RateText.format(SHOWCASE_RATE));
        return of(spec).withFaults(FaultPlan.parse(SHOWCASE_FAULTS)).withSla(SHOWCASE_SLA);
    }

    /** The scenario's name: a catalog scenario's, or what a trace file's spec names ({@code imported}). */
    public String scenario() {
        return input.scenario();
    }

    /** The spec of the trace: the one to generate, or the one a trace file carries. */
    public WorkloadSpec workload() {
        return input.spec();
    }

    /** This plan with a trace generated from {@code w} instead of its own. */
    public ComparisonPlan withWorkload(WorkloadSpec w) {
        return withInput(TraceSource.generated(w));
    }

    /** This plan replaying the trace of {@code i}: {@code withInput(TraceSource.read(file))} replays a trace file. */
    public ComparisonPlan withInput(TraceSource i) {
        return new ComparisonPlan(i, seed, job, engines, settings, faults, sla, slaOn, budget);
    }

    /**
     * The plan with its generated trace spanning {@code nanos} of event time.
     *
     * @throws org.flowlab.workloads.InvalidInputException if the trace is read from a file, which fixes it
     */
    public ComparisonPlan withDuration(long nanos) {
        return withWorkload(generatedSpec("--duration").withDuration(nanos));
    }

    /** As {@link #withDuration(long)}, given by {@code how} ({@code --duration 2h}), which errors about it name. */
    public ComparisonPlan withDuration(long nanos, String how) {
        return withWorkload(generatedSpec("--duration").withDuration(nanos, how));
    }

    /**
     * The plan with its generated trace at a mean rate of {@code perSecond}.
     *
     * @throws org.flowlab.workloads.InvalidInputException if the trace is read from a file, which fixes it
     */
    public ComparisonPlan withRate(double perSecond) {
        return withWorkload(generatedSpec("--rate").withRate(perSecond));
    }

    /** As {@link #withRate(double)}, given by {@code how} ({@code --rate 1/d}), which errors about it name. */
    public ComparisonPlan withRate(double perSecond, String how) {
        return withWorkload(generatedSpec("--rate").withRate(perSecond, how));
    }

    /** The spec to generate, which {@code what} is about to change; a trace file's is an error naming {@code what}. */
    WorkloadSpec generatedSpec(String what) {
        if (input instanceof TraceSource.FromFile f) {
            throw f.fixes(what);
        }
        return input.spec();
    }

    public ComparisonPlan withSeed(long s) {
        return new ComparisonPlan(input, s, job, engines, settings, faults, sla, slaOn, budget);
    }

    public ComparisonPlan withJob(JobChoice j) {
        return new ComparisonPlan(input, seed, j, engines, settings, faults, sla, slaOn, budget);
    }

    public ComparisonPlan withEngines(List<EngineType<?>> e) {
        return new ComparisonPlan(input, seed, job, e, settings, faults, sla, slaOn, budget);
    }

    public ComparisonPlan withEngines(EngineType<?>... e) {
        return withEngines(List.of(e));
    }

    /** This plan with each of its engines as {@code registry} registers the engine of that id (tests' doubles, for one). */
    public ComparisonPlan withEnginesOf(EngineRegistry registry) {
        List<EngineType<?>> of = new ArrayList<>();
        for (EngineType<?> e : engines) {
            of.add(registry.byId(e.id()).orElseThrow(() -> new InvalidInputException("engines: " + e.id()
                    + " is not registered; known: " + registry.ids())));
        }
        return withEngines(of);
    }

    public ComparisonPlan withSettings(EngineSettings s) {
        return new ComparisonPlan(input, seed, job, engines, s, faults, sla, slaOn, budget);
    }

    public ComparisonPlan withFaults(FaultPlan f) {
        return new ComparisonPlan(input, seed, job, engines, settings, f, sla, slaOn, budget);
    }

    public ComparisonPlan withSla(long nanos) {
        return new ComparisonPlan(input, seed, job, engines, settings, faults, OptionalLong.of(nanos), slaOn, budget);
    }

    /** With the SLA (and the recommendation) on {@code measure}. */
    public ComparisonPlan withSlaOn(LatencyMeasure measure) {
        return new ComparisonPlan(input, seed, job, engines, settings, faults, sla, measure, budget);
    }

    public ComparisonPlan withBudget(double b) {
        return new ComparisonPlan(input, seed, job, engines, settings, faults, sla, slaOn, OptionalDouble.of(b));
    }

    /** The engines' ids, for messages: {@code batch, stream}. */
    public List<String> engineIds() {
        List<String> ids = new ArrayList<>();
        engines.forEach(p -> ids.add(p.id()));
        return ids;
    }
}
