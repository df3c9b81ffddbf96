package org.flowlab.cli;

import com.google.gson.Gson;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import org.flowlab.experiment.ComparisonPlan;
import org.flowlab.experiment.FlinkComparison;
import org.flowlab.experiment.FlinkComparisonResult;
import org.flowlab.experiment.FlinkEngineRun;
import org.flowlab.flink.FlinkMode;
import org.flowlab.flink.FlinkTarget;
import org.flowlab.report.ComparisonTable;
import org.flowlab.report.RunInput;
import org.flowlab.report.RunReport;
import org.flowlab.report.WallClockTable;
import org.flowlab.workloads.InvalidInputException;

/**
 * What {@code flowlab flink} does once its options are checked: run the comparison's job through
 * Flowlab's engines and on Flink, write the run folder and print the tables. Apart from
 * {@link FlinkCommand} so that only running {@code flink} loads Flink's classes.
 *
 * @param plan        the comparison, checked against the engines
 * @param modes       Flink's runtime modes, as named on the command line
 * @param parallelism every Flink operator's parallelism, and the local cluster's slots
 * @param repeat      how many times every engine runs over the trace, its fastest run reported
 * @param warmupNanos how long each engine runs untimed in its own JVM before its timed runs (0: none)
 * @param jobManager  HOST:PORT of a running cluster's JobManager, or null to run Flink in this JVM
 * @param deployTimeout on a cluster, how long a job's tasks may go without all running before it is cancelled
 * @param out         where the run folder goes, or null for results/runs/
 */
record FlinkReferenceRun(ComparisonPlan plan, FlinkCommand.Modes modes, int parallelism,
                         int repeat, long warmupNanos, String jobManager, Duration deployTimeout, Path out) {

    /**
     * Runs, writes the run folder and prints to {@code w}; returns the exit code. With {@code apart}, each
     * engine's repeats go in a JVM of its own.
     */
    int run(FlinkComparison.JvmPerEngine apart, PrintWriter w) {
        List<FlinkMode> flinkModes = flinkModes(modes);
        FlinkTarget.JobManager remote = jobManager == null ? null : reachable(jobManager, deployTimeout);
        ComparisonRunFolder run = ComparisonRunFolder.write(out, plan.scenario(), ZonedDateTime.now(), () -> {
            String headline = String.format(Locale.ROOT, "%s; Flowlab engines %s, then Flink %s, parallelism %d%s",
                    plan.input().headline(plan.seed()), String.join(", ", plan.engineIds()),
                    String.join(" and ", flinkModes.stream().map(FlinkMode::engineName).toList()), parallelism,
                    repeat == 1 && apart == null ? "" : "; every engine " + repeat + (repeat == 1 ? " time" : " times")
                            + (apart == null ? "" : ", in a JVM of its own") + (warmupNanos == 0 ? ""
                            : String.format(Locale.ROOT, " after %.1f s of warm-up", warmupNanos / 1e9)));
            ProgressDisplay progress = new ProgressDisplay(w, headline, plan.engines(), System.console() != null);
            FlinkComparisonResult result = FlinkComparison.run(plan, flinkModes, remote, parallelism, repeat, apart,
                    progress, line -> {
                        w.println("  " + line);
                        w.flush();
                    });
            progress.finish();
            return result;
        });
        print(w, run.result(), run.report(), run.dir());
        return 0;
    }

    /**
     * What an engine's own JVM does: times {@code engine}'s runs ({@link FlinkComparison#timeInThisJvm}) and prints
     * them to {@code w} as one line after {@link EngineJvms#MARKER}; writes no file. Returns the exit code.
     */
    int timeInThisJvm(String engine, PrintWriter w) {
        // Started by a flowlab flink that is waiting for this line: once it is gone, nobody is.
        // System.exit, not halt: a Flink cluster here cleans up its files in its shutdown hooks.
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> System.exit(1)));
        FlinkTarget.JobManager remote = jobManager == null ? null : reachable(jobManager, deployTimeout);
        FlinkComparison.EngineTimings timings = FlinkComparison.timeInThisJvm(plan, engine, remote, parallelism, repeat,
                warmupNanos);
        w.println(EngineJvms.MARKER + new Gson().toJson(timings));
        w.flush();
        return 0;
    }

    private static List<FlinkMode> flinkModes(FlinkCommand.Modes modes) {
        return switch (modes) {
            case BATCH -> List.of(FlinkMode.BATCH);
            case STREAMING -> List.of(FlinkMode.STREAMING);
            case BOTH -> List.of(FlinkMode.values());
        };
    }

    /** The cluster at {@code hostPort}; one line when it is malformed or nothing answers there, before any work. */
    private static FlinkTarget.JobManager reachable(String hostPort, Duration deployTimeout) {
        FlinkTarget.JobManager at = FlinkTarget.jobManager(hostPort, deployTimeout);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(at.host(), at.port()), 3_000);
        } catch (IOException e) {
            throw new InvalidInputException("--jobmanager " + at.host() + ":" + at.port() + ": nothing answers there ("
                    + e.getMessage() + "); start the cluster, or name its JobManager's REST endpoint (port 8081 by default)");
        }
        return at;
    }

    private static void print(PrintWriter w, FlinkComparisonResult result, RunReport report, Path dir) {
        w.printf(Locale.ROOT, "%n%s / %s: %,d events%n%n", RunInput.name(report.parameters().input(), report.scenario()),
                report.job(), report.trace().events());
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
        if (!result.warmupRuns().isEmpty()) {
            w.println("untimed warm-up runs in each engine's JVM: " + String.join(", ", result.warmupRuns().entrySet().stream()
                    .map(e -> e.getKey() + " " + e.getValue()).toList()));
        }
        w.println();
        w.println("report: " + dir.resolve("report.html"));
        w.println("run:    " + dir.resolve("run.json"));
        w.flush();
    }
}
