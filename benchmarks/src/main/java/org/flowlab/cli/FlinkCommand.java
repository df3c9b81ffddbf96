package org.flowlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.flowlab.experiment.Comparison;
import org.flowlab.experiment.ComparisonPlan;
import org.flowlab.sim.registry.EngineRegistry;
import org.flowlab.experiment.FlinkComparison;
import org.flowlab.experiment.FlinkComparisonResult;
import org.flowlab.experiment.FlinkEngineRun;
import org.flowlab.flink.FlinkMode;
import org.flowlab.flink.FlinkTarget;
import org.flowlab.report.ComparisonTable;
import org.flowlab.report.RunReport;
import org.flowlab.report.WallClockTable;
import org.flowlab.workloads.InvalidInputException;
import org.flowlab.workloads.text.DurationText;
import org.flowlab.workloads.text.RateText;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code flowlab flink}: the reference run on Apache Flink. The comparison's job goes through
 * Flowlab's engines and through Flink's {@code BATCH} and {@code STREAMING} modes on the same trace;
 * every result is checked against the oracle, and the wall-clock speed of each is set side by side.
 * The run folder is compare's, with the engines {@code flink-batch} and {@code flink-streaming} added.
 */
@Command(name = "flink", mixinStandardHelpOptions = true,
        description = {"Run a catalog job on Apache Flink (in Flink's BATCH and STREAMING runtime modes) and through "
                + "Flowlab's engines on the same generated trace: check that every engine's results equal the reference "
                + "oracle's, and set the wall-clock records per second of each side by side.",
                "Flink runs on a local MiniCluster in this JVM (its start-up timed apart), or on a running cluster with "
                        + "--jobmanager. Every engine, Flowlab's and Flink's, gets a watermark delay covering the trace's "
                        + "whole disorder, so no record is late anywhere; --faults apply to Flowlab's engines only. Flowlab's engines run one at a time, so each one's "
                        + "wall clock is its own.",
                "Writes run.json (engines batch, microbatch, stream, flink-batch, flink-streaming), charts and report.html "
                        + "to results/runs/<yyyyMMdd-HHmmss>-<scenario>/ and updates results/index.html."},
        footer = {"", "Examples:", "  ./flowlab flink --scenario nexmark --job q5 --duration 60s --rate 10000/s",
                "  ./flowlab flink --scenario card-fraud --mode streaming --engines stream",
                "  ./flowlab flink --scenario nexmark --job q7 --repeat 3     (each engine's fastest of 3 runs: warm figures)",
                "  ./flowlab flink --scenario stock-ticks --jobmanager localhost:8081 --parallelism 4"})
final class FlinkCommand implements Callable<Integer> {

    /** How the runtime modes are named on the command line. */
    enum Modes {
        BATCH(List.of(FlinkMode.BATCH)), STREAMING(List.of(FlinkMode.STREAMING)), BOTH(List.of(FlinkMode.values()));

        final List<FlinkMode> modes;

        Modes(List<FlinkMode> modes) {
            this.modes = modes;
        }
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
                    + FlinkComparison.MAX_REPEATS + "). run.json keeps every run's seconds.")
    int repeat = 1;

    @Option(names = "--jobmanager", paramLabel = "HOST:PORT",
            description = "Run on the Flink cluster whose JobManager's REST endpoint is HOST:PORT instead of in this JVM; "
                    + "Flowlab's classes are shipped with each job.")
    String jobManager;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Put the run folder under DIR instead of results/runs/ (DIR/index.html lists the runs in it).")
    Path out;

    FlinkCommand(EngineRegistry engines) {
        this.engines = engines;
    }

    @Override
    public Integer call() {
        if (options.noScenario()) {
            throw new InvalidInputException("flink: --scenario is required: a scenario of 'flowlab scenarios' or a spec "
                    + "file, for example --scenario nexmark --job q5");
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
        ComparisonPlan plan = options.plan(ComparisonPlan.showcase(), engines);
        Comparison.check(plan);
        int slots = parallelism != null ? parallelism : Math.min(4, Runtime.getRuntime().availableProcessors());
        FlinkComparison.checkParallelism(slots);
        FlinkComparison.checkRepeats(repeat);
        FlinkTarget.JobManager remote = jobManager == null ? null : reachable(jobManager);
        PrintWriter w = spec.commandLine().getOut();
        ComparisonRunFolder run = ComparisonRunFolder.write(out, plan.scenario(), ZonedDateTime.now(), () -> {
            w.printf(Locale.ROOT, "%s, seed %d: %s of event time at %s; Flowlab engines %s, then Flink %s, parallelism %d%s%n",
                    plan.scenario(), plan.seed(), DurationText.format(plan.workload().duration()),
                    RateText.format(plan.workload().rate()), String.join(", ", plan.engineIds()),
                    String.join(" and ", mode.modes.stream().map(FlinkMode::engineName).toList()), slots,
                    repeat == 1 ? "" : "; every engine " + repeat + " times");
            w.flush();
            ProgressDisplay progress = new ProgressDisplay(w, plan.engines(), System.console() != null);
            FlinkComparisonResult result = FlinkComparison.run(plan, mode.modes, remote, slots, repeat, progress,
                    line -> {
                        w.println("  " + line);
                        w.flush();
                    });
            progress.finish();
            return result;
        });
        print(w, run.result(), run.report(), run.dir());
        return 0;
    }

    /** The cluster at {@code hostPort}; one line when it is malformed or nothing answers there, before any work. */
    private static FlinkTarget.JobManager reachable(String hostPort) {
        FlinkTarget.JobManager at = FlinkTarget.jobManager(hostPort);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(at.host(), at.port()), 3_000);
        } catch (IOException e) {
            throw new InvalidInputException("--jobmanager " + at.host() + ":" + at.port() + ": nothing answers there ("
                    + e.getMessage() + "); start the cluster, or name its JobManager's REST endpoint (port 8081 by default)");
        }
        return at;
    }

    private static void print(PrintWriter w, FlinkComparisonResult result, RunReport report, Path dir) {
        w.printf(Locale.ROOT, "%n%s / %s: %,d events%n%n", report.scenario(), report.job(), report.trace().events());
        w.print(ComparisonTable.of(report).toText());
        w.println();
        if (result.resultsAgree()) {
            w.printf(Locale.ROOT, "results agree ✓ (Flowlab's engines and Flink's modes all equal the reference oracle, %,d outputs)%n",
                    report.agreement().oracleOutputs());
        } else {
            w.println("results differ ✗ — " + String.join("; ", report.agreement().differences()));
        }
        w.println();
        w.printf(Locale.ROOT, "wall clock on this machine (Flink on %s%s):%n", result.target(),
                result.clusterStartNanos() > 0 ? String.format(Locale.ROOT, ", started in %.1f s", result.clusterStartNanos() / 1e9) : "");
        w.print(WallClockTable.of(report).toText());
        for (FlinkEngineRun f : result.flink()) {
            w.printf(Locale.ROOT, "%s: Flink's own run time %.2f s of %.2f s from submitting to the last result%n", f.engine(),
                    f.run().flinkRuntimeMillis() / 1e3, f.run().wallClockNanos() / 1e9);
        }
        w.println();
        w.println("report: " + dir.resolve("report.html"));
        w.println("run:    " + dir.resolve("run.json"));
        w.flush();
    }
}
