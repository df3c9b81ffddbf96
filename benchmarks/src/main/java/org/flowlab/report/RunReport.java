package org.flowlab.report;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.flowlab.charts.Palette;
import org.flowlab.experiment.Agreement;
import org.flowlab.experiment.Candidate;
import org.flowlab.experiment.ComparisonPlan;
import org.flowlab.experiment.ComparisonResult;
import org.flowlab.experiment.EngineFailure;
import org.flowlab.experiment.EngineRun;
import org.flowlab.experiment.EngineSettings;
import org.flowlab.experiment.FlinkComparisonResult;
import org.flowlab.experiment.FlinkEngineRun;
import org.flowlab.experiment.TraceSource;
import org.flowlab.sim.engine.EngineType;
import org.flowlab.experiment.Recommendation;
import org.flowlab.sim.cluster.Bill;
import org.flowlab.sim.engine.EventTimeContract;
import org.flowlab.sim.engine.OutputMode;
import org.flowlab.sim.fault.WorkerCrash;
import org.flowlab.sim.metrics.LatencySummary;
import org.flowlab.sim.metrics.RunMetrics;
import org.flowlab.workloads.Trace;

/**
 * The content of {@code run.json}, schema version {@value #SCHEMA_VERSION}: the fields in this
 * order, durations in milliseconds unless a name says otherwise, numbers as plain JSON numbers,
 * absent values as {@code null}. Everything except {@link #runId}, {@link #environment} and
 * {@link #wallClock} is a pure function of the scenario, the parameters, the seed and
 * {@link #flowlabVersion}. Schema 4 added {@code parameters.input}, the trace a run replayed
 * ({@link RunInput}), and lets {@code durationMs} and {@code ratePerSec} be null for a trace file
 * whose spec does not give them.
 *
 * @param schemaVersion   {@value #SCHEMA_VERSION}
 * @param runId           the run folder's name, {@code <yyyyMMdd-HHmmss>-<scenario>}
 * @param flowlabVersion  the software version and code revision ({@code 0.1.0+3fe9dcf41957}): with the scenario and seed, what fixes every simulated number
 * @param scenario        the scenario's name
 * @param job             the job's name
 * @param seed            the seed of the trace and the engines
 * @param parameters      every input of the run
 * @param trace           the trace every engine replayed
 * @param engines         per engine id ({@code batch}, {@code microbatch}, {@code stream}), its figures
 * @param agreement       whether the results agree
 * @param recommendation  the configuration to run and why
 * @param charts          the charts' base names; each is beside run.json as .png and .svg
 * @param environment     the machine and JVM
 * @param wallClock       how long things took on this machine
 */
public record RunReport(int schemaVersion, String runId, String flowlabVersion, String scenario, String job, long seed,
                        Parameters parameters, TraceFigures trace, Map<String, EngineFigures> engines,
                        AgreementFigures agreement, RecommendationFigures recommendation, List<String> charts,
                        Environment environment, WallClock wallClock) {

    public static final int SCHEMA_VERSION = 4;

    /** The colour of runs on Apache Flink, which are no engine of the registry. */
    public static final String FLINK_COLOUR = Palette.hex(Palette.FLINK);

    public RunReport {
        engines = new LinkedHashMap<>(engines);
        charts = List.copyOf(charts);
    }

    @Override
    public Map<String, EngineFigures> engines() {
        return new LinkedHashMap<>(engines);
    }

    /**
     * Every input of the run.
     *
     * @param input               the trace: generated, or read from a file (null in a run.json before schema 4)
     * @param engines             the engines, in order: each one's id, label, colour and own settings
     * @param durationMs          the workload's span of event time; null for a trace file whose spec does not say
     * @param ratePerSec          the workload's mean rate; null for a trace file whose spec does not say
     * @param eventTime           the event-time contract every engine was given
     * @param output              the output mode every engine was given
     * @param faults              the fault plan, in the {@code --faults} syntax ({@code none} for none)
     * @param failureDetectionMs  how long every simulated engine took to notice a crashed worker, whose restart delay
     *                            counts from then ({@link WorkerCrash#DEFAULT_DETECTION_DELAY}); null in a
     *                            run.json written before it was recorded
     * @param slaMs               the SLA on p99 latency, or null
     * @param budget              the budget per run, or null
     * @param workload            the workload spec's settings, every field
     * @param costsNs             the cost model every engine charged, nanoseconds by its JSON path
     *                            ({@code stream.record} …): the defaults or a {@code --cost-profile}
     */
    public record Parameters(RunInput input, String job, List<EngineEntry> engines, Long durationMs, Double ratePerSec, int workers,
                             int slotsPerWorker, double pricePerWorkerHour, EventTime eventTime, Output output, String faults,
                             Double failureDetectionMs, Double slaMs, Double budget, JsonObject workload, Map<String, Long> costsNs) {

        /** The engines' ids, in order. */
        public List<String> engineIds() {
            return engines.stream().map(EngineEntry::id).toList();
        }

        /** The engine {@code id}, or null. */
        public EngineEntry engine(String id) {
            return engines.stream().filter(e -> e.id().equals(id)).findFirst().orElse(null);
        }
    }

    /**
     * The output mode every engine was given (DESIGN.md, "The same conditions for every engine").
     *
     * @param mode    {@code final} or {@code updates}
     * @param meaning what the mode means, for people
     */
    public record Output(String mode, String meaning) {
        /** The figures of {@code mode}. */
        public static Output of(OutputMode mode) {
            return mode == OutputMode.FINAL
                    ? new Output(mode.id(), "each window or alert emitted once, when complete (Spark's append mode, "
                    + "Flink's on-watermark trigger)")
                    : new Output(mode.id(), "partial windows emitted early and upserted — at "
                    + "every run of the batch engines, every early-fire interval in the stream — and detectors' provisional "
                    + "alerts reconciled with their final ones (Spark's update mode, Flink's early firing)");
        }
    }

    /**
     * The event-time contract every engine was given (DESIGN.md, "The same conditions for every engine").
     *
     * @param watermarkDelayMs  how far the watermark trails the largest event time read
     * @param allowedLatenessMs how long after the watermark passes a window it still takes records
     * @param lateRecords       what each engine does with a record behind its watermark and lateness
     */
    public record EventTime(double watermarkDelayMs, double allowedLatenessMs, String lateRecords) {
        /** The figures of {@code contract}. */
        public static EventTime of(EventTimeContract contract) {
            return new EventTime(contract.watermarkDelay() / 1e6, contract.allowedLateness() / 1e6,
                    "stream and micro-batch drop them to a counted late output; batch corrects the partition by running it again");
        }
    }

    /**
     * The trace.
     *
     * @param events         how many events
     * @param arrivalSpanMs  first to last arrival
     * @param meanRatePerSec events per second over the arrival span
     */
    public record TraceFigures(long events, double arrivalSpanMs, double meanRatePerSec) {
    }

    /**
     * One engine's figures (DESIGN.md, "Metrics"). A run on Apache Flink ({@code flink-batch},
     * {@code flink-streaming}) is not simulated: it has {@code engine}, {@code configuration},
     * {@code recordsIn}, {@code lateRecords}, {@code outputs} and {@code resultsAgree}, and every
     * simulated figure is null; its wall-clock time is in {@link WallClock}.
     *
     * @param engine               the engine's own name
     * @param configuration        its settings, for people
     * @param status               {@code completed}, or {@code failed} if its job failed for good (its
     *                             restart strategy or retries were exhausted): then every figure covers the
     *                             run up to the failure
     * @param failure              when it failed, after how many restarts (stream) or reruns (batch
     *                             engines), and why; null if it completed
     * @param latencyMs            per input record, arrival to final: the output that reflects it will
     *                             not change again (the headline)
     * @param firstVisibleLatencyMs per input record, arrival to the first output that reflects it
     * @param processingLatencyMs  per output, visible minus the latest arrival it reflects
     * @param eventTimeLatencyMs   per windowed output of the final table, from the window's end to when it took
     *                             its final value (once per output, in every engine and output mode)
     * @param detectionLatencyMs   per alert, visible minus the event time that raised it
     * @param maxBacklog           the most records arrived and not yet read
     * @param backPressuredMs      time tasks spent blocked on full queues, summed
     * @param endTimeMs            when the run ended, virtual time
     * @param outputs              rows in the final result table
     * @param resultsAgree         whether its results equal the oracle's; null if it failed, since its table
     *                             is only what was visible then
     */
    public record EngineFigures(String engine, String configuration, String status, EngineFailure failure, long recordsIn, Latency latencyMs,
                                Latency firstVisibleLatencyMs, Latency processingLatencyMs, Latency eventTimeLatencyMs, Latency detectionLatencyMs,
                                Double throughputPerSec, Long maxBacklog, Staleness stalenessMs, Recovery recovery,
                                long lateRecords, Long corrections, Long checkpoints, Double backPressuredMs, Cost cost, Double endTimeMs,
                                long outputs, Boolean resultsAgree) {

        /** Whether these are the figures of a simulation (not of a run on Flink). */
        public boolean simulated() {
            return latencyMs != null;
        }

        /** Whether the engine's job failed for good (a run.json written before statuses has none: it completed). */
        public boolean failed() {
            return "failed".equals(status);
        }
    }

    /** A latency distribution, milliseconds. */
    public record Latency(double p50, double p90, double p99, double p999, double max, double mean, long count) {
        static Latency of(LatencySummary s) {
            return new Latency(s.p50Ms(), s.p90Ms(), s.p99Ms(), s.p999Ms(), s.maxMs(), s.meanMs(), s.count());
        }
    }

    /** Staleness over the run, milliseconds. */
    public record Staleness(double mean, double max) {
    }

    /**
     * What faults cost.
     *
     * @param timeMs      failure to staleness back near its earlier level, the longest
     * @param reprocessed records read again
     * @param duplicates  outputs made visible twice
     * @param lost        records neither reflected nor counted late (must be 0); null if the job failed,
     *                    which left records unread rather than lost
     * @param restarts    restarts, reruns and retries
     */
    public record Recovery(double timeMs, long reprocessed, long duplicates, Long lost, int restarts) {
    }

    /**
     * What the run cost, and why: every engine is billed by one rule, its workers for every instant
     * its cluster is held, busy or idle, at the one price ({@link org.flowlab.sim.cluster.ClusterTenancy}).
     *
     * @param workerSeconds      allocated: held, busy or idle
     * @param workerSecondsBusy  busy
     * @param utilization        busy over allocated
     * @param amount             allocated worker-seconds × price, in the price's currency
     * @param cluster            {@code always-on} or {@code ephemeral}
     * @param heldMs             how long the cluster was held
     * @param held               the allocated worker-seconds by why the workers were held
     * @param coldStarts         how many times an ephemeral cluster was started
     * @param warmPoolMs         an ephemeral cluster's warm pool, or null
     * @param rule               the rule that made the bill, for people
     */
    public record Cost(double workerSeconds, double workerSecondsBusy, double utilization, double amount, String cluster,
                       double heldMs, Held held, int coldStarts, Double warmPoolMs, String rule) {

        static Cost of(RunMetrics m) {
            Bill b = m.bill();
            boolean ephemeral = b.holding() == Bill.Holding.EPHEMERAL;
            return new Cost(m.workerSecondsAllocated(), m.workerSecondsBusy(), m.utilization(), m.cost(),
                    ephemeral ? "ephemeral" : "always-on", b.heldNanos() / 1e6,
                    new Held(b.workerSeconds(b.startingNanos()), b.workerSeconds(b.runningNanos()),
                            b.workerSeconds(b.idleNanos())),
                    b.coldStarts(), ephemeral ? b.warmPool() / 1e6 : null, b.rule());
        }
    }

    /**
     * Allocated worker-seconds by why the workers were held; they add up to the allocated ones.
     *
     * @param starting an ephemeral cluster's cold starts
     * @param running  a run or the job on the cluster
     * @param idle     held with nothing on it: in the warm pool, or an always-on cluster between runs
     */
    public record Held(double starting, double running, double idle) {
    }

    /**
     * The engines' results against the reference oracle.
     *
     * @param differences one line per engine that finished and does not agree, with the first difference
     * @param failed      the engines whose job failed for good: not compared, neither agreeing nor differing
     * @param sameResults for each engine id, {@code oracle} and every other engine id mapped to whether
     *                    the two final tables are equal
     */
    public record AgreementFigures(boolean resultsAgree, int oracleOutputs, List<String> differences, List<String> failed,
                                   Map<String, Map<String, Boolean>> sameResults) {
    }

    /**
     * The recommendation.
     *
     * @param slaOn         which per-record latency the SLA bounds and the candidates' p99 is: {@code final} or {@code first}
     * @param outcome       {@code CHOSEN}, {@code OVER_BUDGET}, {@code SLA_MISSED}, {@code NONE_CORRECT} or {@code ALL_FAILED}
     * @param choice        the chosen engine's id, or null
     * @param configuration the chosen engine's settings, or null
     * @param closest       without a choice: the engine that comes closest, or null
     * @param verdict       what to run and why, one sentence (null in a run.json written before it)
     * @param reasons       one per criterion: latency, results, cost, throughput, failures and
     *                      recovery, complexity (null in a run.json written before them)
     * @param explanation   the verdict and the reasons as one paragraph
     */
    public record RecommendationFigures(Double slaMs, String slaOn, Double budget, String outcome, String choice, String configuration,
                                        String closest, String verdict, List<Recommendation.Reason> reasons, String explanation,
                                        List<CandidateFigures> candidates) {
    }

    /**
     * One configuration the recommendation weighed; {@code status} {@code failed} if its job failed:
     * then it is never chosen, and neither meets the SLA nor is within the budget.
     */
    public record CandidateFigures(String engine, String configuration, String status, double p99Ms, double cost,
                                   boolean correct, boolean meetsSla, boolean withinBudget) {
    }

    /** The machine and JVM the run used. */
    public record Environment(String javaVersion, String javaVendor, String os, String arch, int availableProcessors,
                              long maxHeapMb) {
        /** This JVM's. */
        public static Environment current() {
            return new Environment(System.getProperty("java.version"), System.getProperty("java.vendor"),
                    System.getProperty("os.name") + " " + System.getProperty("os.version"), System.getProperty("os.arch"),
                    Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / (1024 * 1024));
        }
    }

    /**
     * How long things took on this machine, seconds.
     *
     * @param startedAt                 when the run started, ISO-8601 with offset
     * @param engineSeconds             per engine id; for a Flink engine from submitting the job to its last result
     * @param engineRecordsPerSec       per engine id, the trace's records over its seconds
     * @param threads                   how many engines ran at once
     * @param reportSeconds             charts and pages
     * @param flinkClusterStartSeconds  starting the local Flink cluster the Flink runs shared, or null
     * @param flinkNetRuntimeSeconds    per Flink engine, the job's run time as Flink reports it (without
     *                                  submitting and collecting), or null without Flink runs
     * @param repeats                   with Flink runs, how many times each engine ran over the trace
     *                                  ({@code engineSeconds} is its fastest run), else null
     * @param engineSecondsEveryRun     with Flink runs, per engine id the seconds of each of its runs in
     *                                  the order they ran (the first one cold), else null
     * @param jvmPerEngine              with Flink runs repeated, whether each engine's runs went in a JVM of its own
     *                                  (older runs: null, all in one JVM)
     * @param warmupSeconds             with each engine in a JVM of its own, how long it ran untimed there first
     *                                  (null: no warm-up)
     * @param warmupRuns                with a warm-up, per engine id how many untimed runs it took, else null
     */
    public record WallClock(String startedAt, double totalSeconds, double traceSeconds, double oracleSeconds,
                            Map<String, Double> engineSeconds, Map<String, Double> engineRecordsPerSec, int threads,
                            double reportSeconds, Double flinkClusterStartSeconds, Map<String, Double> flinkNetRuntimeSeconds,
                            Integer repeats, Map<String, List<Double>> engineSecondsEveryRun, Boolean jvmPerEngine,
                            Double warmupSeconds, Map<String, Integer> warmupRuns) {
        public WallClock {
            engineSeconds = new LinkedHashMap<>(engineSeconds);
            engineRecordsPerSec = new LinkedHashMap<>(engineRecordsPerSec);
            flinkNetRuntimeSeconds = flinkNetRuntimeSeconds == null ? null : new LinkedHashMap<>(flinkNetRuntimeSeconds);
            engineSecondsEveryRun = engineSecondsEveryRun == null ? null : new LinkedHashMap<>(engineSecondsEveryRun);
            warmupRuns = warmupRuns == null ? null : new LinkedHashMap<>(warmupRuns);
        }

        /** How many times each engine ran over the trace: 1 unless a Flink comparison repeated them. */
        public int runsPerEngine() {
            return repeats == null ? 1 : repeats;
        }

        /** How long each engine ran untimed before its timed runs, seconds: 0 for none. */
        public double warmup() {
            return warmupSeconds == null ? 0 : warmupSeconds;
        }

        /** Whether each engine's runs went in a JVM of its own, not all in one. */
        public boolean timedInJvmPerEngine() {
            return Boolean.TRUE.equals(jvmPerEngine);
        }
    }

    /**
     * The report of a comparison.
     *
     * @param runId     the run folder's name
     * @param charts    the charts' base names
     * @param startedAt when the run started, ISO-8601
     * @param reportNanos how long charts and pages took, wall clock
     */
    public static RunReport of(ComparisonResult result, String runId, String flowlabVersion, List<String> charts,
                               String startedAt, long reportNanos) {
        Objects.requireNonNull(result, "result");
        return of(FlinkComparisonResult.withoutFlink(result), runId, flowlabVersion, charts, startedAt, reportNanos);
    }

    /**
     * The report of a comparison with runs on Flink beside it: the Flink engines follow Flowlab's in
     * {@code engines}, the agreement covers them all, and the parameters' engine list names them.
     */
    public static RunReport of(FlinkComparisonResult withFlink, String runId, String flowlabVersion, List<String> charts,
                               String startedAt, long reportNanos) {
        Objects.requireNonNull(withFlink, "withFlink");
        ComparisonResult result = withFlink.flowlab();
        ComparisonPlan plan = result.plan();
        EngineSettings s = result.settings();
        String job = result.job().name();
        Parameters parameters = parameters(plan, s, job);
        if (!withFlink.flink().isEmpty()) {
            List<EngineEntry> all = new ArrayList<>(parameters.engines());
            withFlink.flink().forEach(f -> all.add(new EngineEntry(f.engine(), f.engine(), FLINK_COLOUR, Map.of())));
            parameters = withEngines(parameters, all);
        }
        Trace trace = result.trace();
        TraceFigures traceFigures = new TraceFigures(trace.size(),
                trace.size() == 0 ? 0 : (trace.lastArrival() - trace.firstArrival()) / 1e6, result.inputRatePerSecond());
        Map<String, EngineFigures> engines = new LinkedHashMap<>();
        Map<String, Double> engineSeconds = new LinkedHashMap<>();
        for (EngineRun run : result.runs()) {
            engines.put(run.paradigm().id(), figures(run, result.agreement().of(run.paradigm()).agrees()));
            engineSeconds.put(run.paradigm().id(), run.wallNanos() / 1e9);
        }
        Map<String, Double> netRuntime = withFlink.flink().isEmpty() ? null : new LinkedHashMap<>();
        List<String> differences = new ArrayList<>(result.agreement().differences());
        for (FlinkEngineRun f : withFlink.flink()) {
            engines.put(f.engine(), new EngineFigures(f.engine(), f.configuration(), "completed", null, f.run().records(), null, null, null,
                    null, null, null, null, null, null, f.run().lateRows(), null, null, null, null, null, f.run().results().size(),
                    f.agrees()));
            engineSeconds.put(f.engine(), f.run().wallClockNanos() / 1e9);
            netRuntime.put(f.engine(), f.run().flinkRuntimeMillis() / 1e3);
            if (!f.agrees()) {
                differences.add(f.engine() + ": " + f.summary().substring(2));
            }
        }
        Agreement a = result.agreement();
        AgreementFigures agreement = new AgreementFigures(withFlink.resultsAgree(), a.oracleOutputs(), differences,
                a.failed().stream().map(EngineType::id).toList(), withFlink.sameResults());
        ComparisonResult.WallClock w = result.wallClock();
        WallClock wallClock = new WallClock(startedAt, (w.totalNanos() + withFlink.flinkNanos() + reportNanos) / 1e9, w.traceNanos() / 1e9,
                w.oracleNanos() / 1e9, engineSeconds, withFlink.recordsPerSecond(), w.threads(), reportNanos / 1e9,
                withFlink.flink().isEmpty() ? null : withFlink.clusterStartNanos() / 1e9, netRuntime,
                withFlink.flink().isEmpty() ? null : withFlink.repeats(),
                withFlink.flink().isEmpty() ? null : secondsEveryRun(withFlink.wallNanosEveryRun()),
                withFlink.flink().isEmpty() ? null : withFlink.jvmPerEngine(),
                withFlink.warmupNanos() == 0 ? null : withFlink.warmupNanos() / 1e9,
                withFlink.warmupNanos() == 0 ? null : withFlink.warmupRuns());
        return new RunReport(SCHEMA_VERSION, runId, flowlabVersion, plan.scenario(), job, plan.seed(), parameters,
                traceFigures, engines, agreement, recommendation(result.recommendation()), charts,
                Environment.current(), wallClock);
    }

    private static Map<String, List<Double>> secondsEveryRun(Map<String, List<Long>> nanos) {
        Map<String, List<Double>> seconds = new LinkedHashMap<>();
        nanos.forEach((engine, runs) -> seconds.put(engine, runs.stream().map(n -> n / 1e9).toList()));
        return seconds;
    }

    private static Parameters withEngines(Parameters p, List<EngineEntry> engines) {
        return new Parameters(p.input(), p.job(), engines, p.durationMs(), p.ratePerSec(), p.workers(), p.slotsPerWorker(),
                p.pricePerWorkerHour(), p.eventTime(), p.output(), p.faults(), p.failureDetectionMs(), p.slaMs(), p.budget(), p.workload(),
                p.costsNs());
    }

    /** The parameters of {@code plan}, run with {@code s} (its settings resolved for the trace, or as given). */
    public static Parameters parameters(ComparisonPlan plan, EngineSettings s, String job) {
        List<EngineEntry> engines = new ArrayList<>();
        for (EngineType<?> type : plan.engines()) {
            engines.add(EngineEntry.of(type, s.of(type)));
        }
        TraceSource input = plan.input();
        return new Parameters(RunInput.of(input), job, engines,
                input.duration().isPresent() ? input.duration().getAsLong() / 1_000_000 : null,
                input.rate().isPresent() ? input.rate().getAsDouble() : null, s.cluster().workers(), s.cluster().slotsPerWorker(),
                s.cluster().pricePerWorkerHour(),
                EventTime.of(s.eventTime()), Output.of(s.output()), plan.faults().toString(),
                WorkerCrash.DEFAULT_DETECTION_DELAY / 1e6,
                plan.sla().isPresent() ? plan.sla().getAsLong() / 1e6 : null,
                plan.budget().isPresent() ? plan.budget().getAsDouble() : null, plan.workload().settings(),
                s.costs().asMap());
    }

    static EngineFigures figures(EngineRun run, boolean agrees) {
        RunMetrics m = run.outcome().metrics();
        boolean failed = run.outcome().failed();
        return new EngineFigures(run.engine(), run.configuration(), run.outcome().status().text(),
                run.failure(), m.recordsIn(), Latency.of(m.latency()),
                Latency.of(m.firstVisibleLatency()), Latency.of(m.processingLatency()), Latency.of(m.eventTimeLatency()), Latency.of(m.detectionLatency()),
                m.throughputPerSecond(), m.throughput().maxBacklog(), new Staleness(m.stalenessMeanMs(), m.stalenessMaxMs()),
                new Recovery(m.recovery().timeNanos() / 1e6, m.recovery().reprocessed(), m.recovery().duplicates(),
                        failed ? null : (Long) m.recovery().lost(), m.recovery().restarts()),
                m.lateRecords(), m.corrections(), m.checkpoints(), m.backPressuredNanos() / 1e6,
                Cost.of(m),
                m.endTime() / 1e6, run.outcome().results().size(), failed ? null : (Boolean) agrees);
    }

    /** The recommendation as run.json and sweep.json write it. */
    public static RecommendationFigures recommendation(Recommendation r) {
        List<CandidateFigures> candidates = new ArrayList<>();
        for (Candidate c : r.candidates()) {
            candidates.add(new CandidateFigures(c.paradigm().id(), c.configuration(), c.failed() ? "failed" : "completed",
                    c.p99Ms(), c.cost(), c.correct(),
                    !c.failed() && Recommendation.meetsSla(c, r.sla()), !c.failed() && Recommendation.withinBudget(c, r.budget())));
        }
        return new RecommendationFigures(r.sla().isPresent() ? r.sla().getAsLong() / 1e6 : null, r.measure().id(),
                r.budget().isPresent() ? r.budget().getAsDouble() : null, r.outcome().name(),
                r.choice().map(c -> c.paradigm().id()).orElse(null), r.choice().map(Candidate::configuration).orElse(null),
                r.closest().map(c -> c.paradigm().id()).orElse(null), r.verdict(), r.reasons(), r.explanation(), candidates);
    }
}
