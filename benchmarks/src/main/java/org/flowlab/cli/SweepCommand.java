package org.flowlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.flowlab.experiment.Comparison;
import org.flowlab.sim.registry.EngineRegistry;
import org.flowlab.experiment.Recommendation;
import org.flowlab.experiment.SustainableThroughput;
import org.flowlab.experiment.Sweep;
import org.flowlab.experiment.SweepParameter;
import org.flowlab.experiment.SweepPlan;
import org.flowlab.experiment.SweepPoint;
import org.flowlab.experiment.SweepProgress;
import org.flowlab.experiment.SweepResult;
import org.flowlab.experiment.Variation;
import org.flowlab.report.ComparisonTable;
import org.flowlab.report.MadeFolders;
import org.flowlab.report.RunIndex;
import org.flowlab.report.SweepPointFiles;
import org.flowlab.report.SweepReport;
import org.flowlab.workloads.InvalidInputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code flowlab sweep}: a comparison repeated over ranges of parameters, or a search for each
 * engine's sustainable throughput. The sweep's folder is named after a hash of its arguments, so
 * running the same command again finds it and reads back every finished point.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Run a comparison over ranges of parameters: every combination of the --vary values is a point; each "
                + "engine runs once per combination of the values that concern it (the stream once for a sweep of batch "
                + "intervals). With --find sustainable-throughput, bisect per engine the highest input rate at which the "
                + "backlog stays bounded (within " + (int) SustainableThroughput.PRECISION_PERCENT + " %%).",
                "Parameters: batch-interval, microbatch-interval, interval (both at once), rate, workers, checkpoint-interval, "
                        + "early-fire (the stream's, with --output updates), watermark-delay, allowed-lateness, task-mtbf "
                        + "(each worker's mean time between task failures), key-skew (Zipf exponent of the key "
                        + "distribution). With --trace, rate and key-skew (which generate the trace again) and --find are "
                        + "not allowed.",
                "Writes results/sweeps/<scenario>-<hash of the arguments>/: one file per finished point in points/, then "
                        + "sweep.json, charts and report.html. Rerun the same command to resume an interrupted sweep.",
                "Engine runs go on all processors at once (--threads); the files are the same as one at a time."},
        footer = {"", "Examples:",
                "  ./flowlab sweep --scenario stock-ticks --vary interval=1s..1h:6:log",
                "  ./flowlab sweep --scenario nexmark --job q5 --engines stream --vary checkpoint-interval=1s..1m:4:log --vary workers=2..8:4",
                "  ./flowlab sweep --scenario card-fraud --duration 1h --vary rate=50/s..800/s:5:log --sla 1m --budget 2",
                "  ./flowlab sweep --scenario retail-etl --vary key-skew=0.5..1.5:3 --threads 1",
                "  ./flowlab sweep --scenario stock-ticks --duration 2m --find sustainable-throughput",
                "  ./flowlab sweep --trace nexmark.jsonl --job q5 --vary interval=1s..1m:4:log"})
final class SweepCommand implements Callable<Integer> {

    static final String SUSTAINABLE_THROUGHPUT = "sustainable-throughput";

    private final EngineRegistry engines;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ComparisonOptions options;

    @Option(names = "--vary", paramLabel = "PARAM=FROM..TO[:STEPS][:log]",
            description = "A parameter and its range: STEPS values (default " + Variation.DEFAULT_STEPS + "), evenly spaced "
                    + "or on a log scale; repeat for more parameters.")
    List<String> vary = new ArrayList<>();

    @Option(names = "--find", paramLabel = SUSTAINABLE_THROUGHPUT,
            description = "Search each engine's sustainable throughput instead of running the points as they are.")
    String find;

    @Option(names = "--out", paramLabel = "DIR", converter = FolderConverter.class, description = "Put the sweep's folder under DIR instead of results/sweeps/.")
    Path out;

    @Option(names = "--threads", paramLabel = "N",
            description = "Run up to N engine runs at once, 1 to " + Sweep.MAX_THREADS + " (default: this machine's processors); 1 "
                    + "runs them one after another. Every file the sweep writes is the same whatever N, but for its wall-clock "
                    + "figures (wallClock, and each point's wallClockSeconds).")
    Integer threads;

    SweepCommand(EngineRegistry engines) {
        this.engines = engines;
    }

    @Override
    public Integer call() {
        SweepPlan plan = plan();
        Path root = out != null ? out : ResultsLocation.root().resolve("sweeps");
        Path dir = root.resolve(plan.folderName());
        Path points = dir.resolve("points");
        // The highest folder this sweep makes: taken away again if the sweep fails before it keeps a point.
        Path made = MadeFolders.highestMissing(points);
        try {
            Files.createDirectories(points);
        } catch (IOException e) {
            throw InvalidInputException.cannot("create the sweep's folder", dir, e);
        }
        try {
            return run(plan, dir);
        } catch (RuntimeException | Error e) {
            MadeFolders.removeEmpty(points, made); // points kept so far stay, for the next run to read back
            throw e;
        }
    }

    private Integer run(SweepPlan plan, Path dir) {
        PrintWriter w = spec.commandLine().getOut();
        ZonedDateTime started = ZonedDateTime.now();
        String headline = String.format(Locale.ROOT, "sweep %s: %d point%s × engines %s%s", dir, plan.grid().size(),
                plan.grid().size() == 1 ? "" : "s", String.join(", ", plan.base().engineIds()),
                plan.findSustainableThroughput() ? ", searching sustainable throughput" : "");
        SweepResult result = Sweep.run(plan, new SweepPointFiles(dir.resolve("points")), new SweepProgress() {
            @Override
            public void started() {
                // Once the first input is made: a spec its generator refuses is refused before this line.
                w.println(headline);
                w.flush();
            }

            @Override
            public void finished(SweepPoint point, boolean reused, int done, int total) {
                w.print(count(done, total));
                if (point.failed()) {
                    w.printf(Locale.ROOT, "%-8s %s: %s — %s%n", reused ? "kept" : "computed", point.key(),
                            point.failure().cell() + ", at " + ComparisonTable.ms(point.failure().atMs()),
                            point.failure().reason());
                } else {
                    w.printf(Locale.ROOT, "%-8s %s: p50 %s, p99 %s, cost %s%s%s%n", reused ? "kept" : "computed", point.key(),
                            ComparisonTable.ms(point.latency().p50Ms()), ComparisonTable.ms(point.latency().p99Ms()),
                            Recommendation.money(point.cost()), point.backlogGrew() ? ", backlog grows" : "",
                            point.correct() ? "" : ", results differ ✗");
                }
                w.flush();
            }
        }, threads());
        Path index = ResultsLocation.index(null);
        String indexHref = out == null ? RunIndexLink.from(dir, index) : null;
        SweepReport.write(result, dir, FlowlabVersion.current(), started, indexHref);
        if (out == null) {
            RunIndex.write(index, ResultsLocation.runs(null));
        }
        w.println();
        for (SustainableThroughput.Result s : result.sustainable()) {
            w.printf(Locale.ROOT, "sustainable throughput of %s: %s%s%n", s.paradigm().label(),
                    s.rateText(), s.boundText());
        }
        result.recommendation().ifPresent(r -> CompareCommand.printRecommendation(w, r));
        w.println();
        w.printf(Locale.ROOT, "%d engine runs: %d computed now, %d read back%n", result.points().size(), result.computed(),
                result.reused());
        w.println("report: " + dir.resolve("report.html"));
        w.flush();
        return 0;
    }

    /** The number of engine runs at once: --threads, or every processor. */
    private int threads() {
        return threads != null ? threads : Runtime.getRuntime().availableProcessors();
    }

    /** {@code   3/14 }: the point's count, right-aligned to the total's width; without a total, the count alone. */
    static String count(int done, int total) {
        return total == 0 ? String.format(Locale.ROOT, "  %d ", done)
                : String.format(Locale.ROOT, "  %" + String.valueOf(total).length() + "d/%d ", done, total);
    }

    /** The plan, checked at every point before anything is written. */
    SweepPlan plan() {
        if (options.noScenario()) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "Missing required option: '--scenario=NAME|FILE' or '--trace=FILE'");
        }
        if (find != null && !find.equals(SUSTAINABLE_THROUGHPUT)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--find: unknown goal '" + find + "'; known: " + SUSTAINABLE_THROUGHPUT);
        }
        Sweep.checkThreads(threads());
        List<Variation> variations = new ArrayList<>();
        for (String v : vary) {
            variations.add(Variation.parse(v, engines));
        }
        SweepPlan plan = new SweepPlan(options.plan(null, engines), variations, find != null);
        for (Map<SweepParameter, Double> values : plan.grid()) {
            Comparison.check(plan.at(values));
        }
        return plan;
    }
}
