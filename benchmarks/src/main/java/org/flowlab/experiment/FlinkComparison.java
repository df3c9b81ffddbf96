package org.flowlab.experiment;

import org.flowlab.sim.registry.EngineRegistry;
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
import org.flowlab.sim.engine.EventTimeContract;
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
 *         EngineRegistry.STANDARD, List.of(FlinkMode.values()), null, 2, 1, ComparisonProgress.NONE, line -> { });
 * }</pre>
 * With more than one repeat every engine, Flowlab's and Flink's, runs that many times over the same
 * trace and the fastest run of each is kept: the first runs warm the JIT, as a benchmark's warm-up
 * iterations do, so the figures compare engines rather than class loading and compilation. Every
 * repeat must compute the same results (Flowlab's are deterministic; a Flink run that disagrees with
 * the oracle is kept in preference to the fastest, so a disagreement is never hidden).
 * Every engine, Flowlab's and Flink's, is given the same event-time contract: a watermark delay
 * covering the trace's whole disorder ({@link EventTimeContract#coveringDisorder}), so that no record is late
 * anywhere and every engine's results must equal the oracle's exactly; faults are injected into
 * Flowlab's engines only.
 */
public final class FlinkComparison {

    /** The most runs of each engine one comparison may ask for. */
    public static final int MAX_REPEATS = 20;

    private FlinkComparison() {
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
     * @param log         told, a line at a time, what Flink is doing
     */
    public static FlinkComparisonResult run(ComparisonPlan plan, List<FlinkMode> modes,
                                            FlinkTarget remote, int parallelism, int repeats, ComparisonProgress progress,
                                            Consumer<String> log) {
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
        ComparisonPlan fair = plan.withSettings(plan.settings().withEventTime(EventTimeContract.coveringDisorder(replayed)));
        ComparisonResult flowlab = fastestOf(Comparison.replay(fair, replayed, traceNanos, progress, 1), repeats, everyRun, log);
        Trace trace = flowlab.trace();
        FlinkJob job = flinkJob(plan, trace);
        long t0 = System.nanoTime();
        if (remote != null) {
            List<FlinkEngineRun> runs = runAll(flowlab, job, remote, modes, parallelism, repeats, everyRun, log);
            return new FlinkComparisonResult(flowlab, runs, remote.toString(), 0, System.nanoTime() - t0, repeats, everyRun);
        }
        log.accept("starting a local Flink cluster with " + parallelism + " slots");
        List<FlinkEngineRun> runs;
        long started;
        try (LocalFlinkCluster cluster = LocalFlinkCluster.start(parallelism)) {
            started = System.nanoTime() - t0;
            runs = runAll(flowlab, job, cluster, modes, parallelism, repeats, everyRun, log);
        }
        return new FlinkComparisonResult(flowlab, runs, "a local MiniCluster in this JVM", started, System.nanoTime() - t0,
                repeats, everyRun);
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

    /**
     * Checks a Flink parallelism before any work.
     *
     * @throws InvalidInputException unless it is at least 1
     */
    public static void checkParallelism(int parallelism) {
        if (parallelism < 1) {
            throw new InvalidInputException("--parallelism must be at least 1 (got " + parallelism + ")");
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
