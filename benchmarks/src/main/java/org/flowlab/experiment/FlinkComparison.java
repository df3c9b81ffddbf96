package org.flowlab.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.flowlab.flink.FlinkMode;
import org.flowlab.flink.FlinkRun;
import org.flowlab.flink.FlinkRunner;
import org.flowlab.flink.FlinkTarget;
import org.flowlab.flink.JobRecipe;
import org.flowlab.flink.LocalFlinkCluster;
import org.flowlab.flink.sql.FlinkSqlRunner;
import org.flowlab.sim.engine.Engine;
import org.flowlab.sim.engine.EngineType;
import org.flowlab.sim.engine.EventTimeContract;
import org.flowlab.sim.engine.RunOutcome;
import org.flowlab.sim.job.Job;
import org.flowlab.sim.job.ResultTable;
import org.flowlab.sim.job.SqlResults;
import org.flowlab.workloads.InvalidInputException;
import org.flowlab.workloads.Trace;

/**
 * The reference run on Apache Flink: a comparison's job through Flowlab's engines and through
 * Flink's {@code BATCH} and {@code STREAMING} runtime modes on the same trace, every result checked
 * against the reference oracle, and the wall-clock time of each. Everything runs one at a time, so
 * each engine's wall-clock time is its own:
 * <pre>{@code
 * FlinkComparisonResult r = FlinkComparison.run(ComparisonPlan.of("nexmark").withJob(JobChoice.named("q5")),
 *         List.of(FlinkMode.values()), null, 2, 1, null, ComparisonProgress.NONE, line -> { });
 * }</pre>
 * With more than one repeat every engine, Flowlab's and Flink's, runs that many times over the same
 * trace and the fastest run of each is kept: the first runs warm the JIT, as a benchmark's warm-up
 * iterations do, so the figures compare engines rather than class loading and compilation. Every
 * repeat must compute the same results (Flowlab's are deterministic; a Flink run that disagrees with
 * the oracle is kept in preference to the fastest, so a disagreement is never hidden). Given a
 * {@link JvmPerEngine}, each engine's repeats run in a JVM of its own instead, as a benchmark harness
 * forks one per benchmark: in a shared JVM an engine's compiled code carries the type profiles of
 * the engines that ran before it, so its figure would depend on which ran first (the stream engine
 * on nexmark q5 ran at half its speed after the batch and micro-batch engines). This JVM then runs
 * each engine once, for the results that are checked and reported, and then starts the engines' own
 * JVMs one after another; every run there must compute the same results ({@link ResultFingerprint}).
 * There, each engine may first run untimed for a warm-up time, the same for every engine however long
 * its runs, and each timed run begins after a garbage collection, so none pays for the garbage of the
 * runs before it.
 * Every engine, Flowlab's and Flink's, is given the same event-time contract: a watermark delay
 * covering the trace's whole disorder ({@link EventTimeContract#coveringDisorder}), so that no record is late
 * anywhere and every engine's results must equal the oracle's exactly; faults are injected into
 * Flowlab's engines only.
 */
public final class FlinkComparison {

    /** The most runs of each engine one comparison may ask for. */
    public static final int MAX_REPEATS = 20;

    /** The longest warm-up one comparison may ask for, per engine: ten minutes. */
    public static final long MAX_WARMUP_NANOS = 600_000_000_000L;

    private FlinkComparison() {
    }

    /**
     * Runs an engine's repeats in a JVM of its own: one that has run no other engine, where
     * {@link #timeInThisJvm} times them, after untimed warm-up runs for {@link #warmupNanos()}.
     */
    public interface JvmPerEngine {
        /**
         * The timings of the comparison's engine {@code engineId} (a Flowlab engine's id, or a Flink
         * mode's engine name), run the comparison's number of times over its trace in a new JVM.
         */
        EngineTimings time(String engineId);

        /** How long each engine's JVM runs it untimed before its timed runs: 0 for none. */
        long warmupNanos();
    }

    /**
     * One engine's runs over a trace, in the order they ran.
     *
     * @param wallNanos          each run's wall-clock time (a Flink run's from submitting the job to its last result)
     * @param flinkRuntimeMillis each run's run time as Flink reports it; 0 for a Flowlab engine's
     * @param fingerprints       each run's results, as {@link ResultFingerprint}s
     * @param warmupRuns         how many untimed runs came first, to warm the JIT
     */
    public record EngineTimings(List<Long> wallNanos, List<Long> flinkRuntimeMillis, List<String> fingerprints,
                                int warmupRuns) {

        public EngineTimings {
            wallNanos = List.copyOf(wallNanos);
            flinkRuntimeMillis = List.copyOf(flinkRuntimeMillis);
            fingerprints = List.copyOf(fingerprints);
            if (wallNanos.isEmpty() || flinkRuntimeMillis.size() != wallNanos.size() || fingerprints.size() != wallNanos.size()) {
                throw new IllegalArgumentException("one wall clock, Flink run time and fingerprint per run, at least one run; got "
                        + wallNanos.size() + ", " + flinkRuntimeMillis.size() + " and " + fingerprints.size());
            }
            if (warmupRuns < 0) {
                throw new IllegalArgumentException("warm-up runs must not be negative, got " + warmupRuns);
            }
        }

        /** The index of the fastest run (of two as fast, the first). */
        public int fastest() {
            int best = 0;
            for (int i = 1; i < wallNanos.size(); i++) {
                if (wallNanos.get(i) < wallNanos.get(best)) {
                    best = i;
                }
            }
            return best;
        }

        /** The index of the first run whose results are not those fingerprinted {@code expected}, or -1. */
        public int firstOtherThan(String expected) {
            for (int i = 0; i < fingerprints.size(); i++) {
                if (!fingerprints.get(i).equals(expected)) {
                    return i;
                }
            }
            return -1;
        }
    }

    /**
     * The job of {@code plan} as a recipe Flink's tasks can rebuild: only catalog jobs can be shipped.
     *
     * @throws InvalidInputException for a hand-built job
     */
    public static JobRecipe recipe(ComparisonPlan plan, Trace trace) {
        JobChoice.FromCatalog c = catalogJob(plan);
        return JobRecipe.catalog(c.resolve(plan.scenario()), trace.schema(), c.parameters());
    }

    private static JobChoice.FromCatalog catalogJob(ComparisonPlan plan) {
        if (!(plan.job() instanceof JobChoice.FromCatalog c)) {
            throw new InvalidInputException("flink: only catalog jobs and SQL can run on Flink (got the hand-built job "
                    + plan.job().name(plan.scenario()) + "); use FlinkRunner with a JobRecipe for your own");
        }
        return c;
    }

    /** What Flink runs for a plan, and the oracle's table in the form Flink's results take. */
    private interface FlinkJob {
        FlinkRun run(FlinkTarget target, int parallelism, Trace trace, FlinkMode mode, long disorderBound);

        ResultTable expected(ResultTable oracle);
    }

    /**
     * A SQL plan's query as Flink SQL runs it (its rows compared with the oracle's as a multiset), or a catalog
     * job's recipe (compared output by output).
     */
    private static FlinkJob flinkJob(ComparisonPlan plan, Trace trace) {
        if (plan.job() instanceof JobChoice.Sql sql) {
            return new FlinkJob() {
                @Override
                public FlinkRun run(FlinkTarget target, int parallelism, Trace t, FlinkMode mode, long disorderBound) {
                    return new FlinkSqlRunner(target, parallelism).run(sql.text(), t, mode, disorderBound);
                }

                @Override
                public ResultTable expected(ResultTable oracle) {
                    return SqlResults.canonical(oracle);
                }

                @Override
                public String toString() {
                    return "the SQL query on Flink SQL";
                }
            };
        }
        JobRecipe recipe = recipe(plan, trace);
        return new FlinkJob() {
            @Override
            public FlinkRun run(FlinkTarget target, int parallelism, Trace t, FlinkMode mode, long disorderBound) {
                return new FlinkRunner(target, parallelism).run(recipe, t, mode, disorderBound);
            }

            @Override
            public ResultTable expected(ResultTable oracle) {
                return oracle;
            }

            @Override
            public String toString() {
                return recipe.toString();
            }
        };
    }

    /**
     * Runs {@code plan} through its Flowlab engines, one at a time, then through Flink in each of
     * {@code modes}.
     *
     * @param remote      a running cluster ({@link FlinkTarget#jobManager}), or null for a local cluster in
     *                    this JVM, started once for all modes (its start-up is timed apart)
     * @param parallelism every Flink operator's parallelism
     * @param repeats     how many times each engine runs over the trace, its fastest run kept (1 to {@value #MAX_REPEATS})
     * @param apart       runs each engine's repeats in a JVM of its own, or null to run them all in this one
     * @param log         told, a line at a time, what Flink is doing
     */
    public static FlinkComparisonResult run(ComparisonPlan plan, List<FlinkMode> modes,
                                            FlinkTarget remote, int parallelism, int repeats, JvmPerEngine apart,
                                            ComparisonProgress progress, Consumer<String> log) {
        checkParallelism(parallelism);
        checkRepeats(repeats);
        if (modes.isEmpty()) {
            throw new InvalidInputException("flink: name at least one runtime mode: batch, streaming");
        }
        if (!(plan.job() instanceof JobChoice.Sql)) {
            catalogJob(plan); // a job Flink cannot run fails before Flowlab's engines run
        }
        Map<String, List<Long>> everyRun = new LinkedHashMap<>();
        long t0Trace = System.nanoTime();
        Trace replayed = plan.input().trace(plan.seed());
        long traceNanos = System.nanoTime() - t0Trace;
        if (plan.job() instanceof JobChoice.Sql sql) {
            for (FlinkMode mode : modes) {
                FlinkSqlRunner.check(sql.text(), replayed, mode); // a mode Flink SQL cannot run fails before any engine runs
            }
        }
        progress.traceReady();
        ComparisonPlan fair = plan.withSettings(plan.settings().withEventTime(EventTimeContract.coveringDisorder(replayed)));
        ComparisonResult first = Comparison.replay(fair, replayed, traceNanos, progress, 1);
        // Each engine's own JVM starts once this one has run them all: every one from the same point.
        ComparisonResult flowlab = apart == null ? fastestOf(first, repeats, everyRun, log) : first;
        for (EngineRun r : first.runs()) {
            // Flowlab's engines first, as they ran; their own JVMs' runs replace these.
            everyRun.putIfAbsent(r.paradigm().id(), List.of(r.wallNanos()));
        }
        Trace trace = flowlab.trace();
        FlinkJob job = flinkJob(plan, trace);
        int repeatsHere = apart == null ? repeats : 1;
        long t0 = System.nanoTime();
        List<FlinkEngineRun> runs;
        long started = 0;
        String where;
        if (remote != null) {
            runs = runAll(flowlab, job, remote, modes, parallelism, repeatsHere, everyRun, log);
            where = remote.toString();
        } else {
            log.accept("starting a local Flink cluster with " + parallelism + " slots");
            try (LocalFlinkCluster cluster = LocalFlinkCluster.start(parallelism)) {
                started = System.nanoTime() - t0;
                runs = runAll(flowlab, job, cluster, modes, parallelism, repeatsHere, everyRun, log);
            }
            where = apart == null ? "a local MiniCluster in this JVM" : "a local MiniCluster in the JVM of each mode";
        }
        Map<String, Integer> warmupRuns = new LinkedHashMap<>();
        if (apart != null) {
            flowlab = timedApart(first, apart, repeats, everyRun, warmupRuns, log);
            runs = timedApart(runs, job.expected(flowlab.oracle()), apart, repeats, everyRun, warmupRuns, log);
        }
        return new FlinkComparisonResult(flowlab, runs, where, started, System.nanoTime() - t0, repeats, apart != null,
                apart == null ? 0 : apart.warmupNanos(), warmupRuns, everyRun);
    }

    /**
     * {@code first}, each Flowlab engine's run in it with the wall clock of its fastest run in a JVM of
     * its own; every run there must have computed the results it did here.
     */
    private static ComparisonResult timedApart(ComparisonResult first, JvmPerEngine apart, int repeats,
                                               Map<String, List<Long>> everyRun, Map<String, Integer> warmupRuns,
                                               Consumer<String> log) {
        List<EngineRun> kept = new ArrayList<>();
        for (EngineRun r : first.runs()) {
            String id = r.paradigm().id();
            EngineTimings timings = timeApart(id, apart, repeats, warmupRuns, log);
            int other = timings.firstOtherThan(ResultFingerprint.of(r.outcome().results()));
            if (other >= 0) {
                throw new IllegalStateException(id + " computed different results on run " + (other + 1)
                        + " in a JVM of its own than in this one, on the same trace: the engine is not deterministic");
            }
            everyRun.put(id, timings.wallNanos());
            kept.add(new EngineRun(r.paradigm(), r.configuration(), r.outcome(), timings.wallNanos().get(timings.fastest()),
                    r.givingUp()));
        }
        ComparisonResult.WallClock w = first.wallClock();
        return new ComparisonResult(first.plan(), first.settings(), first.trace(), first.job(), first.oracle(), kept,
                first.agreement(), first.recommendation(), w);
    }

    /**
     * {@code here}, each Flink run in it with the wall clock and Flink's run time of its fastest run in a
     * JVM of its own; a run there whose results are not {@code expected}'s makes the mode disagree
     * with the oracle, so a disagreement is never hidden.
     */
    private static List<FlinkEngineRun> timedApart(List<FlinkEngineRun> here, ResultTable expected, JvmPerEngine apart,
                                                   int repeats, Map<String, List<Long>> everyRun,
                                                   Map<String, Integer> warmupRuns, Consumer<String> log) {
        String fingerprint = ResultFingerprint.of(expected);
        List<FlinkEngineRun> kept = new ArrayList<>();
        for (FlinkEngineRun f : here) {
            EngineTimings timings = timeApart(f.engine(), apart, repeats, warmupRuns, log);
            everyRun.put(f.engine(), timings.wallNanos());
            int fastest = timings.fastest();
            FlinkRun r = f.run();
            FlinkRun timed = new FlinkRun(r.mode(), r.job(), r.results(), r.lateRows(), r.repeatedOutputs(), r.records(),
                    timings.wallNanos().get(fastest), timings.flinkRuntimeMillis().get(fastest));
            int other = timings.firstOtherThan(fingerprint);
            if (f.agrees() && other >= 0) {
                kept.add(new FlinkEngineRun(timed, f.configuration(), 1, "run " + (other + 1) + " in a JVM of its own did "
                        + "not compute the oracle's results (its fingerprint differs; how many outputs differ was not counted)"));
            } else {
                kept.add(new FlinkEngineRun(timed, f.configuration(), f.differences(), f.firstDifference()));
            }
        }
        return kept;
    }

    /** {@code engineId}'s timings from its own JVM, checked to be one per repeat; its warm-up runs go to {@code warmupRuns}. */
    private static EngineTimings timeApart(String engineId, JvmPerEngine apart, int repeats, Map<String, Integer> warmupRuns,
                                           Consumer<String> log) {
        log.accept(engineId + ": timing its runs in a JVM of its own");
        EngineTimings timings = apart.time(engineId);
        if (timings.wallNanos().size() != repeats) {
            throw new IllegalStateException(engineId + "'s own JVM timed " + timings.wallNanos().size() + " runs, not "
                    + repeats);
        }
        warmupRuns.put(engineId, timings.warmupRuns());
        return timings;
    }

    /**
     * What a {@link JvmPerEngine} runs in the new JVM: the engine {@code engineId} of {@code plan}, a
     * Flowlab engine's id or a Flink mode's engine name, {@code repeats} times over {@code plan}'s
     * trace under the same event-time contract as {@link #run} gives it (Flink on a local cluster of
     * {@code parallelism} slots started first, or on {@code remote}), after untimed runs until
     * {@code warmupNanos} have passed (none for 0; the run under way when they pass is finished),
     * as a benchmark harness's warm-up iterations: the same time for every engine, however long its runs.
     *
     * @throws InvalidInputException if the plan has no such engine
     */
    public static EngineTimings timeInThisJvm(ComparisonPlan plan, String engineId, FlinkTarget remote, int parallelism,
                                              int repeats, long warmupNanos) {
        checkParallelism(parallelism);
        checkRepeats(repeats);
        checkWarmup(warmupNanos);
        Trace trace = plan.input().trace(plan.seed());
        ComparisonPlan fair = plan.withSettings(plan.settings().withEventTime(EventTimeContract.coveringDisorder(trace)));
        List<Long> wall = new ArrayList<>();
        List<Long> flinkMillis = new ArrayList<>();
        List<String> fingerprints = new ArrayList<>();
        for (FlinkMode mode : FlinkMode.values()) {
            if (mode.engineName().equals(engineId)) {
                FlinkJob job = flinkJob(plan, trace);
                long delay = fair.settings().eventTime().watermarkDelay();
                int warmupRuns;
                if (remote != null) {
                    warmupRuns = runFlink(job, remote, parallelism, trace, mode, delay, repeats, warmupNanos, wall, flinkMillis,
                            fingerprints);
                } else {
                    try (LocalFlinkCluster cluster = LocalFlinkCluster.start(parallelism)) {
                        warmupRuns = runFlink(job, cluster, parallelism, trace, mode, delay, repeats, warmupNanos, wall,
                                flinkMillis, fingerprints);
                    }
                }
                return new EngineTimings(wall, flinkMillis, fingerprints, warmupRuns);
            }
        }
        EngineType<?> engine = plan.engines().stream().filter(e -> e.id().equals(engineId)).findFirst()
                .orElseThrow(() -> new InvalidInputException("no engine " + engineId + " in this comparison; its engines are "
                        + String.join(", ", plan.engineIds()) + ", " + FlinkMode.BATCH.engineName() + " and "
                        + FlinkMode.STREAMING.engineName()));
        // Only the engine runs here, as Comparison.replay runs it: a new job and engine each time, built
        // before its clock starts. No oracle, agreement or recommendation, which the first JVM has made and
        // which Flink's JVM makes neither.
        EngineSettings settings = fair.settings();
        fair.faults().validateFor(settings.cluster());
        int warmupRuns = warmUp(warmupNanos, () -> settings.create(engine, fair.faults(), fair.seed())
                .run(fair.job().build(trace), trace, fraction -> { }));
        for (int repeat = 1; repeat <= repeats; repeat++) {
            Job job = fair.job().build(trace);
            Engine built = settings.create(engine, fair.faults(), fair.seed());
            System.gc(); // the garbage of the runs before is not this run's
            long t0 = System.nanoTime();
            RunOutcome outcome = built.run(job, trace, fraction -> { });
            wall.add(System.nanoTime() - t0);
            flinkMillis.add(0L);
            fingerprints.add(ResultFingerprint.of(outcome.results()));
        }
        return new EngineTimings(wall, flinkMillis, fingerprints, warmupRuns);
    }

    /** Flink's runs of {@link #timeInThisJvm}: its warm-up runs, then its timed ones; returns how many warmed up. */
    private static int runFlink(FlinkJob job, FlinkTarget target, int parallelism, Trace trace, FlinkMode mode, long delay,
                                int repeats, long warmupNanos, List<Long> wall, List<Long> flinkMillis, List<String> fingerprints) {
        int warmupRuns = warmUp(warmupNanos, () -> job.run(target, parallelism, trace, mode, delay));
        for (int repeat = 1; repeat <= repeats; repeat++) {
            System.gc(); // the garbage of the runs before is not this run's
            FlinkRun run = job.run(target, parallelism, trace, mode, delay);
            wall.add(run.wallClockNanos());
            flinkMillis.add(run.flinkRuntimeMillis());
            fingerprints.add(ResultFingerprint.of(run.results()));
        }
        return warmupRuns;
    }

    /** Runs {@code run} untimed until {@code nanos} have passed (the run under way then finishes); how many ran. */
    private static int warmUp(long nanos, Runnable run) {
        int runs = 0;
        for (long start = System.nanoTime(); System.nanoTime() - start < nanos; runs++) {
            run.run();
        }
        return runs;
    }

    /**
     * Checks a warm-up time before any work.
     *
     * @throws InvalidInputException unless it is 0 to {@link #MAX_WARMUP_NANOS}
     */
    public static void checkWarmup(long nanos) {
        if (nanos < 0 || nanos > MAX_WARMUP_NANOS) {
            throw new InvalidInputException("--warmup must be at most 10m (got " + nanos / 1_000_000_000.0 + " s)");
        }
    }

    /**
     * Checks a repeat count before any work.
     *
     * @throws InvalidInputException unless it is 1 to {@value #MAX_REPEATS}
     */
    public static void checkRepeats(int repeats) {
        if (repeats < 1 || repeats > MAX_REPEATS) {
            throw new InvalidInputException("--repeat must be 1 to " + MAX_REPEATS + " (got " + repeats + ")");
        }
    }

    /**
     * {@code first} with each Flowlab engine's run replaced by its fastest of {@code repeats} runs over
     * the same trace (their simulated figures are the same: the engines are deterministic, and a
     * repeat whose results differ is a bug, reported as one); every run's wall clock goes to {@code everyRun}.
     */
    private static ComparisonResult fastestOf(ComparisonResult first, int repeats,
                                              Map<String, List<Long>> everyRun, Consumer<String> log) {
        long start = System.nanoTime();
        List<EngineRun> fastest = new ArrayList<>(first.runs());
        for (EngineRun r : fastest) {
            everyRun.computeIfAbsent(r.paradigm().id(), id -> new ArrayList<>()).add(r.wallNanos());
        }
        for (int repeat = 2; repeat <= repeats; repeat++) {
            log.accept(String.format(Locale.ROOT, "Flowlab's engines again (run %d of %d)", repeat, repeats));
            ComparisonResult again = Comparison.replay(first.plan(), first.trace(), first.oracle(),
                    ComparisonProgress.NONE, 1);
            for (int i = 0; i < fastest.size(); i++) {
                EngineRun before = fastest.get(i);
                EngineRun now = again.run(before.paradigm());
                if (!now.outcome().results().equals(before.outcome().results())) {
                    throw new IllegalStateException(before.paradigm().id() + " computed different results on run " + repeat
                            + " of the same trace: the engine is not deterministic");
                }
                everyRun.get(before.paradigm().id()).add(now.wallNanos());
                if (now.wallNanos() < before.wallNanos()) {
                    fastest.set(i, now);
                }
            }
        }
        if (repeats == 1) {
            return first;
        }
        ComparisonResult.WallClock w = first.wallClock();
        return new ComparisonResult(first.plan(), first.settings(), first.trace(), first.job(), first.oracle(), fastest,
                first.agreement(), first.recommendation(), new ComparisonResult.WallClock(w.traceNanos(), w.oracleNanos(),
                        w.totalNanos() + System.nanoTime() - start, w.threads()));
    }

    /** The largest parallelism Flink takes for an operator (its key groups' upper bound, 2^15). */
    static final int MAX_FLINK_PARALLELISM = 1 << 15;

    /**
     * Checks a Flink parallelism before any work.
     *
     * @throws InvalidInputException unless it is from 1 to {@link #MAX_FLINK_PARALLELISM}
     */
    public static void checkParallelism(int parallelism) {
        if (parallelism < 1 || parallelism > MAX_FLINK_PARALLELISM) {
            throw new InvalidInputException("--parallelism must be from 1 to " + MAX_FLINK_PARALLELISM
                    + ", Flink's largest (got " + parallelism + ")");
        }
    }

    private static List<FlinkEngineRun> runAll(ComparisonResult flowlab, FlinkJob job, FlinkTarget target,
                                               List<FlinkMode> modes, int parallelism, int repeats,
                                               Map<String, List<Long>> everyRun, Consumer<String> log) {
        ResultTable oracle = job.expected(flowlab.oracle());
        List<FlinkEngineRun> runs = new ArrayList<>();
        for (FlinkMode mode : modes) {
            String configuration = String.format(Locale.ROOT, "%s mode, parallelism %d", mode.runtimeMode(), parallelism);
            List<Long> wallNanos = everyRun.computeIfAbsent(mode.engineName(), id -> new ArrayList<>());
            FlinkEngineRun kept = null;
            for (int repeat = 1; repeat <= repeats; repeat++) {
                log.accept(mode.engineName() + ": running " + job + " on " + target
                        + (repeats == 1 ? "" : String.format(Locale.ROOT, " (run %d of %d)", repeat, repeats)));
                FlinkRun run = job.run(target, parallelism, flowlab.trace(), mode, flowlab.settings().eventTime().watermarkDelay());
                int differences = oracle.countDifferences(run.results());
                String first = differences == 0 ? "" : oracle.diff(run.results(), 1).get(0).toString();
                FlinkEngineRun now = new FlinkEngineRun(run, configuration, differences, first);
                wallNanos.add(run.wallClockNanos());
                log.accept(String.format(Locale.ROOT, "%s: %,d outputs in %.1f s", mode.engineName(), run.results().size(),
                        run.wallClockNanos() / 1e9));
                kept = kept == null ? now : keep(kept, now);
            }
            runs.add(kept);
        }
        return runs;
    }

    /** Of two runs of one mode, the one that disagrees with the oracle, else the faster. */
    private static FlinkEngineRun keep(FlinkEngineRun a, FlinkEngineRun b) {
        if (a.agrees() != b.agrees()) {
            return a.agrees() ? b : a;
        }
        return b.run().wallClockNanos() < a.run().wallClockNanos() ? b : a;
    }
}
