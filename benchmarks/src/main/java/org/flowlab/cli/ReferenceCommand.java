package org.flowlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.flowlab.experiment.Comparison;
import org.flowlab.experiment.ComparisonPlan;
import org.flowlab.experiment.ComparisonResult;
import org.flowlab.sim.registry.EngineRegistry;
import org.flowlab.experiment.Recommendation;
import org.flowlab.experiment.ReferencePlans;
import org.flowlab.experiment.Sweep;
import org.flowlab.experiment.SweepPlan;
import org.flowlab.experiment.SweepResult;
import org.flowlab.report.ComparisonReport;
import org.flowlab.report.ComparisonTable;
import org.flowlab.report.ReportFiles;
import org.flowlab.report.RunIndex;
import org.flowlab.report.RunReportJson;
import org.flowlab.report.SweepPointFiles;
import org.flowlab.report.SweepReport;
import org.flowlab.workloads.InvalidInputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code flowlab reference}: regenerates the committed reference results — the showcase comparison
 * in {@code comparison/} and the interval sweep in {@code sweep/} — from scratch (no sweep point
 * is reused). Each is built in a hidden temporary folder and put in place only when complete.
 */
@Command(name = "reference", mixinStandardHelpOptions = true,
        description = {"Regenerate results/reference/: comparison/ (the showcase of 'flowlab compare') and sweep/ (its "
                + "workload with the batch and micro-batch intervals swept from 1 s to 1 h: --vary "
                + ReferencePlans.INTERVALS + "). The README shows their charts."},
        footer = {"", "Example:", "  ./flowlab reference"})
final class ReferenceCommand implements Callable<Integer> {

    private final EngineRegistry engines;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", converter = FolderConverter.class, description = "Write the reference results to DIR instead of results/reference/.")
    Path out;

    ReferenceCommand(EngineRegistry engines) {
        this.engines = engines;
    }

    @Override
    public Integer call() {
        try {
            return regenerate();
        } catch (IOException e) {
            // A folder that cannot be made or replaced (a read-only --out, a file system that refuses): the user's to fix.
            throw InvalidInputException.cannot("write the reference results", out != null ? out
                    : ResultsLocation.root().resolve("reference"), e);
        }
    }

    private Integer regenerate() throws IOException {
        ComparisonPlan comparisonPlan = ReferencePlans.comparison().withEngines(engines.all());
        SweepPlan sweepPlan = ReferencePlans.sweep(engines);
        Comparison.check(comparisonPlan);
        Path dir = out != null ? out : ResultsLocation.root().resolve("reference");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw InvalidInputException.cannot("create the folder for reference results", dir, e);
        }
        // Both folders are replaced whole: refused now, before the runs, if they hold something else than reference results.
        requireReferenceOrAbsent(dir.resolve("comparison"), "run.json");
        requireReferenceOrAbsent(dir.resolve("sweep"), "sweep.json");
        PrintWriter w = spec.commandLine().getOut();
        Path index = ResultsLocation.index(null);

        w.println("reference comparison: the showcase");
        w.flush();
        ZonedDateTime started = ZonedDateTime.now();
        Path comparisonDir = dir.resolve("comparison");
        Path work = fresh(dir.resolve(".comparison.tmp"));
        ProgressDisplay progress = new ProgressDisplay(w, comparisonPlan.engines(), System.console() != null);
        ComparisonResult result = Comparison.run(comparisonPlan, progress);
        progress.finish();
        // Committed pages link to no index: a fresh clone has none until its first run.
        ComparisonReport.write(result, work, "reference-comparison", FlowlabVersion.current(), started, null);
        replace(comparisonDir, work);
        w.print(ComparisonTable.of(RunReportJson.read(comparisonDir.resolve("run.json"))).toText());

        w.println();
        w.println("reference sweep: --vary " + ReferencePlans.INTERVALS);
        w.flush();
        started = ZonedDateTime.now();
        Path sweepDir = dir.resolve("sweep");
        Path sweepWork = fresh(dir.resolve(".sweep.tmp"));
        SweepResult sweep = Sweep.run(sweepPlan, new SweepPointFiles(sweepWork.resolve("points")), (point, reused, done, total) -> {
            w.printf(Locale.ROOT, "%s%s: p50 %s, p99 %s, cost %s%n", SweepCommand.count(done, total), point.key(), ComparisonTable.ms(point.latency().p50Ms()),
                    ComparisonTable.ms(point.latency().p99Ms()), Recommendation.money(point.cost()));
            w.flush();
        });
        SweepReport.write(sweep, sweepWork, "reference-sweep", FlowlabVersion.current(), started, null);
        replace(sweepDir, sweepWork);
        if (out == null) {
            RunIndex.write(index, ResultsLocation.runs(null));
        }
        w.println();
        w.println("reference results: " + comparisonDir.resolve("report.html"));
        w.println("                   " + sweepDir.resolve("report.html"));
        w.flush();
        return 0;
    }

    /**
     * Refuses {@code folder} if it exists and is not reference results (a folder holding {@code marker}): replacing it
     * would delete whatever the user keeps there, in the folder given as --out.
     */
    private static void requireReferenceOrAbsent(Path folder, String marker) {
        if (Files.exists(folder, LinkOption.NOFOLLOW_LINKS)
                && !(Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS) && Files.isRegularFile(folder.resolve(marker)))) {
            throw new InvalidInputException(folder + ": holds something else than Flowlab's reference results (no "
                    + marker + "), which regenerating them would delete; choose another --out");
        }
    }

    /** An empty folder at {@code dir}, whatever was there. */
    private static Path fresh(Path dir) throws IOException {
        ReportFiles.deleteTree(dir);
        Files.createDirectories(dir);
        return dir;
    }

    /** Puts the finished {@code work} folder in {@code target}'s place. */
    private static void replace(Path target, Path work) throws IOException {
        ReportFiles.deleteTree(target);
        Files.move(work, target);
    }
}
