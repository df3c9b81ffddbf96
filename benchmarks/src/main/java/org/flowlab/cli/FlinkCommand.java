package org.flowlab.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.flowlab.experiment.Comparison;
import org.flowlab.experiment.ComparisonPlan;
import org.flowlab.sim.registry.EngineRegistry;
import org.flowlab.experiment.FlinkComparison;
import org.flowlab.flink.FlinkTarget;
import org.flowlab.workloads.InvalidInputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code flowlab flink}: the reference run on Apache Flink. The comparison's job goes through
 * Flowlab's engines and through Flink's {@code BATCH} and {@code STREAMING} modes on the same trace;
 * every result is checked against the oracle, and the wall-clock speed of each is set side by side.
 * The run folder is compare's, with the engines {@code flink-batch} and {@code flink-streaming} added.
 *
 * <p>Picocli builds every command when the command line is built, for {@code compare} too; so this
 * class holds the options and their checks and names no Flink type, and {@link FlinkReferenceRun}
 * does the run: no Flink class is loaded unless {@code flink} runs.
 */
@Command(name = "flink", mixinStandardHelpOptions = true,
        description = {"Run a catalog job on Apache Flink (in Flink's BATCH and STREAMING runtime modes) and through "
                + "Flowlab's engines on the same generated trace: check that every engine's results equal the reference "
                + "oracle's, and set the wall-clock records per second of each side by side.",
                "Flink runs on a local MiniCluster in this JVM (its start-up timed apart), or on a running cluster with "
                        + "--jobmanager. Every engine, Flowlab's and Flink's, gets a watermark delay covering the trace's "
                        + "whole disorder, so no record is late anywhere. --faults, --checkpoint-interval, --delivery, "
                        + "--batch-interval, --microbatch-interval and --cost-profile set Flowlab's engines only (a Flink job "
                        + "on the local MiniCluster takes no checkpoints; one on a cluster, exactly-once every 2 s). Flowlab's "
                        + "engines run one at a time, so each one's wall clock is its own.",
                "Writes run.json (engines batch, microbatch, stream, flink-batch, flink-streaming), charts and report.html "
                        + "to results/runs/<yyyyMMdd-HHmmss>-<scenario>/ and updates results/index.html."},
        footer = {"", "Examples:", "  ./flowlab flink --scenario nexmark --job q5 --duration 60s --rate 10000/s",
                "  ./flowlab flink --scenario card-fraud --mode streaming --engines stream",
                "  ./flowlab flink --scenario nexmark --job q7 --repeat 3     (each engine's fastest of 3 runs in a JVM of its own)",
                "  ./flowlab flink --scenario nexmark --job q5 --repeat 3 --warmup 10s     (after 10 s of untimed runs each)",
                "  ./flowlab flink --scenario stock-ticks --jobmanager localhost:8081 --parallelism 4"})
final class FlinkCommand implements Callable<Integer> {

    /** How the runtime modes are named on the command line ({@link FlinkReferenceRun} maps them to Flink's). */
    enum Modes {
        BATCH, STREAMING, BOTH
    }

    private final EngineRegistry engines;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ComparisonOptions options;

    @Option(names = "--mode", paramLabel = "batch|streaming|both",
            description = "Flink's runtime modes to run (default: both).")
    Modes mode = Modes.BOTH;

    @Option(names = "--parallelism", paramLabel = "N",
            description = "Every Flink operator's parallelism, and the local cluster's slots (default: this machine's cores, at most 4).")
    Integer parallelism;

    @Option(names = "--repeat", paramLabel = "N",
            description = "Run every engine, Flowlab's and Flink's, N times over the same trace and report each one's fastest "
                    + "run, so that JIT warm-up and class loading are not what is compared (default: 1, a cold run; 1 to "
                    + FlinkComparison.MAX_REPEATS + "). With N above 1 each engine's runs go in a JVM of its own, as a "
                    + "benchmark harness forks one per benchmark, so no engine runs on code compiled for another; this JVM "
                    + "runs each engine once more for the results it checks (with --jobmanager every run stays in this JVM). "
                    + "run.json keeps every run's seconds.")
    int repeat = 1;

    @Option(names = "--warmup", paramLabel = "D", converter = DurationConverter.class,
            description = "Before its timed runs, run each engine untimed in its own JVM until D has passed, as a benchmark "
                    + "harness's warm-up iterations: the same time for every engine, however long its runs (default: none, "
                    + "the first run cold; at most 10m).")
    Long warmup;

    @Option(names = "--jobmanager", paramLabel = "HOST:PORT",
            description = "Run on the Flink cluster whose JobManager's REST endpoint is HOST:PORT instead of in this JVM; "
                    + "Flowlab's classes are shipped with each job.")
    String jobManager;

    @Option(names = "--deploy-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "With --jobmanager: how long a job's tasks may go without all running (waiting for free slots, "
                    + "being deployed, restarting after a failure) before flowlab cancels the job and fails the run, where Flink "
                    + "would keep it waiting (default: 2m).")
    Long deployTimeout;

    @Option(names = "--time-in-this-jvm", paramLabel = "ENGINE", hidden = true,
            description = "Internal: time only ENGINE's runs, in this JVM, and print them in one line; what each engine's "
                    + "own JVM runs when --repeat is more than 1.")
    String timeInThisJvm;

    @Option(names = "--out", paramLabel = "DIR", converter = FolderConverter.class,
            description = "Put the run folder under DIR instead of results/runs/ (DIR/index.html lists the runs in it).")
    Path out;

    FlinkCommand(EngineRegistry engines) {
        this.engines = engines;
    }

    @Override
    public Integer call() {
        if (options.noScenario()) {
            throw new InvalidInputException("flink: --scenario or --trace is required: a scenario of 'flowlab scenarios', "
                    + "a spec file or a trace file, for example --scenario nexmark --job q5");
        }
        if (options.watermarkDelay != null || options.allowedLateness != null) {
            throw new InvalidInputException("flink: every engine, Flowlab's and Flink's, is given a watermark delay covering "
                    + "the trace's disorder, so that each must equal the oracle exactly; --watermark-delay and "
                    + "--allowed-lateness are for compare and sweep");
        }
        if (options.output != null || EngineFlags.given(options.command, "early-fire") != null) {
            throw new InvalidInputException("flink: Flink's runs emit final results only, so every engine does; --output and "
                    + "--early-fire are for compare and sweep");
        }
        if (deployTimeout != null && jobManager == null) {
            throw new InvalidInputException("flink: --deploy-timeout is for a run on a cluster, with --jobmanager; "
                    + "Flink in this JVM always has the slots its jobs need");
        }
        ComparisonPlan plan = options.plan(ComparisonPlan.showcase(), engines);
        Comparison.check(plan);
        int slots = parallelism != null ? parallelism : Math.min(4, Runtime.getRuntime().availableProcessors());
        FlinkComparison.checkParallelism(slots);
        FlinkComparison.checkRepeats(repeat);
        long warmupNanos = warmup == null ? 0 : warmup;
        FlinkComparison.checkWarmup(warmupNanos);
        Duration timeout = deployTimeout == null ? FlinkTarget.JobManager.DEFAULT_DEPLOY_TIMEOUT : Duration.ofNanos(deployTimeout);
        FlinkReferenceRun run = new FlinkReferenceRun(plan, mode, slots, repeat, warmupNanos, jobManager, timeout, out);
        if (timeInThisJvm != null) {
            return run.timeInThisJvm(timeInThisJvm, spec.commandLine().getOut());
        }
        // Each engine's own JVM parses this same command line; only the standard engines are known there. On a
        // cluster Flink's modes run in its task managers' JVMs, which they share: every run stays in this JVM.
        boolean jvmPerEngine = (repeat > 1 || warmupNanos > 0) && engines == EngineRegistry.STANDARD && jobManager == null;
        if (warmupNanos > 0 && !jvmPerEngine) {
            throw new InvalidInputException("flink: --warmup runs each engine in a JVM of its own, which "
                    + (jobManager != null ? "Flink's modes on a cluster (--jobmanager) cannot have: they share its task managers"
                    : "only the standard engines can have"));
        }
        // As parsed, argument files (@file) expanded: the word 'flink' in it is the command's name.
        List<String> args = spec.root().commandLine().getParseResult().expandedArgs();
        return run.run(jvmPerEngine ? new EngineJvms(args, repeat, warmupNanos) : null, spec.commandLine().getOut());
    }
}
