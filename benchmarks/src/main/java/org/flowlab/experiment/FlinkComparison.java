package org.flowlab.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.flowlab.flink.FlinkMode;
import org.flowlab.flink.FlinkRun;
import org.flowlab.flink.FlinkRunner;
import org.flowlab.flink.FlinkTarget;
import org.flowlab.flink.JobRecipe;
import org.flowlab.flink.LocalFlinkCluster;
import org.flowlab.sim.job.ResultTable;
import org.flowlab.workloads.InvalidInputException;
import org.flowlab.workloads.Trace;

/**
 * The reference run on Apache Flink: a comparison's job through Flowlab's engines and through
 * Flink's {@code BATCH} and {@code STREAMING} runtime modes on the same trace, every result checked
 * against the reference oracle, and the wall-clock time of each. Everything runs one at a time, so
 * each engine's wall-clock time is its own:
 * <pre>{@code
 * FlinkComparisonResult r = FlinkComparison.run(ComparisonPlan.of("nexmark").withJob(JobChoice.named("q5")),
 *         StandardEngines.FACTORY, List.of(FlinkMode.values()), null, 2, ComparisonProgress.NONE, line -> { });
 * }</pre>
 * Flink's watermarks trail the newest event time by the trace's whole disorder, so no record is late
 * there and its results are complete; faults are injected into Flowlab's engines only.
 */
public final class FlinkComparison {

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
            throw new InvalidInputException("flink: only catalog jobs can run on Flink (got the hand-built job "
                    + plan.job().name(plan.scenario()) + "); use FlinkRunner with a JobRecipe for your own");
        }
        return c;
    }

    /**
     * Runs {@code plan} through its Flowlab engines, one at a time, then through Flink in each of
     * {@code modes}.
     *
     * @param remote      a running cluster ({@link FlinkTarget#jobManager}), or null for a local cluster in
     *                    this JVM, started once for all modes (its start-up is timed apart)
     * @param parallelism every Flink operator's parallelism
     * @param log         told, a line at a time, what Flink is doing
     */
    public static FlinkComparisonResult run(ComparisonPlan plan, EngineFactory engines, List<FlinkMode> modes,
                                            FlinkTarget remote, int parallelism, ComparisonProgress progress,
                                            Consumer<String> log) {
        checkParallelism(parallelism);
        if (modes.isEmpty()) {
            throw new InvalidInputException("flink: name at least one runtime mode: batch, streaming");
        }
        catalogJob(plan); // a job Flink cannot run fails before Flowlab's engines run
        ComparisonResult flowlab = Comparison.run(plan, engines, progress, 1);
        Trace trace = flowlab.trace();
        JobRecipe recipe = recipe(plan, trace);
        long t0 = System.nanoTime();
        if (remote != null) {
            List<FlinkEngineRun> runs = runAll(flowlab, recipe, remote, modes, parallelism, log);
            return new FlinkComparisonResult(flowlab, runs, remote.toString(), 0, System.nanoTime() - t0);
        }
        log.accept("starting a local Flink cluster with " + parallelism + " slots");
        List<FlinkEngineRun> runs;
        long started;
        try (LocalFlinkCluster cluster = LocalFlinkCluster.start(parallelism)) {
            started = System.nanoTime() - t0;
            runs = runAll(flowlab, recipe, cluster, modes, parallelism, log);
        }
        return new FlinkComparisonResult(flowlab, runs, "a local MiniCluster in this JVM", started, System.nanoTime() - t0);
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

    private static List<FlinkEngineRun> runAll(ComparisonResult flowlab, JobRecipe recipe, FlinkTarget target,
                                               List<FlinkMode> modes, int parallelism, Consumer<String> log) {
        FlinkRunner runner = new FlinkRunner(target, parallelism);
        ResultTable oracle = flowlab.oracle();
        List<FlinkEngineRun> runs = new ArrayList<>();
        for (FlinkMode mode : modes) {
            log.accept(mode.engineName() + ": running " + recipe + " on " + target);
            FlinkRun run = runner.run(recipe, flowlab.trace(), mode);
            int differences = oracle.countDifferences(run.results());
            String first = differences == 0 ? "" : oracle.diff(run.results(), 1).get(0).toString();
            String configuration = String.format(Locale.ROOT, "%s mode, parallelism %d", mode.runtimeMode(), parallelism);
            runs.add(new FlinkEngineRun(run, configuration, differences, first));
            log.accept(String.format(Locale.ROOT, "%s: %,d outputs in %.1f s", mode.engineName(), run.results().size(),
                    run.wallClockNanos() / 1e9));
        }
        return runs;
    }
}
